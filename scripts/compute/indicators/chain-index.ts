/**
 * Chain (year-on-year) index.
 *
 * Inputs: `current` x_t and `previous` x_(t−1), in the same unit (non-negative).
 * Output: '% of previous year' (100 scale).
 * Formula: I_t/t−1 = x_t / x_(t−1) · 100
 */
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, missingCell, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import { previousPeriod } from '../table-access.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const CHAIN_INDEX_UNIT = '% of previous year';

export function chainIndex(current: number | null, previous: number | null, where?: Where): Computed {
  const why = 'an index compares quantities that cannot be negative';
  checkNonNegative('current value', current, where, why);
  checkNonNegative('previous value', previous, where, why);
  const formula = [term(current), ' ÷ ', term(previous), ' × 100'];
  if (current === null || previous === null) return missingResult(CHAIN_INDEX_UNIT, formula, missingReason([['current value', current], ['previous value', previous]]));
  if (previous === 0) throw divisionByZero('previous value', where);
  return { value: finiteResult((current / previous) * 100, 'chain index', where), unit: CHAIN_INDEX_UNIT, formula };
}

export default defineIndicator({
  id: 'chain-index',
  group: 'dynamics',
  text: {
    en: { title: 'Chain index (year on year)', note: 'The level of each period as a percentage of the level of the period before (previous period = 100).' },
    ru: { title: 'Цепной индекс', note: 'Уровень каждого периода в процентах к уровню предыдущего периода (предыдущий период = 100).' },
    kk: { title: 'Тізбекті индекс', note: 'Әр кезең деңгейінің алдыңғы кезең деңгейіне пайыздық қатынасы (алдыңғы кезең = 100).' },
  },
  unit: CHAIN_INDEX_UNIT,
  formula: String.raw`I_{t/t-1} = \frac{x_t}{x_{t-1}} \cdot 100`,
  fn: chainIndex,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
    ],
    example: 'chain-index(harvest.cereals, 2019)',
    evaluate({ series, period }) {
      const previous = previousPeriod(series.table, period);
      const computed = chainIndex(series.at(period), series.at(previous), { table: series.table.id, row: series.row.id, period: previous });
      return fromComputed(computed, [series.input(period), series.input(previous)]);
    },
  }),
  tables: [
    tableForm({
      options: {},
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        return {
          unit: CHAIN_INDEX_UNIT,
          rows: rowPairs(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => {
            const previous = from.periods[from.periods.indexOf(period) - 1];
            if (previous === undefined) return missingCell(CHAIN_INDEX_UNIT, `${period} is the first period of "${from.id}"`);
            return { computed: chainIndex(valueOf(from, row.from, period), valueOf(from, row.from, previous), whereIn(def, row.id, previous)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, previous)] };
          },
        };
      },
    }),
  ],
  series: {
    unit: CHAIN_INDEX_UNIT,
    omitMissing: true,
    value: (table, _rows, row, period) => {
      const previous = table.periods[table.periods.indexOf(period) - 1];
      return previous === undefined ? null : chainIndex(row.values[period] ?? null, row.values[previous] ?? null, { table: table.id, row: row.id, period: previous }).value;
    },
  },
});
