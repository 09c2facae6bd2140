import type { References } from '../load/load-references.ts';
import type { Language } from '../languages/language.ts';
import { shortCitation } from './cite-name.ts';
import { escapeHtml } from './escape.ts';

/**
 * A note or description as HTML. Text in `backticks` is an identifier (a table or row id, a file
 * name), shown as code; `@key` names a work of the bibliography as the chapters do ("Imashev
 * (2016)", linked to its entry; an unknown key stays a link the link check reports); `\@` is an @.
 */
export function noteHtml(text: string, language: Language, references: References): string {
  const cite = (prose: string) =>
    prose.replace(/(?<![\p{L}\p{N}_\\])@([a-z][a-z0-9]*(?:-[a-z0-9]+)*)|\\@|[^@\\]+|[\s\S]/gu, (all, key: string | undefined) => {
      if (key === undefined) return escapeHtml(all === '\\@' ? '@' : all);
      const item = references.get(key);
      return `<a href="/${escapeHtml(language.code)}/references/#ref-${escapeHtml(key)}">${escapeHtml(item ? shortCitation(item, language) : key)}</a>`;
    });
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : cite(part)))
    .join('');
}
