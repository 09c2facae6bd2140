import type { References } from '../load/load-references.ts';
import { shortCitation } from './cite-name.ts';
import { localize, type LocalizedText, type Table } from '../validate/table-schema.ts';
import { escapeHtml } from './escape.ts';
import { t } from './ui-strings.ts';

type Rewrite = [RegExp, string];

/**
 * Numbered parts of a work, in the page language. Kazakh puts the number first and joins it with
 * a hyphen ("1-кесте", "2–3-кестелер", "14-б."), as Kazakh publications number tables and pages.
 */
const LOCATOR_WORDS: Record<string, Rewrite[]> = {
  ru: [
    [/^Tables (\S+)/, 'Таблицы $1'],
    [/^Table (\S+)/, 'Таблица $1'],
    [/^Figures (\S+)/, 'Рисунки $1'],
    [/^Figure (\S+)/, 'Рисунок $1'],
    [/^pp?\. (\S+)/, 'с. $1'],
    [/^Section (\S+)/, 'Раздел $1'],
  ],
  kk: [
    [/^Tables (\S+?)([,;]|$)/, '$1-кестелер$2'],
    [/^Table (\S+?)([,;]|$)/, '$1-кесте$2'],
    [/^Figures (\S+?)([,;]|$)/, '$1-суреттер$2'],
    [/^Figure (\S+?)([,;]|$)/, '$1-сурет$2'],
    [/^pp?\. (\S+?)([,;]|$)/, '$1-б.$2'],
    [/^Section (\S+?)([,;]|$)/, '$1-бөлім$2'],
  ],
};

/**
 * A locator in the page language: its own translation if the author gave one, else the English
 * text with a leading "Table 2" / "p. 14" translated ("Таблица 2", "2-кесте").
 */
export function localizeLocator(locator: LocalizedText, locale: string): string {
  if (typeof locator !== 'string' && locale !== 'en' && (locator as Record<string, string | undefined>)[locale]) return localize(locator, locale);
  const english = typeof locator === 'string' ? locator : locator.en;
  const rewrite = (LOCATOR_WORDS[locale] ?? []).find(([pattern]) => pattern.test(english));
  return rewrite ? english.replace(rewrite[0], rewrite[1]) : english;
}

/** "Source: Author et al. (2021), Table 2." — linked to the bibliography entry. */
export function sourceLine(table: Table, locale: string, references: References): string {
  const sources = [table.source, ...(table.alsoFrom ?? [])];
  const parts = sources.map((source) => {
    const item = references.get(source.ref);
    const name = item ? shortCitation(item, locale) : source.ref;
    const locator = source.locator ? `, ${localizeLocator(source.locator, locale)}` : '';
    return `<a href="/${locale}/references/#ref-${escapeHtml(source.ref)}">${escapeHtml(name)}</a>${escapeHtml(locator)}`;
  });
  const label = t(locale, sources.length > 1 ? 'sources' : 'source');
  return `${escapeHtml(label)}: ${parts.join('; ')}. <span class="source-table">(${escapeHtml(t(locale, 'table'))} <a href="/${locale}/data/#table-${escapeHtml(table.id)}"><code>${escapeHtml(table.id)}</code></a>: ${escapeHtml(localize(table.title, locale))})</span>`;
}
