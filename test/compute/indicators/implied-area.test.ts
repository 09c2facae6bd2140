import { describe, it, expect } from 'vitest';
import { impliedArea } from '../../../scripts/compute/indicators/implied-area.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('impliedArea', () => {
  it('divides the harvest in centners by the yield', () => {
    // 24 thousand t × 10 ÷ 12 c/ha = 20 thousand ha
    const r = impliedArea(24, 12);
    expect(r.value).toBe(20);
    expect(r.unit).toBe('thousand ha');
    expect(r.formula).toEqual([24, ' × 10 ÷ ', 12]);
  });

  it('implies the cereals area of seed 000 in 2015 and 2019', () => {
    // 2015: 86.4 × 10 ÷ 7.9 = 109.37; 2019: 157.4 × 10 ÷ 12.1 = 130.08 thousand ha
    expect(round(impliedArea(86.4, 7.9).value, 2)).toBe(109.37);
    expect(round(impliedArea(157.4, 12.1).value, 2)).toBe(130.08);
  });

  it('gives hectares for a harvest in tonnes', () => {
    // 2400 t × 10 ÷ 120 c/ha = 200 ha
    const r = impliedArea(2400, 120, { harvest: 't' });
    expect(r.value).toBe(200);
    expect(r.unit).toBe('ha');
  });

  it('returns null with a reason when the yield is missing', () => {
    expect(impliedArea(24, null).missing).toBe('yield is missing');
  });

  it('rejects a yield of 0 naming table, row and period', () => {
    expectDivisionByZero(() => impliedArea(24, 0, {}, WHERE), 'yield');
  });

  it('rejects a yield in another unit', () => {
    expect(indicatorError(() => impliedArea(24, 12, { yield: 't/ha' }, WHERE)).message).toContain('unit mismatch: the yield is in "t/ha"');
  });
});

const production = table('production', 'thousand t', { wheat: { '2019': 150 } });
const yields = table('yields', 'c/ha', { wheat: { '2019': 15 } });

describe('implied-area: worked example', () => {
  it('computes inline and as a derived table', async () => {
    const tables = await tablesOf(production, yields, derivedDefinition('areas', 'implied-area', 'production', { by: 'yields' }));
    // 150 thousand t × 10 ÷ 15 c/ha = 100 thousand ha
    expect(inline('implied-area(production.wheat, yields.wheat, 2019)', tables)).toMatchObject({ value: 100, unit: 'thousand ha' });
    expect(derived(tables, 'areas').value('wheat', '2019')).toBe(100);
    expect(derived(tables, 'areas').table.unit).toBe('thousand ha');
  });
});
