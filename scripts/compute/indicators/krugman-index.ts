/**
 * Krugman specialisation index of a region.
 *
 * Inputs: the region's sector values e_ir and the reference's sector values E_i (same keys, one
 *   measure, non-negative). Each list is turned into shares of its own sum (e_r, E).
 * Output: 'ratio', 0 (the same structure as the reference) … 2 (no sector in common).
 * Formula: K_r = Σ_i |e_ir / e_r − E_i / E|
 */
import { Slug, type NumericTable } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { aggregateRow, cellInput, componentPairs, numeric, periodsOf, whereIn, type ResultRow } from '../descriptor/derivation.ts';
import { fromComputed, RATIO_DECIMALS } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { checkPeriod, tableRow, wholeOf } from '../table-access.ts';
import type { Component, Computed, Term, Where } from './types.ts';
import { checkComponents, checkSameKeys, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const KRUGMAN_UNIT = 'ratio';

export function krugmanIndex(region: readonly Component[], reference: readonly Component[], where?: Where): Computed {
  checkComponents('regional sectors', region, where);
  checkComponents('reference sectors', reference, where);
  checkSameKeys('regional sectors', region, 'reference sectors', reference, where);
  const absent = [
    ...region.filter((c) => c.value === null).map((c) => `regional "${c.key}"`),
    ...reference.filter((c) => c.value === null).map((c) => `reference "${c.key}"`),
  ];
  if (absent.length > 0) {
    return missingResult(KRUGMAN_UNIT, ['Σ |e_ir/e_r − E_i/E|'], `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the structure is unknown`);
  }
  const regionTotal = sum(region.map((c) => c.value as number));
  const referenceTotal = sum(reference.map((c) => c.value as number));
  if (regionTotal === 0) throw divisionByZero('regional total (e_r)', where);
  if (referenceTotal === 0) throw divisionByZero('reference total (E)', where);
  const referenceByKey = new Map(reference.map((c) => [c.key, c.value as number]));
  let k = 0;
  const formula: Term[] = [];
  region.forEach((c, i) => {
    const a = (c.value as number) / regionTotal;
    const b = (referenceByKey.get(c.key) as number) / referenceTotal;
    k += Math.abs(a - b);
    if (i > 0) formula.push(' + ');
    formula.push('|', term(a), ' − ', term(b), '|');
  });
  return {
    value: k,
    unit: KRUGMAN_UNIT,
    formula: region.length > MAX_LISTED_TERMS ? [`Σ |e_ir/e_r − E_i/E| over ${region.length} sectors`] : formula,
  };
}

/** The index for the sectors `pairs` (a row of `region`, its row in `reference`) in one period. */
function krugmanOf(region: NumericTable, reference: NumericTable, pairs: readonly ResultRow[], period: string, where: Where): { computed: Computed; inputs: InputCell[] } {
  const at = (table: NumericTable, row: string): Component => ({ key: row, value: table.rows.find((r) => r.id === row)?.values[period] ?? null });
  return {
    computed: krugmanIndex(pairs.map((p) => ({ ...at(region, p.from), key: p.id })), pairs.map((p) => ({ ...at(reference, p.by), key: p.id })), where),
    inputs: pairs.flatMap((p) => [cellInput(region, p.from, period), cellInput(reference, p.by, period)]),
  };
}

const TEXT = {
  en: { title: 'Krugman specialisation index', note: "The sum over sectors of the absolute differences between a region's sector shares and the reference's: 0 for the same structure, 2 for no sector in common." },
  ru: { title: 'Индекс специализации Кругмана', note: 'Сумма по отраслям абсолютных разностей между отраслевыми долями региона и базы сравнения: 0 при одинаковой структуре, 2 — если общих отраслей нет.' },
  kk: { title: 'Кругманның мамандану индексі', note: 'Өңірдің салалық үлестері мен салыстыру базасының салалық үлестері арасындағы абсолюттік айырмалардың салалар бойынша қосындысы: құрылымдар бірдей болса — 0, ортақ сала мүлде болмаса — 2.' },
};

export default defineIndicator({
  id: 'krugman-index',
  group: 'specialisation',
  text: TEXT,
  unit: KRUGMAN_UNIT,
  formula: String.raw`K_r = \sum_i \left| \frac{e_{ir}}{e_r} - \frac{E_i}{E} \right|`,
  fn: krugmanIndex,
  inline: inlineForm({
    params: [
      { name: 'region', kind: 'table', label: 'REGION', doc: "REGION: a table whose rows are a region's sectors (its component rows are compared)" },
      { name: 'reference', kind: 'table', label: 'REFERENCE', doc: 'REFERENCE: the same sectors (same row ids) in the reference economy' },
      { name: 'period', kind: 'period' },
    ],
    example: 'krugman-index(grp-by-sector, gdp-by-sector, 2019)',
    evaluate({ region, reference, period }) {
      checkPeriod(region, period);
      checkPeriod(reference, period);
      const pairs = wholeOf(region).components.map((r) => ({ id: r.id, from: r.id, by: tableRow(reference, r.id).id }));
      const { computed, inputs } = krugmanOf(region, reference, pairs, period, { table: region.id, period });
      return fromComputed(computed, inputs, RATIO_DECIMALS);
    },
  }),
  tables: [
    tableForm({
      options: { by: Slug.describe('the reference economy by sector; `from` is the region by sector (`rows` maps ids that differ)') },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const pairs = componentPairs(def, from, by);
        return {
          unit: KRUGMAN_UNIT,
          rows: [aggregateRow('krugman-index', TEXT)],
          periods: periodsOf(def, from, by),
          cell: (row, period) => krugmanOf(from, by, pairs, period, whereIn(def, row.id, period)),
        };
      },
    }),
  ],
});
