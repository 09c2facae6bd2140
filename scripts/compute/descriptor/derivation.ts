/**
 * What an indicator's table form returns, and the small readers every form shares: the tables a
 * definition names, its result rows and periods, the base period. Problems are thrown as
 * `DerivationProblem` with the JSON path of the field at fault; `derive-tables.ts` adds the file.
 */
import type { LoadedTable } from '../../load/load-tables.ts';
import type { DerivedTable, LocalizedText, NumericTable, Row } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import type { Computed } from '../indicators/types.ts';
import type { InputCell, ResolvedValue } from '../inline/types.ts';
import type { UnitCatalogue } from '../../validate/units.ts';

/** The tables a derived table reads, with the report's units (see compute/table-access.ts). */
export type LoadedTables = ReadonlyMap<string, LoadedTable> & { readonly units?: UnitCatalogue };
export type DerivedDefinition = DerivedTable;

/**
 * A row of the result: its id, the row it reads in `from` and in `by` (ids may differ), a label
 * when it is not `from`'s, and a role when the result keeps one (a table of the same units on
 * another division keeps its total row as the total, so ranks and shares still find it).
 */
export interface ResultRow {
  id: string;
  from: string;
  by: string;
  label?: LocalizedText;
  role?: Row['role'];
}

export interface Derivation {
  unit: UnitId;
  basePeriod?: string;
  rows: ResultRow[];
  periods: string[];
  cell(row: ResultRow, period: string): { computed: Computed; inputs: InputCell[] };
}

export class DerivationProblem extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

export function numeric(tables: LoadedTables, id: string, path: string): NumericTable {
  const loaded = tables.get(id);
  if (!loaded) throw new DerivationProblem(`unknown table "${id}"`, path, 'name a table in data/ (a derived table may use another derived table, but not itself)');
  if (loaded.table.kind === 'text') throw new DerivationProblem(`table "${id}" holds text, not numbers`, path, 'name a numeric table');
  return loaded.table;
}

export function valueOf(table: NumericTable, row: string, period: string): number | null {
  return table.rows.find((r) => r.id === row)?.values[period] ?? null;
}

export function requireRow(table: NumericTable, row: string, path: string): void {
  if (!table.rows.some((r) => r.id === row)) {
    throw new DerivationProblem(`table "${table.id}" has no row "${row}"`, path, `use one of ${table.rows.map((r) => r.id).join(', ')}`);
  }
}

/**
 * The result rows: the definition's `rows` (ids of `from`, or `{ "row in from": "row in by" }`),
 * else every row of `from` but memo rows and `exclude`. With `by`, each row must exist there too.
 */
export function rowPairs(def: DerivedDefinition, from: NumericTable, by?: NumericTable, exclude: readonly string[] = []): ResultRow[] {
  const pairs =
    def.rows === undefined
      ? from.rows.filter((r) => r.role !== 'memo' && !exclude.includes(r.id)).map((r) => ({ id: r.id, from: r.id, by: r.id }))
      : Array.isArray(def.rows)
        ? def.rows.map((id) => ({ id, from: id, by: id }))
        : Object.entries(def.rows).map(([fromId, byId]) => ({ id: fromId, from: fromId, by: byId }));
  for (const pair of pairs) {
    requireRow(from, pair.from, `rows.${pair.id}`);
    if (by) requireRow(by, pair.by, `rows.${pair.id}`);
  }
  return pairs;
}

/** The rows a comparison or an aggregate reads: every row but the total row and memo rows, or `rows`. */
export function componentRows(def: DerivedDefinition, table: NumericTable, path = 'rows'): Row[] {
  if (def.rows === undefined) return table.rows.filter((r) => r.role !== 'total' && r.role !== 'memo');
  const ids = Array.isArray(def.rows) ? def.rows : Object.keys(def.rows);
  return ids.map((id) => {
    requireRow(table, id, `${path}.${id}`);
    return table.rows.find((r) => r.id === id) as Row;
  });
}

/** The periods of the result: the definition's `periods`, else those `from` shares with every other table. */
export function periodsOf(def: DerivedDefinition, from: NumericTable, ...others: Array<NumericTable | undefined>): string[] {
  const also = others.filter((t): t is NumericTable => t !== undefined);
  const available = from.periods.filter((p) => also.every((t) => t.periods.includes(p)));
  for (const period of def.periods ?? []) {
    if (!available.includes(period)) {
      const names = [from, ...also].map((t) => `"${t.id}"`);
      throw new DerivationProblem(`period "${period}" is not in ${names.length > 1 ? `both ${names.join(' and ')}` : names[0]}`, 'periods', `use periods from ${available.join(', ')}`);
    }
  }
  return def.periods ?? available;
}

/** The base period: the definition's, else the table's base period, else its first; it must be one of the table's. */
export function basePeriodOf(base: string | undefined, from: NumericTable): string {
  const period = base ?? from.basePeriod ?? from.periods[0] ?? '';
  if (!from.periods.includes(period)) throw new DerivationProblem(`base period "${period}" is not in table "${from.id}"`, 'base', `use one of ${from.periods.join(', ')}`);
  return period;
}

export const cellInput = (table: NumericTable, row: string, period: string): InputCell => ({ table: table.id, row, period });

/** One result row for an indicator of a whole table (an HHI, a structural shift): labelled with the indicator's title. */
export function aggregateRow(id: string, text: { en: { title: string } } & Partial<Record<string, { title: string }>>): ResultRow {
  const label: LocalizedText = { en: text.en.title, ...(text.ru ? { ru: text.ru.title } : {}), ...(text.kk ? { kk: text.kk.title } : {}) };
  return { id, from: id, by: id, label };
}

/** A cell that cannot be computed, with the reason. */
export function missingCell(unit: string, missing: string, formula: Computed['formula'] = []): { computed: Computed; inputs: InputCell[] } {
  return { computed: { value: null, unit, formula, missing }, inputs: [] };
}

type CellKey = `${string}\u0000${string}`;
export const cellKey = (row: string, period: string): CellKey => `${row}\u0000${period}`;

/** A derived table's cell with its formula and inputs, or undefined for a source table. */
export function derivedCell(loaded: LoadedTable | undefined, row: string, period: string): ResolvedValue | undefined {
  return loaded?.derived?.cells.get(cellKey(row, period));
}

/** Where an indicator error in a derived table points: the derived table, its row and period. */
export function whereIn(def: DerivedDefinition, row: string, period: string): { table: string; row: string; period: string; file: undefined } {
  return { table: def.id, row, period, file: undefined };
}

/** Result rows over the component rows of `from` (its total row left out), paired with `by`'s rows as `rowPairs` does. */
export function componentPairs(def: DerivedDefinition, from: NumericTable, by?: NumericTable): ResultRow[] {
  return rowPairs(def, from, by, from.rows.filter((r) => r.role === 'total').map((r) => r.id));
}
