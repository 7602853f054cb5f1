/**
 * `unspin places NAME [--context TEXT] [--json]`: the gazetteer candidates for a name and why,
 * for a user checking a place by hand. The context text supplies what an article would: the
 * countries, regions and other places it names.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readingFolder } from './reading.js';
import { UsageError, UserError } from '../core/errors.js';
import { formatGeoScore, readGeoCorpus, type Resolution } from '../eval/geo.js';
import { evaluatePlaces } from '../geo/evaluate.js';
import { auditPlaceFindings, formatPlaceAudit } from '../geo/audit.js';
import { sharedPath } from '../core/paths.js';
import type { Entity, PlaceLink } from '../core/schema.js';
import { countryName } from '../geo/countries.js';
import { loadGazetteer } from '../geo/gazetteer.js';
import { linkPlaces } from '../geo/link.js';
import { spotPlaces } from '../geo/spot.js';
import { drawSample, formatGoldScore, parseGold, placeMentions, scoreGold } from '../geo/warnews-gold.js';

/** The link for `name`, read in `context`: the name is appended to the context if absent. */
export function checkPlace(name: string, context = ''): { link: PlaceLink; contextPlaces: string[] } {
  const gaz = loadGazetteer();
  const at = context.indexOf(name);
  const text = at >= 0 ? context : context ? `${context}\n\n${name}` : name;
  const start = at >= 0 ? at : text.length - name.length;
  const target: Entity = { id: 'query', type: 'place', name, mentions: [{ start, end: start + name.length }] };
  const others = spotPlaces(context, gaz).filter((e) => e.name !== name);
  return { link: linkPlaces(text, [target, ...others], { gazetteer: gaz })['query']!, contextPlaces: others.map((e) => e.name) };
}

function formatLink(name: string, link: PlaceLink, contextPlaces: string[]): string {
  const lines: string[] = [];
  const where = link.countryCode && countryName(link.countryCode) !== link.name ? `, ${countryName(link.countryCode)}` : '';
  const id = link.geonamesId === null ? 'no GeoNames id' : `GeoNames ${link.geonamesId}`;
  lines.push(`${name} -> ${link.lat === null ? 'no place found' : `${link.name}${where} (${id})`}  confidence ${link.confidence.toFixed(2)}${link.matchedBy ? `  [${link.matchedBy}]` : ''}`);
  if (link.note) lines.push(`  note: ${link.note}`);
  if (contextPlaces.length) lines.push(`  context places: ${contextPlaces.join(', ')}`);
  (link.candidates ?? []).forEach((c, i) => {
    const cid = c.geonamesId === null ? (c.kind ?? 'region') : `GeoNames ${c.geonamesId}`;
    const label = c.kind === 'country' ? c.name : `${c.name}, ${countryName(c.countryCode)}${c.admin1 ? ` (admin1 ${c.admin1})` : ''}`;
    lines.push(`  ${i + 1}. ${label}  ${cid}  ${c.lat.toFixed(4)},${c.lon.toFixed(4)}  score ${c.score.toFixed(3)}`);
    lines.push(`     ${c.reasons.join('; ')}`);
  });
  return `${lines.join('\n')}\n`;
}

async function warnewsGold(opts: { warnewsGold?: string; warnewsDraw?: string; dir: string; n: number; seed: number; json?: boolean }): Promise<void> {
  const progress = (done: number, total: number) => done % 50 === 0 && process.stderr.write(`${done}/${total} articles\n`);
  if (opts.warnewsDraw) {
    const mentions = await readingFolder(() => placeMentions(opts.dir, undefined, progress), `cannot read the warnews articles in ${opts.dir}`);
    const drawn = drawSample(mentions, { n: opts.n, seed: opts.seed });
    const settlements = mentions.filter((m) => m.settlement).length;
    writeFileSync(opts.warnewsDraw, `${JSON.stringify(drawn.map((d) => ({ ...d, gold: null, note: '' })), null, 1)}\n`);
    process.stdout.write(`${drawn.length} of ${settlements} settlement mentions (${mentions.length} place mentions) drawn with seed ${opts.seed} into ${opts.warnewsDraw}\n`);
    return;
  }
  let gold;
  try {
    gold = parseGold(readFileSync(opts.warnewsGold!, 'utf8'), opts.warnewsGold);
  } catch (err) {
    throw new UserError((err as NodeJS.ErrnoException).code === 'ENOENT' ? `cannot read ${opts.warnewsGold}` : (err as Error).message);
  }
  const mentions = await readingFolder(() => placeMentions(opts.dir, gold.map((g) => g.file)), `cannot read the warnews articles in ${opts.dir}`);
  const score = scoreGold(gold, mentions);
  const name = opts.warnewsGold!.split(/[\\/]/).pop() ?? opts.warnewsGold!;
  process.stdout.write(opts.json ? `${JSON.stringify(score, null, 2)}\n` : `${formatGoldScore(score, name)}\n`);
}

