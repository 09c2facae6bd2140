/**
 * Cumulative index from annual (chain) indices, e.g. physical-volume indices.
 *
 * Input: `annualIndices` i_(b+1) … i_T, each '% of previous year' (100 scale, ≥ 0), in order.
 *   The base year's own annual index (vs the year before it) is NOT part of the list.
 * Output: '% of base year' (100 scale).
 * Formula: I_T/b = Π_(t=b+1..T) (i_t / 100) · 100  =  i_(b+1) × … × i_T ÷ 100^(n−1)
 *
 * Dividing two annual indices (i_T / i_b · 100) is not a cumulative index; seed 000 Table 1 does that.
 */
import type { Computed, Term, Where } from './types.ts';
import { checkNonNegative, checkNotEmpty, MAX_LISTED_TERMS, missingResult, superscript, term } from './guards.ts';

export const CUMULATIVE_INDEX_UNIT = '% of base year';

export function cumulativeIndex(annualIndices: readonly (number | null)[], where?: Where): Computed {
  checkNotEmpty('annual indices', annualIndices, where);
  annualIndices.forEach((v, i) => checkNonNegative(`annual index ${i + 1} of ${annualIndices.length}`, v, where, 'indices are ≥ 0'));
  const n = annualIndices.length;
  const formula: Term[] = [];
  if (n > MAX_LISTED_TERMS) {
    formula.push(`Π of ${n} annual indices`, ` ÷ 100${superscript(n - 1)}`);
  } else {
    annualIndices.forEach((v, i) => {
      if (i > 0) formula.push(' × ');
      formula.push(term(v));
    });
    if (n > 1) formula.push(` ÷ 100${superscript(n - 1)}`);
  }
  const gaps = annualIndices.flatMap((v, i) => (v === null ? [i + 1] : []));
  if (gaps.length > 0) {
    return missingResult(
      CUMULATIVE_INDEX_UNIT,
      formula,
      `annual ${gaps.length === 1 ? 'index' : 'indices'} ${gaps.join(', ')} of ${n} ${gaps.length === 1 ? 'is' : 'are'} missing: the chain is broken`,
    );
  }
  // i_(b+1) × Π_(t>b+1) (i_t / 100): the same product, exact for one index and for indices of 100.
  const [first, ...rest] = annualIndices as number[];
  let value = first as number;
  for (const v of rest) value *= v / 100;
  return { value, unit: CUMULATIVE_INDEX_UNIT, formula };
}
