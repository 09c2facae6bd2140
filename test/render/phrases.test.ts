/** Values in words, in each language's own grammar: changes by sign and size, ordinals, ranks with ties. */
import { describe, expect, it } from 'vitest';
import type { ComputedValue } from '../../scripts/compute/compute-references.ts';
import { ordinal, phraseOf } from '../../scripts/render/phrases.ts';
import { lang } from '../helpers/languages.ts';

const value = (v: number, extra: Partial<ComputedValue> = {}): ComputedValue => ({ value: v, unit: '%', decimals: 1, formula: [], inputs: [], source: 'x', ...extra });

describe('ordinals', () => {
  it('take the English suffix of the longest matching ending: 11th, but 21st', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map((n) => ordinal(n, lang('en')))).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
  });

  it('read Kazakh numbers aloud for the vowel of the suffix: алтыншы, тоғызыншы, оныншы, but елуінші, жүзінші', () => {
    expect([1, 2, 6, 9, 10, 16, 17, 20, 40, 50, 60, 70, 90, 100].map((n) => ordinal(n, lang('kk')))).toEqual(['1-ші', '2-ші', '6-шы', '9-шы', '10-шы', '16-шы', '17-ші', '20-шы', '40-шы', '50-ші', '60-шы', '70-ші', '90-шы', '100-ші']);
  });

  it('give Russian the neuter ending, for "место"', () => {
    expect(ordinal(3, lang('ru'))).toBe('3-е');
  });
});

describe('changes in words', () => {
  it('say a rise or a fall with the size, never a minus sign, and no change on the digits shown', () => {
    const change = (v: number, code = 'en') => phraseOf(value(v, { phrase: 'change' }), lang(code));
    expect(change(3.25)).toBe('rose by 3.3\u00a0%');
    expect(change(-2.125)).toBe('fell by 2.1\u00a0%');
    // 0.04 shows as 0.0 with one decimal: no change.
    expect(change(0.04)).toBe('did not change');
    expect(change(-0.04)).toBe('did not change');
    expect(change(-1234.5, 'ru')).toBe('снижение на 1\u00a0234,5\u00a0%');
    expect(change(3.25, 'kk')).toBe('3,3\u00a0% өсім');
  });

  it('name the unit of a change in the table\'s unit', () => {
    expect(phraseOf(value(12.5, { phrase: 'change', unit: 'thousand t' }), lang('ru'))).toBe('рост на 12,5\u00a0тыс. тонн');
  });
});

describe('ranks in words', () => {
  it('say how many were ranked, and when a place is shared', () => {
    expect(phraseOf(value(3, { phrase: 'rank', decimals: 0, unit: 'rank', rank: { tied: 1, of: 17 } }), lang('en'))).toBe('3rd of 17');
    expect(phraseOf(value(2, { phrase: 'rank', decimals: 0, unit: 'rank', rank: { tied: 2, of: 4 } }), lang('en'))).toBe('joint 2nd of 4');
    expect(phraseOf(value(3, { phrase: 'rank', decimals: 0, unit: 'rank', rank: { tied: 1, of: 17 } }), lang('ru'))).toBe('3-е место из 17');
    expect(phraseOf(value(16, { phrase: 'rank', decimals: 0, unit: 'rank', rank: { tied: 1, of: 17 } }), lang('kk'))).toBe('16-шы орын (барлығы 17)');
  });

  it('say nothing in words for a missing value (the page says "no data")', () => {
    expect(phraseOf({ ...value(0, { phrase: 'rank' }), value: null }, lang('en'))).toBeUndefined();
  });
});
