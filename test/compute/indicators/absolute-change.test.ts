import { describe, it, expect } from 'vitest';
import { absoluteChange } from '../../../scripts/compute/indicators/absolute-change.ts';
import { indicatorError, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('absoluteChange', () => {
  it('subtracts the base value from the last value, in the table unit', () => {
    // cereals, seed 000 Table 2: 157.4 − 86.4 = 71.0 thousand t
    const r = absoluteChange(157.4, 86.4, 'thousand t');
    expect(r.value).toBeCloseTo(71, 12);
    expect(r.unit).toBe('thousand t');
    expect(r.formula).toEqual([157.4, ' − ', 86.4]);
  });

  it('accepts decreases and negative values', () => {
    // potatoes: 29.2 − 29.3 = −0.1
    expect(absoluteChange(29.2, 29.3, 'thousand t').value).toBeCloseTo(-0.1, 12);
    // a loss turning into a smaller loss: −5 − (−20) = 15
    expect(absoluteChange(-5, -20, 'million tenge').value).toBe(15);
  });

  it('returns null with a reason when a value is missing', () => {
    const r = absoluteChange(null, 86.4, 'thousand t');
    expect(r.value).toBeNull();
    expect(r.missing).toBe('last value is missing');
  });

  it('never divides, so zero values are fine', () => {
    expect(absoluteChange(0, 0, 'thousand t', WHERE).value).toBe(0);
  });

  it('rejects NaN and infinities', () => {
    expect(indicatorError(() => absoluteChange(Number.POSITIVE_INFINITY, 1, 't', WHERE)).message).toContain('last value is Infinity');
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('absolute-change: worked example', () => {
  it('computes inline in the table\'s unit and decimals', async () => {
    // 100 − 80 = 20
    const value = inline('absolute-change(harvest.cereals, 2019, 2015)', await tablesOf(harvest));
    expect(value).toMatchObject({ value: 20, unit: 'thousand t', decimals: 1, formula: [100, ' − ', 80] });
  });

  it('computes a derived table', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('change', 'absolute-change', 'harvest', { base: '2015' }));
    // 25 − 10 = 15; the base period itself: 0
    expect(derived(tables, 'change').value('sunflower', '2019')).toBe(15);
    expect(derived(tables, 'change').value('sunflower', '2015')).toBe(0);
    expect(derived(tables, 'change').table.unit).toBe('thousand t');
  });
});
