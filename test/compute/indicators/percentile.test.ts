import { describe, expect, it } from 'vitest';
import { percentileAmong } from '../../../scripts/compute/indicators/percentile.ts';
import { grp } from './comparison-fixture.ts';
import { derived, derivedDefinition, inline, tablesOf } from './worked-example.ts';

describe('percentileAmong', () => {
  it('is the share of the other ranked rows a row is ahead of', () => {
    const values = [{ key: 'a', value: 1 }, { key: 'b', value: 2 }, { key: 'c', value: 3 }, { key: 'd', value: null }];
    // c is ahead of 2 of the other 2 ranked rows: 2 ÷ (3 − 1) × 100 = 100; a of none: 0; b: 50
    expect(['a', 'b', 'c'].map((k) => percentileAmong(k, values).value)).toEqual([0, 50, 100]);
    expect(percentileAmong('a', values, 'ascending').value).toBe(100);
    expect(percentileAmong('d', values).missing).toBe('"d" has no value, so it is not ranked');
    expect(percentileAmong('a', [{ key: 'a', value: 1 }]).missing).toBe('only one row has a value: a percentile needs two or more');
  });
});

describe('percentile: worked example', () => {
  it('computes inline and as a derived table', async () => {
    const tables = await tablesOf(grp, derivedDefinition('percentiles', 'percentile', 'grp'));
    // 2022, 3 rows with a value: north (300) is ahead of east only: 1 ÷ (3 − 1) × 100 = 50, tied with south
    expect(inline('percentile(grp.north, 2022)', tables)).toMatchObject({ value: 50, rank: { tied: 2, of: 3 } });
    // 2019, 4 rows: north (100) is ahead of west (50) only: 1 ÷ 3 × 100 = 33.3
    expect(inline('percentile(grp.north, 2019)', tables).value).toBeCloseTo(33.3333, 4);
    expect(derived(tables, 'percentiles').value('east', '2022')).toBe(0);
    expect(derived(tables, 'percentiles').table.unit).toBe('percentile');
  });
});
