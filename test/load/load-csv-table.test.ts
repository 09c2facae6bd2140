import { describe, expect, it } from 'vitest';
import { DataError, type ReportError } from '../../scripts/errors.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';
import { json } from '../helpers/fixture-project.ts';
import { FOLDERS, TABLE_RULES } from '../helpers/languages.ts';

const sidecar = {
  id: 'harvest',
  title: { en: 'Gross harvest', ru: 'Валовой сбор' },
  unit: 'thousand t',
  decimals: 1,
  source: { ref: 'seed000', locator: 'Table 2' },
  rows: [{ id: 'total', label: 'Total', role: 'total' }],
};
const csv = 'id,label,2015,2019\ncereals,Cereals and legumes,86.4,157.4\ntotal,Total,93.6,196.1\n';

async function load(files: Record<string, string>) {
  return loadTables(memoryFiles(files), FOLDERS, TABLE_RULES);
}
async function loadError(files: Record<string, string>): Promise<ReportError> {
  const error = await load(files).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataError);
  return error as ReportError;
}

describe('CSV tables with a JSON sidecar', () => {
  it('reads values from the CSV and metadata from the sidecar', async () => {
    const { tables } = await load({ 'data/harvest.csv': csv, 'data/harvest.csv.json': json(sidecar) });
    const table = tables.get('harvest')?.table;
    expect(table && 'periods' in table ? table.periods : []).toEqual(['2015', '2019']);
    expect(table && 'periods' in table ? table.rows.map((r) => [r.id, r.label, r.role, r.values['2019']]) : []).toEqual([
      ['cereals', 'Cereals and legumes', undefined, 157.4],
      ['total', 'Total', 'total', 196.1],
    ]);
  });

  it('names the CSV line and column of a value with a thousands separator, and suggests the number', async () => {
    const error = await loadError({ 'data/harvest.csv': 'id,label,2015,2019\ncereals,Cereals,"1,234.5",157.4\n', 'data/harvest.csv.json': json({ ...sidecar, rows: [] }) });
    expect(error.where).toBe('data/harvest.csv:2:3 (rows[0].values.2015)');
    expect(error.message).toBe('a value must be a number, got "1,234.5"');
    expect(error.fix).toBe('write 1234.5');
  });

  it('asks for a reason in the sidecar for an empty cell, pointing at the cell', async () => {
    const error = await loadError({ 'data/harvest.csv': 'id,label,2015,2019\ncereals,Cereals,,157.4\n', 'data/harvest.csv.json': json({ ...sidecar, rows: [] }) });
    expect(error.where).toBe('data/harvest.csv:2:3 (rows[0].values.2015)');
    expect(error.message).toBe('value for 2015 is null without a reason');
  });

  it('reports malformed CSV with its line', async () => {
    const error = await loadError({ 'data/harvest.csv': 'id,label,2015\ncereals,Cereals,1,2\n', 'data/harvest.csv.json': json(sidecar) });
    expect(error.message).toMatch(/^malformed CSV/);
    expect(error.line).toBe(2);
  });

  it('requires the sidecar', async () => {
    const error = await loadError({ 'data/harvest.csv': csv });
    expect(error.message).toBe('a CSV table needs a JSON sidecar with its metadata');
  });

  it('reports an unknown unit in the sidecar with its JSON path', async () => {
    const error = await loadError({ 'data/harvest.csv': csv, 'data/harvest.csv.json': json({ ...sidecar, unit: 'tons' }) });
    expect(error.file).toBe('data/harvest.csv.json');
    expect(error.path).toBe('unit');
  });
});
