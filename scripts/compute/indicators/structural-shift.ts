/**
 * Structural shift between two periods (linear index of absolute structural shifts).
 *
 * Input: components with their values in the base period b and the last period T (non-negative,
 *   same unit within a period). Values are turned into shares of their period's total first, so
 *   published shares can be passed as they are (normalising shares leaves them unchanged, and a
 *   rounding gap in their sum is absorbed).
 * Output: 'percentage points' of the whole that moved between components (0 … 100).
 * Formula: D = ½ Σ_k |s_k,T − s_k,b|, with s_k = x_k / Σ_j x_j · 100
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { aggregateRow, basePeriodOf, cellInput, componentRows, numeric, periodsOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import { checkPeriod, wholeOf } from '../table-access.ts';
import type { Computed, Term, Where } from './types.ts';
import { checkComponents, divisionByZero, MAX_LISTED_TERMS, missingResult, sum, term } from './guards.ts';

export const STRUCTURAL_SHIFT_UNIT = 'percentage points';

export interface StructuralShiftComponent {
  key: string;
  base: number | null;
  last: number | null;
}

export function structuralShift(components: readonly StructuralShiftComponent[], where?: Where): Computed {
  checkComponents('base-period components', components.map((c) => ({ key: c.key, value: c.base })), where);
  checkComponents('last-period components', components.map((c) => ({ key: c.key, value: c.last })), where);
  const absent = components.flatMap((c) => [
    ...(c.base === null ? [`"${c.key}" in the base period`] : []),
    ...(c.last === null ? [`"${c.key}" in the last period`] : []),
  ]);
  if (absent.length > 0) {
    return missingResult(
      STRUCTURAL_SHIFT_UNIT,
      ['½ × Σ |s_T − s_b|'],
      `${absent.join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing, so the shares are unknown`,
    );
  }
  const base = components.map((c) => c.base as number);
  const last = components.map((c) => c.last as number);
  const baseTotal = sum(base);
  const lastTotal = sum(last);
  if (baseTotal === 0) throw divisionByZero('base-period total', where, 'all components are 0 in the base period: check the data table');
  if (lastTotal === 0) throw divisionByZero('last-period total', where, 'all components are 0 in the last period: check the data table');
  const sb = base.map((v) => (v / baseTotal) * 100);
  const sT = last.map((v) => (v / lastTotal) * 100);
  let total = 0;
  const formula: Term[] = ['½ × ('];
  sT.forEach((s, i) => {
    const b = sb[i] as number;
    total += Math.abs(s - b);
    if (i > 0) formula.push(' + ');
    formula.push('|', term(s), ' − ', term(b), '|');
  });
  formula.push(')');
  return {
    value: total / 2,
    unit: STRUCTURAL_SHIFT_UNIT,
    formula: components.length > MAX_LISTED_TERMS ? [`½ × Σ |s_T − s_b| over ${components.length} components`] : formula,
  };
}

const TEXT = {
  en: { title: 'Structural shift', note: 'Half the sum of the absolute changes in the shares of all components between two periods: how many percentage points of the whole moved between components (0 to 100).' },
  ru: { title: 'Индекс структурных сдвигов', note: 'Половина суммы абсолютных изменений долей всех составляющих между двумя периодами — сколько процентных пунктов целого переместилось между составляющими (от 0 до 100).' },
  kk: { title: 'Құрылымдық ығысу индексі', note: 'Екі кезең аралығындағы барлық құрамдас бөлік үлестерінің абсолюттік өзгерістері қосындысының жартысы — тұтастың құрамдас бөліктер арасында орын ауыстырған пайыздық тармақтары (0-ден 100-ге дейін).' },
};

export default defineIndicator({
  id: 'structural-shift',
  group: 'structure',
  text: TEXT,
  unit: STRUCTURAL_SHIFT_UNIT,
  formula: String.raw`D = \frac{1}{2} \sum_k \left| s_{k,T} - s_{k,b} \right|`,
  fn: structuralShift,
  inline: inlineForm({
    params: [
      { name: 'table', kind: 'table', doc: 'over its component rows (not the total row or memo rows)' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period' },
    ],
    example: 'structural-shift(harvest, 2019, 2015)',
    evaluate({ table, period, base }) {
      checkPeriod(table, period);
      checkPeriod(table, base);
      const { components } = wholeOf(table);
      const computed = structuralShift(components.map((r) => ({ key: r.id, base: r.values[base] ?? null, last: r.values[period] ?? null })), { table: table.id, period: base });
      return fromComputed(computed, components.flatMap((r) => [{ table: table.id, row: r.id, period }, { table: table.id, row: r.id, period: base }]));
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        const components = componentRows(def, from);
        return {
          unit: 'percentage points',
          rows: [aggregateRow('structural-shift', TEXT)],
          periods: periodsOf(def, from),
          cell: (row, period) => ({
            computed: structuralShift(components.map((r) => ({ key: r.id, base: r.values[base] ?? null, last: r.values[period] ?? null })), whereIn(def, row.id, base)),
            inputs: components.flatMap((r) => [cellInput(from, r.id, period), cellInput(from, r.id, base)]),
          }),
        };
      },
    }),
  ],
});
