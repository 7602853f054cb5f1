/**
 * What a rewrite changed, sentence by sentence, as our layers see it: sourcing dropped, added or
 * changed in kind; hedges removed and certainty added; figures changed; a place's spelling
 * switched (spellings.ts); persuasion techniques added; and, for the article, whether it credits its origin.
 */
import type { AlignedSentence, Span } from './align.js';
import { credits } from './clusters.js';
import { certaintyIn, hedgesIn } from './hedges.js';
import type { Attribution } from '../core/schema.js';
import { type ArticleLayers, layersOf, sourceKindOf, sourceOf } from './layers.js';
import { figuresIn, isFigure } from './numbers.js';
import type { ChangeKind } from './schema.js';
import { eitherNamer, linkedNames, switchedSpellings, type PlaceNamer } from './spellings.js';
import { words } from './words.js';

export type { ChangeKind };

export interface Change {
  kind: ChangeKind;
  origin: Span | null;
  rewrite: Span | null;
  message: string;
  evidence?: Record<string, unknown>;
}

const q = (text: string, s: Span, max = 60) => {
  const t = text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
};

export interface RewritePair {
  origin: ArticleLayers;
  rewrite: ArticleLayers;
  originOutlet?: string | null;
  /** the gazetteer's reading of names, for places the entity layer did not link; the articles' own links are always used */
  names?: PlaceNamer;
}

export function changesOf(pair: RewritePair, alignment: readonly AlignedSentence[]): Change[] {
  const { origin: o, rewrite: r } = pair;
  const linked = linkedNames(o, r);
  const names = pair.names ? eitherNamer(linked, pair.names) : linked;
  const out: Change[] = [];
  // the rewrite sentences of each origin sentence: one split in two has two, and its source stays
  // the claim's when it is in either part ("..., Saucier said." + "–Fox News")
  const partsOf = new Map<number, Span[]>();
  for (const a of alignment) if (a.origin && a.rewrite) partsOf.set(a.origin.start, [...(partsOf.get(a.origin.start) ?? []), a.rewrite]);
  for (const a of alignment) {
    if (a.kind === 'added' && a.rewrite) out.push(...techniquesAdded(o, r, null, a.rewrite));
    if (a.kind !== 'changed' || !a.origin || !a.rewrite) continue;
    const [os, rs] = [a.origin, a.rewrite];
    const [ol, rl] = [layersOf(o, os), layersOf(r, rs)];
    const parts = partsOf.get(os.start)!;

    const [ok, rk] = [sourceKindOf(ol), sourceKindOf(rl)];
    // a contraction holds its pronoun: "he’s" names "he"
    const rewriteWords = new Set(
      parts.flatMap((p) => words(r.text, p.start, p.end)).flatMap((w) => (w.w.includes("'") ? [w.w, w.w.slice(0, w.w.indexOf("'"))] : [w.w])),
    );
    const originWords = new Set(words(o.text, os.start, os.end).map((w) => w.w));
    const within = (x: Span, s: Span) => x.start >= s.start && x.end <= s.end;
    const rewriteAttributions = parts.flatMap((p) =>
      layersOf(r, p).attributions.filter((x) => x.source && within(x.source, p) && !namesNobody(r.text, x.source)),
    );
    const dropped = ol.attributions.find(
      (x) =>
        x.source &&
        within(x.source, os) &&
        !namesNobody(o.text, x.source) &&
        !folded(o.text, x.source).every(isFigure) &&
        !reread(o.text, x, r.text, rewriteAttributions) &&
        !stillSaid(o.text, x, rewriteWords, originWords, o.names),
    );
    // a source the rewrite names in this sentence in words of its own; attributions the stage reads
    // in words the origin sentence also had ("The FBI made a mistake", once "…, Comey said") are
    // no source the rewrite gave the claim
    const newSource = rewriteAttributions.some((x) => folded(r.text, x.source!).some((w) => !originWords.has(w)));
    if (dropped && !newSource) {
      const src = dropped.source!;
      out.push({
        kind: 'attribution-dropped',
        origin: { start: src.start, end: src.end },
        rewrite: rs,
        message: `The origin attributes this to ${q(o.text, src)} (${src.kind}); the rewrite states it with no source.`,
        evidence: { sourceKind: src.kind, source: o.text.slice(src.start, src.end) },
      });
    } else if (!ok && rk) {
      const src = sourceOf(rl)!.source!;
      out.push({ kind: 'attribution-added', origin: os, rewrite: { start: src.start, end: src.end }, message: `The rewrite attributes this to ${q(r.text, src)} (${rk}); the origin gives no source.` });
    } else if (ok && rk && ok !== rk) {
      out.push({ kind: 'source-kind-changed', origin: os, rewrite: rs, message: `The source changed from ${ok} to ${rk}.`, evidence: { from: ok, to: rk } });
    }

    const kept = new Set(hedgesIn(r.text, rs).map((h) => h.term));
    for (const h of hedgesIn(o.text, os)) {
      if (kept.has(h.term)) continue;
      out.push({ kind: 'hedge-removed', origin: { start: h.start, end: h.end }, rewrite: rs, message: `The hedge “${h.term}” of the origin is gone from the rewrite.`, evidence: { hedge: h.term } });
    }
    const had = new Set(certaintyIn(o.text, os).map((c) => c.term));
    for (const c of certaintyIn(r.text, rs)) {
      if (had.has(c.term)) continue;
      out.push({ kind: 'certainty-added', origin: os, rewrite: { start: c.start, end: c.end }, message: `The rewrite adds “${c.term}”, presenting the claim as established.`, evidence: { marker: c.term, originSourceKind: ok, originSource: ok ? o.text.slice(sourceOf(ol)!.source!.start, sourceOf(ol)!.source!.end) : null } });
    }

    const rf = figuresIn(r.text, rs);
    for (const f of figuresIn(o.text, os)) {
      if (!f.counts || rf.some((g) => g.counts === f.counts && g.value === f.value)) continue;
      const g = rf.find((x) => x.counts === f.counts);
      if (!g) continue;
      out.push({
        kind: 'number-changed',
        origin: { start: f.start, end: f.end },
        rewrite: { start: g.start, end: g.end },
        message: `${q(o.text, { start: f.start, end: f.end })} ${f.counts} in the origin became ${q(r.text, { start: g.start, end: g.end })}.`,
        evidence: { from: f.value, to: g.value, counts: f.counts },
      });
    }

    for (const { from, to, place } of switchedSpellings(o, os, r, rs, names)) {
      const id = place.geonamesId === null ? 'a region of our own list' : `GeoNames ${place.geonamesId}`;
      out.push({
        kind: 'spelling-switched',
        origin: from,
        rewrite: to,
        message: `${q(o.text, from)} in the origin is spelled ${q(r.text, to)} in the rewrite (one place: ${place.name}, ${id}).`,
        evidence: { from: o.text.slice(from.start, from.end), to: r.text.slice(to.start, to.end), geonamesId: place.geonamesId, place: place.name },
      });
    }

    out.push(...techniquesAdded(o, r, os, rs));
  }

  if (pair.originOutlet) {
    const credited = credits(r.text, pair.originOutlet);
    out.push({
      kind: credited ? 'origin-credited' : 'origin-uncited',
      origin: null,
      rewrite: null,
      message: credited ? `The rewrite credits ${pair.originOutlet}.` : `The rewrite copies ${pair.originOutlet} without naming it.`,
      evidence: { outlet: pair.originOutlet },
    });
  }
  return out;
}

