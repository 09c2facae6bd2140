/**
 * The References page: `data/references.json` (CSL-JSON) formatted by citation-js with the APA
 * style, so every entry follows one consistent style. citation-js escapes the fields it prints;
 * URLs and DOIs it prints as text become links here.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { References } from '../load/load-references.ts';

export interface BibliographyEntry {
  id: string;
  html: string;
}

/**
 * A URL citation-js printed as text, made a link. Trailing punctuation ends the sentence, not the
 * URL, unless it closes an entity citation-js wrote (`&#62;`). citation-js escapes &, < and > but
 * not quotes: they are escaped before the URL lands in an attribute.
 */
function linkUrl(text: string): string {
  let url = text;
  let tail = '';
  while (/[.,;)]$/.test(url) && !/&#?\w+;$/.test(url)) {
    tail = url.slice(-1) + tail;
    url = url.slice(0, -1);
  }
  return `<a href="${url.replace(/"/g, '&quot;')}">${url}</a>${tail}`;
}

export function bibliography(references: References): BibliographyEntry[] {
  if (references.size === 0) return [];
  // The names in other scripts are for citations in the text; CSL has no field for them.
  const items = [...references.values()].map(({ translations: _translations, ...item }) => item);
  const entries = new Cite(items).format('bibliography', { format: 'html', template: 'apa', lang: 'en-US', asEntryArray: true });
  return entries.map(([id, html]) => ({
    id,
    html: html
      .trim()
      .replace(/^<div[^>]*>|<\/div>$/g, '')
      .replace(/https?:\/\/[^\s<]+/g, linkUrl),
  }));
}
