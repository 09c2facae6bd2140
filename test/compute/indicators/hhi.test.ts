import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hhi } from '../../../scripts/compute/indicators/hhi.ts';
import { expectDivisionByZero, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('hhi', () => {
  it('sums squared shares as fractions', () => {
    // shares 0.5, 0.3, 0.2: 0.25 + 0.09 + 0.04 = 0.38
    const r = hhi([
      { key: 'a', value: 50 },
      { key: 'b', value: 30 },
      { key: 'c', value: 20 },
    ]);
    expect(r.value).toBeCloseTo(0.38, 12);
    expect(r.unit).toBe('ratio');
    expect(r.formula).toEqual([0.5, '²', ' + ', 0.3, '²', ' + ', 0.2, '²']);
  });

  it('shows the harvest of seed 000 concentrating on cereals (0.362 in 2015 → 0.415 in 2019)', () => {
    // 2019: 0.6084² + 0.1496² + 0.1129² + 0.0916² + 0.0375² = 0.3702 + 0.0224 + 0.0127 + 0.0084 + 0.0014 = 0.4151
    expect(round(hhi([157.4, 38.7, 29.2, 23.7, 9.7].map((value, i) => ({ key: `c${i}`, value }))).value, 3)).toBe(0.415);
    expect(round(hhi([86.4, 7.2, 29.3, 25.1, 10.8].map((value, i) => ({ key: `c${i}`, value }))).value, 3)).toBe(0.362);
  });

  it('is 1/n for equal components and 1 for a single one', () => {
    expect(hhi([1, 1, 1, 1].map((value, i) => ({ key: `k${i}`, value }))).value).toBe(0.25);
    expect(hhi([{ key: 'only', value: 7 }, { key: 'none', value: 0 }]).value).toBe(1);
  });

  it('returns null with a reason when a component is missing', () => {
    const r = hhi([{ key: 'a', value: 1 }, { key: 'b', value: null }]);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('component "b" is missing, so the shares are unknown');
  });

  it('rejects all-zero components naming table, row and period', () => {
    expectDivisionByZero(() => hhi([{ key: 'a', value: 0 }], WHERE), 'total of the components');
  });

  it('lies between 1/n and 1', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        fc.pre(values.some((v) => v > 0));
        const h = hhi(values.map((value, i) => ({ key: `k${i}`, value }))).value as number;
        expect(h).toBeGreaterThanOrEqual(1 / values.length - 1e-12);
        expect(h).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('hhi: worked example', () => {
  it('computes inline over the component rows', async () => {
    // 2019 shares 100 ÷ 125 = 0.8 and 25 ÷ 125 = 0.2: 0.8² + 0.2² = 0.64 + 0.04 = 0.68
    const value = inline('hhi(harvest, 2019)', await tablesOf(harvest));
    expect(value.value).toBeCloseTo(0.68, 12);
    expect(value.decimals).toBe(2);
  });

  it('computes a derived table', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('concentration', 'hhi', 'harvest'));
    // 2015: (80/90)² + (10/90)² = (64 + 1) ÷ 81 = 0.8025
    expect(derived(tables, 'concentration').value('hhi', '2015')).toBeCloseTo(65 / 81, 12);
  });
});