/**
 * "It has been confirmed that", "this is reported": no one; nor is a source the attribution stage
 * cut down to a determiner ("the", "those").
 */
const NOBODY = new Set(['it', 'this', 'that', 'these', 'those', 'the', 'a', 'an', 'which', 'who']);
const namesNobody = (text: string, s: Span) => folded(text, s).every((w) => NOBODY.has(w));

/** The words of a span, widened to whole words (a source may start inside one: "Ł|ukaszenko"). */
function folded(text: string, s: Span): string[] {
  let start = s.start;
  while (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) start--;
  let end = s.end;
  while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]!)) end++;
  return words(text, start, end).filter((w) => w.end <= end).map((w) => w.w);
}

/**
 * The rewrite still gives the claim this source when the attribution stage finds, in the rewrite
 * sentence, an attribution with the same head noun ("a source in…" -> "a source within…") or the
 * same cue ("the government sought" -> "the administration sought").
 */
function reread(originText: string, a: Attribution, rewriteText: string, rewrite: readonly Attribution[]): boolean {
  const head = folded(originText, a.source!).at(-1);
  const cue = a.cue ? folded(originText, a.cue).join(' ') : undefined;
  return rewrite.some((x) => folded(rewriteText, x.source!).at(-1) === head || (cue !== undefined && x.cue !== undefined && folded(rewriteText, x.cue).join(' ') === cue));
}

/**
 * English verbs of reporting, in the forms news uses, that a rewriting desk puts for "said" (the
 * attribution stage misses some after a quote: "…," stated X).
 */
