/**
 * Chapter, figure and table numbers, decided once from the pages' structure and used by every
 * later stage (the chart stage for citations, the render stage for captions and cross-references):
 * chapters 1, 2, … per language in their order, and within a chapter its charts and diagrams in one
 * sequence ("3.2") and its tables in another ("3.1").
 */
import type { ParsedPage } from './parse-pages.ts';

export interface Numbering {
  /** The chapter's number; 0 for a page that is not a chapter (the home page). */
  chapter(page: ParsedPage): number;
  /** "3.2": a chart's or diagram's number, by its id. */
  figure(page: ParsedPage, id: string): string;
  /** "3.1": the number of the page's `index`th table block. */
  table(page: ParsedPage, index: number): string;
}

export function isChapter(page: ParsedPage): boolean {
  return page.source.slug !== 'index' && page.source.frontMatter.chapter !== false;
}

export function numberPages(pages: readonly ParsedPage[], locales: readonly string[]): Numbering {
  const chapters = new Map<ParsedPage, number>();
  for (const locale of locales) {
    pages.filter((p) => p.source.locale === locale && isChapter(p)).forEach((p, i) => chapters.set(p, i + 1));
  }
  const chapter = (page: ParsedPage) => chapters.get(page) ?? 0;
  return {
    chapter,
    figure: (page, id) => `${chapter(page)}.${page.figureOrder.indexOf(id) + 1}`,
    table: (page, index) => `${chapter(page)}.${index + 1}`,
  };
}
