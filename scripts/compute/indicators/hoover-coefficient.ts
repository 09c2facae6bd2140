/**
 * Hoover localisation coefficient of a sector across regions.
 *
 * Inputs: `sector` — the sector's value e_ir in each region; `economy` — each region's total e_r
 *   (same region keys, one measure, non-negative). E_i and E are their sums over the regions, so
 *   the regions must make up the whole.
 * Output: 'ratio', 0 (the sector is spread like the economy) … 1 (fully concentrated).
 * Formula: H_i = ½ Σ_r |e_ir / E_i − e_r / E|
 */
import { Slug, type NumericTable } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { aggregateRow, cellInput, componentPairs, numeric, periodsOf, whereIn, type ResultRow } from '../descriptor/derivation.ts';
import { fromComputed, RATIO_DECIMALS } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { checkPeriod, tableRow, wholeOf } from '../table-access.ts';
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

/** The coefficient over the regions `pairs` (a row of `sector`, its row in `economy`) in one period. */
function hooverOf(sector: NumericTable, economy: NumericTable, pairs: readonly ResultRow[], period: string, where: Where): { computed: Computed; inputs: InputCell[] } {
  const at = (table: NumericTable, row: string, key: string): Component => ({ key, value: table.rows.find((r) => r.id === row)?.values[period] ?? null });
  return {
    computed: hooverCoefficient(pairs.map((p) => at(sector, p.from, p.id)), pairs.map((p) => at(economy, p.by, p.id)), where),
    inputs: pairs.flatMap((p) => [cellInput(sector, p.from, period), cellInput(economy, p.by, period)]),
  };
}

const TEXT = {
  en: { title: 'Hoover localisation coefficient', note: "Half the sum over regions of the absolute differences between each region's share of a sector and its share of the whole economy: from 0 (spread like the economy) to 1." },
  ru: { title: 'Коэффициент локализации Гувера', note: 'Половина суммы по регионам абсолютных разностей между долей региона в отрасли и его долей во всей экономике: от 0 (как вся экономика) до 1.' },
  kk: { title: 'Гувердің локализация коэффициенті', note: 'Әр өңірдің саладағы үлесі мен оның бүкіл экономикадағы үлесі арасындағы абсолюттік айырмалардың өңірлер бойынша қосындысының жартысы: 0-ден (бүкіл экономика сияқты) 1-ге дейін.' },
};

export default defineIndicator({
  id: 'hoover-coefficient',
  group: 'specialisation',
  text: TEXT,
  unit: HOOVER_UNIT,
  formula: String.raw`H_i = \frac{1}{2} \sum_r \left| \frac{e_{ir}}{E_i} - \frac{e_r}{E} \right|`,
  fn: hooverCoefficient,
  inline: inlineForm({
    params: [
      { name: 'sector', kind: 'table', label: 'SECTOR_BY_REGION', doc: 'SECTOR_BY_REGION: the sector in each region (its component rows are the regions; they must make up the whole)' },
      { name: 'economy', kind: 'table', label: 'ECONOMY_BY_REGION', doc: "ECONOMY_BY_REGION: each region's whole economy (same row ids)" },
      { name: 'period', kind: 'period' },
    ],
    example: 'hoover-coefficient(agri-output-by-region, grp-by-region, 2022)',
    evaluate({ sector, economy, period }) {
      checkPeriod(sector, period);
      checkPeriod(economy, period);
      const pairs = wholeOf(sector).components.map((r) => ({ id: r.id, from: r.id, by: tableRow(economy, r.id).id }));
      const { computed, inputs } = hooverOf(sector, economy, pairs, period, { table: sector.id, period });
      return fromComputed(computed, inputs, RATIO_DECIMALS);
    },
  }),
  tables: [
    tableForm({
      options: { by: Slug.describe("each region's whole economy; `from` is the sector by region (`rows` maps ids that differ)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const pairs = componentPairs(def, from, by);
        return {
          unit: HOOVER_UNIT,
          rows: [aggregateRow('hoover-coefficient', TEXT)],
          periods: periodsOf(def, from, by),
          cell: (row, period) => hooverOf(from, by, pairs, period, whereIn(def, row.id, period)),
        };
      },
    }),
  ],
});
