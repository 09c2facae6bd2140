/**
 * Rank of a row among the rows of its table in one period (issue 15: "where does my region rank").
 *
 * Input: the row's key and the values of the rows compared (a table's rows but its total row and
 *   memo rows), in one unit; values may be negative; `null` = no value.
 * Output: 'rank', 1 = highest (order 'descending', the default) or 1 = lowest ('ascending').
 *   Ties share the best of their places ("competition ranking": 1, 2, 2, 4), and the result says
 *   how many share it (`tied`) among how many were ranked (`of`), so text can say "tied".
 *   Rows without a value are not ranked; the row itself without a value gives no rank, and says so.
 * Formula: r_i = 1 + #{j : x_j > x_i} (ascending: x_j < x_i)
 */
import { z } from 'zod';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { numeric, periodsOf, rowPairs, DerivationProblem, type DerivedDefinition, type ResultRow } from '../descriptor/derivation.ts';
import { comparedRows, comparisonInputs, ownReason, RANK_ORDERS, requireCompared, valuesAt, type RankOrder } from '../descriptor/compared-rows.ts';
import type { RowArgument } from '../descriptor/inline-arguments.ts';
import type { ResolvedValue } from '../inline/types.ts';
import type { NumericTable } from '../../validate/table-schema.ts';
import { checkComponents, invalidInput, missingResult } from './guards.ts';
import type { Component, Computed, Where } from './types.ts';

export const RANK_UNIT = 'rank';

export interface RankComputed extends Computed {
  /** How many rows share this rank (1: no tie; 0: not ranked). */
  tied: number;
  /** How many rows were ranked (those with a value). */
  of: number;
}

const ahead = (order: RankOrder) => (order === 'descending' ? '>' : '<');

export function rankAmong(key: string, components: readonly Component[], order: RankOrder = 'descending', where?: Where): RankComputed {
  checkComponents('rows compared', components, where, false);
  const own = components.find((c) => c.key === key);
  if (!own) throw invalidInput(`"${key}" is not one of the rows compared`, where, `one of ${components.map((c) => `"${c.key}"`).join(', ')}`, 'rank a row that is compared (not the total row or a memo row)');
  const ranked = components.filter((c): c is { key: string; value: number } => c.value !== null);
  const formula = [`1 + #{x_j ${ahead(order)} x_i}`];
  if (own.value === null) return { ...missingResult(RANK_UNIT, formula, `"${key}" has no value, so it is not ranked`), tied: 0, of: ranked.length };
  const x = own.value;
  const better = ranked.filter((c) => (order === 'descending' ? c.value > x : c.value < x)).length;
  return { value: 1 + better, unit: RANK_UNIT, formula: [...formula, ' = 1 + ', better], tied: ranked.filter((c) => c.value === x).length, of: ranked.length };
}

/** A rank as an inline value: no decimals, the tie count kept, the row's own missing reason first. */
export function rankValue(computed: RankComputed, series: RowArgument, period: string, inputs: ResolvedValue['inputs']): ResolvedValue {
  const missing = computed.value === null ? (ownReason(series.row, period) ?? computed.missing) : undefined;
  return { value: computed.value, missing, unit: computed.unit, decimals: 0, formula: computed.formula, inputs, ...(computed.value === null ? {} : { rank: { tied: computed.tied, of: computed.of } }) };
}

/** The result rows of a comparison table: `rows`, or every row compared; a total or memo row is refused. */
export function comparisonRows(def: DerivedDefinition, from: NumericTable): ResultRow[] {
  const compared = new Set(comparedRows(from).map((r) => r.id));
  const rows = def.rows === undefined ? comparedRows(from).map((r) => ({ id: r.id, from: r.id, by: r.id })) : rowPairs(def, from);
  for (const row of rows) {
    if (!compared.has(row.from)) throw new DerivationProblem(`row "${row.from}" is the total row or a memo row of "${from.id}", which ranks leave out`, `rows.${row.id}`, `rank rows among ${[...compared].join(', ')}`);
  }
  return rows;
}

export const ORDER_OPTION = z.enum(RANK_ORDERS).optional().describe('descending (default): 1 = the highest value; ascending: 1 = the lowest');
export const ORDER_PARAM = { name: 'order', kind: 'word', words: RANK_ORDERS, optional: true, default: 'descending', doc: 'descending (default): 1 = highest; ascending: 1 = lowest' } as const;

const EXAMPLE = 'rank(grp-by-region.north, 2022)';

export default defineIndicator({
  id: 'rank',
  group: 'comparison',
  text: {
    en: { title: 'Rank', note: "The place of a row among the table's rows in a period, 1 = highest (or lowest, ascending); the total row and memo rows are not ranked, tied rows share the best place." },
    ru: { title: 'Место (ранг)', note: 'Место строки среди строк таблицы в периоде, 1 — наибольшее значение (или наименьшее при ascending); итоговая строка и справочные строки не ранжируются, равные значения делят лучшее место.' },
    kk: { title: 'Орын (ранг)', note: 'Жолдың кезеңдегі кесте жолдары арасындағы орны, 1 — ең үлкен мән (ascending болса — ең кіші); қорытынды жол мен анықтамалық жолдар саралмайды, тең мәндер ең жақсы орынды бөліседі.' },
  },
  unit: RANK_UNIT,
  formula: String.raw`r_i = 1 + \#\{\, j : x_j > x_i \,\}`,
  fn: rankAmong,
  inline: inlineForm({
    params: [{ name: 'series', kind: 'row', doc: "compared with the table's other rows (not its total row or memo rows)" }, { name: 'period', kind: 'period' }, ORDER_PARAM],
    example: EXAMPLE,
    evaluate({ series, period, order }) {
      requireCompared(series.table, series.row, EXAMPLE);
      series.at(period);
      const rows = comparedRows(series.table);
      const computed = rankAmong(series.row.id, valuesAt(rows, period), order, { table: series.table.id, row: series.row.id, period });
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
          unit: RANK_UNIT,
          rows: comparisonRows(def, from),
          periods: periodsOf(def, from),
          cell: (row, period) => ({
            computed: rankAmong(row.from, valuesAt(compared, period), def.order, { table: def.id, row: row.id, period, file: undefined }),
            inputs: comparisonInputs(from, row.from, compared, [period]),
          }),
        };
      },
    }),
  ],
});