const SAYING = new Set(
  (
    'say says said state states stated tell tells told declare declares declared announce announces announced add adds added ' +
    'note notes noted claim claims claimed report reports reported explain explains explained insist insists insisted ' +
    'inform informs informed write writes wrote tweet tweets tweeted post posts posted according warn warns warned ' +
    'caution cautions cautioned stress stresses stressed emphasise emphasises emphasised emphasize emphasizes emphasized ' +
    'urge urges urged argue argues argued assert asserts asserted suggest suggests suggested confirm confirms confirmed ' +
    'deny denies denied allege alleges alleged acknowledge acknowledges acknowledged admit admits admitted reveal reveals ' +
    'revealed maintain maintains maintained contend contends contended predict predicts predicted describe describes ' +
    'described accuse accuses accused vow vows vowed pledge pledges pledged promise promises promised threaten threatens ' +
    'threatened concede concedes conceded recall recalls recalled repeat repeats repeated reiterate reiterates reiterated ' +
    'comment comments commented respond responds responded reply replies replied ask asks asked demand demands demanded ' +
    'estimate estimates estimated observe observes observed remark remarks remarked mention mentions mentioned'
  ).split(' '),
);

const ARTICLES = new Set(['a', 'an', 'the']);
const PREPOSITIONS = new Set('in of on at to for from by with as into within inside near over under about'.split(' '));

/** Words around a cue's verb that a rewrite may change without changing who says so. */
const CUE_PARTICLES = new Set(
  'also has have had is are was were be been will would then still now again reportedly allegedly apparently to about of on for that with by in'.split(' '),
);

/**
 * Or when the stage read the rewrite differently but its words still give the source: a word of
 * the source is there ("prompted many parents to consider" -> "numerous parents"; "Israeli
 * officials said" -> "Israeli authorities stated") and so is a word of the cue ("talked about" ->
 * "talked roughly") or a verb of saying the origin sentence did not have ("said" -> "stated").
 */
function stillSaid(
  originText: string,
  a: Attribution,
  rewriteWords: ReadonlySet<string>,
  originWords: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): boolean {
  const source = folded(originText, a.source!).filter((w) => !ARTICLES.has(w));
  // a source that stands for a named entity ("He", "the ministry") is also named by that name: a
  // person by the surname ("Lukashenko" for "He" = Aleksander Lukashenko), anything else in full
  const name = a.source!.entityId ? names.get(a.source!.entityId) : undefined;
  if (name) {
    const ws = words(name).map((w) => w.w);
    const by = a.source!.kind === 'named-person' ? ws.slice(-1) : ws.filter((w) => !ARTICLES.has(w));
    if (by.length > 0 && by.every((w) => rewriteWords.has(w))) return true;
  }
  // a word of the source other than a preposition ("a source in" shares "in" with any sentence)
  if (!source.some((w) => !PREPOSITIONS.has(w) && rewriteWords.has(w))) return false;
  // a name, or a phrase of two words or more, still there in full is still the source, whatever
  // the verb became ("The Tax Policy Center plans" -> "intends"); one common noun is not ("the
  // campaign told USA TODAY" -> "her last campaign speech")
  const named = /\p{Lu}/u.test(originText.slice(a.source!.start, a.source!.end)) || source.length > 1;
  if (named && source.every((w) => rewriteWords.has(w))) return true;
  const cue = a.cue ? folded(originText, a.cue).filter((w) => !CUE_PARTICLES.has(w)) : [];
  if (cue.length === 0 || cue.some((w) => rewriteWords.has(w))) return true;
  return [...rewriteWords].some((w) => SAYING.has(w) && !originWords.has(w));
}

/** Techniques in a rewrite sentence whose words were not in the origin sentence. */
function techniquesAdded(o: ArticleLayers, r: ArticleLayers, os: Span | null, rs: Span): Change[] {
  const before = os ? new Set(words(o.text, os.start, os.end).map((w) => w.w)) : new Set<string>();
  const techniquesBefore = os ? new Set(layersOf(o, os).techniques.map((t) => t.technique)) : new Set<string>();
  const out: Change[] = [];
  for (const t of layersOf(r, rs).techniques) {
    if (t.start < rs.start || t.end > rs.end) continue;
    const ws = words(r.text, t.start, t.end).filter((w) => w.end <= t.end);
    const fresh = ws.filter((w) => !before.has(w.w)).length;
    if (ws.length === 0 || fresh * 2 < ws.length) continue;
    if (techniquesBefore.has(t.technique) && fresh < ws.length) continue;
    out.push({
      kind: 'technique-added',
      origin: os,
      rewrite: { start: t.start, end: t.end },
      message: `The rewrite adds ${q(r.text, t)}, not in the origin, which the technique detector reads as ${t.technique.replace(/_/g, ' ').replace(',', ', ')} (confidence ${t.confidence.toFixed(2)}).`,
      evidence: { technique: t.technique, confidence: t.confidence },
    });
  }
  return out;
}
