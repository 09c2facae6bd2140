/**
 * How a work is named in the text: "Imashev (2016)", "Bozhko & Turgel", "Kokenova et al. (2020)",
 * or an institution's or untitled work's short name; in the page language where the bibliography
 * gives the work's names in it ("Кокенова и др. (2020)").
 */
import { inLanguage, type CslItem } from '../load/load-references.ts';
import { t } from './ui-strings.ts';
import type { Language } from '../languages/language.ts';

/** The parts of an author–date citation in `language`: who and the year. */
export function citationParts(item: CslItem, language: Language): { who: string; year?: string } {
  const named = inLanguage(item, language.code);
  const authors = named.author ?? [];
  const name = (a: (typeof authors)[number]) => a.family ?? a.literal ?? a.given ?? '';
  const short = typeof named['title-short'] === 'string' ? named['title-short'] : named.title;
  // CSL's citation-label gives institutions a short in-text name ("Bureau of National Statistics").
  const label = typeof named['citation-label'] === 'string' ? named['citation-label'] : undefined;
  const who =
    label ??
    (authors.length === 0
      ? short
      : authors.length === 1
        ? name(authors[0]!)
        : authors.length === 2
          ? `${name(authors[0]!)} ${t(language, 'citeAnd')} ${name(authors[1]!)}`
          : `${name(authors[0]!)} ${t(language, 'citeEtAl')}`);
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal;
  return { who, year: year === undefined ? undefined : String(year) };
}

/** "Author (2021)", "Author & Other (2021)", "Author et al. (2021)", or the short name of an institution. */
export function shortCitation(item: CslItem, language: Language): string {
  const { who, year } = citationParts(item, language);
  return year === undefined ? who : `${who} (${year})`;
}
