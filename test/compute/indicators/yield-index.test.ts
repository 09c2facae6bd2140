import { describe, it, expect } from 'vitest';
import { averageYieldIndex, laspeyresYieldIndex } from '../../../scripts/compute/indicators/yield-index.ts';
import { impliedArea } from '../../../scripts/compute/indicators/implied-area.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';

const EXAMPLE = [
  { key: 'wheat', yieldBase: 10, yieldLast: 12, areaBase: 100 },
  { key: 'barley', yieldBase: 20, yieldLast: 22, areaBase: 300 },
];

// Seed 000, Table 3 (yields, c/ha) and Table 2 (2015 harvest, thousand t)
const SEED = [
  { key: 'cereals', yieldBase: 7.9, yieldLast: 12.1, harvestBase: 86.4 },
  { key: 'sunflower', yieldBase: 7.2, yieldLast: 12.8, harvestBase: 7.2 },
  { key: 'potatoes', yieldBase: 141.8, yieldLast: 173.0, harvestBase: 29.3 },
  { key: 'vegetables', yieldBase: 144.2, yieldLast: 170.0, harvestBase: 25.1 },
  { key: 'melons', yieldBase: 162.5, yieldLast: 171.0, harvestBase: 10.8 },
];

describe('laspeyresYieldIndex', () => {
  it('weights yields by base-period areas', () => {
    // (12 × 100 + 22 × 300) ÷ (10 × 100 + 20 × 300) × 100 = (1200 + 6600) ÷ (1000 + 6000) × 100 = 7800 ÷ 7000 × 100 = 111.43
    const r = laspeyresYieldIndex(EXAMPLE);
    expect(r.value).toBeCloseTo((7800 / 7000) * 100, 10);
    expect(r.unit).toBe('% of base year');
    expect(r.formula).toEqual(['(', 12, ' × ', 100, ' + ', 22, ' × ', 300, ') ÷ (', 10, ' × ', 100, ' + ', 20, ' × ', 300, ') × 100']);
  });

  it('gives 139.7 for the seed 000 crops with areas implied from the 2015 harvest', () => {
    // A_b = H_b × 10 ÷ y_b, so y_b·A_b = 10·H_b and the index is the harvest-weighted mean of crop indices:
    // (86.4 × 153.16 + 7.2 × 177.78 + 29.3 × 122.00 + 25.1 × 117.89 + 10.8 × 105.23) ÷ 158.8 = 139.70
    const crops = SEED.map((c) => ({ ...c, areaBase: impliedArea(c.harvestBase, c.yieldBase).value }));
    expect(round(laspeyresYieldIndex(crops).value, 2)).toBe(139.7);
  });

  it('returns null with a reason when an area is missing', () => {
    const r = laspeyresYieldIndex([{ ...EXAMPLE[0]!, areaBase: null }, EXAMPLE[1]!]);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('base area of "wheat" is missing');
  });

  it('rejects crops with no base-period area naming table, row and period', () => {
    expectDivisionByZero(() => laspeyresYieldIndex(EXAMPLE.map((c) => ({ ...c, areaBase: 0 })), WHERE), 'Σ base yield × base area');
  });

  it('rejects a negative area and an empty list', () => {
    expect(indicatorError(() => laspeyresYieldIndex([{ ...EXAMPLE[0]!, areaBase: -5 }], WHERE)).message).toContain('base area of "wheat" is negative (-5)');
    expect(indicatorError(() => laspeyresYieldIndex([], WHERE)).message).toContain('crops is empty');
  });
});

describe('averageYieldIndex', () => {
  it('averages the per-crop yield indices without weights', () => {
    // (12 ÷ 10 + 22 ÷ 20) ÷ 2 × 100 = (1.2 + 1.1) ÷ 2 × 100 = 115
    const r = averageYieldIndex(EXAMPLE);
    expect(r.value).toBeCloseTo(115, 10);
    expect(r.formula).toEqual(['(', 12, ' ÷ ', 10, ' + ', 22, ' ÷ ', 20, ') ÷ ', 2, ' × 100']);
  });

  it('reproduces the "increase of 135 %" of seed 000, which is this plain average', () => {
    // (153.16 + 177.78 + 122.00 + 117.89 + 105.23) ÷ 5 = 676.07 ÷ 5 = 135.21
    const r = averageYieldIndex(SEED);
    expect(round(r.value)).toBe(135.2);
    // … and differs from the area-weighted index (139.7)
    const weighted = laspeyresYieldIndex(SEED.map((c) => ({ ...c, areaBase: impliedArea(c.harvestBase, c.yieldBase).value })));
    expect((weighted.value as number) - (r.value as number)).toBeGreaterThan(4);
  });

  it('returns null with a reason when a yield is missing', () => {
    expect(averageYieldIndex([{ key: 'wheat', yieldBase: 10, yieldLast: null }]).missing).toBe('last yield of "wheat" is missing');
  });

  it('rejects a crop with a base yield of 0 naming table, row and period', () => {
    expectDivisionByZero(() => averageYieldIndex([{ key: 'wheat', yieldBase: 0, yieldLast: 3 }], WHERE), 'base yield of "wheat"');
  });
});
