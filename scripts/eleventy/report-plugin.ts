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
import { diskEffects, diskFiles, type Logger, consoleLogger } from '../io.ts';
import { bundleBrowserScripts } from '../write/bundle-browser.ts';
import { siteDownloads, writeDownloads } from '../write/downloads.ts';
import { registerFilters } from './filters.ts';
import type { BibliographyEntry } from '../render/bibliography.ts';
import { cachedBibliography } from '../render/bibliography-cache.ts';
import { shortCitation } from '../render/cite-name.ts';
import { GENERATOR_ROOT, packageDir, TEMPLATES_DIR } from '../generator-root.ts';
import type { TranslationGap } from '../validate/translation-gaps.ts';
import { qualityView, type QualityView } from '../render/quality-view.ts';
import type { PageView } from '../render/render-pages.ts';
import { t } from '../render/ui-strings.ts';
import type { Locale } from '../validate/table-schema.ts';

export interface GeneratedPage {
  kind: 'data' | 'references' | 'quality' | 'search';
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
  /**
   * Per language: how the text cites a work whose names the bibliography gives in that
   * language ("Кокенова и др. (2020)"), shown beside its entry so a reader can find it.
   */
  citedAs: Record<string, Record<string, string>>;
  /** Per language: what it lacks that another language has, one line each, for the Data-quality page. */
  gapLines: Record<string, string[]>;
  /** Per language: the search page the header's search box falls back to without JavaScript. */
  searchPages: GeneratedPage[];
  /** Where the site is published, without a trailing slash: canonical links, Open Graph, sitemap. */
  baseUrl: string;
  /** Every page a search engine should index once, with its translations (sitemap.xml). */
  sitemap: Array<{ url: string; alternates: Array<{ locale: string; url: string }> }>;
}

/** Used for canonical links, Open Graph and the sitemap when REPORT_BASE_URL is not set. */
export const DEFAULT_BASE_URL = 'https://example.org';

/**
 * The published site's address, from the environment (never the clock or the machine), so two
 * builds of the same sources with the same setting are byte-identical.
 */
