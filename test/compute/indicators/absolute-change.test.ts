import { describe, it, expect } from 'vitest';
import { absoluteChange } from '../../../scripts/compute/indicators/absolute-change.ts';
import { indicatorError, WHERE } from './helpers.ts';

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
