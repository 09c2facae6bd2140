/**
 * Stage 1 (load) + 2 (validate) for data: every file under `data/` is read, decoded, parsed with
 * positions and validated. All problems in all files are collected, so an author sees every
 * mistake from one build.
 */
import { DataError, throwIfAny, type ReportError } from '../errors.ts';
import type { ProjectFiles } from '../io.ts';
import type { DerivedTable, Table } from '../validate/table-schema.ts';
import { validateTable, type TableDefinition, type TableRules } from '../validate/validate-table.ts';
import type { TextMemo } from '../cache/memo.ts';
import type { UnitCatalogue } from '../validate/units.ts';
import type { ResolvedValue } from '../compute/inline/types.ts';
import { decodeUtf8 } from './decode-text.ts';
import { parseJsonSource } from './json-source.ts';
import { loadCsvTable } from './load-csv-table.ts';

export interface LoadedTable {
  table: Table;
  file: string;
  /** For a derived table: its definition, and each cell's formula keyed by `row\u0000period`. */
  derived?: { definition: DerivedTable; cells: Map<string, ResolvedValue> };
}

export interface LoadedDefinitions {
  /** Every table by id (derived ones once computed), with the report's units. */
  tables: Map<string, LoadedTable> & { units?: UnitCatalogue };
  /** Derived tables, computed in the compute stage. */
  pending: Array<{ definition: DerivedTable; file: string }>;
}

/** Files in `data/` that are not tables. */
const NOT_TABLES = new Set(['references.json']);

type Validated = { table?: TableDefinition; errors: DataError[] };

/**
 * A table file's text, validated; with `memo` (the dev server's, valid while the rules are the
 * same), a text validated before without errors is not validated again.
 */
function validated(memo: TextMemo<TableDefinition> | undefined, key: string, validate: () => Validated): Validated {
  const known = memo?.get(key);
  if (known) return { table: known, errors: [] };
  const result = validate();
  if (memo && result.table && result.errors.length === 0) memo.set(key, result.table);
  return result;
}

async function readCsvTable(files: ProjectFiles, file: string, all: string[], rules: TableRules, memo?: TextMemo<TableDefinition>): Promise<Validated> {
  const sidecarFile = `${file}.json`;
  if (!all.includes(sidecarFile)) {
    throw new DataError('a CSV table needs a JSON sidecar with its metadata', { file, expected: `${sidecarFile} with id, title, unit, decimals and source`, fix: `create ${sidecarFile} (see "Add a table" in README.md)` });
  }
  const sidecarText = decodeUtf8(await files.readFile(sidecarFile), sidecarFile);
  const csvText = decodeUtf8(await files.readFile(file), file);
  return validated(memo, `${file}\0${sidecarText}\0${csvText}`, () => loadCsvTable(csvText, file, parseJsonSource(sidecarText, sidecarFile), rules));
}

async function readJsonTable(files: ProjectFiles, file: string, rules: TableRules, memo?: TextMemo<TableDefinition>): Promise<Validated> {
  const text = decodeUtf8(await files.readFile(file), file);
  return validated(memo, `${file}\0${text}`, () => validateTable(parseJsonSource(text, file), rules));
}

export interface TableFolders {
  data: string;
  /** Geographies live under the data folder but are not tables. */
  geographies: string;
}

export async function loadTables(files: ProjectFiles, folders: TableFolders, rules: TableRules, memo?: TextMemo<TableDefinition>): Promise<LoadedDefinitions> {
  const all = await files.list(folders.data, { recursive: true });
  const paths = all.filter((p) => !p.startsWith(`${folders.geographies}/`) && ((p.endsWith('.json') && !p.endsWith('.csv.json') && !NOT_TABLES.has(p.split('/').pop() ?? '')) || p.endsWith('.csv')));
  const errors: ReportError[] = [];
  // The units travel with the tables: indicators that convert between units read them there.
  const tables = Object.assign(new Map<string, LoadedTable>(), { units: rules.units });
  const pending: LoadedDefinitions['pending'] = [];
  const files_of = new Map<string, string>();
  for (const file of paths) {
    try {
      const { table, errors: tableErrors } = file.endsWith('.csv') ? await readCsvTable(files, file, all, rules, memo) : await readJsonTable(files, file, rules, memo);
      errors.push(...tableErrors);
      if (!table) continue;
      const existing = files_of.get(table.id);
      if (existing) {
        errors.push(new DataError(`duplicate table id "${table.id}" (also used by ${existing})`, { file, path: 'id', expected: 'a table id used by one file only', fix: `rename one of the tables; ids are how charts and text refer to a table` }));
        continue;
      }
      files_of.set(table.id, file);
      if (table.kind === 'derived') pending.push({ definition: table, file });
      else tables.set(table.id, { table, file });
    } catch (error) {
      if (error instanceof DataError) errors.push(error);
      else throw error;
    }
  }
  throwIfAny(errors);
  return { tables, pending };
}
