import { describe, expect, it } from 'vitest';
import { rankAmong } from '../../../scripts/compute/indicators/rank.ts';
import { rankChange } from '../../../scripts/compute/indicators/rank-change.ts';
import { grp } from './comparison-fixture.ts';
import { derived, derivedDefinition, inline, tablesOf } from './worked-example.ts';

describe('rankChange', () => {
  it('is the base rank minus the last rank: positive when the row moved up', () => {
    const base = rankAmong('a', [{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    const last = rankAmong('a', [{ key: 'a', value: 3 }, { key: 'b', value: 2 }]);
    // 2 − 1 = +1
    expect(rankChange(last, base)).toMatchObject({ value: 1, formula: [2, ' − ', 1] });
  });
});

describe('rank-change: worked example', () => {
  it('computes inline', async () => {
    const tables = await tablesOf(grp);
    // north: 3rd in 2019, 1st in 2022: 3 − 1 = +2 places
    expect(inline('rank-change(grp.north, 2022, 2019)', tables).value).toBe(2);
    // east: 2nd in 2019 (south 300 > east 200), 3rd in 2022: 2 − 3 = −1
    expect(inline('rank-change(grp.east, 2022, 2019)', tables).value).toBe(-1);
    expect(inline('rank-change(grp.west, 2022, 2019)', tables)).toMatchObject({ value: null, missing: 'no west figure for 2022' });
  });

  it('computes a derived table', async () => {
    const tables = await tablesOf(grp, derivedDefinition('moves', 'rank-change', 'grp', { base: '2019' }));
    expect(derived(tables, 'moves').value('north', '2022')).toBe(2);
    expect(derived(tables, 'moves').value('north', '2019')).toBe(0);
  });
});
