/**
 * Every layer an analyzer can add, by name, with its type. The interface is empty here: each
 * layer's folder adds its own entry in its schema.ts by declaration merging
 * (`declare module '../core/layers.js' { interface Layers { times: TimeExpr[] } }`), so a new
 * layer edits no file in core.
 */
export interface Layers {}
export type LayerName = keyof Layers;
