/** The Kazakh interface: every key has its own Kazakh string, and the search count finds its key. */
import { describe, expect, it } from 'vitest';
import { numbered, t, type UiKey } from '../../scripts/render/ui-strings.ts';
import { lang } from '../helpers/languages.ts';

/** Every UiKey: a key added to the English set and missing here fails `npm run typecheck`. */
const ALL: Record<UiKey, true> = {
  figure: true, figureRef: true, tableRef: true, tableLabel: true, data: true, series: true,
  item: true, permalink: true, source: true, sources: true, citeEtAl: true, citeAnd: true,
  note: true, calculations: true, calculationsIntro: true, keyFindings: true, chapters: true, allChapters: true,
  contents: true, skip: true, home: true, chapter: true, previous: true, next: true,
  missing: true, table: true, language: true, fromTable: true, dataAppendix: true, references: true,
  dataIntro: true, backToText: true, footer: true, untranslated: true, buildError: true, dataQuality: true,
  qualityIntro: true, qualityChecks: true, qualityPassed: true, qualityFindings: true, qualityNotChecked: true, qualityCheck: true,
  qualityPeriod: true, qualityExpected: true, qualityActual: true, qualityDifference: true, qualityResult: true, qualityDiscussed: true,
  translationGaps: true, translationGapsIntro: true, gapChapter: true, gapText: true, 'status-passed': true, 'status-finding': true,
  'status-error': true, 'status-not-checked': true, search: true, searchLabel: true, searchPlaceholder: true, searchIntro: true,
  searchNeedsScript: true, searchTyping: true, searchLoading: true, searchNone: true, 'searchFound-one': true, 'searchFound-few': true,
  'searchFound-many': true, 'searchFound-other': true, searchAll: true, searchUnavailable: true, onThisPage: true, pager: true,
  homeShort: true, ogLocale: true, pdfContents: true, pdfOnline: true, noUnitRow: true, changeUp: true,
  changeDown: true, changeNone: true, rankOf: true, rankOfTied: true, childPages: true, unitPer: true, compareLegend: true, compareLimit: true,
};
const KEYS = Object.keys(ALL) as UiKey[];

/** Keys whose Kazakh string is the English one on purpose. None today: add a key here with the reason. */
const SAME_AS_ENGLISH: UiKey[] = [];

/** Strings that are not Kazakh words and so carry no Kazakh letter. */
const NOT_WORDS: UiKey[] = ['ogLocale'];

const placeholders = (text: string) => [...text.matchAll(/\{[a-z]+\}/g)].map((m) => m[0]).sort();

/** Labels written around a number: Kazakh places it with {n}, English and Russian after the word. */
const NUMBERED: UiKey[] = ['figure', 'figureRef', 'tableRef', 'tableLabel'];

describe('Kazakh interface strings', () => {
  it.each(KEYS)('%s has its own Kazakh string', (key) => {
    const kk = t(lang('kk'), key);
    expect(kk.trim()).not.toBe('');
    if (!SAME_AS_ENGLISH.includes(key)) expect(kk).not.toBe(t(lang('en'), key));
    // Not the Russian string that the Kazakh edition used to fall back to.
    expect(kk).not.toBe(t(lang('ru'), key));
    if (!NOT_WORDS.includes(key)) expect(kk).toMatch(/[а-яәғқңөұүһі]/i);
    expect(placeholders(kk)).toEqual(NUMBERED.includes(key) ? ['{n}'] : placeholders(t(lang('en'), key)));
  });

  it('numbers figures and tables before the word, as Kazakh does, and after it in English and Russian', () => {
    expect(numbered(lang('kk'), 'figure', '2.1')).toBe('2.1-сурет');
    expect(numbered(lang('kk'), 'tableLabel', '3')).toBe('3-кесте');
    expect(numbered(lang('ru'), 'figureRef', '2.1')).toBe('рис. 2.1');
    expect(numbered(lang('en'), 'tableLabel', '3')).toBe('Table 3');
  });

  it('has a search count for every plural category Kazakh has', () => {
    const rules = new Intl.PluralRules('kk');
    expect(rules.resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    for (const n of [0, 1, 2, 5, 21, 1.5]) {
      const key = `searchFound-${rules.select(n)}` as UiKey;
      expect(KEYS).toContain(key);
      expect(t(lang('kk'), key).replace('{n}', String(n)).replace('{q}', 'кластер')).toBe(`«кластер» бойынша ${n} бет табылды`);
    }
  });

  it('uses the Kazakh Open Graph locale', () => {
    expect(t(lang('kk'), 'ogLocale')).toBe('kk_KZ');
  });
});
