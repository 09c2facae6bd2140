/** Locators ("Table 2", "p. 14") in the page language, with Kazakh word order. */
import { describe, expect, it } from 'vitest';
import { localizeLocator } from '../../scripts/render/source-line.ts';
import { lang } from '../helpers/languages.ts';

describe('locators', () => {
  it('translates a table, figure, page or section number', () => {
    expect(localizeLocator('Table 2', lang('ru'))).toBe('Таблица 2');
    expect(localizeLocator('Tables 1–3', lang('ru'))).toBe('Таблицы 1–3');
    expect(localizeLocator('p. 14', lang('ru'))).toBe('с. 14');
    expect(localizeLocator('Table 2', lang('kk'))).toBe('2-кесте');
    expect(localizeLocator('Tables 1–3', lang('kk'))).toBe('1–3-кестелер');
    expect(localizeLocator('Figure 1', lang('kk'))).toBe('1-сурет');
    expect(localizeLocator('p. 14', lang('kk'))).toBe('14-б.');
    expect(localizeLocator('Table 2', lang('en'))).toBe('Table 2');
  });

  it("uses the author's own translation where one is given", () => {
    const locator = { en: 'Table 5 and the text after it', ru: 'Таблица 5 и текст после неё', kk: '5-кесте және одан кейінгі мәтін' };
    expect(localizeLocator(locator, lang('ru'))).toBe('Таблица 5 и текст после неё');
    expect(localizeLocator(locator, lang('kk'))).toBe('5-кесте және одан кейінгі мәтін');
    expect(localizeLocator(locator, lang('en'))).toBe('Table 5 and the text after it');
  });

  it('leaves a Kazakh locator it cannot reorder whole in English rather than half translated', () => {
    expect(localizeLocator('Table 5 and the text after it', lang('kk'))).toBe('Table 5 and the text after it');
  });
});
