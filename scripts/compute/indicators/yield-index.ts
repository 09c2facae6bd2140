/**
 * Yield indices of a group of crops, last period T vs base period b.
 *
 * `laspeyresYieldIndex` — inputs per crop: base and last yield y_b, y_T in 'c/ha' and the base-period
 *   area A_b (any one area unit for all crops), all non-negative. Output '% of base year'.
 *   Formula: I = Σ y_T·A_b / Σ y_b·A_b · 100 (yields weighted by fixed base areas, so changes in the
 *   crop mix do not count as yield growth).
 * `averageYieldIndex` — inputs per crop: y_b and y_T in 'c/ha'. Output '% of base year'.
 *   Formula: I = (1/n) Σ (y_T / y_b · 100), the plain mean of the per-crop yield indices (what
 *   seed 000 reports as "an increase of 135 %"); it gives potatoes the weight of cereals.
 */
import type { Computed, Term, Where } from './types.ts';
import { checkNonNegative, checkNotEmpty, divisionByZero, invalidInput, MAX_LISTED_TERMS, missingResult, sum } from './guards.ts';

export const YIELD_INDEX_UNIT = '% of base year';

export interface CropYieldChange {
  key: string;
  /** y_b, c/ha */
  yieldBase: number | null;
  /** y_T, c/ha */
  yieldLast: number | null;
}

export interface WeightedCropYieldChange extends CropYieldChange {
  /** A_b, base-period area (one unit for all crops). */
  areaBase: number | null;
}

function checkCrops(crops: readonly CropYieldChange[], where: Where | undefined, withArea: boolean): void {
  checkNotEmpty('crops', crops, where);
  const seen = new Set<string>();
  for (const c of crops) {
    if (seen.has(c.key)) throw invalidInput(`crop "${c.key}" is listed twice`, where, 'each crop once', `remove the duplicate "${c.key}"`);
    seen.add(c.key);
    checkNonNegative(`base yield of "${c.key}"`, c.yieldBase, where);
    checkNonNegative(`last yield of "${c.key}"`, c.yieldLast, where);
    if (withArea) checkNonNegative(`base area of "${c.key}"`, (c as WeightedCropYieldChange).areaBase, where);
  }
}

function missingList(crops: readonly CropYieldChange[], withArea: boolean): string[] {
  return crops.flatMap((c) => [
    ...(c.yieldBase === null ? [`base yield of "${c.key}"`] : []),
    ...(c.yieldLast === null ? [`last yield of "${c.key}"`] : []),
    ...(withArea && (c as WeightedCropYieldChange).areaBase === null ? [`base area of "${c.key}"`] : []),
  ]);
}

export function laspeyresYieldIndex(crops: readonly WeightedCropYieldChange[], where?: Where): Computed {
  checkCrops(crops, where, true);
  const absent = missingList(crops, true);
  if (absent.length > 0) {
    return missingResult(YIELD_INDEX_UNIT, ['Σ y_T·A_b ÷ Σ y_b·A_b × 100'], `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing`);
  }
  const numerator = sum(crops.map((c) => (c.yieldLast as number) * (c.areaBase as number)));
  const denominator = sum(crops.map((c) => (c.yieldBase as number) * (c.areaBase as number)));
  if (denominator === 0) {
    throw divisionByZero('Σ base yield × base area', where, 'the crops have no base-period area or yield: check the area and yield rows');
  }
  let formula: Term[];
  if (crops.length > MAX_LISTED_TERMS) {
    formula = [numerator, ' ÷ ', denominator, ` × 100 (Σ y_T·A_b ÷ Σ y_b·A_b over ${crops.length} crops)`];
  } else {
    const side = (pick: (c: WeightedCropYieldChange) => number | null): Term[] =>
      crops.flatMap((c, i) => [...(i > 0 ? [' + '] : []), pick(c) as number, ' × ', c.areaBase as number]);
    formula = ['(', ...side((c) => c.yieldLast), ') ÷ (', ...side((c) => c.yieldBase), ') × 100'];
  }
  return { value: (numerator / denominator) * 100, unit: YIELD_INDEX_UNIT, formula };
}

export function averageYieldIndex(crops: readonly CropYieldChange[], where?: Where): Computed {
  checkCrops(crops, where, false);
  const absent = missingList(crops, false);
  if (absent.length > 0) {
    return missingResult(YIELD_INDEX_UNIT, ['(1/n) Σ y_T ÷ y_b × 100'], `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing`);
  }
  const indices = crops.map((c) => {
    if (c.yieldBase === 0) throw divisionByZero(`base yield of "${c.key}"`, where, 'a crop with no base-period yield has no yield index: leave it out of the group');
    return ((c.yieldLast as number) / (c.yieldBase as number)) * 100;
  });
  const formula: Term[] =
    crops.length > MAX_LISTED_TERMS
      ? [`mean of ${crops.length} yield indices`]
      : ['(', ...crops.flatMap((c, i) => [...(i > 0 ? [' + '] : []), c.yieldLast as number, ' ÷ ', c.yieldBase as number]), ') ÷ ', crops.length, ' × 100'];
  return { value: sum(indices) / crops.length, unit: YIELD_INDEX_UNIT, formula };
}
