/** How the benches write their figures, one way in every table: seconds, ratios, medians. */

/** Milliseconds as seconds with one decimal: `12.3 s`. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A ratio with two decimals: `1.34×`; `n/a` when it is not a number. */
export const times = (ratio: number) => (Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a');

/** The middle value; of an even count, the mean of the middle two (two rounds give their mean, not the better one); NaN of none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2 : (sorted[Math.floor(mid)] ?? NaN);
}
