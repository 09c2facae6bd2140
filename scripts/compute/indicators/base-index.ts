/**
 * Base-year index (the seed papers' column "2019 y. in % by 2015 y.").
 *
 * Inputs: `current` x_t and `base` x_b, in the same unit (any non-negative quantity).
 * Output: '% of base year' (100 scale: 182.2 means 182.2 %).
 * Formula: I_t/b = x_t / x_b · 100
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, twoPeriods } from '../descriptor/inline-arguments.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const BASE_INDEX_UNIT = '% of base year';

export function baseIndex(current: number | null, base: number | null, where?: Where): Computed {
  const why = 'an index compares quantities that cannot be negative';
  checkNonNegative('current value', current, where, why);
  checkNonNegative('base value', base, where, why);
  const formula = [term(current), ' ÷ ', term(base), ' × 100'];
  if (current === null || base === null) return missingResult(BASE_INDEX_UNIT, formula, missingReason([['current value', current], ['base value', base]]));
  if (base === 0) throw divisionByZero('base value', where);
  return { value: finiteResult((current / base) * 100, 'base index', where), unit: BASE_INDEX_UNIT, formula };
}

export default defineIndicator({
  id: 'base-index',
  group: 'dynamics',
  text: {
    en: { title: 'Base-year index', note: 'The level of a period as a percentage of the level in a chosen base period (base = 100).' },
    ru: { title: 'Базисный индекс', note: 'Уровень периода в процентах к уровню выбранного базисного периода (база = 100).' },
    kk: { title: 'Базистік индекс', note: 'Кезең деңгейінің таңдалған базистік кезең деңгейіне пайыздық қатынасы (база = 100).' },
  },
  unit: BASE_INDEX_UNIT,
  formula: String.raw`I_{t/b} = \frac{x_t}{x_b} \cdot 100`,
  fn: baseIndex,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period', optional: true, defaultsTo: 'base-period', doc: "BASE defaults to the table's basePeriod, else its first period" },
    ],
    example: 'base-index(harvest.cereals, 2019, 2015)',
    evaluate({ series, period, base }) {
      const p = twoPeriods(series, period, base);
      return fromComputed(baseIndex(p.current, p.baseValue, p.where), p.inputs);
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        return {
          unit: BASE_INDEX_UNIT,
          basePeriod: base,
          rows: rowPairs(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => ({ computed: baseIndex(valueOf(from, row.from, period), valueOf(from, row.from, base), whereIn(def, row.id, base)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, base)] }),
        };
      },
    }),
  ],
  series: {
    unit: BASE_INDEX_UNIT,
    needsBase: true,
    value: (table, _rows, row, period, base) => {
      const value = row.values[period] ?? null;
      return base ? baseIndex(value, row.values[base] ?? null, { table: table.id, row: row.id, period: base }).value : value;
    },
  },
});
