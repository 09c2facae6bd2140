/** Template filters: translations and lookups the layouts need. Everything they return is text, escaped by Nunjucks. */
import type { Language } from '../languages/language.ts';
import { t, type UiKey } from '../render/ui-strings.ts';

interface View {
  locale: string;
  slug: string;
  url: string;
  isHome: boolean;
  number?: number;
  title?: string;
  short?: string;
  kind?: string;
  /** Set on a chapter shown in another language's text (see write/site-data.ts). */
  fallbackFrom?: string;
  /** On a page a template made: its chapter's slug and its place among its siblings. */
  parent?: string;
  entity?: { index: number };
}

interface Site {
  locales: string[];
  pages: View[];
  dataPages: View[];
  referencePages: View[];
  qualityPages: View[];
  searchPages?: View[];
}

/**
 * Lookups every page makes (its chapters, neighbours, translations) are computed once per report
 * and kept beside it: done per page over every page, they made the build grow with the square of
 * the chapter count.
 */
interface SiteIndex {
  all: View[];
  order: Map<string, { pages: View[]; at: Map<string, number> }>;
  bySlug: Map<string, View[]>;
  /** The pages a template made, by `locale\0parent slug`, in the template's order. */
  children: Map<string, View[]>;
}
const indexes = new WeakMap<object, SiteIndex>();
const chapterLists = new WeakMap<View[], Map<string, View[]>>();

/** Every page of the site, Markdown and generated. */
function allPages(report: Site): View[] {
  return [...report.pages, ...report.dataPages, ...report.referencePages, ...report.qualityPages, ...(report.searchPages ?? [])];
}

function siteIndex(report: Site): SiteIndex {
  // Keyed on the page list, not the report: Eleventy hands each page its own shallow copy of the
  // global data, so `report` is a new object on every page while its arrays are shared.
  let index = indexes.get(report.pages);
  if (index) return index;
  const all = allPages(report);
  const bySlug = new Map<string, View[]>();
  for (const page of all) {
    const same = bySlug.get(page.slug);
    if (same) same.push(page);
    else bySlug.set(page.slug, [page]);
  }
  const children = new Map<string, View[]>();
  for (const page of report.pages) {
    if (!page.parent) continue;
    const key = `${page.locale}\u0000${page.parent}`;
    children.set(key, [...(children.get(key) ?? []), page]);
  }
  for (const list of children.values()) list.sort((a, b) => (a.entity?.index ?? 0) - (b.entity?.index ?? 0));
  index = { all, order: new Map(), bySlug, children };
  indexes.set(report.pages, index);
  return index;
}

/** Chapters of one language in order. */
function chaptersOf(pages: View[], locale: string): View[] {
  let lists = chapterLists.get(pages);
  if (!lists) chapterLists.set(pages, (lists = new Map()));
  let list = lists.get(locale);
  if (!list) {
    list = pages.filter((p) => p.locale === locale && (p.number ?? 0) > 0).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    lists.set(locale, list);
  }
  return list;
}

/**
 * The reading order of one language, as the chapter navigation shows it: the home page, the
 * chapters (each followed by the pages its template made, if any), then the data-quality page,
 * the data appendix and the references.
 */
export function readingOrder(report: Site, locale: string): View[] {
  return orderOf(report, locale).pages;
}

function orderOf(report: Site, locale: string): { pages: View[]; at: Map<string, number> } {
  const index = siteIndex(report);
  let order = index.order.get(locale);
  if (!order) {
    const home = report.pages.find((p) => p.locale === locale && p.isHome);
    const generated = [report.qualityPages, report.dataPages, report.referencePages].map((list) => list.find((p) => p.locale === locale));
    const chapters = chaptersOf(report.pages, locale).flatMap((ch) => [ch, ...(index.children.get(`${locale}\u0000${ch.slug}`) ?? [])]);
    const pages = [home, ...chapters, ...generated].filter((p): p is View => p !== undefined);
    order = { pages, at: new Map(pages.map((p, i) => [p.url, i])) };
    index.order.set(locale, order);
  }
  return order;
}

/** The page before and after `view` in its language's reading order; none for pages outside it (search). */
export function pagerOf(report: Site, view: View): { previous?: View; next?: View } {
  const order = orderOf(report, view.locale);
  const at = order.at.get(view.url);
  if (at === undefined) return {};
  return { previous: order.pages[at - 1], next: order.pages[at + 1] };
}

/** Chapters the side navigation lists in full; a longer report shows a window around the reader. */
export const NAV_FULL_LIST = 30;
/** Chapters shown on each side of the current one when the list is cut. */
export const NAV_AROUND = 4;

export type NavItem = { chapter: View } | { allChapters: number };

/**
 * The side navigation's chapter entries. Up to NAV_FULL_LIST chapters, all of them (every page
 * of a real report). Beyond, the home page still lists every chapter, and every other page the
 * first chapter, the current one with NAV_AROUND neighbours each side, the last, and in each gap
 * a link to the full list on the home page: a 2,000-chapter report would otherwise repeat 2,000
 * links on every page.
 */
