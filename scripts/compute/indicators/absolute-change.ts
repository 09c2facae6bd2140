/**
 * Absolute change between two periods.
 *
 * Inputs: `last` x_T and `base` x_b, both in `unit` (the table's unit; may be negative).
 * Output: `unit`.
 * Formula: Δ = x_T − x_b
 */
import type { Computed, Where } from './types.ts';
import { checkNumber, missingReason, missingResult, term, finiteResult } from './guards.ts';

export function absoluteChange(last: number | null, base: number | null, unit: string, where?: Where): Computed {
  checkNumber('last value', last, where);
  checkNumber('base value', base, where);
  const formula = [term(last), ' − ', term(base)];
  if (last === null || base === null) return missingResult(unit, formula, missingReason([['last value', last], ['base value', base]]));
  return { value: finiteResult(last - base, 'absolute change', where), unit, formula };
}
