import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { shiftShare } from '../../../scripts/compute/indicators/shift-share.ts';
import { expectDivisionByZero } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const EXAMPLE = {
  regionBase: 100,
  regionLast: 130,
  referenceSectorBase: 1000,
  referenceSectorLast: 1100,
  referenceTotalBase: 10000,
  referenceTotalLast: 10500,
  unit: 'thousand persons',
};

describe('shiftShare', () => {
  it('splits the change into national share, industry mix and regional shift', () => {
    // G = 10500 ÷ 10000 − 1 = 0.05; G_i = 1100 ÷ 1000 − 1 = 0.1; g_ir = 130 ÷ 100 − 1 = 0.3
    // NS = 100 × 0.05 = 5; IM = 100 × (0.1 − 0.05) = 5; RS = 100 × (0.3 − 0.1) = 20; 5 + 5 + 20 = 30 = 130 − 100
    const r = shiftShare(EXAMPLE);
    expect(r.growth.reference.value).toBeCloseTo(0.05, 12);
    expect(r.growth.referenceSector.value).toBeCloseTo(0.1, 12);
    expect(r.growth.regionSector.value).toBeCloseTo(0.3, 12);
    expect(r.nationalShare.value).toBeCloseTo(5, 10);
    expect(r.industryMix.value).toBeCloseTo(5, 10);
    expect(r.regionalShift.value).toBeCloseTo(20, 10);
    expect(r.actualChange.value).toBe(30);
    expect(r.actualChange.unit).toBe('thousand persons');
    expect(r.nationalShare.formula).toEqual([100, ' × ', r.growth.reference.value]);
  });

  it('returns null parts with a reason when a value is missing', () => {
    const r = shiftShare({ ...EXAMPLE, referenceTotalLast: null });
    for (const part of [r.actualChange, r.nationalShare, r.industryMix, r.regionalShift, r.growth.reference]) {
      expect(part.value).toBeNull();
      expect(part.missing).toBe('reference total last value (E^1) is missing');
    }
    expect(r.growth.regionSector.value).toBeCloseTo(0.3, 12);
  });

  it('rejects a regional base of 0 naming table, row and period', () => {
    expectDivisionByZero(
      () => shiftShare({ ...EXAMPLE, regionBase: 0 }, { table: 'baiterek-harvest', row: 'cereals', period: '2015', file: 'data/baiterek-harvest.json' }),
      'regional sector base value (e_ir^0)',
    );
  });

  it('has three parts that sum to the actual change (within 1e-9 of the largest magnitude)', () => {
    const positive = fc.double({ min: 0.001, max: 1e7, noNaN: true });
    fc.assert(
      fc.property(positive, fc.double({ min: 0, max: 1e7, noNaN: true }), positive, positive, positive, positive, (e0, e1, Ei0, Ei1, E0, E1) => {
        const r = shiftShare({ regionBase: e0, regionLast: e1, referenceSectorBase: Ei0, referenceSectorLast: Ei1, referenceTotalBase: E0, referenceTotalLast: E1, unit: 'u' });
        const parts = [r.nationalShare.value as number, r.industryMix.value as number, r.regionalShift.value as number];
        const actual = r.actualChange.value as number;
        // relative to the largest magnitude involved (the parts can be much larger than their sum)
        const scale = Math.max(Math.abs(actual), ...parts.map(Math.abs));
        expect(Math.abs(parts[0]! + parts[1]! + parts[2]! - actual)).toBeLessThanOrEqual(1e-9 * scale);
      }),
    );
  });

  it('computes the regional shift consistent with its definition e0 × (g_ir − G_i)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (e0, e1, Ei0, Ei1) => {
        const r = shiftShare({ regionBase: e0, regionLast: e1, referenceSectorBase: Ei0, referenceSectorLast: Ei1, referenceTotalBase: 50000, referenceTotalLast: 52000, unit: 'u' });
        const definition = e0 * (e1 / e0 - 1 - (Ei1 / Ei0 - 1));
        expect(Math.abs((r.regionalShift.value as number) - definition)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(definition), e0, e1));
      }),
    );
  });
});

describe('shift-share: worked example', () => {
  const region = table('region', 'thousand persons', { agri: { '2015': 100, '2019': 130 } });
  const nation = table('nation', 'thousand persons', { agri: { '2015': 1000, '2019': 1100 }, total: { '2015': 10000, '2019': 10500 } }, { roles: { total: 'total' } });

  it('gives each part inline', async () => {
    const tables = await tablesOf(region, nation);
    const part = (component: string) => inline(`shift-share(region.agri, nation.agri, nation.total, 2019, 2015, ${component})`, tables).value;
    // G = 0.05, G_i = 0.1, g_ir = 0.3: NS = 100 × 0.05 = 5; IM = 100 × 0.05 = 5; RS = 130 − 100 − 10 = 20
    expect(inline('shift-share(region.agri, nation.agri, nation.total, 2019, 2015, national-share)', tables)).toMatchObject({ unit: 'thousand persons', formula: [100, ' × ', expect.closeTo(0.05, 12)] });
    expect(part('national-share')).toBeCloseTo(5, 10);
    expect(part('industry-mix')).toBeCloseTo(5, 10);
    expect(part('regional-shift')).toBeCloseTo(20, 10);
    expect(() => part('total')).toThrow('argument 6 must be one of national-share, industry-mix, regional-shift');
  });

  it('computes one part as a derived table', async () => {
    const tables = await tablesOf(region, nation, derivedDefinition('shift', 'shift-share', 'region', { by: 'nation', byTotal: 'total', base: '2015', component: 'regional-shift' }));
    expect(derived(tables, 'shift').value('agri', '2019')).toBeCloseTo(20, 10);
    expect(derived(tables, 'shift').value('agri', '2015')).toBe(0);
    expect(derived(tables, 'shift').table.unit).toBe('thousand persons');
  });
});
