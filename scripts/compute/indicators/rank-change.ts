/**
 * Change in rank between two periods: how many places a row moved among the rows of its table.
 *
 * Input: the row's rank in the base period and in the last period (`rankAmong`, same order).
 * Output: 'rank' (places); positive = moved up (a smaller rank number), negative = moved down.
 *   Missing when either rank is (the row had no value in that period).
 * Formula: Δr = r_b − r_T
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, numeric, periodsOf } from '../descriptor/derivation.ts';
import { comparedRows, comparisonInputs, ownReason, requireCompared, valuesAt } from '../descriptor/compared-rows.ts';
import { missingResult, term } from './guards.ts';
import { comparisonRows, ORDER_OPTION, ORDER_PARAM, rankAmong, RANK_UNIT, type RankComputed } from './rank.ts';
import type { Computed } from './types.ts';

export function rankChange(rankLast: RankComputed, rankBase: RankComputed): Computed {
  const formula = [term(rankBase.value), ' − ', term(rankLast.value)];
  if (rankBase.value === null) return missingResult(RANK_UNIT, formula, `no rank in the base period: ${rankBase.missing ?? 'no value'}`);
  if (rankLast.value === null) return missingResult(RANK_UNIT, formula, `no rank in the last period: ${rankLast.missing ?? 'no value'}`);
  return { value: rankBase.value - rankLast.value, unit: RANK_UNIT, formula };
}

const EXAMPLE = 'rank-change(grp-by-region.north, 2022, 2019)';

export default defineIndicator({
  id: 'rank-change',
  group: 'comparison',
  text: {
    en: { title: 'Change in rank', note: 'How many places a row moved among the rows of its table between two periods: positive = up, negative = down.' },
    ru: { title: 'Изменение места', note: 'На сколько мест строка переместилась среди строк таблицы между двумя периодами: положительное значение — вверх, отрицательное — вниз.' },
    kk: { title: 'Орынның өзгеруі', note: 'Екі кезең аралығында жолдың кесте жолдары арасында неше орынға жылжығаны: оң мән — жоғары, теріс мән — төмен.' },
  },
  unit: RANK_UNIT,
  formula: String.raw`\Delta r_i = r_{i,b} - r_{i,T}`,
  fn: rankChange,
  inline: inlineForm({
    params: [{ name: 'series', kind: 'row', doc: "compared with the table's other rows (not its total row or memo rows)" }, { name: 'period', kind: 'period' }, { name: 'base', kind: 'period' }, ORDER_PARAM],
    example: EXAMPLE,
    evaluate({ series, period, base, order }) {
      requireCompared(series.table, series.row, EXAMPLE);
      series.at(period);
      series.at(base);
      const rows = comparedRows(series.table);
      const where = { table: series.table.id, row: series.row.id, period };
      const computed = rankChange(rankAmong(series.row.id, valuesAt(rows, period), order, where), rankAmong(series.row.id, valuesAt(rows, base), order, { ...where, period: base }));
      const missing = computed.value === null ? (ownReason(series.row, base) ?? ownReason(series.row, period) ?? computed.missing) : undefined;
      return { value: computed.value, missing, unit: computed.unit, decimals: 0, formula: computed.formula, inputs: comparisonInputs(series.table, series.row.id, rows, [period, base]) };
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)"), order: ORDER_OPTION },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const base = basePeriodOf(def.base, from);
        const compared = comparedRows(from);
        return {
          unit: RANK_UNIT,
          rows: comparisonRows(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => {
            const where = { table: def.id, row: row.id, period, file: undefined };
            return {
              computed: rankChange(rankAmong(row.from, valuesAt(compared, period), def.order, where), rankAmong(row.from, valuesAt(compared, base), def.order, { ...where, period: base })),
              inputs: comparisonInputs(from, row.from, compared, [base, period]),
            };
          },
        };
      },
    }),
  ],
});
