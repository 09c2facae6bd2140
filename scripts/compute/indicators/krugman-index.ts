/**
 * Krugman specialisation index of a region.
 *
 * Inputs: the region's sector values e_ir and the reference's sector values E_i (same keys, one
 *   measure, non-negative). Each list is turned into shares of its own sum (e_r, E).
 * Output: 'ratio', 0 (the same structure as the reference) … 2 (no sector in common).
 * Formula: K_r = Σ_i |e_ir / e_r − E_i / E|
 */
import type { Component, Computed, Term, Where } from './types.ts';
import { checkComponents, checkSameKeys, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const KRUGMAN_UNIT = 'ratio';

export function krugmanIndex(region: readonly Component[], reference: readonly Component[], where?: Where): Computed {
  checkComponents('regional sectors', region, where);
  checkComponents('reference sectors', reference, where);
  checkSameKeys('regional sectors', region, 'reference sectors', reference, where);
  const absent = [
    ...region.filter((c) => c.value === null).map((c) => `regional "${c.key}"`),
    ...reference.filter((c) => c.value === null).map((c) => `reference "${c.key}"`),
  ];
  if (absent.length > 0) {
    return missingResult(KRUGMAN_UNIT, ['Σ |e_ir/e_r − E_i/E|'], `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the structure is unknown`);
  }
  const regionTotal = sum(region.map((c) => c.value as number));
  const referenceTotal = sum(reference.map((c) => c.value as number));
  if (regionTotal === 0) throw divisionByZero('regional total (e_r)', where);
  if (referenceTotal === 0) throw divisionByZero('reference total (E)', where);
  const referenceByKey = new Map(reference.map((c) => [c.key, c.value as number]));
  let k = 0;
  const formula: Term[] = [];
  region.forEach((c, i) => {
    const a = (c.value as number) / regionTotal;
    const b = (referenceByKey.get(c.key) as number) / referenceTotal;
    k += Math.abs(a - b);
    if (i > 0) formula.push(' + ');
    formula.push('|', term(a), ' − ', term(b), '|');
  });
  return {
    value: k,
    unit: KRUGMAN_UNIT,
    formula: region.length > MAX_LISTED_TERMS ? [`Σ |e_ir/e_r − E_i/E| over ${region.length} sectors`] : formula,
  };
}
