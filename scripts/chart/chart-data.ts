/**
 * What every preset hands the rest of the chart stage: the records it plots, the Data view (an
 * HTML table of exactly those values), the tables it reads (for the source line) and credits
 * for anything else it draws (boundary files). The figure, the CSV download and the generated
 * description are all made from this, never from the table directly, so they cannot disagree
 * with the chart.
 */
import type { Table } from '../validate/table-schema.ts';

export type PlotValue = string | number | boolean | null;
export type PlotRecord = Record<string, PlotValue>;

/** One value of one series in one period: the records of the time-series presets. */
export interface ChartRecord {
  period: string;
  series: string;
  /** Row id of the series: keeps colours stable across charts. */
  key: string;
  value: number | null;
  [extra: string]: PlotValue;
}

export interface DataViewColumn {
  key: string;
  label: string;
  /** Decimals of the numbers in this column; defaults to the chart's. */
  decimals?: number;
}

export interface DataViewRow {
  key: string;
  label: string;
  /** Numbers are formatted for the page's locale; `null` is "no data"; strings are shown as they are. */
  cells: Array<number | string | null>;
}

/** The Data view: rows × columns of the plotted values. */
export interface DataView {
  /** Header of the first column ("Series", "Region"). */
  corner: string;
  columns: DataViewColumn[];
  rows: DataViewRow[];
}

export interface ChartData {
  /** The table the chart plots: its source line goes under the figure. */
  table: Table;
  /** Further tables the chart reads (the denominator of a location quotient, a second measure). */
  alsoTables: Table[];
  /** The records the spec plots, exactly. */
  records: PlotRecord[];
  /** Fields of the records written to the CSV download, in column order. */
  csvFields: string[];
  view: DataView;
  /** Unit of the plotted values, localized (the default subtitle). */
  unitText: string;
  decimals: number;
  /** For index charts: the period = 100. */
  base?: string;
  /** Lines under the figure for what the chart draws besides data tables (boundary files). */
  credits: string[];
}

/** The CSV of the plotted records: exactly what the chart and the Data view show. */
export function recordsCsv(records: PlotRecord[], fields: string[]): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const cell = (v: PlotValue | undefined) => (v === null || v === undefined ? '' : quote(String(v)));
  const lines = [fields.join(','), ...records.map((r) => fields.map((f) => cell(r[f])).join(','))];
  return `${lines.join('\n')}\n`;
}
