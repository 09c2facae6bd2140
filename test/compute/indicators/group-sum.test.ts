import { describe, expect, it } from 'vitest';
import { deriveTables } from '../../../scripts/compute/derive-tables.ts';
import { groupSum } from '../../../scripts/compute/indicators/group-sum.ts';
import { memoryFiles } from '../../../scripts/io.ts';
import { loadTables } from '../../../scripts/load/load-tables.ts';
import { json } from '../../helpers/fixture-project.ts';
import { FOLDERS, TABLE_RULES } from '../../helpers/languages.ts';
import { indicatorError } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('groupSum', () => {
  it('adds the parts to the parent', () => {
    // 70 + 30 + 5 = 105
    expect(groupSum(70, [{ key: 'b', value: 30 }, { key: 'c', value: 5 }], 'missing', 'ha')).toEqual({ value: 105, unit: 'ha', formula: [70, ' + ', 30, ' + ', 5], inParent: [] });
  });

  it('never counts a missing part as 0 unless the author says it is inside its parent', () => {
    const missing = groupSum(100, [{ key: 'b', value: null }], 'missing', 'ha');
    expect(missing).toMatchObject({ value: null, missing: 'part "b" is missing', formula: [100, ' + ', '…'] });
    // in-parent: the part is inside the parent's 100 in that period, so the group is 100
    expect(groupSum(100, [{ key: 'b', value: null }], 'in-parent', 'ha')).toEqual({ value: 100, unit: 'ha', formula: [100], inParent: ['b'] });
  });

  it('is missing when the parent is, whatever the rule', () => {
    expect(groupSum(null, [{ key: 'b', value: 30 }], 'in-parent', 'ha')).toMatchObject({ value: null, missing: 'parent is missing' });
  });

  it('refuses a value that is not a number', () => {
    expect(indicatorError(() => groupSum(Number.NaN, [], 'missing', 'ha', { table: 't', row: 'r', period: '2020' })).message).toBe('invalid input: parent is NaN in table "t", row "r", period "2020"');
  });
});

/**
 * A country of four regions in 2020; in 2021 "new-north" was formed from part of "north", and the
 * source gives it separately from 2021, "north" on its smaller territory. "east" has a gap.
 */
const grp = table(
  'grp',
  'million tenge',
  {
    country: { '2020': 1000, '2021': 1210 },
    north: { '2020': 400, '2021': 330 },
    'new-north': { '2020': null, '2021': 110 },
    south: { '2020': 350, '2021': 420 },
    east: { '2020': 250, '2021': null },
    'old-south': { '2020': 350, '2021': null },
  },
  { roles: { country: 'total', north: 'component', 'new-north': 'component', south: 'component', east: 'component', 'old-south': 'memo' } },
);

const onOldBoundaries = derivedDefinition('grp-old-boundaries', 'group-sum', 'grp', { groups: { north: { parent: 'north', parts: ['new-north'] } }, missingPart: 'in-parent', decimals: 1 });

