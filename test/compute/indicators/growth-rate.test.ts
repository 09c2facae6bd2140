import { describe, it, expect } from 'vitest';
import { growthRate } from '../../../scripts/compute/indicators/growth-rate.ts';
import { expectDivisionByZero, round, WHERE } from './helpers.ts';

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
