/** The bibliography page's entries, in one consistent author–year style. */
import type { CslItem, References } from '../load/load-references.ts';
import { escapeHtml, safeUrl } from './escape.ts';

export interface BibliographyEntry {
  id: string;
  html: string;
}

function authors(item: CslItem): string {
  const names = (item.author ?? []).map((a) => a.literal ?? [a.family, a.given ? `${a.given.split(/[\s.]+/).filter(Boolean).map((g) => `${g[0]}.`).join(' ')}` : ''].filter(Boolean).join(', '));
  if (names.length === 0) return '';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} & ${names.at(-1)!}`;
}

export function bibliographyEntry(item: CslItem): BibliographyEntry {
  const e = escapeHtml;
  const field = (key: string) => (typeof item[key] === 'string' || typeof item[key] === 'number' ? String(item[key]) : '');
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal ?? 'n.d.';
  const who = authors(item);
  const container = field('container-title');
  const volume = field('volume');
  const issue = field('issue');
  const pages = field('page');
  let html = who ? `${e(who)} (${e(String(year))}). ` : `<cite>${e(item.title)}</cite> (${e(String(year))}). `;
  if (who) html += container ? `${e(item.title)}. ` : `<cite>${e(item.title)}</cite>. `;
  if (container) html += `<cite>${e(container)}</cite>${volume ? `, ${e(volume)}` : ''}${issue ? `(${e(issue)})` : ''}${pages ? `, ${e(pages)}` : ''}. `;
  else if (field('publisher')) html += `${e(field('publisher'))}. `;
  if (field('DOI')) html += `<a href="https://doi.org/${e(field('DOI'))}">doi:${e(field('DOI'))}</a>. `;
  else if (item.URL) html += `<a href="${e(safeUrl(item.URL))}">${e(item.URL)}</a>. `;
  if (field('note')) html += `<span class="bib-note">${e(field('note'))}</span>`;
  return { id: item.id, html: html.trim() };
}

export function bibliography(references: References): BibliographyEntry[] {
  return [...references.values()]
    .sort((a, b) => authors(a).localeCompare(authors(b)) || a.title.localeCompare(b.title))
    .map(bibliographyEntry);
}
