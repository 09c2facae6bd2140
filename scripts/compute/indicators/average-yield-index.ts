/**
 * The plain average of per-crop yield indices (the pure function is in `yield-index.ts`, shared
 * with the Laspeyres index).
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { aggregateRow, basePeriodOf, cellInput, componentRows, numeric, periodsOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import { checkPeriod, wholeOf } from '../table-access.ts';
import type { Row } from '../../validate/table-schema.ts';
import { averageYieldIndex, YIELD_INDEX_UNIT } from './yield-index.ts';

export { averageYieldIndex };

const crops = (rows: readonly Row[], last: string, base: string) => rows.map((r) => ({ key: r.id, yieldBase: r.values[base] ?? null, yieldLast: r.values[last] ?? null }));

const TEXT = {
  en: { title: 'Average of crop yield indices', note: "The plain mean of the crops' yield indices: every crop counts the same, whatever area it occupies." },
  ru: { title: 'Средний индекс урожайности культур', note: 'Простая средняя индексов урожайности культур: каждая культура весит одинаково, какую бы площадь она ни занимала.' },
  kk: { title: 'Дақылдар түсімділігі индекстерінің орташасы', note: 'Дақылдар түсімділігі индекстерінің қарапайым орташасы: әр дақыл қандай алқап алса да, бірдей салмаққа ие.' },
};

export default defineIndicator({
  id: 'average-yield-index',
  group: 'intensity',
  text: TEXT,
  unit: YIELD_INDEX_UNIT,
  formula: String.raw`\bar{I}_y = \frac{1}{n} \sum_k \frac{y_{k,T}}{y_{k,b}} \cdot 100`,
  fn: averageYieldIndex,
  inline: inlineForm({
    params: [
      { name: 'yields', kind: 'table', label: 'YIELDS', doc: 'YIELDS: a table of yields (c/ha), one component row per crop' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period' },
    ],
    example: 'average-yield-index(yields, 2019, 2015)',
    evaluate({ yields, period, base }) {
      checkPeriod(yields, period);
      checkPeriod(yields, base);
      const { components } = wholeOf(yields);
      const computed = averageYieldIndex(crops(components, period, base), { table: yields.id, period: base });
      return fromComputed(computed, components.flatMap((r) => [{ table: yields.id, row: r.id, period }, { table: yields.id, row: r.id, period: base }]));
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        const rows = componentRows(def, from);
        return {
          unit: YIELD_INDEX_UNIT,
          basePeriod: base,
          rows: [aggregateRow('average-yield-index', TEXT)],
          periods: periodsOf(def, from),
          cell: (row, period) => ({
            computed: averageYieldIndex(crops(rows, period, base), whereIn(def, row.id, base)),
            inputs: rows.flatMap((r) => [cellInput(from, r.id, period), cellInput(from, r.id, base)]),
          }),
        };
      },
    }),
  ],
});
