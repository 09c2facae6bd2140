/** Languages as a report configures them: the generator's packs, the report's own words over them, fallbacks. */
import { describe, expect, it } from 'vitest';
import { chartWords } from '../../scripts/chart/chart-strings.ts';
import { formatDate, periodIn, periodSpan, unitLabel } from '../../scripts/languages/language.ts';
import { generatorPacks, languageSet } from '../../scripts/languages/language-set.ts';
import { formatNumber } from '../../scripts/languages/number-format.ts';
import { CATALOGUE_LANGUAGE } from '../../scripts/languages/language-set.ts';
import { localize } from '../../scripts/validate/table-schema.ts';
import { numbered, t } from '../../scripts/render/ui-strings.ts';

describe('the generator\'s language packs', () => {
  it('are complete: every other pack has every message the English catalogue has', () => {
    const packs = generatorPacks();
    const catalogue = packs.get(CATALOGUE_LANGUAGE)!;
    expect([...packs.keys()].sort()).toEqual(['en', 'kk', 'ru']);
    for (const pack of packs.values()) {
      for (const section of ['ui', 'chart', 'checks', 'units'] as const) {
        expect(Object.keys(pack[section]).sort(), `${pack.code}.${section}`).toEqual(Object.keys(catalogue[section]).sort());
      }
    }
  });
});

describe('a report\'s languages', () => {
  it('take a language the generator does not ship from the report, falling back to the source language for what it leaves out', () => {
    const languages = languageSet({
      codes: ['en', 'de'],
      source: 'en',
      packs: {
        de: {
          name: 'Deutsch',
          number: { decimal: ',', group: '.' },
          date: { pattern: '{day}. {month} {year}', months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'] },
          locators: { table: 'Tabelle {n}' },
          ui: { figure: 'Abbildung', keyFindings: 'Wichtigste Ergebnisse' },
          chart: { change: '{series}: {a} im Jahr {pa}, {b} im Jahr {pb}' },
        },
      },
    });
    const de = languages.get('de');
    expect(de.chain).toEqual(['de', 'en']);
    expect(t(de, 'keyFindings')).toBe('Wichtigste Ergebnisse');
    // Not given: the source language's words.
    expect(t(de, 'references')).toBe('References');
    expect(numbered(de, 'figure', '2.1')).toBe('Abbildung 2.1');
    // 1234567.85 rounded to one decimal, half away from zero: 1234567.9, grouped with dots.
    expect(formatNumber(1234567.85, 1, de)).toBe('1.234.567,9');
    expect(formatDate('2024-03-05', de)).toBe('5. März 2024');
    expect(chartWords(de).change('Weizen', '12,5', '2019', '14,0', '2023')).toBe('Weizen: 12,5 im Jahr 2019, 14,0 im Jahr 2023');
    // A message the report leaves out comes from English.
    expect(chartWords(de).series).toBe('Series');
    expect(de.pack.locators.table).toBe('Tabelle {n}');
    expect(de.pack.locators.page).toBe('p. {n}');
  });

  it('follow the configured fallback chain for texts, then the source language', () => {
    const languages = languageSet({ codes: ['en', 'ru', 'kk'], source: 'en', fallbacks: { kk: ['ru'] } });
    const kk = languages.get('kk');
    expect(kk.chain).toEqual(['kk', 'ru', 'en']);
    expect(localize({ en: 'Harvest', ru: 'Урожай' }, kk)).toBe('Урожай');
    expect(localize({ en: 'Harvest' }, kk)).toBe('Harvest');
    expect(localize('Harvest', kk)).toBe('Harvest');
    // Without a configured fallback, the source language stands in directly.
    expect(localize({ en: 'Harvest', ru: 'Урожай' }, languageSet({ codes: ['en', 'ru', 'kk'], source: 'en' }).get('kk'))).toBe('Harvest');
  });

  it('may make another language the source, for plain strings and as every chain\'s end', () => {
    const languages = languageSet({ codes: ['ru', 'en'], source: 'ru' });
    expect(languages.get('en').chain).toEqual(['en', 'ru']);
    expect(languages.get('en').source.code).toBe('ru');
    expect(localize({ ru: 'Урожай' }, languages.get('en'))).toBe('Урожай');
  });

  it('label the report\'s own units in each language, and the generator\'s from its packs', () => {
    const languages = languageSet({ codes: ['en', 'ru', 'kk'], source: 'en', unitLabels: { 'thousand head': { en: 'thousand head', ru: 'тыс. голов' } } });
    expect(unitLabel('thousand head', languages.get('ru'))).toBe('тыс. голов');
    // Kazakh has no label of its own: its chain's next language, English.
    expect(unitLabel('thousand head', languages.get('kk'))).toBe('thousand head');
    expect(unitLabel('thousand t', languages.get('kk'))).toBe('мың тонна');
  });

  it('name periods inside sentences in the language\'s own forms, and only where it has them', () => {
    const languages = languageSet({ codes: ['en', 'kk'], source: 'en' });
    const kk = languages.get('kk');
    expect(periodIn(kk, '2019')).toBe('2019 жылы');
    expect(periodIn(kk, '2023-12')).toBe('2023 жылғы желтоқсанда');
    expect(periodIn(kk, '2024-Q3')).toBe('2024-Q3');
    expect(periodSpan(kk, '2015', '2019')).toBe('2015–2019 жылдар');
    expect(periodSpan(kk, '2020', '2023-12')).toBe('2020–2023-12');
    expect(periodIn(languages.get('en'), '2019')).toBe('2019');
  });

  it('refuses a language that is not one of the report\'s', () => {
    expect(() => languageSet({ codes: ['en'], source: 'en' }).get('ru')).toThrow(/"ru" is not a language of this report \(en\)/);
  });
});
