/**
 * The data a time-series chart plots, as long records, taken from a table by id and optionally
 * turned into an indicator (index or share) with the indicator functions, so a chart never
 * recomputes by itself. Used by every preset whose rows are series and whose periods are periods.
 */
import { roundNumber } from '../compute/round-decimal.ts';
import { SERIES_TRANSFORMS } from '../compute/indicators/registry.ts';
import { LookupProblem, numericTable, tableRow, type Tables } from '../compute/table-access.ts';
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
  const base = block.base ?? (needsBase(block.transform) || block.preset === 'index' ? (table.basePeriod ?? periods[0]) : undefined);
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
    records: seriesForm(block.transform)?.omitMissing ? records.filter((r) => r.value !== null) : records,
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

/** The series form of a chart transform (an indicator's, from the registry). */
function seriesForm(transform: ChartBlock['transform']) {
  return transform === undefined ? undefined : SERIES_TRANSFORMS.get(transform);
}

/** Whether a transform reads the block's `base`. */
export function needsBase(transform: ChartBlock['transform']): boolean {
  return seriesForm(transform)?.needsBase === true;
}

/** One row's value in one period, or the indicator `transform` asks for. */
export function transformed(table: NumericTable, rows: Row[], row: Row, period: string, transform: ChartBlock['transform'], base: string | undefined): number | null {
  const form = seriesForm(transform);
  const plotted = form ? form.value(table, rows, row, period, base) : (row.values[period] ?? null);
  return plotted === null ? null : round(plotted, 6);
}

export function plottedUnit(table: NumericTable, transform: ChartBlock['transform'], base: string | undefined, language: Language): string {
  const form = seriesForm(transform);
  const unit = form ? form.unit : table.unit;
  if (unit === '% of base year') return chartWords(language).indexUnit((form ? base : table.basePeriod) ?? '');
  return unitLabel(unit, language);
}

/** Whether values on this scale read as an index (100 = no change). */
export function isIndexScale(table: NumericTable, transform: ChartBlock['transform']): boolean {
  const unit = seriesForm(transform)?.unit ?? table.unit;
  return unit === '% of base year' || unit === '% of previous year';
}

/** Drops floating-point noise (1.0000000002) before values reach SVG, CSV and tooltips: the report's one rounding rule. */
export const round = roundNumber;
