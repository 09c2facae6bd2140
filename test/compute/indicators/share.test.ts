import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { shareOf, shares } from '../../../scripts/compute/indicators/share.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';
import { INDICATORS } from '../../../scripts/compute/indicators/registry.ts';

const HARVEST_2019 = [
  { key: 'cereals', value: 157.4 },
  { key: 'sunflower', value: 38.7 },
  { key: 'potatoes', value: 29.2 },
  { key: 'vegetables', value: 23.7 },
  { key: 'melons', value: 9.7 },
];

describe('shares', () => {
  it('divides each component by the sum of the components', () => {
    // total 1 + 3 = 4; 1 ÷ 4 × 100 = 25; 3 ÷ 4 × 100 = 75
    const r = shares([
      { key: 'a', value: 1 },
      { key: 'b', value: 3 },
    ]);
    expect(r.total.value).toBe(4);
    expect(r.total.formula).toEqual([1, ' + ', 3]);
    expect(r.shares.map((s) => [s.key, s.value, s.unit])).toEqual([
      ['a', 25, '%'],
      ['b', 75, '%'],
    ]);
    expect(r.shares[1]?.formula).toEqual([3, ' ÷ ', 4, ' × 100']);
  });

  it('reproduces seed 000: cereals are 60.8 % of the 2019 gross harvest', () => {
    // 157.4 + 38.7 + 29.2 + 23.7 + 9.7 = 258.7 (the printed total); 157.4 ÷ 258.7 × 100 = 60.84
    const r = shares(HARVEST_2019);
    expect(r.total.value).toBeCloseTo(258.7, 10);
    expect(round(r.shares[0]?.value ?? null)).toBe(60.8);
  });

  it('makes every share missing when a component is missing (the total is unknown)', () => {
    const r = shares([
      { key: 'cereals', value: 157.4 },
      { key: 'potatoes', value: null },
    ]);
    expect(r.total.value).toBeNull();
    expect(r.total.missing).toBe('component "potatoes" is missing, so the total is unknown');
    expect(r.shares.every((s) => s.value === null && s.missing === r.total.missing)).toBe(true);
  });

  it('rejects all-zero components naming table, row and period', () => {
    expectDivisionByZero(
      () =>
        shares(
          [
            { key: 'a', value: 0 },
            { key: 'b', value: 0 },
          ],
          WHERE,
        ),
      'total of the components',
    );
  });

  it('rejects an empty list, a duplicate key and a negative component', () => {
    expect(indicatorError(() => shares([], WHERE)).message).toContain('components is empty');
    expect(
      indicatorError(() =>
        shares([
          { key: 'a', value: 1 },
          { key: 'a', value: 2 },
        ]),
      ).message,
    ).toContain('"a" twice');
    expect(indicatorError(() => shares([{ key: 'a', value: -1 }])).message).toContain('is negative');
  });

  it('gives shares that sum to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 30 }), (values) => {
        fc.pre(values.some((v) => v > 0));
        const r = shares(values.map((value, i) => ({ key: `k${i}`, value })));
        const total = r.shares.reduce((s, c) => s + (c.value as number), 0);
        expect(Math.abs(total - 100)).toBeLessThan(1e-9);
      }),
    );
  });

  it('does not mutate its input', () => {
    const input = Object.freeze(HARVEST_2019.map((c) => Object.freeze({ ...c })));
    expect(() => shares(input)).not.toThrow();
  });
});

describe('shareOf', () => {
  it('divides a part by a stated whole', () => {
    // 1500 ÷ 60000 × 100 = 2.5
    const r = shareOf(1500, 60000);
    expect(r.value).toBe(2.5);
    expect(r.formula).toEqual([1500, ' ÷ ', 60000, ' × 100']);
  });

  it('returns null for a missing whole', () => {
    expect(shareOf(1, null).missing).toBe('whole is missing');
  });

  it('rejects a whole of 0 naming table, row and period', () => {
    expectDivisionByZero(() => shareOf(1, 0, WHERE), 'whole');
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('share: worked example', () => {
  it('computes inline against the total row', async () => {
    // 25 ÷ 125 × 100 = 20
    const value = inline('share(harvest.sunflower, 2019)', await tablesOf(harvest));
    expect(value).toMatchObject({ value: 20, unit: '%', decimals: 1, formula: [25, ' ÷ ', 125, ' × 100'] });
  });

  it('computes a derived table without the total row, and a chart series', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('shares', 'share', 'harvest'));
    // 100 ÷ 125 × 100 = 80
    expect(derived(tables, 'shares').table.rows.map((r) => r.id)).toEqual(['cereals', 'sunflower']);
    expect(derived(tables, 'shares').value('cereals', '2019')).toBe(80);
    const t = derived(tables, 'harvest').table;
    expect(INDICATORS.share?.series?.value(t, t.rows, t.rows[1]!, '2019', undefined)).toBe(20);
  });
});
