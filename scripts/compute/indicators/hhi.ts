/**
 * Herfindahl–Hirschman index of concentration.
 *
 * Input: the components x_1 … x_n of one period (non-negative, same unit); shares are computed
 *   from them (pass shares in % as they are: normalising them changes nothing).
 * Output: 'ratio', from 1/n (all components equal) to 1 (one component holds everything).
 * Formula: HHI = Σ_k (s_k / 100)², with s_k = x_k / Σ_j x_j · 100
 */
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { aggregateRow, cellInput, componentRows, numeric, periodsOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, RATIO_DECIMALS } from '../descriptor/inline-arguments.ts';
import { checkPeriod, wholeOf } from '../table-access.ts';
import type { Component, Computed, Term, Where } from './types.ts';
import { checkComponents, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const HHI_UNIT = 'ratio';

export function hhi(components: readonly Component[], where?: Where): Computed {
  checkComponents('components', components, where);
  const absent = components.filter((c) => c.value === null).map((c) => `"${c.key}"`);
  if (absent.length > 0) {
    return missingResult(
      HHI_UNIT,
      ['Σ (s_k / 100)²'],
      `component ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the shares are unknown`,
    );
  }
  const values = components.map((c) => c.value as number);
  const total = sum(values);
  if (total === 0) throw divisionByZero('total of the components', where, 'all components are 0, so there is no structure to measure: check the data table');
  const fractions = values.map((v) => v / total);
  const formula: Term[] = [];
  if (fractions.length > MAX_LISTED_TERMS) formula.push(`Σ (s_k / 100)² of ${fractions.length} shares`);
  else
    fractions.forEach((f, i) => {
      if (i > 0) formula.push(' + ');
      formula.push(term(f), '²');
    });
  return { value: sum(fractions.map((f) => f * f)), unit: HHI_UNIT, formula };
}

const TEXT = {
  en: { title: 'Herfindahl–Hirschman index', note: 'The sum of the squared shares (as fractions) of the components of a whole: 1/n when n components are equal, 1 when one component is everything.' },
  ru: { title: 'Индекс Херфиндаля–Хиршмана', note: 'Сумма квадратов долей (в долях единицы) составляющих целого: 1/n при n равных составляющих и 1, когда одна составляющая — это всё целое.' },
  kk: { title: 'Херфиндаль–Хиршман индексі', note: 'Тұтастың құрамдас бөліктері үлестерінің (бірліктің үлесімен алынған) квадраттарының қосындысы: n бөлік тең болғанда 1/n, бір бөлік бүкіл тұтасты құрағанда 1.' },
};

export default defineIndicator({
  id: 'hhi',
  group: 'structure',
  text: TEXT,
  unit: HHI_UNIT,
  formula: String.raw`\mathrm{HHI} = \sum_k \left(\frac{s_k}{100}\right)^2`,
  fn: hhi,
  inline: inlineForm({
    params: [
      { name: 'table', kind: 'table', doc: 'over its component rows (not the total row or memo rows)' },
      { name: 'period', kind: 'period' },
    ],
    example: 'hhi(harvest, 2019)',
    evaluate({ table, period }) {
      checkPeriod(table, period);
      const { components } = wholeOf(table);
      const computed = hhi(components.map((r) => ({ key: r.id, value: r.values[period] ?? null })), { table: table.id, period });
      return fromComputed(computed, components.map((r) => ({ table: table.id, row: r.id, period })), RATIO_DECIMALS);
    },
  }),
  tables: [
    tableForm({
      options: {},
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const components = componentRows(def, from);
        return {
          unit: HHI_UNIT,
          rows: [aggregateRow('hhi', TEXT)],
          periods: periodsOf(def, from),
          cell: (row, period) => ({
            computed: hhi(components.map((r) => ({ key: r.id, value: r.values[period] ?? null })), whereIn(def, row.id, period)),
            inputs: components.map((r) => cellInput(from, r.id, period)),
          }),
        };
      },
    }),
  ],
});
