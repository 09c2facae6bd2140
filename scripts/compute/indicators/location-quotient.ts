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
import { Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, requireRow, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, RATIO_DECIMALS } from '../descriptor/inline-arguments.ts';
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

export default defineIndicator({
  id: 'location-quotient',
  group: 'specialisation',
  text: {
    en: { title: 'Location quotient', note: "A sector's share in a region's economy divided by its share in the reference economy; above 1, the region is more specialised in the sector than the reference." },
    ru: { title: 'Коэффициент локализации (LQ)', note: 'Доля отрасли в экономике региона, делённая на её долю в экономике базы сравнения; больше 1 — регион специализирован на отрасли сильнее, чем база сравнения.' },
    kk: { title: 'Локализация коэффициенті', note: 'Саланың өңір экономикасындағы үлесін оның салыстыру базасы экономикасындағы үлесіне бөлгендегі шама; 1-ден жоғары болса, өңір осы салаға салыстыру базасына қарағанда көбірек маманданған.' },
  },
  unit: LOCATION_QUOTIENT_UNIT,
  formula: String.raw`LQ_{ir} = \frac{e_{ir} / e_r}{E_i / E}`,
  fn: locationQuotient,
  inline: inlineForm({
    params: [
      { name: 'regionSector', kind: 'row', label: 'SECTOR_IN_REGION.ROW', doc: 'e_ir' },
      { name: 'regionTotal', kind: 'row', label: 'REGION_TOTAL.ROW', doc: 'e_r' },
      { name: 'referenceSector', kind: 'row', label: 'SECTOR_IN_REFERENCE.ROW', doc: 'E_i' },
      { name: 'referenceTotal', kind: 'row', label: 'REFERENCE_TOTAL.ROW', doc: 'E' },
      { name: 'period', kind: 'period' },
    ],
    example: 'location-quotient(grp-by-sector.agriculture, grp-by-sector.total, gdp-by-sector.agriculture, gdp-by-sector.total, 2019)',
    evaluate({ regionSector, regionTotal, referenceSector, referenceTotal, period }) {
      const computed = locationQuotient(
        { regionSector: regionSector.at(period), regionTotal: regionTotal.at(period), referenceSector: referenceSector.at(period), referenceTotal: referenceTotal.at(period) },
        { table: regionSector.table.id, row: regionSector.row.id, period },
      );
      return fromComputed(computed, [regionSector, regionTotal, referenceSector, referenceTotal].map((r) => r.input(period)), RATIO_DECIMALS);
    },
  }),
  tables: [
    tableForm({
      compute: 'location-quotient-by-sector',
      options: {
        by: Slug.describe('the reference table (the country), rows are sectors'),
        fromTotal: Slug.describe("the row of `from` with the region's total (e_r)"),
        byTotal: Slug.describe("the row of `by` with the reference's total (E)"),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        requireRow(from, def.fromTotal, 'fromTotal');
        requireRow(by, def.byTotal, 'byTotal');
        const { fromTotal, byTotal } = def;
        return {
          unit: LOCATION_QUOTIENT_UNIT,
          rows: rowPairs(def, from, by, [fromTotal]),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({
            computed: locationQuotient({ regionSector: valueOf(from, row.from, period), regionTotal: valueOf(from, fromTotal, period), referenceSector: valueOf(by, row.by, period), referenceTotal: valueOf(by, byTotal, period) }, whereIn(def, row.id, period)),
            inputs: [cellInput(from, row.from, period), cellInput(from, fromTotal, period), cellInput(by, row.by, period), cellInput(by, byTotal, period)],
          }),
        };
      },
    }),
    tableForm({
      compute: 'location-quotient-by-region',
      options: {
        by: Slug.describe("the table of the regions' totals (e_r), same row ids"),
        reference: Slug.describe('the row of the whole (the country) in both tables'),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const { reference } = def;
        requireRow(from, reference, 'reference');
        requireRow(by, reference, 'reference');
        return {
          unit: LOCATION_QUOTIENT_UNIT,
          rows: rowPairs(def, from, by, [reference]),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({
            computed: locationQuotient({ regionSector: valueOf(from, row.from, period), regionTotal: valueOf(by, row.by, period), referenceSector: valueOf(from, reference, period), referenceTotal: valueOf(by, reference, period) }, whereIn(def, row.id, period)),
            inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period), cellInput(from, reference, period), cellInput(by, reference, period)],
          }),
        };
      },
    }),
  ],
});
