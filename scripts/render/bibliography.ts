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

export function bibliography(references: References): BibliographyEntry[] {
  if (references.size === 0) return [];
  const entries = new Cite([...references.values()]).format('bibliography', { format: 'html', template: 'apa', lang: 'en-US', asEntryArray: true });
  return entries.map(([id, html]) => ({
    id,
    html: html
      .trim()
      .replace(/^<div[^>]*>|<\/div>$/g, '')
      .replace(/(https?:\/\/[^\s<]+[^\s<.,;)])/g, '<a href="$1">$1</a>'),
  }));
}
