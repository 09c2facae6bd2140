/**
 * The bridge from the pipeline to Eleventy. Eleventy never reads `data/` or `content/` itself: it
 * gets the finished `Report` as global data `report`, so nothing unvalidated reaches a template.
 *
 * In a one-off build the CLI runs the pipeline first and hands the report over with
 * `provideReport`. Under the dev server the pipeline runs before every rebuild; a failure keeps
 * the last good report and shows the error on every page instead of stopping the server.
 */
import path from 'node:path';
import { buildReport, type Report } from '../build.ts';
import { ReportError } from '../errors.ts';
import { diskFiles, type Logger, consoleLogger } from '../io.ts';
import { bundleBrowserScripts } from '../write/bundle-browser.ts';
import { siteDownloads } from '../write/downloads.ts';
import { registerFilters } from './filters.ts';
import { bibliography, type BibliographyEntry } from '../render/bibliography.ts';
import { qualityView, type QualityView } from '../render/quality-view.ts';
import type { PageView } from '../render/render-pages.ts';
import { t } from '../render/ui-strings.ts';
import type { Locale } from '../validate/table-schema.ts';

export interface GeneratedPage {
  kind: 'data' | 'references' | 'quality';
  locale: Locale;
  slug: string;
  url: string;
  title: string;
  summary: string;
  isHome: false;
}

export interface SiteData extends Report {
  /** The author-facing error of the last failed rebuild (dev server only). */
  error?: string;
  downloads: Array<{ url: string; content: string }>;
  /** Every Markdown page with its output path; the English home page also serves as `/`. */
  pageOutputs: Array<PageView & { permalink: string }>;
  dataPages: GeneratedPage[];
  referencePages: GeneratedPage[];
  qualityPages: GeneratedPage[];
  /** Per language: the Data-quality page's model. */
  quality: Record<string, QualityView>;
  bibliography: BibliographyEntry[];
}

let provided: Report | undefined;
let current: SiteData | undefined;

export function provideReport(report: Report): void {
  provided = report;
}

function toSiteData(report: Report): SiteData {
  const generated = (kind: GeneratedPage['kind'], locale: Locale): GeneratedPage => {
    const title = t(locale, kind === 'data' ? 'dataAppendix' : kind === 'quality' ? 'dataQuality' : 'references');
    return { kind, locale, slug: kind, url: `/${locale}/${kind}/`, title, summary: '', isHome: false };
  };
  const englishHome = report.pages.find((p) => p.locale === 'en' && p.isHome);
  // A chapter not yet translated is published in every language, in English, with a note.
  const fallbacks = report.locales.flatMap((locale) =>
    report.pages
      .filter((p) => p.locale === 'en' && !p.isHome && !report.pages.some((q) => q.locale === locale && q.slug === p.slug))
      .map((p): PageView => ({ ...p, locale, url: `/${locale}/${p.slug}/`, fallbackFrom: 'en' })),
  );
  const pages = [...report.pages, ...fallbacks];
  return {
    ...report,
    pages,
    downloads: siteDownloads(report),
    pageOutputs: [
      ...pages.map((p) => ({ ...p, permalink: `${p.url}index.html` })),
      ...(englishHome ? [{ ...englishHome, permalink: '/index.html' }] : []),
    ],
    dataPages: report.locales.map((locale) => generated('data', locale)),
    referencePages: report.locales.map((locale) => generated('references', locale)),
    qualityPages: report.locales.map((locale) => generated('quality', locale)),
    quality: Object.fromEntries(report.locales.map((locale) => [locale, qualityView(report.checks, report.tableSource, report.locales, locale, new Set(pages.map((p) => p.url)))])),
    bibliography: bibliography(report.references),
  };
}

export default function reportPlugin(eleventyConfig: any, options: { root?: string; logger?: Logger } = {}): void {
  const root = options.root ?? process.cwd();
  const logger = options.logger ?? consoleLogger;
  const browserDir = path.join(root, '.build', 'browser');

  eleventyConfig.on('eleventy.before', async () => {
    await bundleBrowserScripts(root, browserDir);
    if (provided) {
      current = toSiteData(provided);
      provided = undefined;
      return;
    }
    try {
      current = toSiteData(await buildReport(diskFiles(root)));
    } catch (error) {
      if (!(error instanceof ReportError) || !current) throw error;
      const message = error.format();
      logger.warn(`the report was not rebuilt:\n${message}`);
      current = { ...current, error: message };
    }
  });
  eleventyConfig.addGlobalData('report', () => current);
  eleventyConfig.addPassthroughCopy({ [path.relative(root, browserDir)]: 'assets/js' });
  eleventyConfig.addPassthroughCopy({ 'templates/assets/css': 'assets/css' });
  eleventyConfig.addPassthroughCopy({ 'templates/assets/img': 'assets/img' });
  for (const family of ['pt-sans', 'pt-serif']) {
    eleventyConfig.addPassthroughCopy({ [`node_modules/@fontsource/${family}/files/${family}-{latin,latin-ext,cyrillic,cyrillic-ext}-{400,700}-normal.woff2`]: 'assets/fonts' });
    if (family === 'pt-sans') eleventyConfig.addPassthroughCopy({ [`node_modules/@fontsource/${family}/files/${family}-{latin,latin-ext,cyrillic,cyrillic-ext}-{400,700}-italic.woff2`]: 'assets/fonts' });
  }
  for (const dir of ['content', 'data', 'scripts']) eleventyConfig.addWatchTarget(`${dir}/`);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
  registerFilters(eleventyConfig);
}
