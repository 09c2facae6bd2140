/**
 * The shared contract of every indicator in this folder.
 *
 * - Inputs are plain numbers in the units each function states; a missing figure is `null`.
 * - Missing values propagate: when an input the result needs is `null`, the result's `value` is
 *   `null` and `missing` says why. `null` is never treated as 0.
 * - Every function returns a `Computed` (or a structure of them) whose `formula` repeats the
 *   computation with the actual inputs, so the reader can check it ("182.2 = 157.4 ÷ 86.4 × 100").
 * - Invalid inputs (NaN, a negative area, an empty list, …) and a division by zero throw an
 *   `IndicatorError` naming the table, row and period given in `where`.
 * - Functions are pure: no I/O, no mutation of their inputs, no rounding of the result.
 */

/** A piece of a formula: numbers are actual inputs or intermediate results, strings are operators or words. */
export type Term = number | string;

export interface Computed {
  /** The result, unrounded; `null` when an input it needs is missing. */
  value: number | null;
  /** Unit of the result, e.g. '% of base year', '%', 'c/ha', 'ratio', 'percentage points'. */
  unit: string;
  /**
   * The computation with the actual inputs, without the result, e.g. `[157.4, ' ÷ ', 86.4, ' × 100']`.
   * The caller prepends the (rounded) result and ' = ', and formats the numbers for the locale.
   * A missing input appears as `MISSING_TERM`.
   */
  formula: Term[];
  /** Why `value` is null. Present exactly when `value` is null. */
  missing?: string;
}

/** A `Computed` that belongs to one component of a structure (a crop, a sector, a region, a unit). */
export type KeyedComputed = Computed & { key: string };

/**
 * Where the inputs come from, so an error can tell the author which cell to fix. `period` names
 * the period the message should point at: for a division by zero, the period of the value that is
 * zero (the base year of a base index, the previous year of a chain index).
 */
export interface Where {
  table?: string;
  row?: string;
  period?: string;
  file?: string;
}

/** One named value of a structure: a sector of a region, a crop of a harvest, a region of a country. */
export interface Component {
  key: string;
  value: number | null;
}

/** How a missing input is shown inside a `formula` (the statistical tables' sign for "no data"). */
export const MISSING_TERM = '…';
