/** Worked example of the plain average of yield indices (the function itself: yield-index.test.ts). */
import { describe, expect, it } from 'vitest';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const yields = table('yields', 'c/ha', { wheat: { '2015': 10, '2019': 12 }, barley: { '2015': 20, '2019': 20 } });

describe('average-yield-index: worked example', () => {
  it('computes inline and as a derived table of one row', async () => {
    const tables = await tablesOf(yields, derivedDefinition('yield-index', 'average-yield-index', 'yields', { base: '2015' }));
    // wheat 12 ÷ 10 × 100 = 120, barley 20 ÷ 20 × 100 = 100: (120 + 100) ÷ 2 = 110
    expect(inline('average-yield-index(yields, 2019, 2015)', tables).value).toBeCloseTo(110, 12);
    expect(derived(tables, 'yield-index').value('average-yield-index', '2019')).toBeCloseTo(110, 12);
    expect(derived(tables, 'yield-index').value('average-yield-index', '2015')).toBe(100);
  });
});
