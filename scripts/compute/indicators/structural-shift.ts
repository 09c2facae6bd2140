/**
 * Structural shift between two periods (linear index of absolute structural shifts).
 *
 * Input: components with their values in the base period b and the last period T (non-negative,
 *   same unit within a period). Values are turned into shares of their period's total first, so
 *   published shares can be passed as they are (normalising shares leaves them unchanged, and a
 *   rounding gap in their sum is absorbed).
 * Output: 'percentage points' of the whole that moved between components (0 … 100).
 * Formula: D = ½ Σ_k |s_k,T − s_k,b|, with s_k = x_k / Σ_j x_j · 100
 */
import type { Computed, Term, Where } from './types.ts';
import { checkComponents, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const STRUCTURAL_SHIFT_UNIT = 'percentage points';

export interface StructuralShiftComponent {
  key: string;
  base: number | null;
  last: number | null;
}

export function structuralShift(components: readonly StructuralShiftComponent[], where?: Where): Computed {
  checkComponents('base-period components', components.map((c) => ({ key: c.key, value: c.base })), where);
  checkComponents('last-period components', components.map((c) => ({ key: c.key, value: c.last })), where);
  const absent = components.flatMap((c) => [
    ...(c.base === null ? [`"${c.key}" in the base period`] : []),
    ...(c.last === null ? [`"${c.key}" in the last period`] : []),
  ]);
  if (absent.length > 0) {
    return missingResult(
      STRUCTURAL_SHIFT_UNIT,
      ['½ × Σ |s_T − s_b|'],
      `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the shares are unknown`,
    );
  }
  const base = components.map((c) => c.base as number);
  const last = components.map((c) => c.last as number);
  const baseTotal = sum(base);
  const lastTotal = sum(last);
  if (baseTotal === 0) throw divisionByZero('base-period total', where, 'all components are 0 in the base period: check the data table');
  if (lastTotal === 0) throw divisionByZero('last-period total', where, 'all components are 0 in the last period: check the data table');
  const sb = base.map((v) => (v / baseTotal) * 100);
  const sT = last.map((v) => (v / lastTotal) * 100);
  let total = 0;
  const formula: Term[] = ['½ × ('];
  sT.forEach((s, i) => {
    const b = sb[i] as number;
    total += Math.abs(s - b);
    if (i > 0) formula.push(' + ');
    formula.push('|', term(s), ' − ', term(b), '|');
  });
  formula.push(')');
  return {
    value: total / 2,
    unit: STRUCTURAL_SHIFT_UNIT,
    formula: components.length > MAX_LISTED_TERMS ? [`½ × Σ |s_T − s_b| over ${components.length} components`] : formula,
  };
}
