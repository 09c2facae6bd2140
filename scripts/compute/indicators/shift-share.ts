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
import { z } from 'zod';
import { Period, Slug } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, componentPairs, DerivationProblem, numeric, periodsOf, requireRow, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
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

/** The parts an author can ask for, as they are written in a call or a derived table. */
export const SHIFT_SHARE_COMPONENTS = ['national-share', 'industry-mix', 'regional-shift'] as const;
export type ShiftShareComponent = (typeof SHIFT_SHARE_COMPONENTS)[number];

const PART: Record<ShiftShareComponent, keyof Pick<ShiftShareResult, 'nationalShare' | 'industryMix' | 'regionalShift'>> = {
  'national-share': 'nationalShare',
  'industry-mix': 'industryMix',
  'regional-shift': 'regionalShift',
};

export function shiftSharePart(result: ShiftShareResult, component: ShiftShareComponent): Computed {
  return result[PART[component]];
}

export default defineIndicator({
  id: 'shift-share',
  group: 'specialisation',
  text: {
    en: { title: 'Shift-share decomposition', note: 'The change of a sector in a region split into a national share, an industry-mix effect and a regional shift, which add up exactly to the actual change; each call gives one part.' },
    ru: { title: 'Анализ сдвигов и долей (shift-share)', note: 'Разложение изменения отрасли в регионе на национальную составляющую, эффект отраслевой структуры и региональный сдвиг, которые в сумме точно дают фактическое изменение; каждый вызов даёт одну составляющую.' },
    kk: { title: 'Ығысу-үлес талдауы', note: 'Өңірдегі сала өзгерісін ұлттық үлеске, салалық құрылым әсеріне және өңірлік ығысуға жіктеу, үшеуінің қосындысы нақты өзгеріске дәл тең; әр шақыру бір бөлігін береді.' },
  },
  unit: 'unit of the input',
  formula: String.raw`\Delta e_{ir} = \underbrace{e_{ir}^0 G}_{NS} + \underbrace{e_{ir}^0 (G_i - G)}_{IM} + \underbrace{e_{ir}^0 (g_{ir} - G_i)}_{RS}`,
  fn: shiftShare,
  inline: inlineForm({
    params: [
      { name: 'region', kind: 'row', label: 'SECTOR_IN_REGION.ROW', doc: 'e_ir' },
      { name: 'reference', kind: 'row', label: 'SECTOR_IN_REFERENCE.ROW', doc: 'E_i' },
      { name: 'total', kind: 'row', label: 'REFERENCE_TOTAL.ROW', doc: 'E' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period' },
      { name: 'component', kind: 'word', words: SHIFT_SHARE_COMPONENTS },
    ],
    example: 'shift-share(grp-by-sector.agriculture, gdp-by-sector.agriculture, gdp-by-sector.total, 2019, 2015, regional-shift)',
    evaluate({ region, reference, total, period, base, component }) {
      const result = shiftShare(
        { regionBase: region.at(base), regionLast: region.at(period), referenceSectorBase: reference.at(base), referenceSectorLast: reference.at(period), referenceTotalBase: total.at(base), referenceTotalLast: total.at(period), unit: region.table.unit },
        { table: region.table.id, row: region.row.id, period: base },
      );
      return fromComputed(shiftSharePart(result, component), [region, reference, total].flatMap((r) => [r.input(period), r.input(base)]), region.table.decimals);
    },
  }),
  tables: [
    tableForm({
      options: {
        by: Slug.describe('the reference economy by sector; `from` is the region by sector (`rows` maps ids that differ)'),
        byTotal: Slug.describe("the row of `by` with the reference's total (E)"),
        base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)"),
        component: z.enum(SHIFT_SHARE_COMPONENTS).describe('the part to compute: national-share, industry-mix or regional-shift'),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        requireRow(by, def.byTotal, 'byTotal');
        const base = basePeriodOf(def.base, from);
        if (!by.periods.includes(base)) throw new DerivationProblem(`base period "${base}" is not in table "${by.id}"`, 'base', 'use a period of both tables');
        const { byTotal, component } = def;
        return {
          unit: from.unit as UnitId,
          rows: componentPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => {
            const result = shiftShare(
              { regionBase: valueOf(from, row.from, base), regionLast: valueOf(from, row.from, period), referenceSectorBase: valueOf(by, row.by, base), referenceSectorLast: valueOf(by, row.by, period), referenceTotalBase: valueOf(by, byTotal, base), referenceTotalLast: valueOf(by, byTotal, period), unit: from.unit },
              whereIn(def, row.id, base),
            );
            return {
              computed: shiftSharePart(result, component),
              inputs: [cellInput(from, row.from, period), cellInput(from, row.from, base), cellInput(by, row.by, period), cellInput(by, row.by, base), cellInput(by, byTotal, period), cellInput(by, byTotal, base)],
            };
          },
        };
      },
    }),
  ],
});
