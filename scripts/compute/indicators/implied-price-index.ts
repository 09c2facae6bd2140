/**
 * Implied price index (deflator): splits nominal growth into volume and price.
 *
 * Inputs: `nominalIndex` — the index of the value at current prices (e.g. a chain index of gross
 *   output in million tenge) and `volumeIndex` — the physical-volume index of the same aggregate,
 *   both on the 100 scale and the same basis (both vs the previous year, or both vs one base year).
 * Output: the same basis as the inputs: '% of previous year' by default, or the units passed.
 * Formula: P = nominal index / physical-volume index · 100
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, checkSameUnit, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export function impliedPriceIndex(
  nominalIndex: number | null,
  volumeIndex: number | null,
  units: { nominal?: string; volume?: string } = {},
  where?: Where,
): Computed {
  checkSameUnit('nominal index', units.nominal, 'physical-volume index', units.volume, where);
  const unit = units.nominal ?? units.volume ?? '% of previous year';
  checkNonNegative('nominal index', nominalIndex, where, 'indices are on the 100 scale');
  checkNonNegative('physical-volume index', volumeIndex, where, 'indices are on the 100 scale');
  const formula = [term(nominalIndex), ' ÷ ', term(volumeIndex), ' × 100'];
  if (nominalIndex === null || volumeIndex === null) {
    return missingResult(unit, formula, missingReason([['nominal index', nominalIndex], ['physical-volume index', volumeIndex]]));
  }
  if (volumeIndex === 0) throw divisionByZero('physical-volume index', where);
  return { value: (nominalIndex / volumeIndex) * 100, unit, formula };
}
