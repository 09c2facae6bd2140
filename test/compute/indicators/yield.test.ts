import { describe, it, expect } from 'vitest';
import { cropYield } from '../../../scripts/compute/indicators/yield.ts';
import { expectDivisionByZero, indicatorError, round, WHERE, WHERE_TEXT } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('cropYield', () => {
  it('converts thousand t per thousand ha to centners per hectare', () => {
    // 24 thousand t = 240 thousand c over 20 thousand ha: 24 × 10 ÷ 20 = 12 c/ha
    const r = cropYield(24, 20);
    expect(r.value).toBe(12);
    expect(r.unit).toBe('c/ha');
    expect(r.formula).toEqual([24, ' × 10 ÷ ', 20]);
  });

  it('scales other unit pairs to tonnes per hectare first', () => {
    // 2400 t over 200 ha: 2400 × 10 ÷ 200 = 120 c/ha
    expect(cropYield(2400, 200, { harvest: 't', area: 'ha' }).value).toBe(120);
    // 2.4 thousand t over 200 ha: 2.4 × 10⁴ ÷ 200 = 120 c/ha
    const r = cropYield(2.4, 200, { harvest: 'thousand t', area: 'ha' });
    expect(r.value).toBeCloseTo(120, 10);
    expect(r.formula).toEqual([2.4, ' × 10⁴ ÷ ', 200]);
  });

  it('recovers the seed 000 cereals yield from its implied area', () => {
    // area 157.4 × 10 ÷ 12.1 = 130.08 thousand ha; 157.4 × 10 ÷ 130.08 = 12.1 c/ha
    expect(round(cropYield(157.4, (157.4 * 10) / 12.1).value)).toBe(12.1);
  });

  it('returns null with a reason when the area is missing', () => {
    const r = cropYield(24, null);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('area is missing');
  });

  it('rejects an area of 0 naming table, row and period', () => {
    expectDivisionByZero(() => cropYield(24, 0, {}, WHERE), 'area');
  });

  it('rejects a negative area and a harvest that is not a mass', () => {
    expect(indicatorError(() => cropYield(24, -1, {}, WHERE)).message).toBe(`invalid input: area is negative (-1) ${WHERE_TEXT}`);
    expect(indicatorError(() => cropYield(24, 20, { harvest: 'million tenge' }, WHERE)).message).toBe(
      `unit mismatch: the harvest is in "million tenge", not a mass ${WHERE_TEXT}`,
    );
  });
});

const production = table('production', 'thousand t', { wheat: { '2019': 150 } });
const area = table('area', 'thousand ha', { wheat: { '2019': 100 } });

describe('yield: worked example', () => {
  it('computes inline and as a derived table', async () => {
    const tables = await tablesOf(production, area, derivedDefinition('yields', 'yield', 'production', { by: 'area' }));
    // 150 thousand t × 10 ÷ 100 thousand ha = 15 c/ha
    expect(inline('yield(production.wheat, area.wheat, 2019)', tables)).toMatchObject({ value: 15, unit: 'c/ha', formula: [150, ' × 10 ÷ ', 100] });
    expect(derived(tables, 'yields').value('wheat', '2019')).toBe(15);
  });
});
