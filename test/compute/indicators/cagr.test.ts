import { describe, it, expect } from 'vitest';
import { cagr } from '../../../scripts/compute/indicators/cagr.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';

describe('cagr', () => {
  it('is the geometric mean yearly growth', () => {
    // ((121 ÷ 100)^(1/2) − 1) × 100 = (1.1 − 1) × 100 = 10
    const r = cagr(121, 100, 2);
    expect(r.value).toBeCloseTo(10, 12);
    expect(r.unit).toBe('% per year');
    expect(r.formula).toEqual(['((', 121, ' ÷ ', 100, ')^(1/', 2, ') − 1) × 100']);
  });

  it('computes the cereals harvest CAGR 2015–2019 of seed 000', () => {
    // (157.4 ÷ 86.4)^(1/4) = 1.82176^(0.25) = 1.16178 → 16.2 % per year
    expect(round(cagr(157.4, 86.4, 4).value)).toBe(16.2);
  });

  it('equals the growth rate over one year', () => {
    expect(cagr(150, 120, 1).value).toBeCloseTo(25, 12);
  });

  it('returns null with a reason for a missing value', () => {
    expect(cagr(null, 100, 3).value).toBeNull();
    expect(cagr(null, 100, 3).missing).toBe('last value is missing');
  });

  it('rejects a base value of 0 naming table, row and period', () => {
    expectDivisionByZero(() => cagr(5, 0, 4, WHERE), 'base value');
  });

  it('rejects a non-positive number of years', () => {
    expect(indicatorError(() => cagr(5, 4, 0, WHERE)).message).toContain('number of years is 0');
  });
});
