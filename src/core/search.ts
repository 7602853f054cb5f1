/**
 * Binary search over sorted spans, tokens and the like: the index of the first item for which
 * `before(item)` is false, given that it is true for a prefix of `sorted` (a lower bound).
 * `lowerBound(tokens, (t) => t.end <= start)` is the first token that ends after `start`.
 */
export function lowerBound<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