export function chapterNavOf(pages: View[], view: View): NavItem[] {
  const chapters = chaptersOf(pages, view.locale);
  if (chapters.length <= NAV_FULL_LIST || view.isHome) return chapters.map((chapter) => ({ chapter }));
  const current = chapters.findIndex((c) => c.url === view.url);
  // Pages outside the chapters (appendices) show the start and the end of the list.
  const from = current < 0 ? 0 : Math.max(0, current - NAV_AROUND);
  const to = current < 0 ? NAV_AROUND : Math.min(chapters.length - 1, current + NAV_AROUND);
  const items: NavItem[] = [];
  const gap = { allChapters: chapters.length };
  if (from > 0) items.push({ chapter: chapters[0] as View }, ...(from > 1 ? [gap] : []));
  for (let i = from; i <= to; i++) items.push({ chapter: chapters[i] as View });
  if (to < chapters.length - 1) items.push(...(to < chapters.length - 2 ? [gap] : []), { chapter: chapters[chapters.length - 1] as View });
  return items;
}

/** The current chapter, for the phone menu's summary line. */
function currentChapterOf(pages: View[], view: View): View | undefined {
  return (view.number ?? 0) > 0 ? chaptersOf(pages, view.locale).find((c) => c.url === view.url) : undefined;
}

/**
 * The address a search engine should index for this page: a chapter shown in English under
 * another language points to the English original; the English home page (also published at `/`)
 * to `/en/`.
 */
export function canonicalOf(view: View): string {
  return view.fallbackFrom ? `/${view.fallbackFrom}/${view.slug}/` : view.url;
}

/**
 * The translations of this page, for `<link rel="alternate" hreflang>` and the sitemap: only pages
 * really written in that language (not English fallbacks), and none for a fallback or search page.
 */
export function hreflangOf(report: Site, view: View): Array<{ locale: string; url: string }> {
  if (view.fallbackFrom || view.kind === 'search') return [];
  const translations = (siteIndex(report).bySlug.get(view.slug) ?? []).filter((p) => !p.fallbackFrom && p.kind !== 'search');
  return report.locales.flatMap((locale) => translations.filter((p) => p.locale === locale).map((p) => ({ locale, url: p.url })));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text of an HTML fragment the render stage wrote: tags dropped, entities decoded (Nunjucks escapes it again). */
export function htmlText(html: string): string {
  return html
    .replace(/<sup class="footnote-ref"[\s\S]*?<\/sup>/g, '')
    .replace(/<annotation[\s\S]*?<\/annotation>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
      if (body.startsWith('#')) {
        const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[body.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** The chapter's sections: every `<h2>` the Markdown renderer wrote (with its anchor), for the on-page contents. */
export function headingsOf(html: string): Array<{ id: string; text: string }> {
  const headings: Array<{ id: string; text: string }> = [];
  for (const match of html.matchAll(/<h2 id="([^"]+)"[^>]*>([\s\S]*?)<\/h2>/g)) {
    const text = htmlText(match[2] ?? '');
    if (match[1] && text) headings.push({ id: match[1], text });
  }
  return headings;
}

/** `languageOf(code)`: the report's language with that code, with its words (report-plugin.ts). */
/** The pages a chapter's template made, in order (for its list of them); none for other pages. */
export function childrenOf(report: Site, view: View): View[] {
  return siteIndex(report).children.get(`${view.locale}\u0000${view.slug}`) ?? [];
}

/** The chapter a templated page belongs to. */
export function parentOf(report: Site, view: View): View | undefined {
  if (!view.parent) return undefined;
  return report.pages.find((p) => p.locale === view.locale && p.slug === view.parent);
}

export function registerFilters(eleventyConfig: any, languageOf: (code: string) => Language): void {
  eleventyConfig.addFilter('childrenOf', childrenOf);
  eleventyConfig.addFilter('parentOf', parentOf);
  eleventyConfig.addFilter('t', (key: UiKey, locale: string) => t(languageOf(locale), key));
  eleventyConfig.addFilter('chaptersOf', chaptersOf);
  eleventyConfig.addFilter('chapterNavOf', chapterNavOf);
  eleventyConfig.addFilter('currentChapterOf', currentChapterOf);
  eleventyConfig.addFilter('homeOf', (pages: Array<{ locale: string; isHome: boolean }>, locale: string) => pages.find((p) => p.locale === locale && p.isHome));
  // The same page in every language the report has: the language switcher's links.
  eleventyConfig.addFilter('alternatesOf', (report: Site, view: View) => {
    const { all, bySlug } = siteIndex(report);
    const same = bySlug.get(view.slug) ?? [];
    return report.locales.map((locale) => same.find((p) => p.locale === locale) ?? all.find((p) => p.locale === locale && p.isHome)).filter(Boolean);
  });
  eleventyConfig.addFilter('hreflangOf', hreflangOf);
  eleventyConfig.addFilter('canonicalOf', canonicalOf);
  eleventyConfig.addFilter('headingsOf', headingsOf);
  eleventyConfig.addFilter('pagerOf', pagerOf);
}
