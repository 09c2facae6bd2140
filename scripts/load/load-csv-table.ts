/**
 * A table written as CSV (values, as exported from a spreadsheet) with a JSON sidecar for its
 * metadata: `data/<id>.csv` + `data/<id>.csv.json`. The CSV's header is `id,label,<period>…`
 * (`label` optional); the sidecar holds everything else of the table format and may describe rows
 * (`rows: [{ id, label, role, stated, missing }]`) without values. Values are as strict as in JSON:
 * a dot decimal, no thousands separators; an empty cell is a missing value that needs a reason in
 * the sidecar. Errors in values name the CSV line and column.
 */
import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.ts';
import { Period } from '../validate/table-schema.ts';
import { validateTable, type TableDefinition, type TableRules } from '../validate/validate-table.ts';
import { parseJsonSource, type JsonSource } from './json-source.ts';

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

interface CsvCell {
  line: number;
  column: number;
}

export function loadCsvTable(csvText: string, csvFile: string, sidecar: JsonSource, rules: TableRules): { table?: TableDefinition; errors: DataError[] } {
  let records: string[][];
  try {
    records = parse(csvText, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (cause) {
    const error = cause as { lines?: number; column?: number; message: string };
    return { errors: [new DataError(`malformed CSV: ${error.message.replace(/^Invalid Record Length: /, '').split(/,? at line/)[0]}`, { file: csvFile, line: error.lines, expected: 'comma-separated values with the same number of columns on every line; text with commas in double quotes', fix: 'export the sheet again as "CSV UTF-8", or fix the quoting on this line' })] };
  }
  const [header = [], ...body] = records;
  const errors: DataError[] = [];
  const at = (line: number, column: number, problem: string, expected: string, fix: string, path?: string) => new DataError(problem, { file: csvFile, line, column, path, expected, fix });
  if (header[0] !== 'id') errors.push(at(1, 1, `the first column must be "id", got ${JSON.stringify(header[0] ?? '')}`, 'a header like id,label,2015,2016', 'name the first column "id" (the row ids)'));
  const hasLabel = header[1] === 'label';
  const periodColumns = header.slice(hasLabel ? 2 : 1);
  periodColumns.forEach((period, i) => {
    if (!Period.safeParse(period).success) errors.push(at(1, i + (hasLabel ? 3 : 2), `column ${JSON.stringify(period)} is not a period`, 'a year like 2019, a quarter like 2024-Q3 or a month like 2024-07', 'rename the column; write years as text, not dates'));
  });
  const meta = (sidecar.value ?? {}) as Record<string, unknown>;
  const metaRows = Array.isArray(meta.rows) ? (meta.rows as Array<Record<string, unknown>>) : [];
  const cells = new Map<string, CsvCell>();
  const rows = body.map((record, r) => {
    const line = r + 2;
    const id = record[0] ?? '';
    const described = metaRows.find((m) => m.id === id) ?? {};
    const values: Record<string, number | null> = {};
    periodColumns.forEach((period, p) => {
      const column = p + (hasLabel ? 3 : 2);
      const text = record[column - 1] ?? '';
      cells.set(`${r}\u0000${period}`, { line, column });
      if (text === '') values[period] = null;
      else if (NUMBER.test(text)) values[period] = Number(text);
      else {
        const suggestion = Number(text.replace(/[\s\u00a0]/g, '').replace(/^(-?\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_m, a: string, b = '') => a.replace(/,/g, '') + b).replace(',', '.'));
        errors.push(at(line, column, `a value must be a number, got ${JSON.stringify(text)}`, 'a number with a dot decimal and no thousands separators, e.g. 1234.5', Number.isFinite(suggestion) ? `write ${suggestion}` : 'leave the cell empty and give the reason under "missing" in the sidecar', `rows[${r}].values.${period}`));
        values[period] = null;
      }
    });
    return { ...described, id, label: described.label ?? (hasLabel ? record[1] : id), values };
  });
  for (const m of metaRows) {
    if (!rows.some((row) => row.id === m.id)) errors.push(new DataError(`the sidecar describes row "${String(m.id)}", which the CSV does not have`, { file: sidecar.file, path: `rows`, expected: `one of ${rows.map((row) => row.id).join(', ')}`, fix: 'add the row to the CSV or remove it from the sidecar' }));
  }
  if (errors.length) return { errors };

  const merged = { ...meta, periods: periodColumns, rows };
  const mergedSource = parseJsonSource(JSON.stringify(merged, null, 2), sidecar.file);
  const result = validateTable(mergedSource, rules);
  // Errors about values belong to the CSV cell; the rest to the sidecar field.
  const remapped = result.errors.map((error) => {
    const match = /^rows\[(\d+)\]\.values\.(.+)$/.exec(error.path ?? '');
    const cell = match ? cells.get(`${match[1]}\u0000${match[2]}`) : undefined;
    if (cell) return new DataError(error.message, { file: csvFile, line: cell.line, column: cell.column, path: error.path, expected: error.expected, fix: error.fix?.replace('under "missing"', 'under "missing" in the sidecar') });
    return new DataError(error.message, { file: sidecar.file, path: error.path, expected: error.expected, fix: error.fix });
  });
  return remapped.length ? { errors: remapped } : { table: result.table, errors: [] };
}
