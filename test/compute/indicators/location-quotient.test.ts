import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { locationQuotient, locationQuotients } from '../../../scripts/compute/indicators/location-quotient.ts';
import { expectDivisionByZero, indicatorError, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const REGION = [
  { key: 'agriculture', value: 30 },
  { key: 'industry', value: 50 },
  { key: 'services', value: 20 },
];
const COUNTRY = [
  { key: 'agriculture', value: 200 },
  { key: 'industry', value: 1000 },
  { key: 'services', value: 800 },
];

describe('locationQuotient', () => {
  it('compares the sector share of the region with that of the reference', () => {
    // (30 ÷ 100) ÷ (200 ÷ 2000) = 0.3 ÷ 0.1 = 3
    const r = locationQuotient({ regionSector: 30, regionTotal: 100, referenceSector: 200, referenceTotal: 2000 });
    expect(r.value).toBeCloseTo(3, 12);
    expect(r.unit).toBe('ratio');
    expect(r.formula).toEqual(['(', 30, ' ÷ ', 100, ') ÷ (', 200, ' ÷ ', 2000, ')']);
  });

  it('returns null with a reason when an input is missing', () => {
    const r = locationQuotient({ regionSector: 30, regionTotal: null, referenceSector: 200, referenceTotal: 2000 });
    expect(r.value).toBeNull();
    expect(r.missing).toBe('regional total (e_r) is missing');
  });

  it('rejects a reference sector of 0 naming table, row and period', () => {
    expectDivisionByZero(
      () => locationQuotient({ regionSector: 30, regionTotal: 100, referenceSector: 0, referenceTotal: 2000 }, WHERE),
      'reference sector value (E_i)',
    );
    expectDivisionByZero(() => locationQuotient({ regionSector: 0, regionTotal: 0, referenceSector: 1, referenceTotal: 2 }, WHERE), 'regional total (e_r)');
  });

  it('is 1 for the reference itself', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (sector, rest) => {
        const total = sector + rest;
        const lq = locationQuotient({ regionSector: sector, regionTotal: total, referenceSector: sector, referenceTotal: total }).value as number;
        expect(Math.abs(lq - 1)).toBeLessThan(1e-12);
      }),
    );
  });
});

describe('locationQuotients', () => {
  it('computes the quotient of every sector from the two structures', () => {
    // region total 100, country total 2000
    // agriculture (30/100) ÷ (200/2000) = 0.3 ÷ 0.1 = 3; industry 0.5 ÷ 0.5 = 1; services 0.2 ÷ 0.4 = 0.5
    const r = locationQuotients(REGION, COUNTRY);
    expect(r.map((c) => c.key)).toEqual(['agriculture', 'industry', 'services']);
    expect(r[0]?.value).toBeCloseTo(3, 12);
    expect(r[1]?.value).toBeCloseTo(1, 12);
    expect(r[2]?.value).toBeCloseTo(0.5, 12);
  });

  it('makes every quotient missing when a regional sector is missing', () => {
    const r = locationQuotients([{ key: 'agriculture', value: 30 }, { key: 'industry', value: null }, { key: 'services', value: 20 }], COUNTRY);
    expect(r[1]?.missing).toBe('regional sector value (e_ir) and regional total (e_r) are missing');
    expect(r[0]?.value).toBeNull();
    expect(r[0]?.missing).toBe('a sector is missing, so the regional total is unknown');
  });

  it('rejects structures that do not list the same sectors', () => {
    expect(indicatorError(() => locationQuotients(REGION, COUNTRY.slice(0, 2), WHERE)).message).toContain('only in regional sectors: "services"');
  });

  it('averages to 1 when weighted by the reference shares', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 1, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 15 }), (pairs) => {
        const region = pairs.map(([r], i) => ({ key: `s${i}`, value: r }));
        const reference = pairs.map(([, e], i) => ({ key: `s${i}`, value: e }));
        const E = reference.reduce((s, c) => s + c.value, 0);
        const weighted = locationQuotients(region, reference).reduce((s, c, i) => s + (c.value as number) * ((reference[i]?.value as number) / E), 0);
        expect(Math.abs(weighted - 1)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('location-quotient: worked example', () => {
  const region = table('region', 'million tenge', { total: { '2019': 200 }, agri: { '2019': 40 } }, { roles: { total: 'total' } });
  const nation = table('nation', 'million tenge', { total: { '2019': 1000 }, agri: { '2019': 50 } }, { roles: { total: 'total' } });

  it('computes inline from four rows', async () => {
    // (40 ÷ 200) ÷ (50 ÷ 1000) = 0.2 ÷ 0.05 = 4
    const value = inline('location-quotient(region.agri, region.total, nation.agri, nation.total, 2019)', await tablesOf(region, nation));
    expect(value.value).toBeCloseTo(4, 12);
    expect(value.decimals).toBe(2);
  });

  it('computes a derived table of sectors', async () => {
    const tables = await tablesOf(region, nation, derivedDefinition('lq', 'location-quotient-by-sector', 'region', { by: 'nation', fromTotal: 'total', byTotal: 'total' }));
    expect(derived(tables, 'lq').table.rows.map((r) => r.id)).toEqual(['agri']);
    expect(derived(tables, 'lq').value('agri', '2019')).toBeCloseTo(4, 12);
  });

  it('computes a derived table of regions', async () => {
    const agri = table('agri', 'million tenge', { country: { '2020': 100 }, north: { '2020': 30 } });
    const grp = table('grp', 'million tenge', { country: { '2020': 1000 }, north: { '2020': 100 } });
    const tables = await tablesOf(agri, grp, derivedDefinition('lq', 'location-quotient-by-region', 'agri', { by: 'grp', reference: 'country' }));
    // (30 ÷ 100) ÷ (100 ÷ 1000) = 3
    expect(derived(tables, 'lq').value('north', '2020')).toBeCloseTo(3, 12);
  });
});
