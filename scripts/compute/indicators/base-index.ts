/**
 * Base-year index (the seed papers' column "2019 y. in % by 2015 y.").
 *
 * Inputs: `current` x_t and `base` x_b, in the same unit (any non-negative quantity).
 * Output: '% of base year' (100 scale: 182.2 means 182.2 %).
 * Formula: I_t/b = x_t / x_b · 100
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const BASE_INDEX_UNIT = '% of base year';

export function baseIndex(current: number | null, base: number | null, where?: Where): Computed {
  const why = 'an index compares quantities that cannot be negative';
  checkNonNegative('current value', current, where, why);
  checkNonNegative('base value', base, where, why);
  const formula = [term(current), ' ÷ ', term(base), ' × 100'];
  if (current === null || base === null) return missingResult(BASE_INDEX_UNIT, formula, missingReason([['current value', current], ['base value', base]]));
  if (base === 0) throw divisionByZero('base value', where);
  return { value: finiteResult((current / base) * 100, 'base index', where), unit: BASE_INDEX_UNIT, formula };
}
