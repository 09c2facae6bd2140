/**
 * Growth rate (rate of increase) between two periods.
 *
 * Inputs: `last` x_T and `base` x_b, in the same unit (non-negative).
 * Output: '%' (5 means +5 %; −100 means the quantity fell to 0).
 * Formula: g = (x_T / x_b − 1) · 100
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const GROWTH_RATE_UNIT = '%';

export function growthRate(last: number | null, base: number | null, where?: Where): Computed {
  const why = 'a growth rate compares quantities that cannot be negative';
  checkNonNegative('last value', last, where, why);
  checkNonNegative('base value', base, where, why);
  const formula = ['(', term(last), ' ÷ ', term(base), ' − 1) × 100'];
  if (last === null || base === null) return missingResult(GROWTH_RATE_UNIT, formula, missingReason([['last value', last], ['base value', base]]));
  if (base === 0) throw divisionByZero('base value', where);
  return { value: finiteResult((last / base - 1) * 100, 'growth rate', where), unit: GROWTH_RATE_UNIT, formula };
}
