/** Worked examples of the arithmetic of the inline language: sum, difference, ratio. */
import { describe, expect, it } from 'vitest';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const harvest = table('harvest', 'thousand t', { cereals: { '2019': 100 }, sunflower: { '2019': 25 }, total: { '2019': 125 } }, { roles: { total: 'total' } });
const area = table('area', 'thousand ha', { cereals: { '2019': 50 } });

describe('sum, difference and ratio: worked examples', () => {
  it('adds and subtracts cells of one unit only', async () => {
    const tables = await tablesOf(harvest, area);
    // 100 + 25 = 125; 125 − 100 = 25
    expect(inline('sum(harvest.cereals.2019, harvest.sunflower.2019)', tables)).toMatchObject({ value: 125, formula: [100, ' + ', 25], decimals: 1 });
    expect(inline('difference(harvest.total.2019, harvest.cereals.2019)', tables).value).toBe(25);
    expect(() => inline('sum(harvest.cereals.2019, area.cereals.2019)', tables)).toThrow('cannot add values in different units (thousand t, thousand ha)');
    expect(() => inline('sum(harvest.cereals.2019)', tables)).toThrow('expected 2 to 99 arguments, got 1');
  });

  it('divides two cells, as a percentage of like units', async () => {
    const tables = await tablesOf(harvest, area);
    // 25 ÷ 125 × 100 = 20 %; 100 ÷ 50 = 2 thousand t per thousand ha
    expect(inline('ratio(harvest.sunflower.2019, harvest.total.2019, 100)', tables)).toMatchObject({ value: 20, unit: '%', decimals: 1, formula: [25, ' ÷ ', 125, ' × 100'] });
    expect(inline('ratio(harvest.cereals.2019, area.cereals.2019)', tables)).toMatchObject({ value: 2, unit: 'thousand t per thousand ha', decimals: 2 });
  });

  it('computes a derived table of ratios, row by row', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('sunflower-share', 'ratio', 'harvest', { by: 'harvest', rows: { sunflower: 'total' }, scale: 100 }));
    expect(derived(tables, 'sunflower-share').value('sunflower', '2019')).toBe(20);
    expect(derived(tables, 'sunflower-share').table.unit).toBe('%');
  });
});
