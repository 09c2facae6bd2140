/**
 * Growth rate (rate of increase) between two periods.
 *
 * Inputs: `last` x_T and `base` x_b, in the same unit (non-negative).
 * Output: '%' (5 means +5 %; −100 means the quantity fell to 0).
 * Formula: g = (x_T / x_b − 1) · 100
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, twoPeriods } from '../descriptor/inline-arguments.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const GROWTH_RATE_UNIT = '%';

export function growthRate(last: number | null, base: number | null, where?: Where): Computed {
  const why = 'a growth rate compares quantities that cannot be negative';
  checkNonNegative('last value', last, where, why);
  checkNonNegative('base value', base, where, why);
  const formula = ['(', term(last), ' ÷ ', term(base), ' − 1) × 100'];
  if (last === null || base === null) return missingResult(GROWTH_RATE_UNIT, formula, missingReason([['last value', last], ['base value', base]]));
  if (base === 0) throw divisionByZero('base value', where);
  return { value: finiteResult((last / base - 1) * 100, 'growth rate', where), unit: GROWTH_RATE_UNIT, formula };
}

export default defineIndicator({
  id: 'growth-rate',
  group: 'dynamics',
  text: {
    en: { title: 'Growth rate', note: 'The percentage by which a value rose or fell between two periods: the base index minus 100.' },
    ru: { title: 'Темп прироста', note: 'На сколько процентов значение выросло или сократилось между двумя периодами: базисный индекс минус 100.' },
    kk: { title: 'Өсім қарқыны', note: 'Мәннің екі кезең аралығында неше пайызға өскені немесе азайғаны: базистік индекс минус 100.' },
  },
  unit: GROWTH_RATE_UNIT,
  formula: String.raw`g = \left(\frac{x_T}{x_b} - 1\right) \cdot 100`,
  fn: growthRate,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period', optional: true, defaultsTo: 'base-period', doc: "BASE defaults to the table's basePeriod, else its first period" },
    ],
    example: 'growth-rate(harvest.cereals, 2019, 2015)',
    evaluate({ series, period, base }) {
      const p = twoPeriods(series, period, base);
      return fromComputed(growthRate(p.current, p.baseValue, p.where), p.inputs);
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        return {
          unit: GROWTH_RATE_UNIT,
          rows: rowPairs(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => ({ computed: growthRate(valueOf(from, row.from, period), valueOf(from, row.from, base), whereIn(def, row.id, base)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, base)] }),
        };
      },
    }),
  ],
  series: {
    unit: GROWTH_RATE_UNIT,
    needsBase: true,
    value: (table, _rows, row, period, base) => {
      const value = row.values[period] ?? null;
      return base ? growthRate(value, row.values[base] ?? null, { table: table.id, row: row.id, period: base }).value : value;
    },
  },
});
