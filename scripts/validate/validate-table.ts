/**
 * Parse at the boundary: an unknown JSON value in, a typed table out, or errors that say where,
 * what was expected and how to fix it. Schema shape comes from zod; the rules zod cannot express
 * (every period filled, null only with a reason, paths of recorded fixes) are checked here.
 */
import type { z } from 'zod';
import { DataError } from '../errors.ts';
import { formatJsonPath, locate, valueAt, type JsonPath, type JsonSource } from '../load/json-source.ts';
import { closest } from '../suggest.ts';
import { COMPUTE_IDS, DerivedTable, formOptions } from './derived-table-schema.ts';
import { NumericTable, TextTable, type Table } from './table-schema.ts';
import { checkTextLanguages, findTexts } from './text-languages.ts';
import type { UnitCatalogue } from './units.ts';

export type TableDefinition = Table | DerivedTable;

/** What a table is checked against beyond its format: the report's units and languages. */
export interface TableRules {
  units: UnitCatalogue;
  languages: readonly string[];
  sourceLanguage: string;
  /** Other language codes a text may carry (those a language pack exists for): translations not published yet. */
  knownLanguages?: readonly string[];
}

export function validateTable(source: JsonSource, rules: TableRules): { table?: TableDefinition; errors: DataError[] } {
  const raw = source.value;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { errors: [errorAt(source, [], 'a table file must hold one JSON object', 'an object like {"id": "...", "title": ..., "rows": [...]}', 'wrap the content in { } with the table fields')] };
  }
  const kind = (raw as { kind?: unknown }).kind;
  const schema = kind === 'text' ? TextTable : kind === 'derived' ? DerivedTable : NumericTable;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { errors: parsed.error.issues.map((issue) => issueToError(source, issue)) };
  const table: TableDefinition = parsed.data;
  const errors = table.kind === 'text' ? checkTextTable(source, table) : table.kind === 'derived' ? checkDerivedUnit(source, table, rules.units) : checkNumericTable(source, table, rules.units);
  for (const problem of checkTextLanguages(findTexts(schema, table), rules.languages, rules.sourceLanguage, rules.knownLanguages)) errors.push(errorAt(source, problem.path, problem.problem, problem.expected, problem.fix));
  const expectedName = `${table.id}.json`;
  if (!source.file.endsWith(`/${expectedName}`) && source.file !== expectedName && !source.file.endsWith(`/${table.id}.csv.json`) && source.file !== `${table.id}.csv.json`) {
    errors.push(errorAt(source, ['id'], `table id "${table.id}" does not match the file name`, `the file to be named ${expectedName}`, `rename the file to ${expectedName} or change "id"`));
  }
  return errors.length ? { errors } : { table, errors };
}

