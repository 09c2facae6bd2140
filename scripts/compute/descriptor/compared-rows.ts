/**
 * Which rows a comparison looks at. Ranks and percentiles compare the rows of one table that are
 * its units (territorial units or sectors): every row but the total row (`role: total`, the
 * country) and memo rows. Shares and levels relative to a reference divide by one row: the
 * reference named in the call, else the table's total row.
 */
import type { NumericTable, Row } from '../../validate/table-schema.ts';
import type { Component } from '../indicators/types.ts';
import type { InputCell } from '../inline/types.ts';
import { LookupProblem, wholeOf } from '../table-access.ts';
import { rowArgument, type RowArgument } from './inline-arguments.ts';

export const RANK_ORDERS = ['descending', 'ascending'] as const;
export type RankOrder = (typeof RANK_ORDERS)[number];

/** The rows a rank compares: every row but the total row and memo rows. */
export function comparedRows(table: NumericTable): Row[] {
  return wholeOf(table).components;
}

/** Throws when `row` is the total row or a memo row, which ranks leave out. */
export function requireCompared(table: NumericTable, row: Row, usage: string): void {
  if (row.role === 'total' || row.role === 'memo') {
    throw new LookupProblem(`row "${row.id}" is ${row.role === 'total' ? "the table's total row" : 'a memo row'} of table "${table.id}", which ranks leave out`, {
      expected: `one of the rows compared: ${comparedRows(table).map((r) => r.id).join(', ')}`,
      fix: `rank one of those rows, e.g. ${usage}`,
    });
  }
}

/** The rows' values in `period`, as components keyed by row id. */
export function valuesAt(rows: readonly Row[], period: string): Component[] {
  return rows.map((r) => ({ key: r.id, value: r.values[period] ?? null }));
}

/** The inputs of a comparison: the row itself first (so a missing value gives its own reason), then the others. */
export function comparisonInputs(table: NumericTable, row: string, rows: readonly Row[], periods: readonly string[]): InputCell[] {
  const others = rows.map((r) => r.id).filter((id) => id !== row);
  return [...periods.map((period) => ({ table: table.id, row, period })), ...periods.flatMap((period) => others.map((id) => ({ table: table.id, row: id, period })))];
}

/** The reference row of a share or a relative level: the one named, else the table's total row. */
export function referenceOf(series: RowArgument, reference: RowArgument | undefined, usage: string): RowArgument {
  if (reference) {
    if (reference.table.unit !== series.table.unit) {
      throw new LookupProblem(`the reference is in "${reference.table.unit}" but the value in "${series.table.unit}"`, { expected: 'a reference row in the same unit', fix: 'name a reference row of a table in the same unit' });
    }
    return reference;
  }
  const total = wholeOf(series.table).total;
  if (!total) throw new LookupProblem(`table "${series.table.id}" has no total row to compare with`, { expected: 'a row with "role": "total", or a reference row as the third argument', fix: `name the reference row, e.g. ${usage}` });
  return rowArgument(series.table, total);
}

/** Where a rank or share reads the row's own "missing" reason, if the table gives one. */
export function ownReason(row: Row, period: string) {
  return (row.values[period] ?? null) === null ? row.missing?.[period] : undefined;
}
