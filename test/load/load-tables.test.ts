import { describe, expect, it } from 'vitest';
import { DataError, ReportErrors, type ReportError } from '../../scripts/errors.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';
import { HARVEST_TABLE, json } from '../helpers/fixture-project.ts';
import { FOLDERS, TABLE_RULES } from '../helpers/languages.ts';

async function loadError(files: Record<string, string | Uint8Array>): Promise<ReportError> {
  const error = await loadTables(memoryFiles(files), FOLDERS, TABLE_RULES).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as ReportError;
}

function withCell(value: unknown): string {
  const table = structuredClone(HARVEST_TABLE) as { rows: Array<{ values: Record<string, unknown> }> };
  table.rows[1]!.values['2016'] = value;
  return json(table);
}

describe('loadTables', () => {
  it('returns a valid table with its values as numbers and periods as strings', async () => {
    const { tables } = await loadTables(memoryFiles({ 'data/harvest.json': json(HARVEST_TABLE) }), FOLDERS, TABLE_RULES);
    const table = tables.get('harvest')?.table;
    expect(table && 'periods' in table ? table.periods : []).toEqual(['2015', '2016', '2019']);
    expect(table && 'rows' in table && 'values' in table.rows[0]! ? table.rows[0].values['2019'] : undefined).toBe(157.4);
  });

  it('reports malformed JSON with line and column', async () => {
    const error = await loadError({ 'data/harvest.json': '{\n  "id": "harvest",\n  "title": "x"\n  "unit": "%"\n}\n' });
    expect(error.message).toBe('malformed JSON: comma expected');
    expect(error.where).toBe('data/harvest.json:4:3');
    expect(error.fix).toMatch(/missing comma/);
  });

  it('rejects "1,234" in a value cell, names the JSON path and line, and suggests the number', async () => {
    const error = await loadError({ 'data/harvest.json': withCell('1,234') });
    expect(error.message).toBe('a value must be a number, got the string "1,234"');
    expect(error.path).toBe('rows[1].values.2016');
    const line = withCell('1,234').split('\n').findIndex((l) => l.includes('"1,234"')) + 1;
    expect(error.line).toBe(line);
    expect(error.fix).toContain('1234');
  });

  it('rejects an empty string in a value cell and explains how to mark it missing', async () => {
    const error = await loadError({ 'data/harvest.json': withCell('') });
    expect(error.message).toBe('a value must be a number, got the string ""');
    expect(error.fix).toContain('"missing"');
  });

  it('rejects a decimal comma and suggests the dotted number', async () => {
    const error = await loadError({ 'data/harvest.json': withCell('21,7') });
    expect(error.fix).toContain('21.7');
  });

  it('requires a reason for every null value', async () => {
    const error = await loadError({ 'data/harvest.json': withCell(null) });
    expect(error.message).toBe('value for 2016 is null without a reason');
    expect(error.path).toBe('rows[1].values.2016');
  });

  it('accepts null with a reason', async () => {
    const table = structuredClone(HARVEST_TABLE) as { rows: Array<{ values: Record<string, unknown>; missing?: Record<string, string> }> };
    table.rows[1]!.values['2016'] = null;
    table.rows[1]!.missing = { '2016': 'not published' };
    const { tables } = await loadTables(memoryFiles({ 'data/harvest.json': json(table) }), FOLDERS, TABLE_RULES);
    expect(tables.size).toBe(1);
  });

  it('names a missing required field', async () => {
    const { unit: _unit, ...noUnit } = HARVEST_TABLE;
    const error = await loadError({ 'data/harvest.json': json(noUnit) });
    expect(error.message).toBe('missing required field "unit"');
    expect(error.where).toBe('data/harvest.json:1:1 (unit)');
  });

  it('rejects an unknown unit and lists the known ones', async () => {
    const error = await loadError({ 'data/harvest.json': json({ ...HARVEST_TABLE, unit: 'mln tenge' }) });
    expect(error.message).toBe('unknown unit "mln tenge"');
    expect(error.expected).toContain('million tenge');
  });

  it('rejects a period a row does not fill', async () => {
    const table = structuredClone(HARVEST_TABLE) as { rows: Array<{ values: Record<string, unknown> }> };
    delete table.rows[0]!.values['2019'];
    const error = await loadError({ 'data/harvest.json': json(table) });
    expect(error.message).toBe('row "cereals" has no value for 2019');
  });

  it('rejects duplicate table ids across folders and names both files', async () => {
    const error = await loadError({ 'data/a/harvest.json': json(HARVEST_TABLE), 'data/b/harvest.json': json(HARVEST_TABLE) });
    expect(error.message).toBe('duplicate table id "harvest" (also used by data/a/harvest.json)');
    expect(error.file).toBe('data/b/harvest.json');
  });

  it('rejects a table whose id does not match its file name', async () => {
    const error = await loadError({ 'data/crops.json': json(HARVEST_TABLE) });
    expect(error.message).toBe('table id "harvest" does not match the file name');
  });

  it('rejects an empty file', async () => {
    const error = await loadError({ 'data/harvest.json': '' });
    expect(error.message).toBe('the file is empty');
    expect(error.file).toBe('data/harvest.json');
  });

  it('rejects a file that is not UTF-8, with the line of the bad byte', async () => {
    const bytes = new TextEncoder().encode('{\n  "id": "harvest",\n  "title": "X"\n}');
    const windows1251 = new Uint8Array([...bytes.slice(0, 28), 0xc1, 0xe0, ...bytes.slice(28)]);
    const error = await loadError({ 'data/harvest.json': windows1251 });
    expect(error.message).toMatch(/^the file is not valid UTF-8 \(invalid byte 0xc1/);
    expect(error.line).toBe(3);
    expect(error.fix).toContain('UTF-8');
  });

  it('rejects unknown fields and names them', async () => {
    const error = await loadError({ 'data/harvest.json': json({ ...HARVEST_TABLE, units: 'x' }) });
    expect(error.message).toBe('unknown field "units"');
  });

  it('reports every broken file in one pass', async () => {
    const error = await loadTables(memoryFiles({ 'data/harvest.json': '', 'data/other.json': '{' }), FOLDERS, TABLE_RULES).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportErrors);
    expect((error as ReportErrors).errors.map((e) => e.file)).toEqual(['data/harvest.json', 'data/other.json']);
  });
});
