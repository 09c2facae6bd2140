/** Worked example of the Laspeyres yield index (the function itself: yield-index.test.ts). */
import { describe, expect, it } from 'vitest';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const yields = table('yields', 'c/ha', { wheat: { '2015': 10, '2019': 12 }, barley: { '2015': 20, '2019': 20 } });
const harvest = table('harvest', 'thousand t', { wheat: { '2015': 100, '2019': 144 }, barley: { '2015': 40, '2019': 40 } });

describe('laspeyres-yield-index: worked example', () => {
  it('weights the yields by base-period areas implied from the harvest', async () => {
    const tables = await tablesOf(yields, harvest, derivedDefinition('yield-index', 'laspeyres-yield-index', 'yields', { by: 'harvest', base: '2015' }));
    // base areas: wheat 100 × 10 ÷ 10 = 100, barley 40 × 10 ÷ 20 = 20 thousand ha
    // (12 × 100 + 20 × 20) ÷ (10 × 100 + 20 × 20) × 100 = 1600 ÷ 1400 × 100 = 114.29
    expect(inline('laspeyres-yield-index(yields, harvest, 2019, 2015)', tables).value).toBeCloseTo(114.2857, 4);
    expect(derived(tables, 'yield-index').value('laspeyres-yield-index', '2019')).toBeCloseTo(114.2857, 4);
  });
});
