/** Works cited in the text in the page's language and script, from the bibliography's own names. */
import { describe, expect, it } from 'vitest';
import { diskFiles, memoryFiles } from '../../scripts/io.ts';
import { loadReferences } from '../../scripts/load/load-references.ts';
import { bibliography } from '../../scripts/render/bibliography.ts';
import { shortCitation } from '../../scripts/render/cite-name.ts';
import { lang } from '../helpers/languages.ts';

const references = await loadReferences(diskFiles(process.cwd()));
const cite = (id: string, locale: string) => shortCitation(references.get(id)!, lang(locale));

describe('citations in the text', () => {
  it('name Kazakh and Russian authors in Cyrillic on Russian and Kazakh pages, with the language’s "et al." and "and"', () => {
    expect(cite('seed001', 'en')).toBe('Kokenova et al. (2020)');
    expect(cite('seed001', 'ru')).toBe('Кокенова и др. (2020)');
    expect(cite('seed001', 'kk')).toBe('Көкенова және т.б. (2020)');
    expect(cite('seed004', 'ru')).toBe('Имашев (2016)');
    expect(cite('voronov2014', 'en')).toBe('Voronov & Buryak (2014)');
    expect(cite('voronov2014', 'ru')).toBe('Воронов и Буряк (2014)');
    expect(cite('voronov2014', 'kk')).toBe('Воронов және Буряк (2014)');
  });

  it('give institutions and untitled works their short name in the language', () => {
    expect(cite('bns', 'ru')).toBe('Бюро национальной статистики (2024)');
    expect(cite('bns', 'kk')).toBe('Ұлттық статистика бюросы (2024)');
    expect(cite('seed000', 'kk')).toBe('Бәйтерек ауданы бойынша зерттеу');
    expect(cite('seed000', 'en')).toBe('The Baiterek study');
  });

  it('keep names the bibliography gives only in Latin script as published', () => {
    expect(cite('porter1990', 'ru')).toBe('Porter (1990)');
    expect(cite('delgado2014', 'kk')).toBe('Delgado және т.б. (2014)');
  });

  it('leave the bibliography entry as published: the names in other scripts are not CSL fields', () => {
    const item = references.get('seed001')!;
    const [entry] = bibliography(new Map([['seed001', item]]));
    expect(entry?.html).toMatch(/^Kokenova, A\. T\., Turebayeva, J\. K\./);
    expect(entry?.html).not.toContain('Кокенова');
  });
});

describe('names in another script', () => {
  it('must list every author, so a citation never drops one: the error names the entry, the path and the fix', async () => {
    const files = memoryFiles({
      'data/references.json': JSON.stringify(
        [{ id: 'a', type: 'book', title: 'T', author: [{ family: 'Bozhko' }, { family: 'Turgel' }], translations: { ru: { author: [{ family: 'Божко' }] } } }],
        null,
        2,
      ),
    });
    await expect(loadReferences(files)).rejects.toMatchObject({
      message: 'the ru names of "a" give 1 of the entry\'s 2 authors',
      file: 'data/references.json',
      path: '[0].translations.ru.author',
      line: 16,
    });
  });

  it('accept only the fields a citation shows', async () => {
    const files = memoryFiles({ 'data/references.json': JSON.stringify([{ id: 'a', type: 'book', title: 'T', translations: { ru: { publisher: 'Х' } } }]) });
    await expect(loadReferences(files)).rejects.toThrow(/invalid bibliography entry/);
  });
});
