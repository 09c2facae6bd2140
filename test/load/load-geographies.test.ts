/** Geographies are the report's data: loaded from data/geographies/, checked, and used by maps. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadGeographies } from '../../scripts/load/load-geographies.ts';
import { json, page } from '../helpers/fixture-project.ts';

/** A region that is not Kazakhstan: three districts in a 2 × 2 grid, no boundary file. */
const NORTHLAND = {
  id: 'northland-districts',
  title: 'Districts of Northland',
  unitWord: { en: ['district', 'districts'] },
  tiles: { columns: 2, rows: 2 },
  units: [
    { id: 'fjordby', short: 'Fjordby', tile: [0, 0] },
    { id: 'skog', short: 'Skog', tile: [1, 0] },
    { id: 'havn', short: 'Havn', tile: [0, 1] },
  ],
};

const OUTPUT = {
  id: 'district-output',
  title: 'Gross output by district',
  unit: 'million US dollars',
  decimals: 1,
  source: { ref: 'office' },
  periods: ['2023'],
  rows: [
    { id: 'fjordby', label: 'Fjordby district', values: { 2023: 120.5 } },
    { id: 'skog', label: 'Skog district', values: { 2023: 80.25 } },
    { id: 'havn', label: 'Havn district', values: { 2023: 40 } },
  ],
};

const MAP = '```chart\nid: output-map\ntitle: Fjordby produces most\ntable: district-output\npreset: map\nperiod: "2023"\n```\n';

function project(geography: unknown = NORTHLAND) {
  return memoryFiles({
    'data/geographies/northland-districts.json': json(geography),
    'data/district-output.json': json(OUTPUT),
    'data/references.json': json([{ id: 'office', type: 'dataset', title: 'Accounts', author: [{ literal: 'Office' }] }]),
    // The report's own unit: the generator knows none in a currency.
    'report.config.json': json({ units: { 'million US dollars': { kind: 'money', label: 'million US dollars' } } }),
    'content/en/index.md': page('title: Northland', 'Home.\n'),
    'content/en/01-output.md': page('title: Output', MAP),
  });
}

describe('geographies', () => {
  it('are read from data/geographies/ and are not data tables', async () => {
    const geographies = await loadGeographies(project(), ['en', 'ru', 'kk'], 'en');
    expect([...geographies.keys()]).toEqual(['northland-districts']);
    expect(geographies.get('northland-districts')?.units.map((u) => [u.id, u.codes, u.names])).toEqual([
      ['fjordby', [], []],
      ['skog', [], []],
      ['havn', [], []],
    ]);
  });

  it("draw a report's own map, with its short names and its noun, with nothing of it in the generator", async () => {
    const report = await buildReport(project());
    const chapter = report.pages.find((p) => p.slug === 'output')!;
    expect(chapter.html).toContain('>Fjordby</text>');
    expect(chapter.html).toContain('>Havn</text>');
    // 120.5 highest, 40.0 lowest; "districts" from the geography's unitWord.
    expect(chapter.html).toContain('Map of 3 districts, 2023. Highest: Fjordby district (120.5); lowest: Havn district (40.0).');
  });

  it('refuse a tile outside the grid, with the file, the JSON path and its line', async () => {
    const bad = structuredClone(NORTHLAND);
    bad.units[2]!.tile = [0, 2];
    await expect(loadGeographies(project(bad), ['en', 'ru', 'kk'], 'en')).rejects.toMatchObject({
      message: 'invalid geography: tile [0, 2] is outside the 2 × 2 grid',
      file: 'data/geographies/northland-districts.json',
      path: 'units[2].tile',
      line: 34,
    });
  });

  it('refuse a unit listed twice', async () => {
    const bad = structuredClone(NORTHLAND);
    bad.units[1]!.id = 'fjordby';
    await expect(loadGeographies(project(bad), ['en', 'ru', 'kk'], 'en')).rejects.toMatchObject({ message: 'invalid geography: unit "fjordby" is listed twice', path: 'units[1].id' });
  });

  it('name the geographies there are when a chart asks for another', async () => {
    const withGeography = memoryFiles({
      'data/geographies/northland-districts.json': json(NORTHLAND),
      'data/district-output.json': json(OUTPUT),
      'data/references.json': json([{ id: 'office', type: 'dataset', title: 'Accounts' }]),
      'report.config.json': json({ units: { 'million US dollars': { kind: 'money', label: 'million US dollars' } } }),
      'content/en/index.md': page('title: Northland', 'Home.\n'),
      'content/en/01-output.md': page('title: Output', MAP.replace('period: "2023"', 'period: "2023"\ngeography: southland')),
    });
    await expect(buildReport(withGeography)).rejects.toMatchObject({
      message: 'chart "output-map": no geography "southland"',
      file: 'content/en/01-output.md',
      expected: 'one of northland-districts (data/geographies/)',
    });
  });
});
