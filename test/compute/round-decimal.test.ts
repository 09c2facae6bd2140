import { describe, expect, it } from 'vitest';
import { roundDecimal, roundNumber } from '../../scripts/compute/round-decimal.ts';
import { formatNumber } from '../../scripts/languages/number-format.ts';
import { lang } from '../helpers/languages.ts';

describe('the one rounding rule: decimal, half away from zero', () => {
  it('rounds the decimal value, not its binary neighbour', () => {
    // 21.15 / 20 × 100 is 105.74999999999999 in binary; 21.15 × 100 / 20 is 105.75: one figure.
    expect(21.15 / 20 * 100).toBe(105.74999999999999);
    expect(roundDecimal(21.15 / 20 * 100, 1)).toBe('105.8');
    expect(roundDecimal((21.15 * 100) / 20, 1)).toBe('105.8');
    expect(roundDecimal(2.675, 2)).toBe('2.68');
    expect((2.675).toFixed(2)).toBe('2.67');
    expect(roundDecimal(1.005, 2)).toBe('1.01');
    expect(roundDecimal(0.1 + 0.2, 1)).toBe('0.3');
  });

  it('takes halves away from zero on both sides, and never prints -0', () => {
    expect(roundDecimal(0.5, 0)).toBe('1');
    expect(roundDecimal(-0.5, 0)).toBe('-1');
    expect(roundDecimal(-0.05, 1)).toBe('-0.1');
    expect(roundDecimal(-0.04, 1)).toBe('0.0');
    expect(roundDecimal(-0, 2)).toBe('0.00');
    expect(roundDecimal(99.95, 1)).toBe('100.0');
    expect(roundDecimal(-99.95, 1)).toBe('-100.0');
  });

  it('writes large and small numbers without exponents', () => {
    expect(roundDecimal(1e21, 0)).toBe('1000000000000000000000');
    expect(roundDecimal(1.5e-7, 3)).toBe('0.000');
    expect(roundDecimal(0.00049, 3)).toBe('0.000');
    expect(roundDecimal(0.0005, 3)).toBe('0.001');
    expect(roundDecimal(123456789012.345, 2)).toBe('123456789012.35');
    expect(roundNumber(105.74999999999999, 1)).toBe(105.8);
  });

  it('refuses what has no decimal value', () => {
    expect(() => roundDecimal(Number.NaN, 1)).toThrow('cannot round NaN');
    expect(() => roundDecimal(Infinity, 1)).toThrow('cannot round Infinity');
    expect(() => roundDecimal(1, 1.5)).toThrow('decimals must be an integer');
  });

  it('is what the formatter prints, in every language', () => {
    expect(formatNumber(21.15 / 20 * 100, 1, lang('en'))).toBe('105.8');
    expect(formatNumber(21.15 / 20 * 100, 1, lang('ru'))).toBe('105,8');
    expect(formatNumber(21.15 / 20 * 100, 1, lang('kk'))).toBe('105,8');
    expect(formatNumber(-1234567.85, 1, lang('en'))).toBe('−1,234,567.9');
    expect(formatNumber(-1234567.85, 1, lang('ru'))).toBe('−1\u00a0234\u00a0567,9');
  });
});
