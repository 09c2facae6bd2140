import { describe, it, expect } from 'vitest';
import { clusterGrowthVsSector, growthRatio, sectorGrowthVsEconomy } from '../../../scripts/compute/indicators/growth-ratio.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';

describe('growth ratios', () => {
  it('divides the sector growth index by the economy growth index', () => {
    // 120 ÷ 100 = 1.2: the sector grew 1.2 times as fast as the economy
    const r = sectorGrowthVsEconomy(120, 100);
    expect(r.value).toBe(1.2);
    expect(r.unit).toBe('ratio');
    expect(r.formula).toEqual([120, ' ÷ ', 100]);
  });

  it('divides the cluster growth index by the sector growth index', () => {
    // 132 ÷ 120 = 1.1
    expect(clusterGrowthVsSector(132, 120).value).toBeCloseTo(1.1, 12);
  });

  it('compares crop with all agricultural output growth in seed 000 Table 1 (2019 vs 2015)', () => {
    // crop 163.5 % vs agriculture 183.0 %: 163.5 ÷ 183.0 = 0.893 — crops grew slower than agriculture
    expect(round(growthRatio(163.5, 183.0).value, 3)).toBe(0.893);
  });

  it('returns null with a reason when an index is missing', () => {
    const r = sectorGrowthVsEconomy(120, null);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('economy growth index is missing');
  });

  it('rejects an economy index of 0 naming table, row and period', () => {
    expectDivisionByZero(() => sectorGrowthVsEconomy(120, 0, {}, WHERE), 'economy growth index');
  });

  it('rejects indices on different bases', () => {
    expect(indicatorError(() => sectorGrowthVsEconomy(120, 110, { sector: '% of previous year', economy: '% of base year' }, WHERE)).message).toContain(
      'unit mismatch: sector growth index is in "% of previous year" but economy growth index is in "% of base year"',
    );
  });
});
