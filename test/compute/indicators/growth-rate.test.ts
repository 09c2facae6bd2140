import { describe, it, expect } from 'vitest';
import { growthRate } from '../../../scripts/compute/indicators/growth-rate.ts';
import { expectDivisionByZero, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';
import { INDICATORS } from '../../../scripts/compute/indicators/registry.ts';

describe('growthRate', () => {
  it('is the base index minus 100', () => {
    // (150 ÷ 120 − 1) × 100 = 0.25 × 100 = 25
    const r = growthRate(150, 120);
    expect(r.value).toBe(25);
    expect(r.unit).toBe('%');
    expect(r.formula).toEqual(['(', 150, ' ÷ ', 120, ' − 1) × 100']);
  });

  it('computes the cereals harvest growth of seed 000 (182.2 % of 2015 = +82.2 %)', () => {
    expect(round(growthRate(157.4, 86.4).value)).toBe(82.2);
  });

  it('gives −100 when the quantity falls to zero', () => {
    expect(growthRate(0, 40).value).toBe(-100);
  });

  it('returns null with a reason for a missing value', () => {
    expect(growthRate(150, null).missing).toBe('base value is missing');
    expect(growthRate(150, null).value).toBeNull();
  });

  it('rejects a base value of 0 naming table, row and period', () => {
    expectDivisionByZero(() => growthRate(5, 0, WHERE), 'base value');
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('growth-rate: worked example', () => {
  it('computes inline', async () => {
    // (100 ÷ 80 − 1) × 100 = 25
    expect(inline('growth-rate(harvest.cereals, 2019, 2015)', await tablesOf(harvest)).value).toBe(25);
  });

  it('computes a derived table and a chart series', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('growth', 'growth-rate', 'harvest', { base: '2015' }));
    // (25 ÷ 10 − 1) × 100 = 150
    expect(derived(tables, 'growth').value('sunflower', '2019')).toBe(150);
    const t = derived(tables, 'harvest').table;
    expect(INDICATORS['growth-rate']?.series?.value(t, t.rows, t.rows[1]!, '2019', '2015')).toBe(150);
  });
});
