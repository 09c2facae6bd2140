/**
 * Looking things up in the validated tables, with errors that name what the author wrote and
 * list what exists, so a typo is fixed from the message alone.
 */
import type { ReportErrorDetails } from '../errors.ts';
import type { LoadedTable } from '../load/load-tables.ts';
import { isNumericTable, type NumericTable, type Row } from '../validate/table-schema.ts';
import { closest } from '../suggest.ts';
import type { UnitCatalogue } from '../validate/units.ts';

/**
 * The report's tables by id, with the units they are measured in (validate/units.ts): indicators
 * that convert between units (per capita) read how the tables' units scale from it.
 */
export type Tables = ReadonlyMap<string, LoadedTable> & { readonly units?: UnitCatalogue };

export class LookupProblem extends Error {
  constructor(
    message: string,
    readonly details: Pick<ReportErrorDetails, 'expected' | 'fix'>,
    /** Set when the problem is a row the table does not have: a templated page may say "no data" instead. */
    readonly missingRow?: { table: string; row: string },
  ) {
    super(message);
  }
}

function suggestion(word: string, candidates: string[]): string {
  const near = closest(word, candidates);
  return near ? `did you mean "${near}"?` : `available: ${candidates.slice(0, 12).join(', ')}${candidates.length > 12 ? ', …' : ''}`;
}

export function numericTable(tables: Tables, id: string): NumericTable {
  const loaded = tables.get(id);
  if (!loaded) {
    throw new LookupProblem(`unknown table "${id}"`, { expected: 'the id of a table in data/', fix: suggestion(id, [...tables.keys()].sort()) });
  }
  if (!isNumericTable(loaded.table)) {
    throw new LookupProblem(`table "${id}" holds text, not numbers`, { expected: 'a numeric table', fix: 'refer to a numeric table, or show this one as a table' });
  }
  return loaded.table;
}

export function tableRow(table: NumericTable, rowId: string): Row {
  const row = table.rows.find((r) => r.id === rowId);
  if (!row) {
    throw new LookupProblem(`table "${table.id}" has no row "${rowId}"`, { expected: 'a row id of that table', fix: suggestion(rowId, table.rows.map((r) => r.id)) }, { table: table.id, row: rowId });
  }
  return row;
}

export function checkPeriod(table: NumericTable, period: string): void {
  if (!table.periods.includes(period)) {
    throw new LookupProblem(`table "${table.id}" has no period "${period}"`, { expected: `one of ${table.periods.join(', ')}`, fix: 'use a period the table has' });
  }
}

export function cell(table: NumericTable, rowId: string, period: string): number | null {
  const row = tableRow(table, rowId);
  checkPeriod(table, period);
  return row.values[period] ?? null;
}

/** The period before `period` in the table's own order. */
export function previousPeriod(table: NumericTable, period: string): string {
  checkPeriod(table, period);
  const index = table.periods.indexOf(period);
  const previous = table.periods[index - 1];
  if (previous === undefined) {
    throw new LookupProblem(`${period} is the first period of table "${table.id}": there is no previous one`, { expected: `a period after ${table.periods[0] ?? ''}`, fix: 'use a later period' });
  }
  return previous;
}

/** The rows whose values make up the whole: the total row if there is one, else the non-memo rows. */
export function wholeOf(table: NumericTable): { total?: Row; components: Row[] } {
  const total = table.rows.find((r) => r.role === 'total');
  const components = table.rows.filter((r) => r.role !== 'total' && r.role !== 'memo');
  return { total, components };
}
