/**
 * Growth ratios of seed 003's cluster growth indicators.
 *
 * Inputs: two growth indices on the 100 scale (e.g. 112.4 = +12.4 %), both on the same basis
 *   (both '% of previous year' or both '% of base year'), non-negative.
 * Output: 'ratio'. > 1: the numerator grew faster than the denominator.
 * Formulas: sector vs economy = I_sector / I_economy; cluster vs sector = I_cluster / I_sector.
 *   Ratios of indices, not of growth rates: a rate ratio (5 % / 2 %) changes sign and explodes
 *   near zero growth, an index ratio does not.
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, checkSameUnit, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export const GROWTH_RATIO_UNIT = 'ratio';

export interface GrowthRatioOptions {
  /** Names used in messages, e.g. 'sector growth index'. */
  numeratorName?: string;
  denominatorName?: string;
  /** Units of the two indices; when both are given they must be equal. */
  numeratorUnit?: string;
  denominatorUnit?: string;
}

export function growthRatio(numerator: number | null, denominator: number | null, options: GrowthRatioOptions = {}, where?: Where): Computed {
  const nName = options.numeratorName ?? 'numerator growth index';
  const dName = options.denominatorName ?? 'denominator growth index';
  checkSameUnit(nName, options.numeratorUnit, dName, options.denominatorUnit, where);
  checkNonNegative(nName, numerator, where, 'growth indices are on the 100 scale');
  checkNonNegative(dName, denominator, where, 'growth indices are on the 100 scale');
  const formula = [term(numerator), ' ÷ ', term(denominator)];
  if (numerator === null || denominator === null) return missingResult(GROWTH_RATIO_UNIT, formula, missingReason([[nName, numerator], [dName, denominator]]));
  if (denominator === 0) throw divisionByZero(dName, where);
  return { value: numerator / denominator, unit: GROWTH_RATIO_UNIT, formula };
}

/** Sector growth vs the economy: I_sector / I_economy. */
export function sectorGrowthVsEconomy(
  sectorIndex: number | null,
  economyIndex: number | null,
  units: { sector?: string; economy?: string } = {},
  where?: Where,
): Computed {
  return growthRatio(
    sectorIndex,
    economyIndex,
    { numeratorName: 'sector growth index', denominatorName: 'economy growth index', numeratorUnit: units.sector, denominatorUnit: units.economy },
    where,
  );
}

/** Cluster growth vs its sector: I_cluster / I_sector. */
export function clusterGrowthVsSector(
  clusterIndex: number | null,
  sectorIndex: number | null,
  units: { cluster?: string; sector?: string } = {},
  where?: Where,
): Computed {
  return growthRatio(
    clusterIndex,
    sectorIndex,
    { numeratorName: 'cluster growth index', denominatorName: 'sector growth index', numeratorUnit: units.cluster, denominatorUnit: units.sector },
    where,
  );
}
