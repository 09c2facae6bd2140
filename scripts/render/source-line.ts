import type { References } from '../load/load-references.ts';
import { shortCitation } from './cite-name.ts';
import { localize, sourceText, type LocalizedText, type Table } from '../validate/table-schema.ts';
import { escapeHtml } from './escape.ts';
import { t } from './ui-strings.ts';
import type { Language } from '../languages/language.ts';

const LOCATOR_KINDS = ['tables', 'table', 'figures', 'figure', 'pages', 'page', 'section'] as const;

/** The source language's locator words as patterns: "Table {n}" → /^Table (\S+?)([,;]|$)/. */
function locatorPatterns(source: Language): Array<[RegExp, (typeof LOCATOR_KINDS)[number]]> {
  return LOCATOR_KINDS.map((kind) => {
    const [before = '', after = ''] = source.pack.locators[kind].split('{n}');
    const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return [new RegExp(`^${literal(before)}(\\S+?)${literal(after)}([,;]|$)`), kind];
  });
}

/**
 * A locator in the page language: its own translation if the author gave one, else the source
 * language's text with a leading numbered part ("Table 2", "p. 14") in the page language's words
 * and word order ("Таблица 2", "2-кесте", "14-б."), from the language packs.
 */
export function localizeLocator(locator: LocalizedText, language: Language): string {
  const source = language.source;
  if (typeof locator !== 'string' && locator[language.code] !== undefined) return locator[language.code] as string;
  const original = sourceText(locator, source.code);
  if (language.code === source.code) return original;
  for (const [pattern, kind] of locatorPatterns(source)) {
    const match = pattern.exec(original);
    if (match) return `${language.pack.locators[kind].replace('{n}', match[1] ?? '')}${match[2] ?? ''}${original.slice(match[0].length)}`;
  }
  return original;
}

/** "Source: Author et al. (2021), Table 2." — linked to the bibliography entry. */
export function sourceLine(table: Table, language: Language, references: References): string {
  const sources = [table.source, ...(table.alsoFrom ?? [])];
  const parts = sources.map((source) => {
    const item = references.get(source.ref);
    const name = item ? shortCitation(item, language) : source.ref;
    const locator = source.locator ? `, ${localizeLocator(source.locator, language)}` : '';
    return `<a href="/${language.code}/references/#ref-${escapeHtml(source.ref)}">${escapeHtml(name)}</a>${escapeHtml(locator)}`;
  });
  const label = t(language, sources.length > 1 ? 'sources' : 'source');
  return `${escapeHtml(label)}: ${parts.join('; ')}. <span class="source-table">(${escapeHtml(t(language, 'table'))} <a href="/${language.code}/data/#table-${escapeHtml(table.id)}"><code>${escapeHtml(table.id)}</code></a>: ${escapeHtml(localize(table.title, language))})</span>`;
}
