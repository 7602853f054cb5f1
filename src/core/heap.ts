/**
 * A full collection once the heap has grown by this much since the last: V8 collects lazily under
 * a heap limit of gigabytes, so the garbage of work on a large article (a 5 MB text makes hundreds
 * of MB a stage, and as much again writing its report) piles up, and resident memory grew to
 * 1.2 GB for a live heap of 250 MB. A collection is a fraction of a second beside such work. Used
 * by the analysis worker between stages and by the report writers between pieces.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const COLLECT_AFTER_BYTES = 128 * 1024 * 1024;
let gc: (() => void) | undefined | null = null;
let collectedAt = 0;

/** `bytes`: how much the heap may grow between collections (the writers, whose garbage is all short-lived, take less). */
export function collectIfGrown(bytes = COLLECT_AFTER_BYTES): void {
  if (gc === null) {
    // exposed on first use only, so that merely loading this module changes nothing
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as (() => void) | undefined;
  }
  const used = getHeapStatistics().used_heap_size;
  if (!gc || used - collectedAt < bytes) return;
  gc();
  collectedAt = getHeapStatistics().used_heap_size;
}
