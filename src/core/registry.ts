/**
 * Orders a list of analyzers by what they declare (spaCy's requires/assigns): each runs after
 * the analyzers adding the layers it requires or reads when present. A layer added twice, a
 * requirement no analyzer adds, or a cycle is a clear error when the list is first used, not a
 * silent misreading. Among analyzers free to run, the list's own order is kept, so the order of
 * the registry is the order of the report's fields.
 */
import type { AnyAnalyzer } from './analyzer.js';
import type { LayerName } from './layers.js';

export class RegistryError extends Error {}

const ordered = new WeakMap<readonly AnyAnalyzer[], readonly AnyAnalyzer[]>();

/** The analyzers in an order that honours their dependencies (checked once per list). */
export function orderAnalyzers(analyzers: readonly AnyAnalyzer[]): readonly AnyAnalyzer[] {
  let order = ordered.get(analyzers);
  if (!order) ordered.set(analyzers, (order = sortByDependencies(analyzers)));
  return order;
}

function sortByDependencies(analyzers: readonly AnyAnalyzer[]): AnyAnalyzer[] {
  const adder = new Map<LayerName, AnyAnalyzer>();
  for (const a of analyzers) {
    const other = adder.get(a.adds);
    if (other) throw new RegistryError(`analyzers '${other.name}' and '${a.name}' both add the layer '${a.adds}'`);
    adder.set(a.adds, a);
  }
  for (const a of analyzers) {
    const missing = a.requires.filter((layer) => !adder.has(layer));
    if (missing.length > 0) {
      throw new RegistryError(`analyzer '${a.name}' requires ${missing.map((l) => `'${l}'`).join(', ')}, which no analyzer in the pipeline adds`);
    }
  }
  const before = (a: AnyAnalyzer) =>
    [...a.requires, ...(a.optional ?? [])].flatMap((layer) => {
      const dep = adder.get(layer);
      return dep ? [dep] : [];
    });

  // depth-first, visiting the list in its order: a dependency is placed before the first analyzer needing it
  const out: AnyAnalyzer[] = [];
  const state = new Map<AnyAnalyzer, 'visiting' | 'done'>();
  const visit = (a: AnyAnalyzer, path: AnyAnalyzer[]) => {
    const seen = state.get(a);
    if (seen === 'done') return;
    if (seen === 'visiting') {
      const cycle = [...path.slice(path.indexOf(a)), a].map((x) => x.name).join(' -> ');
      throw new RegistryError(`analyzers depend on each other in a cycle: ${cycle}`);
    }
    state.set(a, 'visiting');
    for (const dep of before(a)) visit(dep, [...path, a]);
    state.set(a, 'done');
    out.push(a);
  };
  for (const a of analyzers) visit(a, []);
  return out;
}

