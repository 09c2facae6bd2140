import { describe, expect, it } from 'vitest';
import { relativeToReference } from '../../../scripts/compute/indicators/relative-to-reference.ts';
import { expectDivisionByZero, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const perCapita = table('grp-per-capita', 'thousand tenge per person', { country: { '2022': 2000 }, north: { '2022': 2500 }, south: { '2022': 1500 } }, { roles: { country: 'total' } });

describe('relativeToReference', () => {
  it('puts the reference at 100 and refuses a reference of 0', () => {
    // −5 ÷ 20 × 100 = −25: negative values are allowed
    expect(relativeToReference(-5, 20).value).toBe(-25);
    expectDivisionByZero(() => relativeToReference(1, 0, WHERE), 'reference');
  });
});

describe('relative-to-reference: worked example', () => {
  it('computes inline and as a derived table', async () => {
    const tables = await tablesOf(perCapita, derivedDefinition('relative', 'relative-to-reference', 'grp-per-capita'));
    // 2500 ÷ 2000 × 100 = 125; 1500 ÷ 2000 × 100 = 75
    expect(inline('relative-to-reference(grp-per-capita.north, 2022)', tables).value).toBe(125);
    expect(inline('relative-to-reference(grp-per-capita.south, 2022, grp-per-capita.country)', tables).value).toBe(75);
    expect(derived(tables, 'relative').value('south', '2022')).toBe(75);
  });

  it('asks for a reference when the table has no total row', async () => {
    const tables = await tablesOf(table('levels', 'thousand t', { a: { '2022': 1 }, b: { '2022': 2 } }));
    expect(() => inline('relative-to-reference(levels.a, 2022)', tables)).toThrow('table "levels" has no total row to compare with');
  });
});
