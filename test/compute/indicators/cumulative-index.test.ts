import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cumulativeIndex } from '../../../scripts/compute/indicators/cumulative-index.ts';
import { indicatorError, round, WHERE, WHERE_TEXT } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('cumulativeIndex', () => {
  it('multiplies annual indices as fractions of 100', () => {
    // 110 × 120 ÷ 100¹ = 13200 ÷ 100 = 132
    const r = cumulativeIndex([110, 120]);
    expect(r.value).toBeCloseTo(132, 12);
    expect(r.unit).toBe('% of base year');
    expect(r.formula).toEqual([110, ' × ', 120, ' ÷ 100¹']);
  });

  it('chains the crop physical-volume indices of seed 000 Table 1 (2016..2019 vs 2015)', () => {
    // 141.2 × 88.9 = 12552.68; × 80.3 = 1 007 980.204; × 126.7 = 127 711 091.8468; ÷ 100³ = 127.7110918468
    const r = cumulativeIndex([141.2, 88.9, 80.3, 126.7]);
    expect(r.value).toBeCloseTo(127.7110918468, 9);
    expect(round(r.value)).toBe(127.7);
    expect(r.formula).toEqual([141.2, ' × ', 88.9, ' × ', 80.3, ' × ', 126.7, ' ÷ 100³']);
  });

  it("differs from seed 000's figure, which divides two annual indices instead of chaining them", () => {
    // The paper prints 143.7 = 126.7 ÷ 88.2 × 100 (the 2019 index over the 2015 index).
    const paper = (126.7 / 88.2) * 100;
    expect(round(paper)).toBe(143.7);
    const chained = cumulativeIndex([141.2, 88.9, 80.3, 126.7]).value as number;
    expect(round(chained)).not.toBe(143.7);
    expect(paper - chained).toBeGreaterThan(15);
    // Livestock: printed 102.6 = 104.7 ÷ 102 × 100; chained 100.1 × 110.3 × 111.4 × 104.7 ÷ 100³ = 128.7779…
    expect(round(cumulativeIndex([100.1, 110.3, 111.4, 104.7]).value)).toBe(128.8);
    // Agriculture: printed 122.2 = 114.5 ÷ 93.7 × 100; chained 123 × 96.8 × 93.3 × 114.5 ÷ 100³ = 127.1943…
    expect(round(cumulativeIndex([123, 96.8, 93.3, 114.5]).value)).toBe(127.2);
  });

  it('returns a single annual index unchanged', () => {
    const r = cumulativeIndex([126.7]);
    expect(r.value).toBe(126.7);
    expect(r.formula).toEqual([126.7]);
  });

  it('abbreviates the formula of a long chain', () => {
    const r = cumulativeIndex(new Array<number>(12).fill(101));
    expect(r.formula).toEqual(['Π of 12 annual indices', ' ÷ 100¹¹']);
    expect(r.value).toBeCloseTo(100 * 1.01 ** 12, 9);
  });

  it('returns null when one annual index is missing: the chain is broken', () => {
    const r = cumulativeIndex([141.2, null, 80.3]);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('annual index 2 of 3 is missing: the chain is broken');
    expect(r.formula).toEqual([141.2, ' × ', '…', ' × ', 80.3, ' ÷ 100²']);
  });

  it('does not divide by an input, so an annual index of 0 gives 0 rather than an error', () => {
    expect(cumulativeIndex([120, 0, 130], WHERE).value).toBe(0);
  });

  it('rejects an empty list and a negative index, naming table, row and period', () => {
    expect(indicatorError(() => cumulativeIndex([], WHERE)).message).toBe(`invalid input: annual indices is empty ${WHERE_TEXT}`);
    expect(indicatorError(() => cumulativeIndex([101, -3], WHERE)).message).toBe(`invalid input: annual index 2 of 2 is negative (-3) ${WHERE_TEXT}`);
  });

  it('gives exactly 100 for any number of annual indices of 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), (n) => {
        expect(cumulativeIndex(new Array<number>(n).fill(100)).value).toBe(100);
      }),
    );
  });

  it('does not mutate its input', () => {
    const input = Object.freeze([141.2, 88.9]);
    expect(() => cumulativeIndex(input)).not.toThrow();
  });
});

/** Annual physical-volume indices, % of previous year. */
const volume = table('volume', '% of previous year', { crops: { '2015': 95, '2016': 110, '2017': 90, '2018': 120 } });

describe('cumulative-index: worked example', () => {
  it('chains the annual indices after the base year', async () => {
    // 110 × 90 ÷ 100 × 120 ÷ 100 = 118.8
    const value = inline('cumulative-index(volume.crops, 2018, 2015)', await tablesOf(volume));
    expect(value.value).toBeCloseTo(118.8, 10);
    expect(value.formula).toEqual([110, ' × ', 90, ' × ', 120, ' ÷ 100²']);
  });

  it('computes a derived table from the base period on (base = 100)', async () => {
    const tables = await tablesOf(volume, derivedDefinition('volume-2015', 'cumulative-index', 'volume', { base: '2015' }));
    const d = derived(tables, 'volume-2015');
    // 2015: 100; 2016: 110; 2017: 110 × 90 ÷ 100 = 99; 2018: 99 × 120 ÷ 100 = 118.8
    expect(d.table.periods).toEqual(['2015', '2016', '2017', '2018']);
    expect([d.value('crops', '2015'), d.value('crops', '2016')]).toEqual([100, 110]);
    expect(d.value('crops', '2017')).toBeCloseTo(99, 10);
    expect(d.value('crops', '2018')).toBeCloseTo(118.8, 10);
  });

  it('refuses a derived table of levels', async () => {
    const levels = table('levels', 'thousand t', { crops: { '2015': 1, '2016': 2 } });
    const error = await tablesOf(levels, derivedDefinition('bad', 'cumulative-index', 'levels')).catch((e: unknown) => e);
    expect((error as Error).message).toBe('derived table "bad": a cumulative index chains annual indices, but table "levels" is in "thousand t"');
  });
});
