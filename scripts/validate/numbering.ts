/**
 * Chapter, figure and table numbers, decided once from the pages' structure and used by every
 * later stage (the chart stage for citations, the render stage for captions and cross-references):
 * chapters 1, 2, … per language in their order, and within a chapter its charts and diagrams in one
 * sequence ("3.2") and its tables in another ("3.1"). The pages a template makes are sections of
 * their chapter, numbered in the template's order ("7.3"), their figures within them ("7.3.1").
 */
import type { ParsedPage } from './parse-pages.ts';

export interface Numbering {
  /** The chapter's number; 0 for a page that is not a chapter (the home page, a templated page). */
  chapter(page: ParsedPage): number;
  /** "7.3" for the third page a template of chapter 7 makes; undefined for any other page. */
  section(page: ParsedPage): string | undefined;
  /** "3.2": a chart's or diagram's number, by its id ("7.3.2" on a templated page). */
  figure(page: ParsedPage, id: string): string;
  /** "3.1": the number of the page's `index`th table block. */
  table(page: ParsedPage, index: number): string;
}

export function isChapter(page: ParsedPage): boolean {
  return page.source.slug !== 'index' && page.source.frontMatter.chapter !== false && page.source.entity === undefined;
}

export function numberPages(pages: readonly ParsedPage[], locales: readonly string[]): Numbering {
  const chapters = new Map<ParsedPage, number>();
  const bySlug = new Map<string, ParsedPage>();
  for (const locale of locales) {
    pages.filter((p) => p.source.locale === locale && isChapter(p)).forEach((p, i) => chapters.set(p, i + 1));
  }
  for (const page of pages) bySlug.set(`${page.source.locale}\u0000${page.source.slug}`, page);
  const chapter = (page: ParsedPage) => chapters.get(page) ?? 0;
  const section = (page: ParsedPage) => {
    const entity = page.source.entity;
    if (!entity) return undefined;
    const parent = bySlug.get(`${page.source.locale}\u0000${entity.parent}`);
    return `${parent ? chapter(parent) : 0}.${entity.index + 1}`;
  };
  const prefix = (page: ParsedPage) => section(page) ?? String(chapter(page));
  return {
    chapter,
    section,
    figure: (page, id) => `${prefix(page)}.${page.figureOrder.indexOf(id) + 1}`,
    table: (page, index) => `${prefix(page)}.${index + 1}`,
  };
}
