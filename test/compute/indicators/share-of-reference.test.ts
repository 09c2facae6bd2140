import { describe, expect, it } from 'vitest';
import { shareOfReference } from '../../../scripts/compute/indicators/share-of-reference.ts';
import { grp } from './comparison-fixture.ts';
import { expectDivisionByZero, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('shareOfReference', () => {
  it('divides by the reference, propagates a missing value and refuses a reference of 0', () => {
    // 30 ÷ 120 × 100 = 25
    expect(shareOfReference(30, 120)).toMatchObject({ value: 25, unit: '%', formula: [30, ' ÷ ', 120, ' × 100'] });
    expect(shareOfReference(null, 120).missing).toBe('value is missing');
    expectDivisionByZero(() => shareOfReference(1, 0, WHERE), 'reference');
  });
});

describe('share-of-reference: worked example', () => {
  it('divides by the total row, or by a reference row named in another table', async () => {
    const national = table('national', 'million tenge', { kz: { '2022': 1000 } });
    const tables = await tablesOf(grp, national);
    // 300 ÷ 800 × 100 = 37.5 (the country row); 300 ÷ 1000 × 100 = 30
    expect(inline('share-of-reference(grp.north, 2022)', tables).value).toBe(37.5);
    expect(inline('share-of-reference(grp.north, 2022, national.kz)', tables).value).toBe(30);
  });

  it('computes a derived table of every row but the reference and memo rows', async () => {
    const tables = await tablesOf(grp, derivedDefinition('shares', 'share-of-reference', 'grp'));
    expect(derived(tables, 'shares').table.rows.map((r) => r.id)).toEqual(['north', 'south', 'east', 'west']);
    // 200 ÷ 650 × 100 = 30.77
    expect(derived(tables, 'shares').value('east', '2019')).toBeCloseTo(30.7692, 4);
  });
});
