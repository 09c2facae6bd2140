/**
 * Matrix presets: heatmap (a numeric table as rows × periods, each cell coloured by its value
 * and labelled with it) and matrix (a text table as rows × columns, a cell filled when it holds
 * a mark such as "✓" and empty when it is null: programmes × purposes of support).
 */
import type { TopLevelSpec } from 'vega-lite';
import { LookupProblem } from '../../compute/table-access.ts';
import { localize, sourceText, type TextTable } from '../../validate/table-schema.ts';
import type { ChartBlock } from '../chart-block.ts';
import { chartData, isIndexScale } from '../chart-records.ts';
import { chartWords } from '../chart-strings.ts';
import { inkOn, valueScale } from '../colour-scales.ts';
import { describeHeatmap, describeMatrix } from '../describe-chart.ts';
import { formatNumber } from '../../languages/number-format.ts';
import { CATEGORICAL } from '../theme.ts';
import { MULTILINE_LABELS, wrappedAll } from '../wrap-text.ts';
import { numberFormat, numbers, periodTitle, SCHEMA_URL, type PreparedChart, type PresetContext } from './common.ts';
import { sourceOf, type Language } from '../../languages/language.ts';

export function heatmapChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const data = chartData(block, context.tables, context.language);
  const midpoint = block.midpoint ?? (isIndexScale(data.table, block.transform) ? 100 : undefined);
  const values = numbers(data.records.map((r) => r.value));
  const colours = valueScale(values.length ? values : [0], midpoint);
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const rowText = wrappedAll(data.series.map(([, label]) => label), 32);
  const order = new Map(data.series.map(([, label], i) => [label, i]));
  const periodOrder = new Map(data.periods.map((p, i) => [p, i]));
  // Each cell carries its colour, its label's ink and its place: the spec names no row, period or value.
  const cells = data.records.map((r) => {
    const fill = r.value === null ? null : colours.colourOf(r.value);
    return {
      ...r,
      label: r.value === null ? '…' : formatNumber(r.value, data.decimals, context.language),
      fill,
      ink: fill === null ? 'currentColor' : inkOn(fill),
      rowText: rowText.get(r.series) ?? r.series,
      order: order.get(r.series) ?? 0,
      periodOrder: periodOrder.get(r.period) ?? 0,
    };
  });
  const step = Math.min(64, Math.max(40, Math.floor(600 / Math.max(1, data.periods.length))));
  const x = { field: 'period', type: 'ordinal', title: null, sort: { field: 'periodOrder', op: 'min' }, axis: { orient: 'top', labelAngle: 0, domain: false, ticks: false } };
  const y = { field: 'rowText', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { ...MULTILINE_LABELS, domain: false, ticks: false } };
  const spec = {
    $schema: SCHEMA_URL,
    width: { step },
    height: { step: Math.max(30, 15 * Math.max(...cells.map((c) => c.rowText.split('\n').length)) + 6) },
    data: { values: cells },
    encoding: { x, y },
    layer: [
      {
        // A cell without a value gets no rectangle, only its '…' label.
        transform: [{ filter: 'isValid(datum.fill)' }],
        mark: { type: 'rect', stroke: 'currentColor', strokeOpacity: 0.15 },
        encoding: {
          fill: { field: 'fill', type: 'nominal', scale: null },
          tooltip: [
            { field: 'series', type: 'nominal', title: ' ' },
            { field: 'period', type: 'ordinal', title: xTitle },
            { field: 'value', type: 'quantitative', title: data.unitText, format },
          ],
        },
      },
      { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'label' }, fill: { field: 'ink', type: 'nominal', scale: null } } },
    ],
  };
  return {
    data,
    spec: spec as unknown as TopLevelSpec,
    extraFields: ['label', 'fill', 'ink', 'rowText', 'order', 'periodOrder'],
    subtitle: data.unitText,
    description: describeHeatmap(block.title, block.subtitle ?? data.unitText, data.records, data.series, data.decimals, context.language),
  };
}

function textTable(block: ChartBlock, context: PresetContext): TextTable {
  const loaded = context.tables.get(block.table);
  if (!loaded) throw new LookupProblem(`unknown table "${block.table}"`, { expected: 'the id of a table in data/', fix: `available: ${[...context.tables.keys()].sort().slice(0, 12).join(', ')}` });
  if (loaded.table.kind !== 'text') {
    throw new LookupProblem(`preset "${block.preset}" draws a text table, but "${block.table}" holds numbers`, { expected: 'a table with "kind": "text"', fix: 'use preset "heatmap" for a numeric table' });
  }
  return loaded.table;
}

/** Characters per line of row and column names; columns stay at two lines so rotated names do not overlap. */
const ROW_WRAP = 48;
const COLUMN_WRAP = 34;

