/**
 * Shift-share decomposition (Dunn) of the change of a sector in a region.
 *
 * Inputs (one measure in `unit`, non-negative): the regional sector in the base and last period
 *   (e_ir^0, e_ir^1), the reference sector (E_i^0, E_i^1) and the reference total (E^0, E^1).
 * Output: the actual change Δe_ir and its three parts, all in `unit`, plus the three growth rates
 *   as fractions.
 * Formula: Δe_ir = NS + IM + RS, with G = E^1/E^0 − 1, G_i = E_i^1/E_i^0 − 1, g_ir = e_ir^1/e_ir^0 − 1,
 *   NS = e_ir^0 · G (national share), IM = e_ir^0 · (G_i − G) (industry mix),
 *   RS = e_ir^0 · (g_ir − G_i) (regional shift).
 *   The three parts sum exactly to the actual change: RS is computed as Δe_ir − (NS + IM), which
 *   equals e_ir^0 · (g_ir − G_i) algebraically and leaves only the last-bit rounding of one addition
 *   (relative to the largest part) between NS + IM + RS and Δe_ir.
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export const GROWTH_FRACTION_UNIT = 'fraction';

export interface ShiftShareInput {
  /** e_ir^0 */
  regionBase: number | null;
  /** e_ir^1 */
  regionLast: number | null;
  /** E_i^0 */
  referenceSectorBase: number | null;
  /** E_i^1 */
  referenceSectorLast: number | null;
  /** E^0 */
  referenceTotalBase: number | null;
  /** E^1 */
  referenceTotalLast: number | null;
  /** Unit of all six values and of the parts, e.g. 'thousand persons' or 'million tenge'. */
  unit: string;
}

export interface ShiftShareResult {
  /** Δe_ir = e_ir^1 − e_ir^0 */
  actualChange: Computed;
  /** NS = e_ir^0 · G */
  nationalShare: Computed;
  /** IM = e_ir^0 · (G_i − G) */
  industryMix: Computed;
  /** RS = e_ir^0 · (g_ir − G_i) */
  regionalShift: Computed;
  /** G, G_i and g_ir as fractions (0.05 = +5 %). */
  growth: { reference: Computed; referenceSector: Computed; regionSector: Computed };
}

export function shiftShare(input: ShiftShareInput, where?: Where): ShiftShareResult {
  const { regionBase: e0, regionLast: e1, referenceSectorBase: Ei0, referenceSectorLast: Ei1, referenceTotalBase: E0, referenceTotalLast: E1, unit } = input;
  const named = [
    ['regional sector base value (e_ir^0)', e0],
    ['regional sector last value (e_ir^1)', e1],
    ['reference sector base value (E_i^0)', Ei0],
    ['reference sector last value (E_i^1)', Ei1],
    ['reference total base value (E^0)', E0],
    ['reference total last value (E^1)', E1],
  ] as const;
  for (const [name, v] of named) checkNonNegative(name, v, where);

  const gFormula = [term(E1), ' ÷ ', term(E0), ' − 1'];
  const giFormula = [term(Ei1), ' ÷ ', term(Ei0), ' − 1'];
  const girFormula = [term(e1), ' ÷ ', term(e0), ' − 1'];
  const actualFormula = [term(e1), ' − ', term(e0)];

  if (e0 === null || e1 === null || Ei0 === null || Ei1 === null || E0 === null || E1 === null) {
    const why = missingReason(named);
    const G = E0 === null || E1 === null ? null : E0 === 0 ? null : E1 / E0 - 1;
    const Gi = Ei0 === null || Ei1 === null ? null : Ei0 === 0 ? null : Ei1 / Ei0 - 1;
    const gir = e0 === null || e1 === null ? null : e0 === 0 ? null : e1 / e0 - 1;
    return {
      actualChange: missingResult(unit, actualFormula, why),
      nationalShare: missingResult(unit, [term(e0), ' × ', term(G)], why),
      industryMix: missingResult(unit, [term(e0), ' × (', term(Gi), ' − ', term(G), ')'], why),
      regionalShift: missingResult(unit, [term(e0), ' × (', term(gir), ' − ', term(Gi), ')'], why),
      growth: {
        reference: G === null ? missingResult(GROWTH_FRACTION_UNIT, gFormula, why) : { value: G, unit: GROWTH_FRACTION_UNIT, formula: gFormula },
        referenceSector: Gi === null ? missingResult(GROWTH_FRACTION_UNIT, giFormula, why) : { value: Gi, unit: GROWTH_FRACTION_UNIT, formula: giFormula },
        regionSector: gir === null ? missingResult(GROWTH_FRACTION_UNIT, girFormula, why) : { value: gir, unit: GROWTH_FRACTION_UNIT, formula: girFormula },
      },
    };
  }
  if (e0 === 0) {
    throw divisionByZero(
      'regional sector base value (e_ir^0)',
      where,
      'a sector absent from the region in the base period cannot be decomposed: choose another base period or region',
    );
  }
  if (Ei0 === 0) throw divisionByZero('reference sector base value (E_i^0)', where);
  if (E0 === 0) throw divisionByZero('reference total base value (E^0)', where);

  const G = E1 / E0 - 1;
  const Gi = Ei1 / Ei0 - 1;
  const gir = e1 / e0 - 1;
  const actual = e1 - e0;
  const ns = e0 * G;
  const im = e0 * (Gi - G);
  const rs = actual - (ns + im);
  return {
    actualChange: { value: actual, unit, formula: actualFormula },
    nationalShare: { value: ns, unit, formula: [e0, ' × ', G] },
    industryMix: { value: im, unit, formula: [e0, ' × (', Gi, ' − ', G, ')'] },
    regionalShift: { value: rs, unit, formula: [e0, ' × (', gir, ' − ', Gi, ')'] },
    growth: {
      reference: { value: G, unit: GROWTH_FRACTION_UNIT, formula: gFormula },
      referenceSector: { value: Gi, unit: GROWTH_FRACTION_UNIT, formula: giFormula },
      regionSector: { value: gir, unit: GROWTH_FRACTION_UNIT, formula: girFormula },
    },
  };
}
