/**
 * Absolute change between two periods.
 *
 * Inputs: `last` x_T and `base` x_b, both in `unit` (the table's unit; may be negative).
 * Output: `unit`.
 * Formula: Δ = x_T − x_b
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, twoPeriods } from '../descriptor/inline-arguments.ts';
import type { UnitId } from '../../validate/units.ts';
import type { Computed, Where } from './types.ts';
import { checkNumber, missingReason, missingResult, term, finiteResult } from './guards.ts';

export function absoluteChange(last: number | null, base: number | null, unit: string, where?: Where): Computed {
  checkNumber('last value', last, where);
  checkNumber('base value', base, where);
  const formula = [term(last), ' − ', term(base)];
  if (last === null || base === null) return missingResult(unit, formula, missingReason([['last value', last], ['base value', base]]));
  return { value: finiteResult(last - base, 'absolute change', where), unit, formula };
}

export default defineIndicator({
  id: 'absolute-change',
  group: 'dynamics',
  text: {
    en: { title: 'Absolute change', note: 'How much a value rose or fell between the base period and a later one, in its own unit.' },
    ru: { title: 'Абсолютное изменение', note: 'На сколько значение выросло или сократилось между базисным и более поздним периодом, в его собственных единицах.' },
    kk: { title: 'Абсолюттік өзгеріс', note: 'Мәннің базистік кезең мен кейінгі кезең аралығында өз өлшем бірлігімен қаншаға өскені немесе азайғаны.' },
  },
  unit: 'unit of the input',
  formula: String.raw`\Delta = x_T - x_b`,
  fn: absoluteChange,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period', optional: true, defaultsTo: 'base-period', doc: "BASE defaults to the table's basePeriod, else its first period" },
    ],
    example: 'absolute-change(harvest.cereals, 2019, 2015)',
    evaluate({ series, period, base }) {
      const p = twoPeriods(series, period, base);
      return fromComputed(absoluteChange(p.current, p.baseValue, series.table.unit, p.where), p.inputs, series.table.decimals);
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        return {
          unit: from.unit as UnitId,
          rows: rowPairs(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => ({ computed: absoluteChange(valueOf(from, row.from, period), valueOf(from, row.from, base), from.unit, whereIn(def, row.id, base)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, base)] }),
        };
      },
    }),
  ],
});
