/**
 * Herfindahl–Hirschman index of concentration.
 *
 * Input: the components x_1 … x_n of one period (non-negative, same unit); shares are computed
 *   from them (pass shares in % as they are: normalising them changes nothing).
 * Output: 'ratio', from 1/n (all components equal) to 1 (one component holds everything).
 * Formula: HHI = Σ_k (s_k / 100)², with s_k = x_k / Σ_j x_j · 100
 */
import type { Component, Computed, Term, Where } from './types.ts';
import { checkComponents, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const HHI_UNIT = 'ratio';

export function hhi(components: readonly Component[], where?: Where): Computed {
  checkComponents('components', components, where);
  const absent = components.filter((c) => c.value === null).map((c) => `"${c.key}"`);
  if (absent.length > 0) {
    return missingResult(
      HHI_UNIT,
      ['Σ (s_k / 100)²'],
      `component ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the shares are unknown`,
    );
  }
  const values = components.map((c) => c.value as number);
  const total = sum(values);
  if (total === 0) throw divisionByZero('total of the components', where, 'all components are 0, so there is no structure to measure: check the data table');
  const fractions = values.map((v) => v / total);
  const formula: Term[] = [];
  if (fractions.length > MAX_LISTED_TERMS) formula.push(`Σ (s_k / 100)² of ${fractions.length} shares`);
  else
    fractions.forEach((f, i) => {
      if (i > 0) formula.push(' + ');
      formula.push(term(f), '²');
    });
  return { value: sum(fractions.map((f) => f * f)), unit: HHI_UNIT, formula };
}
