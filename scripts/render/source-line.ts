import type { References } from '../load/load-references.ts';
import { shortCitation } from '../load/load-references.ts';
import { localize, type Table } from '../validate/table-schema.ts';
import { escapeHtml } from './escape.ts';
import { t } from './ui-strings.ts';

const LOCATOR_WORDS: Record<string, Array<[RegExp, string]>> = {
  ru: [[/^Tables? /, 'Таблица '], [/^Figures? /, 'Рисунок '], [/^pp?\. /, 'с. '], [/^Section /, 'Раздел ']],
  kk: [[/^Tables? /, 'Кесте '], [/^Figures? /, 'Сурет '], [/^pp?\. /, 'б. '], [/^Section /, 'Бөлім ']],
};

/** "Table 2" → "Таблица 2" on Russian pages: locators are written once, in English. */
export function localizeLocator(locator: string, locale: string): string {
  return (LOCATOR_WORDS[locale] ?? []).reduce((text, [pattern, word]) => text.replace(pattern, word), locator);
}

/** "Source: Author et al. (2021), Table 2." — linked to the bibliography entry. */
export function sourceLine(table: Table, locale: string, references: References): string {
  const sources = [table.source, ...(table.alsoFrom ?? [])];
  const parts = sources.map((source) => {
    const item = references.get(source.ref);
    const name = item ? shortCitation(item) : source.ref;
    const locator = source.locator ? `, ${localizeLocator(source.locator, locale)}` : '';
    return `<a href="/${locale}/references/#ref-${escapeHtml(source.ref)}">${escapeHtml(name)}</a>${escapeHtml(locator)}`;
  });
  const label = t(locale, sources.length > 1 ? 'sources' : 'source');
  return `${escapeHtml(label)}: ${parts.join('; ')}. <span class="source-table">(${escapeHtml(t(locale, 'table'))} <a href="/${locale}/data/#table-${escapeHtml(table.id)}"><code>${escapeHtml(table.id)}</code></a>: ${escapeHtml(localize(table.title, locale))})</span>`;
}
