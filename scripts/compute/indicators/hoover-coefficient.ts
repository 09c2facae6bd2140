/**
 * Hoover localisation coefficient of a sector across regions.
 *
 * Inputs: `sector` — the sector's value e_ir in each region; `economy` — each region's total e_r
 *   (same region keys, one measure, non-negative). E_i and E are their sums over the regions, so
 *   the regions must make up the whole.
 * Output: 'ratio', 0 (the sector is spread like the economy) … 1 (fully concentrated).
 * Formula: H_i = ½ Σ_r |e_ir / E_i − e_r / E|
 */
import type { Component, Computed, Term, Where } from './types.ts';
import { checkComponents, checkSameKeys, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const HOOVER_UNIT = 'ratio';

export function hooverCoefficient(sector: readonly Component[], economy: readonly Component[], where?: Where): Computed {
  checkComponents('sector by region', sector, where);
  checkComponents('economy by region', economy, where);
  checkSameKeys('sector by region', sector, 'economy by region', economy, where);
  const absent = [
    ...sector.filter((c) => c.value === null).map((c) => `sector in "${c.key}"`),
    ...economy.filter((c) => c.value === null).map((c) => `economy of "${c.key}"`),
  ];
  if (absent.length > 0) {
    return missingResult(HOOVER_UNIT, ['½ × Σ |e_ir/E_i − e_r/E|'], `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the distribution is unknown`);
  }
  const sectorTotal = sum(sector.map((c) => c.value as number));
  const economyTotal = sum(economy.map((c) => c.value as number));
  if (sectorTotal === 0) throw divisionByZero('sector total (E_i)', where, 'a sector with no activity in any region has no localisation: check the sector row');
  if (economyTotal === 0) throw divisionByZero('economy total (E)', where);
  const economyByKey = new Map(economy.map((c) => [c.key, c.value as number]));
  let h = 0;
  const formula: Term[] = ['½ × ('];
  sector.forEach((c, i) => {
    const a = (c.value as number) / sectorTotal;
    const b = (economyByKey.get(c.key) as number) / economyTotal;
    h += Math.abs(a - b);
    if (i > 0) formula.push(' + ');
    formula.push('|', term(a), ' − ', term(b), '|');
  });
  formula.push(')');
  return {
    value: h / 2,
    unit: HOOVER_UNIT,
    formula: sector.length > MAX_LISTED_TERMS ? [`½ × Σ |e_ir/E_i − e_r/E| over ${sector.length} regions`] : formula,
  };
}