export function errorAt(source: JsonSource, path: JsonPath, problem: string, expected: string, fix: string): DataError {
  const { line, column } = locate(source, path);
  return new DataError(problem, { file: source.file, line, column, path: formatJsonPath(path) || undefined, expected, fix });
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

const isCellPath = (path: JsonPath) => path.length === 4 && path[0] === 'rows' && path[2] === 'values';

function issueToError(source: JsonSource, issue: z.core.$ZodIssue): DataError {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const value = valueAt(source.value, path);
  const field = String(path.at(-1) ?? 'table');

  if (issue.code === 'invalid_union' && path.length === 1 && path[0] === 'compute') {
    const near = typeof value === 'string' ? closest(value, [...COMPUTE_IDS]) : undefined;
    return value === undefined
      ? errorAt(source, path, 'missing required field "compute"', `one of: ${COMPUTE_IDS.join(', ')}`, 'add "compute": the indicator the table is computed with (see "Add an indicator table" in README.md)')
      : errorAt(source, path, `"compute": ${JSON.stringify(value)} is not an indicator a derived table can compute`, `one of: ${COMPUTE_IDS.join(', ')}`, near ? `did you mean "${near}"?` : 'use one of the listed indicators');
  }
  if (issue.code === 'unrecognized_keys' && (source.value as { kind?: unknown }).kind === 'derived' && path.length === 0) {
    const compute = (source.value as { compute?: unknown }).compute;
    const options = formOptions(compute) ?? [];
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return errorAt(source, [issue.keys[0] ?? ''], `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys} for "compute": ${JSON.stringify(compute)}`, `the fields of every derived table (from, rows, periods, decimals, id, title, source…)${options.length ? ` and this indicator's options: ${options.join(', ')}` : ' (this indicator has no options of its own)'}`, 'check the spelling, or remove the field (another indicator may take it)');
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && value === undefined) {
    return errorAt(source, path, `missing required field "${field}"`, issue.code === 'invalid_type' ? `a value of type ${issue.expected}` : `one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, `add "${field}" to this object`);
  }
  if (issue.code === 'invalid_type' && isCellPath(path)) {
    const numberLike = typeof value === 'string' ? numberFromText(value) : undefined;
    const fix =
      numberLike !== undefined
        ? `write the number without quotes, thousands separators or a decimal comma: ${numberLike}`
        : typeof value === 'string' && value.trim() === ''
          ? `write null and give the reason under "missing": {"${String(path[3])}": "…"}`
          : 'write a plain JSON number, or null with a reason under "missing"';
    return errorAt(source, path, `a value must be a number, got ${describeValue(value)}`, 'a JSON number like 1234.5, or null', fix);
  }
  if (issue.code === 'invalid_type') {
    return errorAt(source, path, `"${field}" has the wrong type: got ${describeValue(value)}`, `${issue.expected}`, `change "${field}" to ${articled(issue.expected)}`);
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return errorAt(source, [...path, issue.keys[0] ?? ''], `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`, 'only the fields of the table format (see schemas/table.schema.json)', 'check the spelling, or remove the field');
  }
  if (issue.code === 'invalid_value') {
    return errorAt(source, path, `"${field}" has an invalid value ${describeValue(value)}`, `one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, 'use one of the allowed values');
  }
  if (issue.code === 'invalid_format' || issue.code === 'invalid_key') {
    const what = issue.code === 'invalid_key' ? `key "${String(valueAt(source.value, path) === undefined ? path.at(-1) : field)}"` : `"${field}"`;
    return errorAt(source, path, `${what} is not well formed: ${describeValue(value)}`, issue.message, 'correct the text to the expected form');
  }
  if (issue.code === 'too_small') {
    return errorAt(source, path, `"${field}" is too small or empty`, issue.message, 'add the missing entries or a larger value');
  }
  if (issue.code === 'invalid_union') {
    return errorAt(source, path, `"${field}" has an invalid value ${describeValue(value)}`, 'a text, or an object like {"en": "…", "ru": "…"}', 'write the text in one of the allowed forms');
  }
  return errorAt(source, path, `"${field}" is invalid: ${issue.message}`, issue.message, 'correct the value');
}

function articled(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** "1,234" → 1234, "21,7" → 21.7, "" → undefined: used only to suggest a fix, never to coerce. */
function numberFromText(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return undefined;
  const candidate = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact) ? compact.replace(/,/g, '') : compact.replace(',', '.');
  const number = Number(candidate);
  return Number.isFinite(number) ? number : undefined;
}

function checkNumericTable(source: JsonSource, table: Extract<Table, { unit: string }>, units: UnitCatalogue): DataError[] {
  const errors: DataError[] = [];
  if (!units.has(table.unit)) {
    errors.push(errorAt(source, ['unit'], `unknown unit ${JSON.stringify(table.unit)}`, `one of: ${units.ids.join(', ')}`, 'use one of the listed units, or define the unit under "units" in report.config.json'));
  }
  const periods = new Set(table.periods);
  if (periods.size !== table.periods.length) {
    errors.push(errorAt(source, ['periods'], 'a period is listed twice', 'each period once, in order', 'remove the duplicate period'));
  }
  if (table.unit === '% of base year' && !table.basePeriod) {
    errors.push(errorAt(source, ['unit'], 'an index table needs its base period', '"basePeriod": "2015" (the year = 100)', 'add "basePeriod"'));
  }
  if (table.basePeriod && !periods.has(table.basePeriod)) {
    errors.push(errorAt(source, ['basePeriod'], `base period "${table.basePeriod}" is not one of the table's periods`, `one of ${table.periods.join(', ')}`, 'add the period to "periods" or correct "basePeriod"'));
  }
  const seen = new Map<string, number>();
  table.rows.forEach((row, r) => {
    const previous = seen.get(row.id);
    if (previous !== undefined) {
      errors.push(errorAt(source, ['rows', r, 'id'], `row id "${row.id}" is used twice (also rows[${previous}])`, 'unique row ids within a table', 'rename one of the rows'));
    }
    seen.set(row.id, r);
    for (const period of table.periods) {
      if (!(period in row.values)) {
        errors.push(errorAt(source, ['rows', r, 'values'], `row "${row.id}" has no value for ${period}`, `a value for every period in "periods" (${table.periods.join(', ')})`, `add "${period}": <number>, or "${period}": null with a reason under "missing"`));
      }
    }
    for (const [period, value] of Object.entries(row.values)) {
      if (!periods.has(period)) {
        errors.push(errorAt(source, ['rows', r, 'values', period], `period "${period}" is not listed in the table's "periods"`, `one of ${table.periods.join(', ')}`, `add "${period}" to "periods" or remove the value`));
      }
      if (value === null && !row.missing?.[period]) {
        errors.push(errorAt(source, ['rows', r, 'values', period], `value for ${period} is null without a reason`, `a reason under "missing", e.g. "missing": {"${period}": "not published"}`, 'say why the value is missing, so readers see it instead of a silent gap'));
      }
    }
    row.stated?.forEach((stated, s) => {
      for (const key of ['period', 'base'] as const) {
        const period = stated[key];
        if (period !== undefined && !periods.has(period)) {
          errors.push(errorAt(source, ['rows', r, 'stated', s, key], `stated figure refers to period "${period}", which the table does not have`, `one of ${table.periods.join(', ')}`, 'correct the period'));
        }
      }
    });
  });
  if (table.rows.filter((row) => row.role === 'total').length > 1) {
    errors.push(errorAt(source, ['rows'], 'more than one row has role "total"', 'at most one total row per table', 'split the table, or mark the other rows "memo"'));
  }
  errors.push(...checkFixes(source, table.fixes));
  return errors;
}

/** A derived table's own unit, when it names one, is one of the report's. */
function checkDerivedUnit(source: JsonSource, table: { unit?: unknown }, units: UnitCatalogue): DataError[] {
  if (typeof table.unit !== 'string' || units.has(table.unit)) return [];
  return [errorAt(source, ['unit'], `unknown unit ${JSON.stringify(table.unit)}`, `one of: ${units.ids.join(', ')}`, 'use one of the listed units, or define the unit under "units" in report.config.json')];
}

function checkTextTable(source: JsonSource, table: Extract<Table, { kind: 'text' }>): DataError[] {
  const errors: DataError[] = [];
  const columns = new Set(table.columns.map((column) => column.id));
  table.rows.forEach((row, r) => {
    for (const key of Object.keys(row.cells)) {
      if (!columns.has(key)) {
        errors.push(errorAt(source, ['rows', r, 'cells', key], `cell "${key}" is not one of the table's columns`, `one of ${[...columns].join(', ')}`, 'add the column to "columns" or correct the key'));
      }
    }
  });
  errors.push(...checkFixes(source, table.fixes));
  return errors;
}

function checkFixes(source: JsonSource, fixes: Table['fixes']): DataError[] {
  return (fixes ?? []).flatMap((fix, f) => {
    const path = parseJsonPath(fix.path);
    return path && valueAt(source.value, path) !== undefined
      ? []
      : [errorAt(source, ['fixes', f, 'path'], `recorded fix points at "${fix.path}", which does not exist`, 'a path to a cell, like rows[3].values.2018', 'correct the path so readers can see which figure was fixed')];
  });
}

/** Inverse of formatJsonPath: `rows[3].values.2018` → ['rows', 3, 'values', '2018']. */
export function parseJsonPath(text: string): JsonPath | undefined {
  const path: (string | number)[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let consumed = 0;
  for (const match of text.matchAll(pattern)) {
    if (match[2] !== undefined) path.push(Number(match[2]));
    else if (match[1] !== undefined) path.push(match[1]);
    consumed += match[0].length;
  }
  const separators = text.length - consumed;
  return path.length && separators <= path.length ? path : undefined;
}
