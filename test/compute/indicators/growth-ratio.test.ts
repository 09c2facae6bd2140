import { describe, it, expect } from 'vitest';
import { clusterGrowthVsSector, growthRatio, sectorGrowthVsEconomy } from '../../../scripts/compute/indicators/growth-ratio.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

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

describe('sector-growth-vs-economy and cluster-growth-vs-sector: worked examples', () => {
  const indices = table('indices', '% of previous year', { agriculture: { '2019': 117 }, economy: { '2019': 104 } });
  const levels = table('levels', 'million tenge', { dairy: { '2015': 50, '2019': 60 }, livestock: { '2015': 100, '2019': 150 } });

  it('divides two growth indices inline', async () => {
    const tables = await tablesOf(indices, levels);
    // 117 ÷ 104 = 1.125
    expect(inline('sector-growth-vs-economy(indices.agriculture, indices.economy, 2019)', tables).value).toBeCloseTo(1.125, 12);
    // with a base, levels become base indices: 60 ÷ 50 × 100 = 120 and 150 ÷ 100 × 100 = 150; 120 ÷ 150 = 0.8
    expect(inline('cluster-growth-vs-sector(levels.dairy, levels.livestock, 2019, 2015)', tables).value).toBeCloseTo(0.8, 12);
    expect(() => inline('cluster-growth-vs-sector(levels.dairy, levels.livestock, 2019)', tables)).toThrow('table "levels" holds levels ("million tenge"), not growth indices');
  });

  it('computes derived tables', async () => {
    const tables = await tablesOf(
      indices,
      levels,
      derivedDefinition('sector-vs-economy', 'sector-growth-vs-economy', 'indices', { by: 'indices', rows: { agriculture: 'economy' } }),
      derivedDefinition('cluster-vs-sector', 'cluster-growth-vs-sector', 'levels', { by: 'levels', rows: { dairy: 'livestock' }, base: '2015' }),
    );
    expect(derived(tables, 'sector-vs-economy').value('agriculture', '2019')).toBeCloseTo(1.125, 12);
    expect(derived(tables, 'cluster-vs-sector').value('dairy', '2019')).toBeCloseTo(0.8, 12);
  });
});