/** A cell in the source language: which columns hold marks does not depend on the page's language. */
const sourceCell = (cell: TextTable['rows'][number]['cells'][string] | undefined, source: string) => (cell === null || cell === undefined ? null : sourceText(cell, source));
const cellText = (cell: TextTable['rows'][number]['cells'][string] | undefined, language: Language) => (cell === null || cell === undefined ? null : localize(cell, language));

export function matrixChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const table = textTable(block, context);
  const language = context.language;
  const rows = (block.rows ?? table.rows.map((r) => r.id)).map((id) => {
    const row = table.rows.find((r) => r.id === id);
    if (!row) throw new LookupProblem(`table "${table.id}" has no row "${id}"`, { expected: 'a row id of that table', fix: `rows: ${table.rows.map((r) => r.id).join(', ')}` });
    return row;
  });
  // By default, the columns that hold marks: every filled cell the same short text.
  const marks = (columnId: string) => new Set(table.rows.map((r) => sourceCell(r.cells[columnId], sourceOf(language))).filter((t): t is string => t !== null));
  const columnIds = block.columns ?? table.columns.map((c) => c.id).filter((id) => marks(id).size === 1 && [...marks(id)].every((t) => t.length <= 2));
  if (columnIds.length === 0) throw new LookupProblem(`table "${table.id}" has no column of marks to draw`, { expected: 'columns whose cells are a mark such as "✓" or empty', fix: 'list the columns to draw under "columns"' });
  const columns = columnIds.map((id) => {
    const column = table.columns.find((c) => c.id === id);
    if (!column) throw new LookupProblem(`table "${table.id}" has no column "${id}"`, { expected: 'a column id of that table', fix: `columns: ${table.columns.map((c) => c.id).join(', ')}` });
    return { id, label: localize(column.label, language) };
  });
  const rowText = wrappedAll(rows.map((r) => localize(r.label, language)), ROW_WRAP);
  const columnText = wrappedAll(columns.map((c) => c.label), COLUMN_WRAP);
  const records = rows.flatMap((row) =>
    columns.map((column) => {
      const value = cellText(row.cells[column.id], language);
      return { key: row.id, series: localize(row.label, language), columnKey: column.id, column: column.label, value, filled: value !== null, rowText: rowText.get(localize(row.label, language)) ?? '', columnText: columnText.get(column.label) ?? '' };
    }),
  );
  // Rows and columns in the table's order, carried by each cell rather than listed in the spec.
  const rowOrder = new Map(rows.map((r, i) => [r.id, i]));
  const columnOrder = new Map(columns.map((c, i) => [c.id, i]));
  const values = records.map((r) => ({ ...r, rowOrder: rowOrder.get(r.key) ?? 0, columnOrder: columnOrder.get(r.columnKey) ?? 0 }));
  // Long names wrap onto two or three lines instead of being cut.
  const x = { field: 'columnText', type: 'nominal', title: null, sort: { field: 'columnOrder', op: 'min' }, axis: { ...MULTILINE_LABELS, orient: 'top', labelAngle: -60, labelAlign: 'left', labelBaseline: 'middle', domain: false, ticks: false } };
  const y = { field: 'rowText', type: 'nominal', title: null, sort: { field: 'rowOrder', op: 'min' }, axis: { ...MULTILINE_LABELS, domain: false, ticks: false } };
  const spec = {
    $schema: SCHEMA_URL,
    width: { step: 40 },
    height: { step: Math.max(24, 15 * Math.max(...records.map((r) => r.rowText.split('\n').length)) + 6) },
    data: { values },
    mark: { type: 'rect', stroke: 'currentColor', strokeOpacity: 0.3, strokeWidth: 1, color: CATEGORICAL[0] },
    encoding: {
      x,
      y,
      fillOpacity: { condition: { test: 'datum.filled', value: 1 }, value: 0 },
      tooltip: [
        { field: 'series', type: 'nominal', title: ' ' },
        { field: 'column', type: 'nominal', title: '  ' },
        { field: 'value', type: 'nominal', title: '   ' },
      ],
    },
  };
  const words = chartWords(language);
  const filledPerRow = rows.map((row) => ({ label: localize(row.label, language), filled: records.filter((r) => r.key === row.id && r.filled).length }));
  return {
    data: {
      table,
      alsoTables: [],
      records,
      csvFields: ['key', 'series', 'columnKey', 'column', 'value'],
      view: {
        corner: words.name,
        columns: columns.map((c) => ({ key: c.id, label: c.label })),
        rows: rows.map((row) => ({ key: row.id, label: localize(row.label, language), cells: columns.map((c) => cellText(row.cells[c.id], language) ?? '') })),
      },
      unitText: localize(table.title, language),
      decimals: 0,
      credits: [],
    },
    spec: spec as unknown as TopLevelSpec,
    extraFields: ['rowText', 'columnText', 'rowOrder', 'columnOrder'],
    subtitle: localize(table.title, language),
    description: describeMatrix(block.title, filledPerRow, columns.length, language),
  };
}
