import { describe, it, expect } from 'vitest';
import { describeWhere, divisionByZero, missingReason, sumTerms, superscript } from '../../../scripts/compute/indicators/guards.ts';

describe('describeWhere', () => {
  it('names only the parts of the location that are known', () => {
    expect(describeWhere({ table: 't', row: 'r', period: '2015' })).toBe(' in table "t", row "r", period "2015"');
    expect(describeWhere({ table: 't' })).toBe(' in table "t"');
    expect(describeWhere()).toBe('');
  });
});

describe('divisionByZero', () => {
  it('gives the file to the error so the handler can print it', () => {
    const e = divisionByZero('base value', { table: 'baiterek-harvest', row: 'cereals', period: '2015', file: 'data/baiterek-harvest.json' });
    expect(e.format()).toBe(
      [
        'data/baiterek-harvest.json: division by zero: base value is 0 in table "baiterek-harvest", row "cereals", period "2015"',
        '  expected: a non-zero base value',
        `  fix: ${e.fix}`,
      ].join('\n'),
    );
  });
});

describe('formula helpers', () => {
  it('lists the missing inputs', () => {
    expect(missingReason([['a', null], ['b', 1], ['c', null], ['d', null]])).toBe('a, c and d are missing');
  });

  it('abbreviates long sums', () => {
    expect(sumTerms([1, null, 3], 'parts')).toEqual([1, ' + ', '…', ' + ', 3]);
    expect(sumTerms(new Array<number>(9).fill(1), 'parts')).toEqual(['Σ of 9 parts']);
  });

  it('writes exponents as superscripts', () => {
    expect(superscript(12)).toBe('¹²');
    expect(superscript(-2)).toBe('⁻²');
  });
});
