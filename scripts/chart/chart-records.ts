/**
 * The data a time-series chart plots, as long records, taken from a table by id and optionally
 * turned into an indicator (index or share) with the indicator functions, so a chart never
 * recomputes by itself. Used by every preset whose rows are series and whose periods are periods.
 */
import { roundNumber } from '../compute/round-decimal.ts';
import { baseIndex, chainIndex, shareOf } from '../compute/indicators/index.ts';
import { LookupProblem, numericTable, tableRow, wholeOf, type Tables } from '../compute/table-access.ts';
import { localize, type NumericTable, type Row } from '../validate/table-schema.ts';
import type { ChartBlock } from './chart-block.ts';
import type { ChartData, ChartRecord } from './chart-data.ts';
import { chartWords } from './chart-strings.ts';
import { CHART_LIMITS } from './spec-boundary.ts';
import { unitLabel, type Language } from '../languages/language.ts';

export interface SeriesData extends ChartData {
  table: NumericTable;
  records: ChartRecord[];
  /** Series in display order: [row id, label]. */
  series: Array<[string, string]>;
  periods: string[];
}

export type SeriesOptions = Pick<ChartBlock, 'table' | 'rows' | 'periods' | 'transform' | 'base'> & { preset?: ChartBlock['preset'] };

export function checkPeriods(table: NumericTable, periods: string[], option = 'periods'): void {
  for (const period of periods) {
    if (!table.periods.includes(period)) throw new LookupProblem(`table "${table.id}" has no period "${period}"`, { expected: `one of ${table.periods.join(', ')}`, fix: `correct "${option}"` });
  }
}

/** The rows a chart plots: the block's `rows`, or every row but memo rows (and total rows when asked). */
export function chartRows(table: NumericTable, rows: string[] | undefined, exclude: Array<Row['role']> = ['memo']): Row[] {
  return (rows ?? table.rows.filter((r) => !exclude.includes(r.role)).map((r) => r.id)).map((id) => tableRow(table, id));
}

export function chartData(block: SeriesOptions, tables: Tables, language: Language): SeriesData {
  const table = numericTable(tables, block.table);
  const rows = chartRows(table, block.rows);
  const periods = block.periods ?? table.periods;
  checkPeriods(table, periods);
  const base = block.base ?? (block.transform === 'base-index' || block.preset === 'index' ? (table.basePeriod ?? periods[0]) : undefined);
  if (base !== undefined && !table.periods.includes(base)) {
    throw new LookupProblem(`table "${table.id}" has no period "${base}" to use as base`, { expected: `one of ${table.periods.join(', ')}`, fix: 'correct "base"' });
  }
  const decimals = block.transform !== undefined ? 1 : table.decimals;
  // Before any record is made: a preset that spreads 200,000 values into Math.max overflows the stack.
  if (rows.length * periods.length > CHART_LIMITS.records) {
    throw new LookupProblem(`would plot ${(rows.length * periods.length).toLocaleString('en')} records`, { expected: `at most ${CHART_LIMITS.records.toLocaleString('en')} records in one chart`, fix: 'choose the rows and periods to plot ("rows:", "periods:"), or derive a smaller table' });
  }
  const records: ChartRecord[] = [];
  for (const row of rows) {
    const series = localize(row.label, language);
    for (const period of periods) {
      // Plotted at the digits the chart shows (tooltips, labels, Data view, CSV), rounded once by
      // the report's rule: a tooltip then gives the figure the text gives.
      const value = transformed(table, rows, row, period, block.transform, base);
      records.push({ period, series, key: row.id, value: value === null ? null : round(value, decimals) });
    }
  }
  const series = rows.map((r): [string, string] => [r.id, localize(r.label, language)]);
  const valueOf = (key: string, period: string) => records.find((r) => r.key === key && r.period === period)?.value ?? null;
  return {
    table,
    alsoTables: [],
    records: block.transform === 'chain-index' ? records.filter((r) => r.value !== null) : records,
    csvFields: ['period', 'series', 'key', 'value'],
    view: {
      corner: chartWords(language).series,
      columns: periods.map((p) => ({ key: p, label: p })),
      rows: series.map(([key, label]) => ({ key, label, cells: periods.map((p) => valueOf(key, p)) })),
    },
    unitText: plottedUnit(table, block.transform, base, language),
    decimals,
    base,
    credits: [],
    series,
    periods,
  };
}

/** One row's value in one period, or the indicator `transform` asks for. */
export function transformed(table: NumericTable, rows: Row[], row: Row, period: string, transform: ChartBlock['transform'], base: string | undefined): number | null {
  const where = { table: table.id, row: row.id, period };
  const value = row.values[period] ?? null;
  let plotted = value;
  if (transform === 'base-index' && base) plotted = baseIndex(value, row.values[base] ?? null, { ...where, period: base }).value;
  if (transform === 'chain-index') {
    const previous = table.periods[table.periods.indexOf(period) - 1];
    plotted = previous === undefined ? null : chainIndex(value, row.values[previous] ?? null, { ...where, period: previous }).value;
  }
  if (transform === 'share') {
    const { total } = wholeOf(table);
    const whole = total ? (total.values[period] ?? null) : sumOrNull(rows.map((r) => r.values[period] ?? null));
    plotted = shareOf(value, whole, where).value;
  }
  return plotted === null ? null : round(plotted, 6);
}

export function plottedUnit(table: NumericTable, transform: ChartBlock['transform'], base: string | undefined, language: Language): string {
  if (transform === 'base-index') return chartWords(language).indexUnit(base ?? '');
  if (transform === 'chain-index') return unitLabel('% of previous year', language);
  if (transform === 'share') return '%';
  if (table.unit === '% of base year') return chartWords(language).indexUnit(table.basePeriod ?? '');
  return unitLabel(table.unit, language);
}

/** Whether values on this scale read as an index (100 = no change). */
export function isIndexScale(table: NumericTable, transform: ChartBlock['transform']): boolean {
  if (transform === 'base-index' || transform === 'chain-index') return true;
  if (transform === 'share') return false;
  return table.unit === '% of base year' || table.unit === '% of previous year';
}

function sumOrNull(values: Array<number | null>): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/** Drops floating-point noise (1.0000000002) before values reach SVG, CSV and tooltips: the report's one rounding rule. */
export const round = roundNumber;
