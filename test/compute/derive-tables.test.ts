import { describe, expect, it } from 'vitest';
import { deriveTables } from '../../scripts/compute/derive-tables.ts';
import { DataError } from '../../scripts/errors.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';
import { HARVEST_TABLE, json, numericTable } from '../helpers/fixture-project.ts';
import { FOLDERS, TABLE_RULES } from '../helpers/languages.ts';

const table = numericTable;

async function derive(files: Record<string, unknown>) {
  const entries = Object.fromEntries(Object.entries(files).map(([id, value]) => [`data/${id}.json`, json(value)]));
  return deriveTables(await loadTables(memoryFiles(entries), FOLDERS, TABLE_RULES));
}

const values = (tables: Awaited<ReturnType<typeof derive>>, id: string) => {
  const t = tables.get(id)?.table;
  return t && 'periods' in t ? Object.fromEntries(t.rows.map((r) => [r.id, r.values])) : undefined;
};

describe('deriveTables', () => {
  it('computes shares of the total row, with each cell\'s formula', async () => {
    const tables = await derive({ harvest: HARVEST_TABLE, shares: { kind: 'derived', id: 'shares', compute: 'share', from: 'harvest', decimals: 1, title: 'S', source: { ref: 'x' } } });
    // 86.4 / 93.6 × 100 = 92.307…; 7.2 / 93.6 × 100 = 7.692…
    expect(values(tables, 'shares')?.cereals?.['2015']).toBeCloseTo(92.3077, 4);
    expect(values(tables, 'shares')?.sunflower?.['2015']).toBeCloseTo(7.6923, 4);
    expect(tables.get('shares')?.table && 'unit' in tables.get('shares')!.table ? (tables.get('shares')!.table as { unit: string }).unit : '').toBe('%');
    expect(tables.get('shares')?.derived?.cells.get('cereals\u00002015')?.formula).toEqual([86.4, ' ÷ ', 93.6, ' × 100']);
  });

  it('computes yields in c/ha from tonnes and hectares', async () => {
    const tables = await derive({
      production: table('production', 'thousand t', { wheat: { '2019': 11452 } }),
      area: table('area', 'thousand ha', { wheat: { '2019': 11297 } }),
      yields: { kind: 'derived', id: 'yields', compute: 'yield', from: 'production', by: 'area', decimals: 1, title: 'Y', source: { ref: 'x' } },
    });
    // 11452 × 10 / 11297 = 10.137…
    expect(values(tables, 'yields')?.wheat?.['2019']).toBeCloseTo(10.1372, 4);
  });

  it('computes sector location quotients with a row mapping', async () => {
    const tables = await derive({
      region: table('region', 'million US dollars', { grp: { '2009': 200 }, farming: { '2009': 40 } }),
      nation: table('nation', 'million tenge', { total: { '2009': 1000 }, agri: { '2009': 50 } }),
      lq: { kind: 'derived', id: 'lq', compute: 'location-quotient-by-sector', from: 'region', fromTotal: 'grp', by: 'nation', byTotal: 'total', rows: { farming: 'agri' }, decimals: 2, title: 'LQ', source: { ref: 'x' } },
    });
    // (40 / 200) / (50 / 1000) = 0.2 / 0.05 = 4
    expect(values(tables, 'lq')?.farming?.['2009']).toBeCloseTo(4, 10);
  });

  it('computes regional location quotients against a reference row, and the reference itself is 1', async () => {
    const tables = await derive({
      agri: table('agri', 'million tenge', { kz: { '2020': 100 }, north: { '2020': 30 } }),
      grp: table('grp', 'million tenge', { kz: { '2020': 1000 }, north: { '2020': 100 } }),
      lq: { kind: 'derived', id: 'lq', compute: 'location-quotient-by-region', from: 'agri', by: 'grp', reference: 'kz', decimals: 2, title: 'LQ', source: { ref: 'x' } },
    });
    // (30 / 100) / (100 / 1000) = 3
    expect(values(tables, 'lq')?.north?.['2020']).toBeCloseTo(3, 10);
  });

  it('derives from a derived table', async () => {
    const tables = await derive({
      harvest: HARVEST_TABLE,
      shares: { kind: 'derived', id: 'shares', compute: 'share', from: 'harvest', decimals: 1, title: 'S', source: { ref: 'x' } },
      'share-index': { kind: 'derived', id: 'share-index', compute: 'base-index', from: 'shares', base: '2015', decimals: 1, title: 'I', source: { ref: 'x' } },
    });
    // sunflower share 2019: 38.7 / 196.1 × 100 = 19.735…; 2015: 7.692…; index = 256.56…
    expect(values(tables, 'share-index')?.sunflower?.['2019']).toBeCloseTo(256.56, 1);
  });

  it('names the file and field of a reference to an unknown row', async () => {
    const error = await derive({ harvest: HARVEST_TABLE, bad: { kind: 'derived', id: 'bad', compute: 'base-index', from: 'harvest', rows: ['wheat'], decimals: 1, title: 'B', source: { ref: 'x' } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).where).toBe('data/bad.json (rows.wheat)');
    expect((error as DataError).message).toBe('derived table "bad": table "harvest" has no row "wheat"');
  });

  it('reports a cycle of derived tables', async () => {
    const error = await derive({
      a: { kind: 'derived', id: 'a', compute: 'base-index', from: 'b', decimals: 1, title: 'A', source: { ref: 'x' } },
      b: { kind: 'derived', id: 'b', compute: 'base-index', from: 'a', decimals: 1, title: 'B', source: { ref: 'x' } },
    }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/2 problems found|depends on itself/);
  });
});

describe('derived-table options, validated by the schema each indicator declares', () => {
  const load = (definition: object) => loadTables(memoryFiles({ 'data/harvest.json': json(HARVEST_TABLE), 'data/bad.json': json({ kind: 'derived', id: 'bad', from: 'harvest', decimals: 1, title: 'B', source: { ref: 'x' }, ...definition }) }), FOLDERS, TABLE_RULES).then(
      () => {
        throw new Error('expected a DataError');
      },
      (e: unknown) => e as DataError,
    );

  it('names an unknown indicator in "compute", with the nearest one', async () => {
    const error = await load({ compute: 'base-indx' });
    expect(error.message).toBe('"compute": "base-indx" is not an indicator a derived table can compute');
    expect(error.where).toBe('data/bad.json:10:14 (compute)');
    expect(error.fix).toBe('did you mean "base-index"?');
  });

  it("refuses another indicator's option, with its line, and lists this one's", async () => {
    const error = await load({ compute: 'base-index', scale: 100 });
    expect(error.message).toBe('unknown field "scale" for "compute": "base-index"');
    expect(error.where).toBe('data/bad.json:11:12 (scale)');
    expect(error.expected).toContain("this indicator's options: base");
  });

  it('asks for an option the indicator needs', async () => {
    const error = await load({ compute: 'ratio' });
    expect(error.message).toBe('missing required field "by"');
    expect((await load({ compute: 'shift-share', by: 'harvest', byTotal: 'total', component: 'total' })).message).toBe('"component" has an invalid value the string "total"');
  });
});
