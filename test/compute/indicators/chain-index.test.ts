import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { chainIndex } from '../../../scripts/compute/indicators/chain-index.ts';
import { baseIndex } from '../../../scripts/compute/indicators/base-index.ts';
import { expectDivisionByZero, round } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('chainIndex', () => {
  it('divides a year by the previous one on the 100 scale', () => {
    // 126 ÷ 120 × 100 = 1.05 × 100 = 105
    const r = chainIndex(126, 120);
    expect(r.value).toBeCloseTo(105, 12);
    expect(r.unit).toBe('% of previous year');
    expect(r.formula).toEqual([126, ' ÷ ', 120, ' × 100']);
  });

  it('computes the nominal year-on-year growth of crop output in seed 000 Table 1', () => {
    // 2016 vs 2015: 17544.2 ÷ 11830.5 × 100 = 148.296…
    expect(round(chainIndex(17544.2, 11830.5).value)).toBe(148.3);
  });

  it('returns null with a reason for a missing previous value', () => {
    const r = chainIndex(126, null);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('previous value is missing');
  });

  it('rejects a previous value of 0 naming table, row and period', () => {
    expectDivisionByZero(() => chainIndex(5, 0, { table: 'baiterek-harvest', row: 'cereals', period: '2015', file: 'data/baiterek-harvest.json' }), 'previous value');
  });

  it('chains to the base index: the product of chain indices equals last ÷ first × 100', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 10 }), (series) => {
        let product = 1;
        for (let t = 1; t < series.length; t++) product *= (chainIndex(series[t] as number, series[t - 1] as number).value as number) / 100;
        const direct = baseIndex(series[series.length - 1] as number, series[0] as number).value as number;
        expect(Math.abs(product * 100 - direct)).toBeLessThanOrEqual(1e-9 * direct);
      }),
    );
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('chain-index: worked example', () => {
  it('computes inline against the previous period of the table', async () => {
    // 2015 is the period before 2019 in this table: 100 ÷ 80 × 100 = 125
    const value = inline('chain-index(harvest.cereals, 2019)', await tablesOf(harvest));
    expect(value.value).toBe(125);
    expect(value.inputs.map((i) => i.period)).toEqual(['2019', '2015']);
  });

  it('computes a derived table whose first period has no previous one', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('chain', 'chain-index', 'harvest'));
    // 25 ÷ 10 × 100 = 250
    expect(derived(tables, 'chain').value('sunflower', '2019')).toBe(250);
    expect(derived(tables, 'chain').value('sunflower', '2015')).toBeNull();
    expect(derived(tables, 'chain').table.rows[1]?.missing?.['2015']).toBe('2015 is the first period of "harvest"');
  });
});
