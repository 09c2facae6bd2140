/**
 * Compound annual growth rate.
 *
 * Inputs: `last` x_T and `base` x_b in the same unit (non-negative); `years` = T − b (> 0).
 * Output: '% per year'.
 * Formula: CAGR = ((x_T / x_b)^(1/(T−b)) − 1) · 100
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, missingCell, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, twoPeriods } from '../descriptor/inline-arguments.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, invalidInput, missingReason, missingResult, term, finiteResult } from './guards.ts';

export const CAGR_UNIT = '% per year';

export function cagr(last: number | null, base: number | null, years: number, where?: Where): Computed {
  const why = 'a growth rate compares quantities that cannot be negative';
  checkNonNegative('last value', last, where, why);
  checkNonNegative('base value', base, where, why);
  if (typeof years !== 'number' || !Number.isFinite(years) || years <= 0) {
    throw invalidInput(
      `number of years is ${String(years)}`,
      where,
      'T − b > 0 (the last period after the base period)',
      'pass the number of years between the base and the last period',
    );
  }
  const formula = ['((', term(last), ' ÷ ', term(base), ')^(1/', years, ') − 1) × 100'];
  if (last === null || base === null) return missingResult(CAGR_UNIT, formula, missingReason([['last value', last], ['base value', base]]));
  if (base === 0) throw divisionByZero('base value', where);
  return { value: finiteResult((Math.pow(last / base, 1 / years) - 1) * 100, 'compound annual growth rate', where), unit: CAGR_UNIT, formula };
}

/** Years between two periods, from their years (2019 − 2015 = 4). */
export function yearsBetween(last: string, base: string): number {
  return Number(last.slice(0, 4)) - Number(base.slice(0, 4));
}

export default defineIndicator({
  id: 'cagr',
  group: 'dynamics',
  text: {
    en: { title: 'Compound annual growth rate', note: 'The constant yearly percentage growth that would lead from the value of the base year to the value of the last year.' },
    ru: { title: 'Среднегодовой темп прироста', note: 'Постоянный годовой прирост в процентах, который привёл бы от значения базисного года к значению последнего года.' },
    kk: { title: 'Орташа жылдық өсім қарқыны', note: 'Базистік жылдың мәнінен соңғы жылдың мәніне жеткізетін тұрақты жылдық пайыздық өсім.' },
  },
  unit: CAGR_UNIT,
  formula: String.raw`\mathrm{CAGR} = \left(\left(\frac{x_T}{x_b}\right)^{1/(T-b)} - 1\right) \cdot 100`,
  fn: cagr,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period', optional: true, defaultsTo: 'base-period', doc: "BASE defaults to the table's basePeriod, else its first period" },
    ],
    example: 'cagr(harvest.cereals, 2019, 2015)',
    evaluate({ series, period, base }) {
      const p = twoPeriods(series, period, base);
      return fromComputed(cagr(p.current, p.baseValue, yearsBetween(period, base), p.where), p.inputs);
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        return {
          unit: CAGR_UNIT,
          rows: rowPairs(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => {
            const years = yearsBetween(period, base);
            if (years <= 0) return missingCell(CAGR_UNIT, `${period} is not after the base year ${base}`);
            return { computed: cagr(valueOf(from, row.from, period), valueOf(from, row.from, base), years, whereIn(def, row.id, base)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, base)] };
          },
        };
      },
    }),
  ],
});
