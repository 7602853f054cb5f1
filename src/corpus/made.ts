/**
 * What made a stored Analysis, as one short string kept beside it: each layer with the analyzer,
 * version and model (a sha256 prefix) that made it, and the analyzers cut from that run. Articles
 * analysed by the same unspin share it, so `reanalyze` groups the store by it and reads only the
 * articles whose string names a layer the current analyzers would make differently.
 *
 *   "entities=entities@2#af5f372b1b486e93 places=places@2 -findings"
 */
import type { AnyAnalyzer } from '../core/analyzer.js';
import type { Analysis } from '../core/schema.js';

export interface LayerMaker {
  analyzer: string;
  version: number;
  /** the model file's sha256, first 16 hex digits, when one was recorded */
  model?: string;
}

export interface Made {
  layers: Map<string, LayerMaker>;
  /** analyzers that did not run (time budget spent, or an input missing) */
  cut: Set<string>;
}

const MODEL_PREFIX = 16;

export function madeBy(analysis: Pick<Analysis, 'layers' | 'cut'>): string {
  const layers = [...analysis.layers]
    .sort((a, b) => (a.layer < b.layer ? -1 : a.layer > b.layer ? 1 : 0))
    .map((p) => `${p.layer}=${p.analyzer}@${p.version}${p.model ? `#${p.model.sha256.slice(0, MODEL_PREFIX)}` : ''}`);
  // "places (time budget of 5000 ms spent)" -> "-places"
  const cut = [...new Set(analysis.cut.map((c) => c.message.split(' ')[0]!))].sort().map((name) => `-${name}`);
  return [...layers, ...cut].join(' ');
}

export function parseMade(made: string): Made {
  const result: Made = { layers: new Map(), cut: new Set() };
  for (const part of made.split(' ')) {
    if (part === '') continue;
    if (part.startsWith('-')) {
      result.cut.add(part.slice(1));
      continue;
    }
    const m = /^([^=]+)=([^@]+)@(\d+)(?:#([0-9a-f]+))?$/.exec(part);
    if (m) result.layers.set(m[1]!, { analyzer: m[2]!, version: Number(m[3]), ...(m[4] ? { model: m[4] } : {}) });
  }
  return result;
}

/**
 * The layers the current analyzers would make differently: made by another analyzer or version,
 * or with another model; one no current analyzer makes; or one a new analyzer makes that the run
 * neither made nor cut. A layer cut for time is not stale: what changed is the code, not the budget.
 */
export function staleLayers(made: Made, analyzers: readonly AnyAnalyzer[]): string[] {
  const stale: string[] = [];
  for (const a of analyzers) {
    const before = made.layers.get(a.adds);
    if (!before) {
      if (!made.cut.has(a.name)) stale.push(a.adds);
      continue;
    }
    if (before.analyzer !== a.name || before.version !== a.version) stale.push(a.adds);
    // as the runner decides reuse: a model recorded then must be the same file now
    else if (before.model && before.model !== a.model?.stamp().sha256.slice(0, MODEL_PREFIX)) stale.push(a.adds);
  }
  const current = new Set<string>(analyzers.map((a) => a.adds));
  for (const layer of made.layers.keys()) if (!current.has(layer)) stale.push(layer);
  return stale;
}
