/** Template filters: translations and lookups the layouts need. Everything they return is text, escaped by Nunjucks. */
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
  /** Set on a chapter shown in English under another language (see report-plugin.ts). */
  fallbackFrom?: string;
}

interface Site {
  locales: string[];
  pages: View[];
  dataPages: View[];
  referencePages: View[];
  qualityPages: View[];
  searchPages?: View[];
}

/** Every page of the site, Markdown and generated. */
function allPages(report: Site): View[] {
  return [...report.pages, ...report.dataPages, ...report.referencePages, ...report.qualityPages, ...(report.searchPages ?? [])];
}

/** Chapters of one language in order. */
function chaptersOf(pages: View[], locale: string): View[] {
  return pages.filter((p) => p.locale === locale && (p.number ?? 0) > 0).sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
}

/**
 * The reading order of one language, as the chapter navigation shows it: the home page, the
 * chapters, then the data-quality page, the data appendix and the references.
 */
export function readingOrder(report: Site, locale: string): View[] {
  const home = report.pages.find((p) => p.locale === locale && p.isHome);
  const generated = [report.qualityPages, report.dataPages, report.referencePages].map((list) => list.find((p) => p.locale === locale));
  return [home, ...chaptersOf(report.pages, locale), ...generated].filter((p): p is View => p !== undefined);
}

/** The page before and after `view` in its language's reading order; none for pages outside it (search). */
export function pagerOf(report: Site, view: View): { previous?: View; next?: View } {
  const order = readingOrder(report, view.locale);
  const at = order.findIndex((p) => p.url === view.url);
  if (at < 0) return {};
  return { previous: order[at - 1], next: order[at + 1] };
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
  const translations = allPages(report).filter((p) => p.slug === view.slug && !p.fallbackFrom && p.kind !== 'search');
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

export function registerFilters(eleventyConfig: any): void {
  eleventyConfig.addFilter('t', (key: UiKey, locale: string) => t(locale, key));
  eleventyConfig.addFilter('chaptersOf', chaptersOf);
  eleventyConfig.addFilter('homeOf', (pages: Array<{ locale: string; isHome: boolean }>, locale: string) => pages.find((p) => p.locale === locale && p.isHome));
  // The same page in every language the report has: the language switcher's links.
  eleventyConfig.addFilter('alternatesOf', (report: Site, view: View) => {
    const all = allPages(report);
    return report.locales.map((locale) => all.find((p) => p.locale === locale && p.slug === view.slug) ?? all.find((p) => p.locale === locale && p.isHome)).filter(Boolean);
  });
  eleventyConfig.addFilter('hreflangOf', hreflangOf);
  eleventyConfig.addFilter('canonicalOf', canonicalOf);
  eleventyConfig.addFilter('headingsOf', headingsOf);
  eleventyConfig.addFilter('pagerOf', pagerOf);
}
