/**
 * Implied (harvested) area from harvest and yield.
 *
 * Inputs: `harvest` in 'thousand t' (default) or 't'; `cropYield` in 'c/ha'. Both non-negative.
 * Output: 'thousand ha' for a harvest in thousand t, 'ha' for a harvest in t (or as requested).
 * Formula: area [thousand ha] = harvest [thousand t] · 10 / y [c/ha]
 */
import { IndicatorError } from '../../errors.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, describeWhere, divisionByZero, missingReason, missingResult, powerOfTenTerm, term } from './guards.ts';
import { hectaresPer, tonnesPer, YIELD_UNIT } from './yield.ts';

export interface ImpliedAreaUnits {
  harvest?: string;
  yield?: string;
  /** Unit of the result; by default 'thousand ha' for a harvest in thousand t, 'ha' for t. */
  area?: string;
}

export function impliedArea(harvest: number | null, cropYield: number | null, units: ImpliedAreaUnits = {}, where?: Where): Computed {
  const harvestUnit = units.harvest ?? 'thousand t';
  const yieldUnit = units.yield ?? YIELD_UNIT;
  if (yieldUnit !== YIELD_UNIT) {
    throw new IndicatorError(`unit mismatch: the yield is in "${yieldUnit}"${describeWhere(where)}`, {
      file: where?.file,
      expected: `the yield in "${YIELD_UNIT}"`,
      fix: 'pass the yield row in centners per hectare',
    });
  }
  const tonnes = tonnesPer(harvestUnit, 'harvest', where);
  const areaUnit = units.area ?? (harvestUnit === 't' ? 'ha' : 'thousand ha');
  // area [ha] = harvest [t] · 10 / y; then expressed in the result unit.
  const factor = (10 * tonnes) / hectaresPer(areaUnit, 'result area', where);
  checkNonNegative('harvest', harvest, where);
  checkNonNegative('yield', cropYield, where);
  const formula = [term(harvest), powerOfTenTerm(factor, ' ÷ '), term(cropYield)];
  if (harvest === null || cropYield === null) return missingResult(areaUnit, formula, missingReason([['harvest', harvest], ['yield', cropYield]]));
  if (cropYield === 0) throw divisionByZero('yield', where, 'a yield of 0 implies no area: check the yield row');
  return { value: (harvest * factor) / cropYield, unit: areaUnit, formula };
}
