/** Template filters: translations and lookups the layouts need. Everything they return is text, escaped by Nunjucks. */
import { t, type UiKey } from '../render/ui-strings.ts';

interface View {
  locale: string;
  slug: string;
  url: string;
  isHome: boolean;
}

export function registerFilters(eleventyConfig: any): void {
  eleventyConfig.addFilter('t', (key: UiKey, locale: string) => t(locale, key));
  eleventyConfig.addFilter('chaptersOf', (pages: Array<{ locale: string; number: number }>, locale: string) =>
    pages.filter((p) => p.locale === locale && p.number > 0).sort((a, b) => a.number - b.number),
  );
  eleventyConfig.addFilter('homeOf', (pages: Array<{ locale: string; isHome: boolean }>, locale: string) => pages.find((p) => p.locale === locale && p.isHome));
  // The same page in every language the report has: the language switcher's links.
  eleventyConfig.addFilter('alternatesOf', (report: { locales: string[]; pages: View[]; dataPages: View[]; referencePages: View[]; qualityPages: View[] }, view: View) => {
    const all = [...report.pages, ...report.dataPages, ...report.referencePages, ...report.qualityPages];
    return report.locales.map((locale) => all.find((p) => p.locale === locale && p.slug === view.slug) ?? all.find((p) => p.locale === locale && p.isHome)).filter(Boolean);
  });
}
