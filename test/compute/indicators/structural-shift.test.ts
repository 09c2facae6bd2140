import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { structuralShift } from '../../../scripts/compute/indicators/structural-shift.ts';
import { expectDivisionByZero, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('structuralShift', () => {
  it('is half the sum of absolute share changes', () => {
    // shares 50/50 → 60/40: ½ × (|60 − 50| + |40 − 50|) = ½ × 20 = 10 percentage points
    const r = structuralShift([
      { key: 'crops', base: 50, last: 60 },
      { key: 'livestock', base: 50, last: 40 },
    ]);
    expect(r.value).toBe(10);
    expect(r.unit).toBe('percentage points');
    expect(r.formula).toEqual(['½ × (', '|', 60, ' − ', 50, '|', ' + ', '|', 40, ' − ', 50, '|', ')']);
  });

  it('measures the change in the harvest structure of seed 000 (2015 → 2019)', () => {
    // shares 2015 (÷ 158.8): 54.41, 4.53, 18.45, 15.81, 6.80
    // shares 2019 (÷ 258.7): 60.84, 14.96, 11.29, 9.16, 3.75
    // gains: cereals +6.43, sunflower +10.43 = 16.86 = losses 7.16 + 6.64 + 3.05 → D = 16.86 pp
    const r = structuralShift([
      { key: 'cereals', base: 86.4, last: 157.4 },
      { key: 'sunflower', base: 7.2, last: 38.7 },
      { key: 'potatoes', base: 29.3, last: 29.2 },
      { key: 'vegetables', base: 25.1, last: 23.7 },
      { key: 'melons', base: 10.8, last: 9.7 },
    ]);
    expect(round(r.value, 2)).toBe(16.86);
  });

  it('gives the same result for values and for their shares', () => {
    // values: base 60/180/60 (total 300), last 70/210/420 (total 700)
    // shares: base 20/60/20, last 10/30/60: ½ × (|10 − 20| + |30 − 60| + |60 − 20|) = ½ × 80 = 40
    const values = structuralShift([
      { key: 'a', base: 60, last: 70 },
      { key: 'b', base: 180, last: 210 },
      { key: 'c', base: 60, last: 420 },
    ]);
    const asShares = structuralShift([
      { key: 'a', base: 20, last: 10 },
      { key: 'b', base: 60, last: 30 },
      { key: 'c', base: 20, last: 60 },
    ]);
    expect(values.value).toBeCloseTo(40, 12);
    expect(asShares.value).toBeCloseTo(40, 12);
  });

  it('returns null with a reason when a component is missing', () => {
    const r = structuralShift([
      { key: 'a', base: 20, last: null },
      { key: 'b', base: 80, last: 30 },
    ]);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('"a" in the last period is missing, so the shares are unknown');
  });

  it('rejects an all-zero base period naming table, row and period', () => {
    expectDivisionByZero(
      () =>
        structuralShift(
          [
            { key: 'a', base: 0, last: 1 },
            { key: 'b', base: 0, last: 1 },
          ],
          WHERE,
        ),
      'base-period total',
    );
  });

  it('lies between 0 and 100 percentage points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 20 }),
        (pairs) => {
          fc.pre(pairs.some(([b]) => b > 0) && pairs.some(([, l]) => l > 0));
          const d = structuralShift(pairs.map(([base, last], i) => ({ key: `k${i}`, base, last }))).value as number;
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(100 + 1e-9);
        },
      ),
    );
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('structural-shift: worked example', () => {
  it('computes inline over the component rows of a table', async () => {
    // shares 2015: 80 ÷ 90 = 88.89 %, 10 ÷ 90 = 11.11 %; 2019: 80 %, 20 %
    // D = ½ (|80 − 88.89| + |20 − 11.11|) = ½ × 17.78 = 8.89 percentage points
    const value = inline('structural-shift(harvest, 2019, 2015)', await tablesOf(harvest));
    expect(value.value).toBeCloseTo(8.8889, 4);
    expect(value.inputs).toHaveLength(4); // two components × two periods; the total row is not one
  });

  it('computes a derived table of one row, named after the indicator', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('shift', 'structural-shift', 'harvest', { base: '2015' }));
    const d = derived(tables, 'shift');
    expect(d.table.rows.map((r) => [r.id, r.label])).toEqual([['structural-shift', { en: 'Structural shift', ru: 'Индекс структурных сдвигов', kk: 'Құрылымдық ығысу индексі' }]]);
    expect(d.table.unit).toBe('percentage points');
    expect(d.value('structural-shift', '2015')).toBe(0);
    expect(d.value('structural-shift', '2019')).toBeCloseTo(8.8889, 4);
  });
});
