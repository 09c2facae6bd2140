/**
 * Percentile rank of a row among the rows of its table in one period.
 *
 * Input: as `rankAmong`: the row's key and the values of the rows compared (not the total row or
 *   memo rows); rows without a value are left out.
 * Output: 'percentile', 0 … 100: the share of the other ranked rows that the row is ahead of (100
 *   = ahead of all, 0 = behind all); tied rows share it. Missing for a row without a value, and
 *   when fewer than two rows have one.
 * Formula: P_i = #{j : x_j < x_i} ÷ (N − 1) × 100 (ascending: x_j > x_i)
 */
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { numeric, periodsOf } from '../descriptor/derivation.ts';
import { comparedRows, comparisonInputs, requireCompared, valuesAt, type RankOrder } from '../descriptor/compared-rows.ts';
import { checkComponents, invalidInput, missingResult } from './guards.ts';
import { comparisonRows, ORDER_OPTION, ORDER_PARAM, rankValue, type RankComputed } from './rank.ts';
import type { Component, Where } from './types.ts';

export const PERCENTILE_UNIT = 'percentile';

export function percentileAmong(key: string, components: readonly Component[], order: RankOrder = 'descending', where?: Where): RankComputed {
  checkComponents('rows compared', components, where, false);
  const own = components.find((c) => c.key === key);
  if (!own) throw invalidInput(`"${key}" is not one of the rows compared`, where, `one of ${components.map((c) => `"${c.key}"`).join(', ')}`, 'take a row that is compared (not the total row or a memo row)');
  const ranked = components.filter((c): c is { key: string; value: number } => c.value !== null);
  const behind = order === 'descending' ? '<' : '>';
  const formula = [`#{x_j ${behind} x_i} ÷ (N − 1) × 100`];
  if (own.value === null) return { ...missingResult(PERCENTILE_UNIT, formula, `"${key}" has no value, so it is not ranked`), tied: 0, of: ranked.length };
  if (ranked.length < 2) return { ...missingResult(PERCENTILE_UNIT, formula, 'only one row has a value: a percentile needs two or more'), tied: 0, of: ranked.length };
  const x = own.value;
  const below = ranked.filter((c) => (order === 'descending' ? c.value < x : c.value > x)).length;
  return { value: (below / (ranked.length - 1)) * 100, unit: PERCENTILE_UNIT, formula: [...formula, ' = ', below, ' ÷ (', ranked.length, ' − 1) × 100'], tied: ranked.filter((c) => c.value === x).length, of: ranked.length };
}

const EXAMPLE = 'percentile(grp-by-region.north, 2022)';

export default defineIndicator({
  id: 'percentile',
  group: 'comparison',
  text: {
    en: { title: 'Percentile rank', note: "The share of the table's other rows that a row is ahead of in a period, 0 to 100; the total row and memo rows are not compared." },
    ru: { title: 'Процентильный ранг', note: 'Доля остальных строк таблицы, которые строка опережает в периоде, от 0 до 100; итоговая строка и справочные строки не сравниваются.' },
    kk: { title: 'Процентильдік ранг', note: 'Жолдың кезеңде кестенің басқа жолдарының қаншасынан озатыны, 0-ден 100-ге дейін; қорытынды жол мен анықтамалық жолдар салыстырылмайды.' },
  },
  unit: PERCENTILE_UNIT,
  formula: String.raw`P_i = \frac{\#\{\, j : x_j < x_i \,\}}{N - 1} \cdot 100`,
  fn: percentileAmong,
  inline: inlineForm({
    params: [{ name: 'series', kind: 'row', doc: "compared with the table's other rows (not its total row or memo rows)" }, { name: 'period', kind: 'period' }, ORDER_PARAM],
    example: EXAMPLE,
    evaluate({ series, period, order }) {
      requireCompared(series.table, series.row, EXAMPLE);
      series.at(period);
      const rows = comparedRows(series.table);
      const computed = percentileAmong(series.row.id, valuesAt(rows, period), order, { table: series.table.id, row: series.row.id, period });
      return rankValue(computed, series, period, comparisonInputs(series.table, series.row.id, rows, [period]));
    },
  }),
  tables: [
    tableForm({
      options: { order: ORDER_OPTION },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const compared = comparedRows(from);
        return {
          unit: PERCENTILE_UNIT,
          rows: comparisonRows(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => ({
            computed: percentileAmong(row.from, valuesAt(compared, period), def.order, { table: def.id, row: row.id, period, file: undefined }),
            inputs: comparisonInputs(from, row.from, compared, [period]),
          }),
        };
      },
    }),
  ],
});
