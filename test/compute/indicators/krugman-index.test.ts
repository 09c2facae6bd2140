import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { krugmanIndex } from '../../../scripts/compute/indicators/krugman-index.ts';
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

describe('krugmanIndex', () => {
  it('sums absolute differences of sector shares', () => {
    // |0.3 − 0.1| + |0.5 − 0.5| + |0.2 − 0.4| = 0.2 + 0 + 0.2 = 0.4
    const r = krugmanIndex(REGION, COUNTRY);
    expect(r.value).toBeCloseTo(0.4, 12);
    expect(r.unit).toBe('ratio');
    expect(r.formula).toEqual(['|', 0.3, ' − ', 0.1, '|', ' + ', '|', 0.5, ' − ', 0.5, '|', ' + ', '|', 0.2, ' − ', 0.4, '|']);
  });

  it('matches sectors by key, not by position', () => {
    expect(krugmanIndex(REGION, [...COUNTRY].reverse()).value).toBeCloseTo(0.4, 12);
  });

  it('is 0 for the same structure and 2 for disjoint structures', () => {
    expect(krugmanIndex(REGION, REGION.map((c) => ({ ...c, value: c.value * 7 }))).value).toBeCloseTo(0, 12);
    expect(krugmanIndex([{ key: 'a', value: 1 }, { key: 'b', value: 0 }], [{ key: 'a', value: 0 }, { key: 'b', value: 5 }]).value).toBe(2);
  });

  it('returns null with a reason when a sector is missing', () => {
    const r = krugmanIndex([{ key: 'agriculture', value: null }, ...REGION.slice(1)], COUNTRY);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('regional "agriculture" is missing, so the structure is unknown');
  });

  it('rejects an all-zero region naming table, row and period', () => {
    expectDivisionByZero(() => krugmanIndex(REGION.map((c) => ({ ...c, value: 0 })), COUNTRY, WHERE), 'regional total (e_r)');
  });

  it('rejects structures with different sectors', () => {
    expect(indicatorError(() => krugmanIndex(REGION, [{ key: 'agriculture', value: 1 }], WHERE)).message).toContain('do not list the same components');
  });

  it('lies between 0 and 2', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 20 }), (pairs) => {
        fc.pre(pairs.some(([a]) => a > 0) && pairs.some(([, b]) => b > 0));
        const k = krugmanIndex(
          pairs.map(([a], i) => ({ key: `s${i}`, value: a })),
          pairs.map(([, b], i) => ({ key: `s${i}`, value: b })),
        ).value as number;
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(2 + 1e-12);
      }),
    );
  });
});

describe('krugman-index: worked example', () => {
  const region = table('region', 'million tenge', { total: { '2019': 100 }, a: { '2019': 60 }, b: { '2019': 40 } }, { roles: { total: 'total' } });
  const nation = table('nation', 'million tenge', { total: { '2019': 1000 }, a: { '2019': 500 }, b: { '2019': 500 } }, { roles: { total: 'total' } });

  it('computes inline and as a derived table, over the component rows', async () => {
    const tables = await tablesOf(region, nation, derivedDefinition('specialisation', 'krugman-index', 'region', { by: 'nation' }));
    // shares 0.6, 0.4 against 0.5, 0.5: |0.6 − 0.5| + |0.4 − 0.5| = 0.2
    expect(inline('krugman-index(region, nation, 2019)', tables).value).toBeCloseTo(0.2, 12);
    expect(derived(tables, 'specialisation').value('krugman-index', '2019')).toBeCloseTo(0.2, 12);
  });
});
