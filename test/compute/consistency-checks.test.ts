import { describe, expect, it } from 'vitest';
import { recompute, runChecks } from '../../scripts/compute/consistency-checks.ts';
import { deriveTables } from '../../scripts/compute/derive-tables.ts';
import { DataError } from '../../scripts/errors.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';
import type { NumericTable } from '../../scripts/validate/table-schema.ts';
import { HARVEST_TABLE, json } from '../helpers/fixture-project.ts';
import { FOLDERS, TABLE_RULES } from '../helpers/languages.ts';

async function check(table: object, pages = ['harvest']) {
  const tables = deriveTables(await loadTables(memoryFiles({ [`data/${(table as { id: string }).id}.json`]: json(table) }), FOLDERS, TABLE_RULES));
  return runChecks(tables, new Set(pages), 'en');
}

const volume = {
  id: 'volume',
  title: 'Volume',
  unit: '% of previous year',
  decimals: 1,
  source: { ref: 'seed000' },
  periods: ['2015', '2016', '2017', '2018', '2019'],
  // Crop-production row of seed 000's Table 1, with the paper's printed "2019 in % of 2015".
  rows: [{ id: 'crop', label: 'Crop', values: { '2015': 88.2, '2016': 141.2, '2017': 88.9, '2018': 80.3, '2019': 126.7 }, stated: [{ indicator: 'cumulative-index', period: '2019', base: '2015', value: 143.7, decimals: 1 }] }],
};

describe('consistency checks', () => {
  it('recomputes the chained index the paper printed as 143.7: 141.2 × 88.9 × 80.3 × 126.7 / 100³ = 127.71', () => {
    expect(recompute(volume as NumericTable, 'crop', volume.rows[0]!.stated[0] as never)).toBeCloseTo(127.711, 3);
  });

  it('reports a printed figure that is not the recomputed one as a finding, with expected and actual', async () => {
    const results = await check({ ...volume, checks: [{ type: 'stated', severity: 'finding', discussedIn: 'harvest#notes' }] });
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ table: 'volume', row: 'crop', period: '2019', expected: '143.7', passed: false, severity: 'finding', discussedIn: 'harvest#notes' });
    expect(results[0]?.actual).toBeCloseTo(127.711, 3);
  });

  it('passes a printed base index within half a unit of its last digit and fails one outside it', async () => {
    const table = structuredClone(HARVEST_TABLE) as typeof HARVEST_TABLE & { rows: Array<{ stated?: unknown[] }>; checks?: unknown[] };
    // 157.4 / 86.4 × 100 = 182.175… → 182.2 passes; 38.7 / 7.2 × 100 = 537.5 printed as 537.4 fails
    table.rows[0]!.stated = [{ indicator: 'base-index', period: '2019', base: '2015', value: 182.2, decimals: 1 }];
    table.rows[1]!.stated = [{ indicator: 'base-index', period: '2019', base: '2015', value: 537.4, decimals: 1 }];
    table.checks = [{ type: 'stated', severity: 'finding' }];
    const results = await check(table);
    expect(results.map((r) => [r.row, r.passed])).toEqual([['cereals', true], ['sunflower', false]]);
  });

  it('checks that components sum to the total in every period', async () => {
    const table = { ...structuredClone(HARVEST_TABLE), checks: [{ type: 'sum', tolerance: 0.05, severity: 'finding' }] };
    table.rows[2]!.values['2016'] = 222.0; // 201.3 + 21.1 = 222.4
    const results = await check(table);
    expect(results.map((r) => [r.period, r.passed, r.difference])).toEqual([['2015', true, 0], ['2016', false, 0.4], ['2019', true, 0]]);
  });

  it('stops the build when an error-level check fails, naming the file and check', async () => {
    const table = { ...structuredClone(HARVEST_TABLE), checks: [{ type: 'range', min: 0, max: 100, severity: 'error' }] };
    const error = await check(table).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const first = (error as { errors?: DataError[] }).errors?.[0] ?? (error as DataError);
    expect(first.where).toBe('data/harvest.json (checks[0])');
    expect(first.message).toBe('check failed: Cereals within 0 … 100 in 2016: expected 0 … 100, got 201.3');
  });

  it('does not count a check with a missing input as passed or failed', async () => {
    const table = { ...structuredClone(HARVEST_TABLE), checks: [{ type: 'sum', tolerance: 0.05, severity: 'error' }] } as Record<string, unknown> & typeof HARVEST_TABLE;
    (table.rows[1] as { values: Record<string, number | null>; missing?: Record<string, string> }).values['2016'] = null;
    (table.rows[1] as { missing?: Record<string, string> }).missing = { '2016': 'not published' };
    const results = await check(table);
    expect(results.find((r) => r.period === '2016')?.passed).toBeNull();
  });

  it('rejects a check that points at a page that does not exist', async () => {
    const error = await check({ ...HARVEST_TABLE, checks: [{ type: 'stated', severity: 'finding', discussedIn: 'nowhere' }] }).catch((e: unknown) => e);
    expect((error as DataError).message).toBe('check 1 is discussed in "nowhere", which is not a page of the report');
  });
});
