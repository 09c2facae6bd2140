/**
 * Compound annual growth rate.
 *
 * Inputs: `last` x_T and `base` x_b in the same unit (non-negative); `years` = T − b (> 0).
 * Output: '% per year'.
 * Formula: CAGR = ((x_T / x_b)^(1/(T−b)) − 1) · 100
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, invalidInput, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const CAGR_UNIT = '% per year';

export function cagr(last: number | null, base: number | null, years: number, where?: Where): Computed {
  const why = 'a growth rate compares quantities that cannot be negative';
  checkNonNegative('last value', last, where, why);
  checkNonNegative('base value', base, where, why);
  if (typeof years !== 'number' || !Number.isFinite(years) || years <= 0) {
    throw invalidInput(
      `number of years is ${String(years)}`,
      where,
      'T − b > 0 (the last period after the base period)',
      'pass the number of years between the base and the last period',
    );
  }
  const formula = ['((', term(last), ' ÷ ', term(base), ')^(1/', years, ') − 1) × 100'];
  if (last === null || base === null) return missingResult(CAGR_UNIT, formula, missingReason([['last value', last], ['base value', base]]));
  if (base === 0) throw divisionByZero('base value', where);
  return { value: finiteResult((Math.pow(last / base, 1 / years) - 1) * 100, 'compound annual growth rate', where), unit: CAGR_UNIT, formula };
}
