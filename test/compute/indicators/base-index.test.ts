import { describe, it, expect } from 'vitest';
import { baseIndex } from '../../../scripts/compute/indicators/base-index.ts';
import { expectDivisionByZero, indicatorError, round, WHERE, WHERE_TEXT } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';
import { INDICATORS } from '../../../scripts/compute/indicators/registry.ts';

describe('baseIndex', () => {
  it('divides the current value by the base value on the 100 scale', () => {
    // 150 ÷ 120 × 100 = 1.25 × 100 = 125
    const r = baseIndex(150, 120);
    expect(r.value).toBe(125);
    expect(r.unit).toBe('% of base year');
    expect(r.formula).toEqual([150, ' ÷ ', 120, ' × 100']);
    expect(r.missing).toBeUndefined();
  });

  it('reproduces the "2019 y. in % by 2015 y." column of seed 000 (Baiterek district)', () => {
    // Table 2, gross harvest, thousand t
    expect(round(baseIndex(157.4, 86.4).value)).toBe(182.2); // cereals
    expect(round(baseIndex(38.7, 7.2).value)).toBe(537.5); // sunflower
    expect(round(baseIndex(258.7, 158.8).value)).toBe(162.9); // total
    // Table 1, gross output, million tenge
    expect(round(baseIndex(19346.8, 11830.5).value)).toBe(163.5); // crop production
    expect(round(baseIndex(19544.2, 9456).value)).toBe(206.7); // livestock production
    expect(round(baseIndex(175429.3, 98393).value)).toBe(178.3); // industrial production
    // Table 3, yields, c/ha
    expect(round(baseIndex(12.1, 7.9).value)).toBe(153.2); // cereals
    expect(round(baseIndex(12.8, 7.2).value)).toBe(177.8); // sunflower
  });

  it('shows where seed 000 misprints the index (potatoes 99.5, vegetables 94.3)', () => {
    // 29.2 ÷ 29.3 × 100 = 99.66 → 99.7, not the printed 99.5
    expect(round(baseIndex(29.2, 29.3).value)).toBe(99.7);
    // 23.7 ÷ 25.1 × 100 = 94.42 → 94.4, not the printed 94.3
    expect(round(baseIndex(23.7, 25.1).value)).toBe(94.4);
  });

  it('keeps the formula with the actual inputs', () => {
    expect(baseIndex(157.4, 86.4).formula).toEqual([157.4, ' ÷ ', 86.4, ' × 100']);
  });

  it('returns null with a reason for a missing base value, never treating it as 0', () => {
    const r = baseIndex(157.4, null);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('base value is missing');
    expect(r.formula).toEqual([157.4, ' ÷ ', '…', ' × 100']);
  });

  it('returns null for a missing current value and names both when both are missing', () => {
    expect(baseIndex(null, 86.4).missing).toBe('current value is missing');
    expect(baseIndex(null, null).missing).toBe('current value and base value are missing');
  });

  it('rejects a base value of 0 naming table, row and period', () => {
    expectDivisionByZero(() => baseIndex(157.4, 0, WHERE), 'base value');
  });

  it('rejects NaN and negative inputs', () => {
    expect(indicatorError(() => baseIndex(Number.NaN, 1, WHERE)).message).toBe(`invalid input: current value is NaN ${WHERE_TEXT}`);
    expect(indicatorError(() => baseIndex(1, -5, WHERE)).message).toBe(`invalid input: base value is negative (-5) ${WHERE_TEXT}`);
  });
});

/** Harvest, thousand t: cereals 80 → 100, sunflower 10 → 25, total 90 → 125 (2015 → 2019). */
const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('base-index: worked example', () => {
  it('computes inline, with the table\'s first period as the default base', async () => {
    const tables = await tablesOf(harvest);
    // 100 ÷ 80 × 100 = 125
    const value = inline('base-index(harvest.cereals, 2019, 2015)', tables);
    expect(value.value).toBe(125);
    expect(value.formula).toEqual([100, ' ÷ ', 80, ' × 100']);
    expect(value.inputs).toEqual([{ table: 'harvest', row: 'cereals', period: '2019' }, { table: 'harvest', row: 'cereals', period: '2015' }]);
    expect(inline('base-index(harvest.cereals, 2019)', tables).value).toBe(125);
  });

  it('computes a derived table and a chart series', async () => {
    const tables = await tablesOf(harvest, derivedDefinition('index', 'base-index', 'harvest', { base: '2015' }));
    // sunflower 25 ÷ 10 × 100 = 250; total 125 ÷ 90 × 100 = 138.88…
    expect(derived(tables, 'index').value('sunflower', '2019')).toBe(250);
    expect(derived(tables, 'index').value('total', '2019')).toBeCloseTo(138.8889, 4);
    expect(derived(tables, 'index').table.basePeriod).toBe('2015');
    const t = derived(tables, 'harvest').table;
    expect(INDICATORS['base-index']?.series?.value(t, t.rows, t.rows[0]!, '2019', '2015')).toBe(125);
  });
});
