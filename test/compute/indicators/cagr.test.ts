import { describe, it, expect } from 'vitest';
import { cagr } from '../../../scripts/compute/indicators/cagr.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

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

/** 100 → 121 over two years. */
const output = table('output', 'million tenge', { crops: { '2015': 100, '2017': 121 } });

describe('cagr: worked example', () => {
  it('computes inline, the years from the periods', async () => {
    // (121 ÷ 100)^(1/2) − 1 = 1.1 − 1 → 10 % a year
    const value = inline('cagr(output.crops, 2017, 2015)', await tablesOf(output));
    expect(value.value).toBeCloseTo(10, 10);
    expect(value.formula).toEqual(['((', 121, ' ÷ ', 100, ')^(1/', 2, ') − 1) × 100']);
  });

  it('computes a derived table, missing where the period is not after the base', async () => {
    const tables = await tablesOf(output, derivedDefinition('growth', 'cagr', 'output', { base: '2015' }));
    expect(derived(tables, 'growth').value('crops', '2017')).toBeCloseTo(10, 10);
    expect(derived(tables, 'growth').value('crops', '2015')).toBeNull();
    expect(derived(tables, 'growth').table.rows[0]?.missing?.['2015']).toBe('2015 is not after the base year 2015');
  });
});