describe('group-sum: worked example', () => {
  it('computes a derived table on one division: the parent replaced by the group, the part dropped, memo rows left out, the total kept as the total', async () => {
    const tables = await tablesOf(grp, onOldBoundaries);
    const t = derived(tables, 'grp-old-boundaries');
    expect(t.table.rows.map((r) => [r.id, r.role])).toEqual([
      ['country', 'total'],
      ['north', 'component'],
      ['south', 'component'],
      ['east', 'component'],
    ]);
    // 2020: new-north is inside north, so the group is north alone: 400
    expect(t.value('north', '2020')).toBe(400);
    expect(t.cell('north', '2020')).toMatchObject({ formula: [400], inputs: [{ table: 'grp', row: 'north', period: '2020' }] });
    // 2021: 330 + 110 = 440, north on its 2020 territory
    expect(t.value('north', '2021')).toBe(440);
    expect(t.cell('north', '2021')).toMatchObject({ formula: [330, ' + ', 110], inputs: [{ row: 'north', period: '2021' }, { row: 'new-north', period: '2021' }] });
    // A row kept as it is, and its gap with the source's own reason.
    expect(t.value('south', '2021')).toBe(420);
    expect(t.value('east', '2021')).toBeNull();
    expect(t.table.rows.find((r) => r.id === 'east')?.missing).toEqual({ '2021': 'no east figure for 2021' });
  });

  it('gives the groups ranks and shares of the total: the total row is still the total', async () => {
    const tables = await tablesOf(grp, onOldBoundaries);
    // 2021 on the 2020 division: north 440 > south 420; east has no value and is not ranked
    expect(inline('rank(grp-old-boundaries.north, 2021)', tables)).toMatchObject({ value: 1, rank: { tied: 1, of: 2 } });
    expect(inline('rank(grp-old-boundaries.south, 2021)', tables).value).toBe(2);
    // 440 ÷ 1210 × 100 = 36.36…
    expect(inline('share-of-reference(grp-old-boundaries.north, 2021)', tables).value).toBeCloseTo(36.3636, 4);
  });

  it('makes the group missing when a part is, unless the author declares the rule', async () => {
    const strict = derivedDefinition('grp-strict', 'group-sum', 'grp', { groups: { north: { parent: 'north', parts: ['new-north'] } } });
    const tables = await tablesOf(grp, strict);
    expect(derived(tables, 'grp-strict').value('north', '2020')).toBeNull();
    // The missing part gives its own reason.
    expect(derived(tables, 'grp-strict').table.rows.find((r) => r.id === 'north')?.missing).toEqual({ '2020': 'no new-north figure for 2020' });
    expect(derived(tables, 'grp-strict').value('north', '2021')).toBe(440);
  });

  it('names a group and labels it when asked, keeping only the rows listed', async () => {
    const def = derivedDefinition('grp-north', 'group-sum', 'grp', { rows: ['country', 'north', 'new-north'], groups: { 'greater-north': { parent: 'north', parts: ['new-north'], label: { en: 'Greater North' } } }, missingPart: 'in-parent' });
    const t = derived(await tablesOf(grp, def), 'grp-north');
    expect(t.table.rows.map((r) => [r.id, r.label])).toEqual([
      ['country', 'country'],
      ['greater-north', { en: 'Greater North' }],
    ]);
    expect(t.value('greater-north', '2021')).toBe(440);
  });

  it('computes inline, with the same rule', async () => {
    const tables = await tablesOf(grp);
    // 330 + 110 = 440
    expect(inline('group-sum(grp.north.2021, missing, grp.new-north.2021)', tables)).toMatchObject({ value: 440, unit: 'million tenge', decimals: 1, formula: [330, ' + ', 110] });
    expect(inline('group-sum(grp.north.2020, missing, grp.new-north.2020)', tables)).toMatchObject({ value: null, missing: 'part "grp.new-north.2020" is missing' });
    // in-parent: 400, and the part counted inside the parent is not listed as an input
    expect(inline('group-sum(grp.north.2020, in-parent, grp.new-north.2020)', tables)).toMatchObject({ value: 400, formula: [400], inputs: [{ table: 'grp', row: 'north', period: '2020' }] });
  });

  it('stops the build on a row in two groups, an unknown row, or a parent left out of the rows, with the JSON path', async () => {
    const attempt = async (options: Record<string, unknown>) => {
      const files = memoryFiles({ 'data/grp.json': json(grp), 'data/bad.json': json(derivedDefinition('bad', 'group-sum', 'grp', options)) });
      return deriveTables(await loadTables(files, FOLDERS, TABLE_RULES)).size;
    };
    await expect(attempt({ groups: { north: { parent: 'north', parts: ['new-north'] }, south: { parent: 'south', parts: ['new-north'] } } })).rejects.toMatchObject({
      message: 'derived table "bad": row "new-north" is in group "north" and in group "south"',
      path: 'groups.south.parts',
    });
    await expect(attempt({ groups: { north: { parent: 'north', parts: ['new-nort'] } } })).rejects.toMatchObject({ message: 'derived table "bad": table "grp" has no row "new-nort"', path: 'groups.north.parts' });
    await expect(attempt({ rows: ['country', 'south'], groups: { north: { parent: 'north', parts: ['new-north'] } } })).rejects.toMatchObject({ path: 'groups.north.parent' });
    await expect(attempt({ groups: { north: { parent: 'north', parts: ['new-north'] } }, missingPart: 'zero' })).rejects.toMatchObject({ path: expect.stringContaining('missingPart') });
  });
});
