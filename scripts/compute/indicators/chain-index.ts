/**
 * Chain (year-on-year) index.
 *
 * Inputs: `current` x_t and `previous` x_(t−1), in the same unit (non-negative).
 * Output: '% of previous year' (100 scale).
 * Formula: I_t/t−1 = x_t / x_(t−1) · 100
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const CHAIN_INDEX_UNIT = '% of previous year';

export function chainIndex(current: number | null, previous: number | null, where?: Where): Computed {
  const why = 'an index compares quantities that cannot be negative';
  checkNonNegative('current value', current, where, why);
  checkNonNegative('previous value', previous, where, why);
  const formula = [term(current), ' ÷ ', term(previous), ' × 100'];
  if (current === null || previous === null) return missingResult(CHAIN_INDEX_UNIT, formula, missingReason([['current value', current], ['previous value', previous]]));
  if (previous === 0) throw divisionByZero('previous value', where);
  return { value: finiteResult((current / previous) * 100, 'chain index', where), unit: CHAIN_INDEX_UNIT, formula };
}