export function siteBaseUrl(value = process.env.REPORT_BASE_URL): string {
  const raw = value === undefined || value.trim() === '' ? DEFAULT_BASE_URL : value.trim();
  const problem = (what: string) =>
    new ReportError(`REPORT_BASE_URL ${what}: "${raw}"`, { expected: 'the address the site is published at, e.g. https://reports.example.kz', fix: 'set the environment variable REPORT_BASE_URL to it (or leave it unset for https://example.org)' });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw problem('is not an absolute address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('must start with https:// or http://');
  if (url.search || url.hash) throw problem('must not have a query or a fragment');
  // Every link on the site starts at the host's root (/en/…), so the site cannot live in a subfolder.
  if (url.pathname !== '/') throw problem('must be the root of a host (the site links to /en/…, /ru/…), without a path');
  return url.href.replace(/\/+$/, '');
}

let provided: Report | undefined;
let current: SiteData | undefined;

export function provideReport(report: Report): void {
  provided = report;
}

async function toSiteData(report: Report, cacheDir: string): Promise<SiteData> {
  const generated = (kind: GeneratedPage['kind'], locale: Locale): GeneratedPage => {
    const title = t(locale, kind === 'data' ? 'dataAppendix' : kind === 'quality' ? 'dataQuality' : kind === 'search' ? 'search' : 'references');
    const summary = kind === 'data' ? t(locale, 'dataIntro') : kind === 'quality' ? t(locale, 'qualityIntro') : kind === 'search' ? t(locale, 'searchIntro') : '';
    return { kind, locale, slug: kind, url: `/${locale}/${kind}/`, title, summary, isHome: false };
  };
  const englishHome = report.pages.find((p) => p.locale === 'en' && p.isHome);
  // A chapter not yet translated is published in every language, in English, with a note.
  const fallbacks = report.locales.flatMap((locale) =>
    report.pages
      .filter((p) => p.locale === 'en' && !p.isHome && !report.pages.some((q) => q.locale === locale && q.slug === p.slug))
      .map((p): PageView => ({ ...p, locale, url: `/${locale}/${p.slug}/`, fallbackFrom: 'en' })),
  );
  const pages = [...report.pages, ...fallbacks];
  const dataPages = report.locales.map((locale) => generated('data', locale));
  const referencePages = report.locales.map((locale) => generated('references', locale));
  const qualityPages = report.locales.map((locale) => generated('quality', locale));
  return {
    ...report,
    pages,
    downloads: siteDownloads(report),
    pageOutputs: [
      ...pages.map((p) => ({ ...p, permalink: `${p.url}index.html` })),
      ...(englishHome ? [{ ...englishHome, permalink: '/index.html' }] : []),
    ],
    dataPages,
    referencePages,
    qualityPages,
    searchPages: report.locales.map((locale) => generated('search', locale)),
    baseUrl: siteBaseUrl(),
    sitemap: sitemapEntries([...report.pages, ...dataPages, ...qualityPages, ...referencePages]),
    quality: Object.fromEntries(report.locales.map((locale) => [locale, qualityView(report.checks, report.tableSource, report.locales, locale, new Set(pages.map((p) => p.url)))])),
    bibliography: await cachedBibliography(report.references, path.join(cacheDir, 'bibliography')),
    gapLines: Object.fromEntries(report.locales.map((locale) => [locale, report.translationGaps.filter((gap) => gap.locale === locale).map((gap) => gapLine(gap, locale))])),
    citedAs: Object.fromEntries(report.locales.map((locale) => [locale, citedInLanguage(report.references, locale)])),
  };
}

/**
 * The sitemap lists each page once, at its canonical address: not `/` (the English home's copy),
 * not a chapter shown in English under another language, not the search pages. Each entry names
 * its translations, as the pages' hreflang links do.
 */
function sitemapEntries(pages: Array<{ locale: string; slug: string; url: string }>): SiteData['sitemap'] {
  return pages.map((page) => ({
    url: page.url,
    alternates: pages.filter((p) => p.slug === page.slug).map((p) => ({ locale: p.locale, url: p.url })),
  }));
}

export default function reportPlugin(eleventyConfig: any, options: { root?: string; logger?: Logger } = {}): void {
  const root = options.root ?? process.cwd();
  const logger = options.logger ?? consoleLogger;
  const browserDir = path.join(root, '.build', 'browser');
  const cacheDir = path.join(root, '.cache');

  eleventyConfig.on('eleventy.before', async () => {
    await bundleBrowserScripts(browserDir);
    if (provided) {
      current = await toSiteData(provided, cacheDir);
      provided = undefined;
      return;
    }
    try {
      current = await toSiteData(await buildReport(diskFiles(root), diskEffects(root)), cacheDir);
    } catch (error) {
      if (!(error instanceof ReportError) || !current) throw error;
      const message = error.format();
      logger.warn(`the report was not rebuilt:\n${message}`);
      current = { ...current, error: message };
    }
  });
  eleventyConfig.addGlobalData('report', () => current);
  // Downloads are copied out as files, not rendered as one Eleventy page each: a report has
  // thousands of them (every table and figure), and a template run per file cost more than all
  // the chapters together.
  eleventyConfig.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    if (current) await writeDownloads(current.downloads, directories.output);
  });
  // Passthrough paths are relative to the working directory (the report project); the generator's
  // own files (images, fonts) may live elsewhere, when the report uses an installed generator.
  const fromProject = (file: string) => path.relative(process.cwd(), file) || '.';
  eleventyConfig.addPassthroughCopy({ [fromProject(browserDir)]: 'assets/js' });
  // Minified by bundleBrowserScripts from templates/assets/css/ (every page downloads it first).
  eleventyConfig.addPassthroughCopy({ [fromProject(`${browserDir}-css`)]: 'assets/css' });
  eleventyConfig.addPassthroughCopy({ [fromProject(path.join(TEMPLATES_DIR, 'assets/img'))]: 'assets/img' });
  for (const family of ['pt-sans', 'pt-serif']) {
    const files = fromProject(path.join(packageDir(`@fontsource/${family}`), 'files'));
    eleventyConfig.addPassthroughCopy({ [`${files}/${family}-{latin,latin-ext,cyrillic,cyrillic-ext}-{400,700}-normal.woff2`]: 'assets/fonts' });
    if (family === 'pt-sans') eleventyConfig.addPassthroughCopy({ [`${files}/${family}-{latin,latin-ext,cyrillic,cyrillic-ext}-{400,700}-italic.woff2`]: 'assets/fonts' });
  }
  for (const dir of ['content', 'data']) eleventyConfig.addWatchTarget(`${dir}/`);
  eleventyConfig.addWatchTarget(`${fromProject(path.join(GENERATOR_ROOT, 'scripts'))}/`);
  // Eleventy's watcher parses the config's imports with a JavaScript-only parser, which fails on
  // this TypeScript plugin and stops `npm start`; scripts/ is watched above instead.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
  registerFilters(eleventyConfig);
}

function citedInLanguage(references: Report['references'], locale: string): Record<string, string> {
  return Object.fromEntries([...references.values()].filter((item) => item.translations?.[locale]).map((item) => [item.id, shortCitation(item, locale)]));
}

function gapLine(gap: TranslationGap, locale: Locale): string {
  const present = gap.present.join(', ');
  return gap.kind === 'chapter' ? t(locale, 'gapChapter').replace('{file}', gap.file).replace('{present}', present) : t(locale, 'gapText').replace('{file}', gap.file).replace('{path}', gap.path ?? '').replace('{present}', present);
}
