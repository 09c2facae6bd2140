/**
 * Location quotient of sector i in region r.
 *
 * Inputs (one measure — output, employment or value added — in one unit, non-negative):
 *   `regionSector` e_ir, `regionTotal` e_r, `referenceSector` E_i, `referenceTotal` E.
 * Output: 'ratio'. > 1: the region is more specialised in the sector than the reference; cluster
 *   studies often use 1.25 or 2 as thresholds. The LQ of the reference itself is 1.
 * Formula: LQ_ir = (e_ir / e_r) / (E_i / E)
 *
 * `locationQuotients` takes the region's and the reference's sector lists (same keys) and uses
 * their sums as e_r and E.
 */
import type { Component, Computed, KeyedComputed, Term, Where } from './types.ts';
import { checkComponents, checkNonNegative, checkSameKeys, divisionByZero, missingReason, missingResult, sum, term } from './guards.ts';

export const LOCATION_QUOTIENT_UNIT = 'ratio';

export interface LocationQuotientInput {
  /** e_ir: the sector in the region. */
  regionSector: number | null;
  /** e_r: all sectors in the region. */
  regionTotal: number | null;
  /** E_i: the sector in the reference (country, or the sum of the regions). */
  referenceSector: number | null;
  /** E: all sectors in the reference. */
  referenceTotal: number | null;
}

export function locationQuotient(input: LocationQuotientInput, where?: Where): Computed {
  const { regionSector, regionTotal, referenceSector, referenceTotal } = input;
  const names = [
    ['regional sector value (e_ir)', regionSector],
    ['regional total (e_r)', regionTotal],
    ['reference sector value (E_i)', referenceSector],
    ['reference total (E)', referenceTotal],
  ] as const;
  for (const [name, v] of names) checkNonNegative(name, v, where);
  const formula: Term[] = ['(', term(regionSector), ' ÷ ', term(regionTotal), ') ÷ (', term(referenceSector), ' ÷ ', term(referenceTotal), ')'];
  if (regionSector === null || regionTotal === null || referenceSector === null || referenceTotal === null) {
    return missingResult(LOCATION_QUOTIENT_UNIT, formula, missingReason(names));
  }
  if (regionTotal === 0) throw divisionByZero('regional total (e_r)', where);
  if (referenceTotal === 0) throw divisionByZero('reference total (E)', where);
  if (referenceSector === 0) {
    throw divisionByZero('reference sector value (E_i)', where, 'a sector absent from the reference has no location quotient: check the reference row');
  }
  return { value: (regionSector / regionTotal) / (referenceSector / referenceTotal), unit: LOCATION_QUOTIENT_UNIT, formula };
}

export function locationQuotients(region: readonly Component[], reference: readonly Component[], where?: Where): KeyedComputed[] {
  checkComponents('regional sectors', region, where);
  checkComponents('reference sectors', reference, where);
  checkSameKeys('regional sectors', region, 'reference sectors', reference, where);
  const regionValues = region.map((c) => c.value);
  const referenceValues = reference.map((c) => c.value);
  const regionTotal = regionValues.includes(null) ? null : sum(regionValues as number[]);
  const referenceTotal = referenceValues.includes(null) ? null : sum(referenceValues as number[]);
  const byKey = new Map(reference.map((c) => [c.key, c.value]));
  return region.map((c) => {
    const lq = locationQuotient(
      { regionSector: c.value, regionTotal, referenceSector: byKey.get(c.key) ?? null, referenceTotal },
      { ...where, row: where?.row ?? c.key },
    );
    if (lq.value === null && (regionTotal === null || referenceTotal === null) && c.value !== null && byKey.get(c.key) !== null) {
      lq.missing = `a sector is missing, so the ${regionTotal === null ? 'regional' : 'reference'} total is unknown`;
    }
    return { key: c.key, ...lq };
  });
}
