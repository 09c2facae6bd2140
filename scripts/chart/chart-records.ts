/**
 * The data a chart plots, as long records, taken from a table by id and optionally turned into
 * an indicator (index or share) with the indicator functions, so a chart never recomputes by itself.
 */
import { baseIndex, chainIndex, shareOf } from '../compute/indicators/index.ts';
import { LookupProblem, numericTable, tableRow, wholeOf, type Tables } from '../compute/table-access.ts';
import { localize, type NumericTable } from '../validate/table-schema.ts';
import { unitLabel } from '../validate/units.ts';
import type { ChartBlock } from './chart-block.ts';
import type { ChartRecord } from './presets.ts';

export interface ChartData {
  table: NumericTable;
  records: ChartRecord[];
  series: Array<[string, string]>;
  periods: string[];
  /** Unit of the plotted values, localized. */
  unitText: string;
  decimals: number;
  /** For index charts: the period = 100. */
  base?: string;
}

export function chartData(block: ChartBlock, tables: Tables, locale: string): ChartData {
  const table = numericTable(tables, block.table);
  const rows = (block.rows ?? table.rows.filter((r) => r.role !== 'memo').map((r) => r.id)).map((id) => tableRow(table, id));
  const periods = block.periods ?? table.periods;
  for (const period of periods) {
    if (!table.periods.includes(period)) throw new LookupProblem(`table "${table.id}" has no period "${period}"`, { expected: `one of ${table.periods.join(', ')}`, fix: 'correct "periods"' });
  }
  const base = block.base ?? (block.transform === 'base-index' || block.preset === 'index' ? (table.basePeriod ?? periods[0]) : undefined);
  if (base !== undefined && !table.periods.includes(base)) {
    throw new LookupProblem(`table "${table.id}" has no period "${base}" to use as base`, { expected: `one of ${table.periods.join(', ')}`, fix: 'correct "base"' });
  }
  const { total } = wholeOf(table);
  const records: ChartRecord[] = [];
  for (const row of rows) {
    const series = localize(row.label, locale);
    for (const period of periods) {
      const where = { table: table.id, row: row.id, period };
      const value = row.values[period] ?? null;
      let plotted = value;
      if (block.transform === 'base-index' && base) plotted = baseIndex(value, row.values[base] ?? null, { ...where, period: base }).value;
      if (block.transform === 'chain-index') {
        const previous = table.periods[table.periods.indexOf(period) - 1];
        plotted = previous === undefined ? null : chainIndex(value, row.values[previous] ?? null, { ...where, period: previous }).value;
      }
      if (block.transform === 'share') {
        const whole = total ? (total.values[period] ?? null) : sumOrNull(rows.map((r) => r.values[period] ?? null));
        plotted = shareOf(value, whole, where).value;
      }
      records.push({ period, series, key: row.id, value: plotted === null ? null : round(plotted, 6) });
    }
  }
  const transformed = block.transform !== undefined;
  const unitText =
    block.transform === 'base-index' ? indexUnit(locale, base ?? '') : block.transform === 'chain-index' ? unitLabel('% of previous year', locale) : block.transform === 'share' ? '%' : table.unit === '% of base year' ? indexUnit(locale, table.basePeriod ?? '') : unitLabel(table.unit as Parameters<typeof unitLabel>[0], locale);
  return {
    table,
    records: records.filter((r) => r.value !== null || !transformed || block.transform !== 'chain-index'),
    series: rows.map((r) => [r.id, localize(r.label, locale)]),
    periods,
    unitText,
    decimals: transformed ? 1 : table.decimals,
    base,
  };
}

function indexUnit(locale: string, base: string): string {
  return locale === 'en' ? `index, ${base} = 100` : `индекс, ${base} = 100`;
}

function sumOrNull(values: Array<number | null>): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/** Drops floating-point noise (1.0000000002) before values reach SVG, CSV and tooltips. */
function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
