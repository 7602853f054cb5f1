/**
 * Hand-made Analyses for the renderer and schema tests: every layer filled, spans located by
 * searching the text (so the offsets cannot drift from the wording). The `hostile` variant puts
 * markup and script payloads into the article text and into strings from the analysis; a safe
 * renderer shows them as inert text.
 */
import { SCHEMA_VERSION, type Analysis, type Span } from '../core/schema.js';
import { VERSION } from '../version.js';
import { techniqueMessage } from '../techniques/message.js';

/** The payloads set `window.__pwned` (or the title) if they ever run. */
export const PAYLOADS = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=2</script>',
  link: '<a href="javascript:window.__pwned=3">',
  closeScript: '</script><script>window.__pwned=4;document.title="pwned"</script>',
} as const;

export function fixtureAnalysis(opts: { hostile?: boolean } = {}): Analysis {
  const h = opts.hostile ?? false;
  const person = h ? `Oleh ${PAYLOADS.img}Petrenko` : 'Oleh Petrenko';
  const outlet = h ? `${PAYLOADS.script}Ukrinform` : 'Ukrinform';
  const loaded = h ? `${PAYLOADS.link}monsters</a>` : 'monsters';
  const izium = h ? `Izium${PAYLOADS.closeScript}` : 'Izium';
  const text =
    `Kharkiv, 14 December. The regional governor ${person} said on Saturday that shelling hit the city ` +
    `overnight, according to the news agency ${outlet}.\n` +
    `"They are ${loaded} who will stop at nothing," he told reporters. A source in the security services ` +
    `claimed that 300 soldiers had been deployed near ${izium} in March.\n` +
    `Everyone knows the truth: the enemy is always lying.`;

  /** The span of the n-th (0-based) occurrence of `part` in the text. */
  const at = (part: string, n = 0): Span => {
    let start = -1;
    for (let i = 0; i <= n; i++) start = text.indexOf(part, start + 1);
    if (start < 0) throw new Error(`fixture: '${part}' not in text`);
    return { start, end: start + part.length };
  };
  const he = { start: at('he told').start, end: at('he told').start + 2 };
  const withText = (s: Span) => ({ ...s, text: text.slice(s.start, s.end) });
  const sentenceEnds = ['December.', `${outlet}.`, 'reporters.', 'in March.', 'lying.'];
  let from = 0;
  const sentences = sentenceEnds.map((end) => {
    const stop = text.indexOf(end, from) + end.length;
    const s = { start: text.slice(from).search(/\S/) + from, end: stop };
    from = stop;
    return s;
  });

  const kharkivCandidates = [
    { geonamesId: 706483, name: 'Kharkiv', countryCode: 'UA', admin1: '07', lat: 49.98, lon: 36.25, population: 1430885, score: 0.93, reasons: ['exact name', 'largest population'] },
  ];
  const iziumCandidates = [
    { geonamesId: 707688, name: 'Izium', countryCode: 'UA', admin1: '07', lat: 49.21, lon: 37.26, population: 45000, score: 0.41, reasons: ['transliteration', 'same region as Kharkiv'] },
    { geonamesId: 555312, name: 'Izyum', countryCode: 'RU', lat: 55.1, lon: 38.9, score: 0.37, reasons: ['alternate name'] },
  ];
  const title = h ? '<script>document.title="pwned"</script>Shelling report' : 'Shelling hits Kharkiv overnight';

  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'unspin', version: VERSION },
    document: {
      id: 'f1x7a3e0c0ffee00',
      text,
      title,
      language: 'en',
      publishedAt: '2025-12-15',
      publishedAtSource: 'option',
      url: h ? 'javascript:window.__pwned=5' : 'https://example.org/news/kharkiv',
      outlet: h ? '<b onmouseover="window.__pwned=6">Example News</b>' : 'Example News',
      byline: 'A. Writer',
      source: { kind: 'text', path: 'examples/fixture.txt' },
    },
    sentences,
    entities: [
      {
        id: 'e1', type: 'place', name: 'Kharkiv', mentions: [{ ...withText(at('Kharkiv')), kind: 'name' }],
        place: { geonamesId: 706483, name: 'Kharkiv', lat: 49.98, lon: 36.25, countryCode: 'UA', confidence: 0.93, matchedBy: 'exact', candidates: kharkivCandidates },
      },
      {
        id: 'e2', type: 'person', name: person, role: 'regional governor', confidence: 0.9,
        mentions: [{ ...withText(at(person)), kind: 'name' }, { ...withText(he), kind: 'pronoun', confidence: 0.7 }],
      },
      { id: 'e3', type: 'outlet', name: outlet, mentions: [withText(at(outlet))] },
      {
        id: 'e4', type: 'place', name: izium, mentions: [withText(at(izium))],
        place: { geonamesId: 707688, name: 'Izium', lat: 49.21, lon: 37.26, countryCode: 'UA', confidence: 0.41, matchedBy: 'transliteration', note: 'two towns share the name', candidates: iziumCandidates },
      },
      { id: 'e5', type: 'organization', name: 'security services', mentions: [withText(at('security services'))] },
    ],
    attributions: [
      {
        id: 'a1',
        source: { ...withText(at(person)), kind: 'named-person', entityId: 'e2' },
        cue: withText(at('said')),
        content: at('on Saturday that shelling hit the city overnight'),
        via: [{ name: outlet, entityId: 'e3' }],
        mode: 'indirect',
        confidence: 0.8,
      },
      {
        id: 'a2',
        source: { ...withText(he), kind: 'named-person', entityId: 'e2', refersTo: 'a1' },
        cue: withText(at('told')),
        content: at(`They are ${loaded} who will stop at nothing`),
        mode: 'direct',
      },
      {
        id: 'a3',
        source: { ...withText(at('A source in the security services')), kind: 'anonymous' },
        cue: withText(at('claimed')),
        content: at(`300 soldiers had been deployed near ${izium} in March`),
        mode: 'indirect',
      },
    ],
    sourcing: {
      byKind: { 'named-person': 2, anonymous: 1 },
      factualSentences: 3,
      unattributedShare: 0.33,
      anonymousOrCollectiveShare: 0.33,
      namedSources: [person],
      outlets: [outlet],
    },
    times: [
      { ...withText(at('14 December')), type: 'DATE', value: '2025-12-14', precision: 'day', anchored: true },
      { ...withText(at('Saturday')), type: 'DATE', value: '2025-12-13', precision: 'day', anchored: true },
      { ...withText(at('overnight')), type: 'TIME', value: null, precision: 'partial' },
      { ...withText(at('in March')), type: 'DATE', value: '2025-03', precision: 'month', anchored: true },
    ],
    techniques: [
      { technique: 'Name_Calling,Labeling', ...at(loaded), confidence: 0.86, cues: ['dehumanising noun for a group'], rules: ['label'] },
      { technique: 'Loaded_Language', ...at(`They are ${loaded} who will stop at nothing`), confidence: 0.62, cues: ['stop at nothing'], rules: ['model'] },
      { technique: 'Bandwagon,Reductio_ad_hitlerum', ...at('Everyone knows the truth'), confidence: 0.55, cues: ['everyone knows'], rules: ['model'] },
      { technique: 'Name_Calling,Labeling', ...at('the enemy'), confidence: 0.48, rules: ['model'] },
    ].map((span) => techniqueMessage(text, span)),
    events: [
      {
        id: 'v1', type: 'shelling', ...at('shelling hit the city overnight'),
        trigger: withText(at('shelling')),
        actors: [{ text: 'the enemy', role: 'attacker' }],
        placeEntityId: 'e1',
        time: { value: '2025-12-13', ...at('Saturday'), precision: 'day' },
        summary: 'shelling hit Kharkiv overnight',
        attributionId: 'a1',
      },
      {
        id: 'v2', type: 'deployment', ...at(`300 soldiers had been deployed near ${izium}`),
        trigger: withText(at('deployed')),
        actors: [{ text: '300 soldiers', role: 'deployed', side: 'UA' }],
        placeEntityId: 'e4',
        time: { value: '2025-03', ...at('in March'), precision: 'month', partial: true },
        attributionId: 'a3',
        subtype: 'presence',
        side: 'UA',
      },
    ],
    findings: [
      {
        rule: 'date-weekday-mismatch', source: 'findings', severity: 'warning',
        message: h ? 'The date <i onclick="window.__pwned=7">14 December</i> is not a Saturday' : "'14 December' (2025-12-14) and 'Saturday' (2025-12-13) disagree",
        spans: [at('14 December'), at('Saturday')],
        evidence: { dateline: '2025-12-14', weekday: 'Saturday' },
      },
      {
        rule: 'anonymous-source', source: 'findings', severity: 'info', message: 'A claim rests on an anonymous source',
        spans: [at('A source in the security services')],
      },
    ],
    layers: [
      { layer: 'sentences', analyzer: 'sentences', version: 1, ms: 1.2 },
      { layer: 'entities', analyzer: 'entities', version: 1, model: { name: 'ner.bin', sha256: '0'.repeat(64) }, ms: 3.4 },
    ],
    timings: [
      { analyzer: 'sentences', ms: 1.2 },
      { analyzer: 'entities', ms: 3.4 },
    ],
    cut: [{ rule: 'time-budget', source: 'pipeline', severity: 'warning', message: 'events-deep', spans: [], evidence: { analyzer: 'events-deep', layer: 'events-deep' } }],
    warnings: [{ rule: 'no-byline', source: 'ingest', severity: 'warning', message: 'no byline found', spans: [] }],
    credits: ['GeoNames (geonames.org), CC-BY 4.0: place names and coordinates'],
  };
}
