import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { impliedPriceIndex } from '../../../scripts/compute/indicators/implied-price-index.ts';
import { chainIndex } from '../../../scripts/compute/indicators/chain-index.ts';
import { baseIndex } from '../../../scripts/compute/indicators/base-index.ts';
import { cumulativeIndex } from '../../../scripts/compute/indicators/cumulative-index.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('impliedPriceIndex', () => {
  it('divides the nominal index by the physical-volume index', () => {
    // 120 ÷ 96 × 100 = 1.25 × 100 = 125: +20 % in value = −4 % in volume and +25 % in prices
    const r = impliedPriceIndex(120, 96);
    expect(r.value).toBe(125);
    expect(r.unit).toBe('% of previous year');
    expect(r.formula).toEqual([120, ' ÷ ', 96, ' × 100']);
  });

  it('splits the 2016 crop output growth of seed 000 into volume and price', () => {
    // nominal 17544.2 ÷ 11830.5 × 100 = 148.296; volume 141.2; price 148.296 ÷ 141.2 × 100 = 105.03
    const nominal = chainIndex(17544.2, 11830.5).value;
    expect(round(impliedPriceIndex(nominal, 141.2).value)).toBe(105.0);
  });

  it('splits the 2015–2019 crop output growth of seed 000 using the chained volume index', () => {
    // nominal 163.53 % of 2015; volume 127.71 % (chained); prices 163.53 ÷ 127.71 × 100 = 128.05
    const nominal = baseIndex(19346.8, 11830.5).value;
    const volume = cumulativeIndex([141.2, 88.9, 80.3, 126.7]).value;
    const r = impliedPriceIndex(nominal, volume, { nominal: '% of base year', volume: '% of base year' });
    expect(round(r.value)).toBe(128.0);
    expect(r.unit).toBe('% of base year');
  });

  it('returns null with a reason when the volume index is missing', () => {
    expect(impliedPriceIndex(120, null).missing).toBe('physical-volume index is missing');
  });

  it('rejects a volume index of 0 naming table, row and period', () => {
    expectDivisionByZero(() => impliedPriceIndex(120, 0, {}, WHERE), 'physical-volume index');
  });

  it('rejects indices on different bases', () => {
    expect(indicatorError(() => impliedPriceIndex(163.5, 126.7, { nominal: '% of base year', volume: '% of previous year' }, WHERE)).message).toContain(
      'unit mismatch',
    );
  });

  it('recombines: price index × volume index ÷ 100 = nominal index', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 1, max: 1000, noNaN: true }), (nominal, volume) => {
        const price = impliedPriceIndex(nominal, volume).value as number;
        expect(Math.abs((price * volume) / 100 - nominal)).toBeLessThan(1e-9 * nominal);
      }),
    );
  });
});

/** Output at current prices, and its physical-volume indices. */
const nominal = table('nominal', 'million tenge', { crops: { '2015': 100, '2016': 130, '2017': 150 } });
const volume = table('volume', '% of previous year', { crops: { '2015': 98, '2016': 110, '2017': 120 } });

describe('implied-price-index: worked example', () => {
  it('computes inline', async () => {
    // nominal 150 ÷ 100 × 100 = 150; volume 110 × 120 ÷ 100 = 132; price 150 ÷ 132 × 100 = 113.63…
    const value = inline('implied-price-index(nominal.crops, volume.crops, 2017, 2015)', await tablesOf(nominal, volume));
    expect(value.value).toBeCloseTo(113.6364, 4);
    expect(value.inputs).toHaveLength(4);
  });

  it('computes a derived table', async () => {
    const tables = await tablesOf(nominal, volume, derivedDefinition('prices', 'implied-price-index', 'nominal', { by: 'volume', base: '2015' }));
    // 2016: 130 ÷ 110 × 100 = 118.18…
    expect(derived(tables, 'prices').value('crops', '2016')).toBeCloseTo(118.1818, 4);
    expect(derived(tables, 'prices').value('crops', '2017')).toBeCloseTo(113.6364, 4);
    expect(derived(tables, 'prices').value('crops', '2015')).toBe(100);
  });
});
