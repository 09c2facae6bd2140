import { describe, expect, it } from 'vitest';
import { rankAmong } from '../../../scripts/compute/indicators/rank.ts';
import { grp } from './comparison-fixture.ts';
import { indicatorError, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, tablesOf } from './worked-example.ts';

describe('rankAmong', () => {
  const values = [
    { key: 'a', value: 5 },
    { key: 'b', value: 7 },
    { key: 'c', value: 7 },
    { key: 'd', value: 1 },
    { key: 'e', value: null },
  ];

  it('ranks highest first; ties share the better place (1, 2, 2, 4) and say how many share it', () => {
    // 7 = 7 > 5 > 1: b and c 1st (tied, 2 of them), a 1 + 2 = 3rd, d 4th; e has no value: 4 ranked
    expect(rankAmong('b', values)).toMatchObject({ value: 1, tied: 2, of: 4, unit: 'rank' });
    expect(rankAmong('a', values)).toMatchObject({ value: 3, tied: 1, of: 4, formula: ['1 + #{x_j > x_i}', ' = 1 + ', 2] });
    expect(rankAmong('d', values).value).toBe(4);
  });

  it('ranks lowest first when ascending', () => {
    // 1 < 5 < 7 = 7: d 1st, a 2nd, b and c 3rd
    expect(rankAmong('d', values, 'ascending').value).toBe(1);
    expect(rankAmong('c', values, 'ascending')).toMatchObject({ value: 3, tied: 2 });
  });

  it('does not rank a row without a value, and says why', () => {
    expect(rankAmong('e', values)).toMatchObject({ value: null, missing: '"e" has no value, so it is not ranked', tied: 0, of: 4 });
  });

  it('accepts negative values and refuses a row that is not compared', () => {
    expect(rankAmong('x', [{ key: 'x', value: -3 }, { key: 'y', value: -1 }]).value).toBe(2);
    expect(indicatorError(() => rankAmong('z', values, 'descending', WHERE)).message).toContain('"z" is not one of the rows compared');
  });
});

describe('rank: worked example', () => {
  it('ranks a row among the regions, leaving out the total, memo rows and rows without a value', async () => {
    const tables = await tablesOf(grp);
    // 2022: north 300 = south 300 > east 200 (west has no value): north 1st, tied with south, of 3
    expect(inline('rank(grp.north, 2022)', tables)).toMatchObject({ value: 1, decimals: 0, rank: { tied: 2, of: 3 } });
    // east: 1 + 2 rows above = 3rd
    expect(inline('rank(grp.east, 2022)', tables).value).toBe(3);
    // 2019: south 300 > east 200 > north 100 > west 50: north 3rd; ascending, only west is lower: 2nd
    expect(inline('rank(grp.north, 2019)', tables).value).toBe(3);
    expect(inline('rank(grp.north, 2019, ascending)', tables).value).toBe(2);
  });

  it('says why a row without a value has no rank, and refuses the total row', async () => {
    const tables = await tablesOf(grp);
    expect(inline('rank(grp.west, 2022)', tables)).toMatchObject({ value: null, missing: 'no west figure for 2022' });
    expect(() => inline('rank(grp.country, 2022)', tables)).toThrow('row "country" is the table\'s total row of table "grp", which ranks leave out');
  });

  it('computes a derived table of ranks', async () => {
    const tables = await tablesOf(grp, derivedDefinition('ranks', 'rank', 'grp'));
    const d = derived(tables, 'ranks');
    expect(d.table.rows.map((r) => r.id)).toEqual(['north', 'south', 'east', 'west']);
    expect(['north', 'south', 'east', 'west'].map((r) => d.value(r, '2019'))).toEqual([3, 1, 2, 4]);
    expect(d.value('west', '2022')).toBeNull();
    expect(d.table.rows[3]?.missing?.['2022']).toBe('no west figure for 2022');
    expect(d.table.unit).toBe('rank');
  });
});
