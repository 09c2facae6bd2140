/**
 * Share of a component in a whole.
 *
 * `shareOf`: inputs `part` x_k and `whole` W in the same unit (non-negative); output '%'.
 *   Formula: s_k = x_k / W · 100 (use it when the source states the total).
 * `shares`: input the components x_1 … x_n of one period (non-negative, same unit); output the
 *   total Σ_j x_j and each share in '%'. Formula: s_k = x_k / Σ_j x_j · 100; the shares sum to 100.
 *   A missing component makes the total, and so every share, missing.
 */
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import { wholeOf } from '../table-access.ts';
import type { Component, Computed, KeyedComputed, Term, Where } from './types.ts';
import {
  checkComponents,
  checkNonNegative,
  divisionByZero,
  missingReason,
  missingResult,
  sum,
  sumTerms,
  term,
  finiteResult,
} from './guards.ts';

export const SHARE_UNIT = '%';
/** Unit reported for the total of `shares`: the components' own unit, which the function does not know. */
export const COMPONENT_UNIT = 'unit of the components';

export function shareOf(part: number | null, whole: number | null, where?: Where): Computed {
  checkNonNegative('part', part, where, 'shares are taken of non-negative quantities');
  checkNonNegative('whole', whole, where, 'shares are taken of non-negative quantities');
  const formula = [term(part), ' ÷ ', term(whole), ' × 100'];
  if (part === null || whole === null) return missingResult(SHARE_UNIT, formula, missingReason([['part', part], ['whole', whole]]));
  if (whole === 0) throw divisionByZero('whole', where, 'a whole of 0 has no shares: check the total in the data table');
  return { value: finiteResult((part / whole) * 100, 'share', where), unit: SHARE_UNIT, formula };
}

export interface SharesResult {
  total: Computed;
  shares: KeyedComputed[];
}

export function shares(components: readonly Component[], where?: Where): SharesResult {
  checkComponents('components', components, where);
  const values = components.map((c) => c.value);
  const totalFormula = sumTerms(values, 'components');
  const absent = components.filter((c) => c.value === null).map((c) => `"${c.key}"`);
  if (absent.length > 0) {
    const why = `component ${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the total is unknown`;
    return {
      total: missingResult(COMPONENT_UNIT, totalFormula, why),
      shares: components.map((c) => ({ key: c.key, ...missingResult(SHARE_UNIT, [term(c.value), ' ÷ ', 'Σ', ' × 100'], why) })),
    };
  }
  const present = values as number[];
  const total = finiteResult(sum(present), 'total of the components', where);
  if (total === 0) throw divisionByZero('total of the components', where, 'all components are 0, so there are no shares: check the data table');
  return {
    total: { value: total, unit: COMPONENT_UNIT, formula: totalFormula },
    shares: components.map((c) => {
      const v = c.value as number;
      const formula: Term[] = [v, ' ÷ ', total, ' × 100'];
      return { key: c.key, value: (v / total) * 100, unit: SHARE_UNIT, formula };
    }),
  };
}

function sumOrNull(values: ReadonlyArray<number | null>): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

export default defineIndicator({
  id: 'share',
  group: 'structure',
  text: {
    en: { title: 'Share', note: "A part as a percentage of the whole it belongs to: the table's total row, or the sum of its component rows when it has none." },
    ru: { title: 'Доля', note: 'Часть в процентах от целого, в которое она входит: итоговой строки таблицы или, если её нет, суммы составляющих.' },
    kk: { title: 'Үлес', note: 'Бөліктің өзі кіретін тұтасқа пайыздық қатынасы: кестенің қорытынды жолына немесе, ол болмаса, құрамдас бөліктердің қосындысына.' },
  },
  unit: SHARE_UNIT,
  formula: String.raw`s_k = \frac{x_k}{\sum_j x_j} \cdot 100`,
  fn: shareOf,
  inline: inlineForm({
    params: [
      { name: 'part', kind: 'row' },
      { name: 'period', kind: 'period' },
    ],
    example: 'share(harvest.sunflower, 2019)',
    evaluate({ part, period }) {
      const { table } = part;
      const value = part.at(period);
      const { total, components } = wholeOf(table);
      const where = { table: table.id, row: part.row.id, period };
      if (total) return fromComputed(shareOf(value, total.values[period] ?? null, where), [part.input(period), { table: table.id, row: total.id, period }]);
      const whole = sumOrNull(components.map((r) => r.values[period] ?? null));
      return fromComputed(shareOf(value, whole, where), components.map((r) => ({ table: table.id, row: r.id, period })));
    },
  }),
  tables: [
    tableForm({
      options: {},
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const { total, components } = wholeOf(from);
        return {
          unit: SHARE_UNIT,
          rows: rowPairs(def, from, undefined, total ? [total.id] : []),
          periods: periodsOf(def, from),
          cell: (row, period) => {
            if (total) return { computed: shareOf(valueOf(from, row.from, period), valueOf(from, total.id, period), whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(from, total.id, period)] };
            const whole = sumOrNull(components.map((r) => r.values[period] ?? null));
            return { computed: shareOf(valueOf(from, row.from, period), whole, whereIn(def, row.id, period)), inputs: components.map((r) => cellInput(from, r.id, period)) };
          },
        };
      },
    }),
  ],
  series: {
    unit: SHARE_UNIT,
    value: (table, rows, row, period) => {
      const { total } = wholeOf(table);
      // Without a total row, the share of the rows the chart plots.
      const whole = total ? (total.values[period] ?? null) : sumOrNull(rows.map((r) => r.values[period] ?? null));
      return shareOf(row.values[period] ?? null, whole, { table: table.id, row: row.id, period }).value;
    },
  },
});