function readCorpus(path: string) {
  let xml: string;
  try {
    xml = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read ${path}`);
  }
  const articles = readGeoCorpus(xml);
  if (articles.length === 0) throw new UserError(`${path} has no <article> with a <text>: not a geoparsing corpus (LGL, TR-News)`);
  return articles;
}

export function registerPlaces({ program, evaluate }: { program: Command; evaluate: Command }): void {
  evaluate
    .command('places')
    .description('score recognition and resolution of places on a geoparsing corpus (LGL, TR-News XML), or on our hand-resolved warnews sample (test/gold/places)')
    .option('--corpus <file>', 'XML corpus with gold toponyms, e.g. ../shared/data/geo/lgl.xml')
    .option('--warnews-gold <file>', 'score the links of a hand-resolved warnews sample (JSON: file, start, end, surface, gold), e.g. test/gold/places/warnews.json')
    .option('--warnews-draw <file>', 'draw a sample of settlement mentions from the warnews articles to resolve by hand (JSON, no links shown)')
    .option('--dir <dir>', 'the warnews articles', sharedPath('data', 'warnews', 'articles'))
    .option('--n <n>', 'with --warnews-draw: mentions to draw', (v) => Number(v), 100)
    .option('--seed <n>', 'with --warnews-draw: the seed of the draw', (v) => Number(v), 6)
    .option('--json', 'print the scores as JSON')
    .option('--errors <file>', 'write each resolved gold toponym with its error (TSV), for reading mistakes')
    .option('--no-affiliations', 'with --corpus: score place mentions only, not the demonyms ("Russian", "Georgian") the corpus annotates as toponyms of their country')
    .action(async (opts: { corpus?: string; warnewsGold?: string; warnewsDraw?: string; dir: string; n: number; seed: number; json?: boolean; errors?: string; affiliations: boolean }) => {
      const given = [opts.corpus, opts.warnewsGold, opts.warnewsDraw].filter(Boolean).length;
      if (given !== 1) throw new UsageError('give one of --corpus FILE.xml, --warnews-gold FILE.json or --warnews-draw FILE.json');
      if (opts.warnewsGold || opts.warnewsDraw) return void (await warnewsGold(opts));
      const articles = readCorpus(opts.corpus!);
      const resolved: Resolution[] = [];
      const score = evaluatePlaces(articles, opts.errors ? (r) => resolved.push(r) : undefined, { affiliations: opts.affiliations });
      if (opts.errors) {
        const rows = resolved.map((r) =>
          [r.article, r.gold.start, r.gold.phrase, r.gold.geonamesId, r.predicted.geonamesId ?? '', Math.round(r.km), r.predicted.confidence].join('\t'),
        );
        writeFileSync(opts.errors, `article\tstart\tphrase\tgold id\tpredicted id\tkm\tconfidence\n${rows.join('\n')}\n`);
      }
      const name = opts.corpus!.split(/[\\/]/).pop() ?? opts.corpus!;
      process.stdout.write(opts.json ? `${JSON.stringify(score, null, 2)}\n` : `${formatGeoScore(score, name)}\n`);
    });

  evaluate
    .command('place-findings')
    .description('run the pipeline on a folder of real articles and list every place-out-of-region and toponym-variants finding (false-alarm audit)')
    .option('--dir <dir>', 'folder of .txt articles', sharedPath('data', 'warnews', 'articles'))
    .option('--json', 'print the audit as JSON')
    .action(async (opts: { dir: string; json?: boolean }) => {
      const audit = await readingFolder(() => auditPlaceFindings(opts.dir, (done, total) => done % 50 === 0 && process.stderr.write(`${done}/${total} articles\n`)), `cannot read ${opts.dir}`);
      process.stdout.write(opts.json ? `${JSON.stringify(audit, null, 2)}\n` : `${formatPlaceAudit(audit)}\n`);
    });

  program
    .command('places')
    .description('look a place name up in the gazetteer: candidates, scores and reasons')
    .argument('<name>', 'the place name, in any spelling (Kharkov, Kharkiv, Харків...)')
    .option('--context <text>', 'text around the name (countries, regions and places it names count)')
    .option('--json', 'print the link as JSON')
    .action((name: string, opts: { context?: string; json?: boolean }) => {
      if (!name.trim()) throw new UsageError('give a place name');
      const { link, contextPlaces } = checkPlace(name.trim(), opts.context ?? '');
      process.stdout.write(opts.json ? `${JSON.stringify(link, null, 2)}\n` : formatLink(name.trim(), link, contextPlaces));
    });
}
