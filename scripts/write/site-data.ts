/**
 * Stage 6 (write), first step: the finished report as the site Eleventy renders, every page of it
 * in every language: the chapters (an untranslated one shown in the language it falls back to,
 * with a note), the generated pages (data appendix, references, consistency checks, search), the
 * downloads, the sitemap and what the layouts look up. A value in, a value out: the templates get
 * nothing else.
 */
import path from 'node:path';
import type { Report } from '../build.ts';
import type { Language } from '../languages/language.ts';
import type { BibliographyEntry } from '../render/bibliography.ts';
import { cachedBibliography } from '../render/bibliography-cache.ts';
import { shortCitation } from '../render/cite-name.ts';
import { qualityView, type QualityView } from '../render/quality-view.ts';
import type { PageView } from '../render/render-pages.ts';
import { t, tf } from '../render/ui-strings.ts';
import type { Locale } from '../validate/table-schema.ts';
import type { TranslationGap } from '../validate/translation-gaps.ts';
import { siteDownloads } from './downloads.ts';

export interface GeneratedPage {
  kind: 'data' | 'references' | 'quality' | 'search';
  locale: Locale;
  slug: string;
  url: string;
  title: string;
  summary: string;
  isHome: false;
}

export interface SiteOutputs {
  /** Markdown pages with their output paths; the source language's home page also serves as `/` (its `<base href>` keeps its links). */
  pages: PageOutput[];
  data: GeneratedPage[];
  references: GeneratedPage[];
  quality: GeneratedPage[];
  search: GeneratedPage[];
  /** `sitemap.xml` and `robots.txt`: one entry to write the file, none to keep the previous one. */
  sitemap: Array<{ permalink: string }>;
  robots: Array<{ permalink: string }>;
  /** Every table and figure as a file (CSV, JSON, SVG), written as it is. */
  downloads: Array<{ url: string; content: string }>;
}

export type PageOutput = PageView & { permalink: string };

export interface SiteData extends Report {
  /** The author-facing error of the last failed rebuild (dev server only). */
  error?: string;
  /**
   * What this run of Eleventy writes, template by template: every page by default. The page memo
   * (write/page-memo.ts) narrows it to the pages whose inputs changed; the rest are the previous
   * build's files. The lists above stay whole: every page's navigation reads them.
   */
  outputs: SiteOutputs;
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
  /** The source language: `x-default` of the alternates, `/` is its home page. */
  sourceLanguage: Locale;
  /** The file-name stems of the report's faces in /assets/fonts/ ("pt-sans"), for preloading. */
  fontFiles: { sans: string; serif: string };
  /** Per language, what a page in it needs besides the interface strings: its font subset and number style. */
  languageInfo: Record<string, { fontSubset: string; number: string; ogLocale: string; search?: { lookalikes?: Record<string, string>; lookalikesIn?: string } }>;
  /** Every page a search engine should index once, with its translations (sitemap.xml). */
  sitemap: Array<{ url: string; alternates: Array<{ locale: string; url: string }> }>;
}

/** The report as the site: computed once per build (and per rebuild of the dev server). */
export async function siteData(report: Report, options: { cacheDir?: string }): Promise<SiteData> {
  const { languages } = report.config;
  const generated = (kind: GeneratedPage['kind'], language: Language): GeneratedPage => {
    const title = t(language, kind === 'data' ? 'dataAppendix' : kind === 'quality' ? 'dataQuality' : kind === 'search' ? 'search' : 'references');
    const summary = kind === 'data' ? t(language, 'dataIntro') : kind === 'quality' ? t(language, 'qualityIntro') : kind === 'search' ? t(language, 'searchIntro') : '';
    return { kind, locale: language.code, slug: kind, url: `/${language.code}/${kind}/`, title, summary, isHome: false };
  };
  const written = report.locales.map((code) => languages.get(code));
  const sourceHome = report.pages.find((p) => p.locale === languages.source && p.isHome);
  // A chapter not yet translated is published in every language, in the first language of the
  // reader's fallback chain that has it, with a note.
  const fallbacks = written.flatMap((language) => {
    const slugs = new Set(report.pages.filter((p) => p.locale === language.code).map((p) => p.slug));
    const missing = [...new Set(report.pages.filter((p) => !p.isHome && !slugs.has(p.slug)).map((p) => p.slug))];
    return missing.flatMap((slug) => {
      const from = language.chain.map((code) => report.pages.find((p) => p.locale === code && p.slug === slug)).find((p) => p !== undefined);
      return from ? [{ ...from, locale: language.code, url: `/${language.code}/${slug}/`, fallbackFrom: from.locale } satisfies PageView] : [];
    });
  });
  const pages = [...report.pages, ...fallbacks];
  const dataPages = written.map((language) => generated('data', language));
  const referencePages = written.map((language) => generated('references', language));
  const qualityPages = written.map((language) => generated('quality', language));
  const searchPages = written.map((language) => generated('search', language));
  return {
    ...report,
    pages,
    outputs: {
      pages: [...pages.map((p) => outputOf(p, `${p.url}index.html`)), ...(sourceHome ? [outputOf(sourceHome, '/index.html')] : [])],
      data: dataPages,
      references: referencePages,
      quality: qualityPages,
      search: searchPages,
      sitemap: [{ permalink: '/sitemap.xml' }],
      robots: [{ permalink: '/robots.txt' }],
      downloads: siteDownloads(report),
    },
    dataPages,
    referencePages,
    qualityPages,
    searchPages,
    baseUrl: report.config.baseUrl,
    sourceLanguage: languages.source,
    fontFiles: { sans: path.basename(report.config.fonts.sans.name), serif: path.basename(report.config.fonts.serif.name) },
    languageInfo: Object.fromEntries(written.map((language) => [language.code, { fontSubset: language.pack.fontSubset, number: JSON.stringify(language.pack.number), ogLocale: t(language, 'ogLocale'), ...(language.pack.search ? { search: language.pack.search } : {}) }])),
    sitemap: sitemapEntries([...report.pages, ...dataPages, ...qualityPages, ...referencePages]),
    quality: Object.fromEntries(written.map((language) => [language.code, qualityView(report.checks, report.tableSource, written, language, new Set(pages.map((p) => p.url)))])),
    bibliography: await cachedBibliography(report.references, options.cacheDir ? path.join(options.cacheDir, 'bibliography') : undefined),
    gapLines: Object.fromEntries(written.map((language) => [language.code, report.translationGaps.filter((gap) => gap.locale === language.code).map((gap) => gapLine(gap, language))])),
    citedAs: Object.fromEntries(written.map((language) => [language.code, citedInLanguage(report.references, language)])),
  };
}

/**
 * The sitemap lists each page once, at its canonical address: not `/` (the source home's copy),
 * not a chapter shown in another language's text, not the search pages. Each entry names its
 * translations, as the pages' hreflang links do.
 */
/**
 * One output per view and address: a view the build memo kept (build-memo.ts) keeps its
 * output object too, and with it the hash the page memo computed of it (output-keys.ts).
 */
const outputs = new WeakMap<PageView, Map<string, PageOutput>>();
function outputOf(view: PageView, permalink: string): PageOutput {
  const byAddress = outputs.get(view) ?? new Map<string, PageOutput>();
  outputs.set(view, byAddress);
  const output = byAddress.get(permalink) ?? { ...view, permalink };
  byAddress.set(permalink, output);
  return output;
}

function sitemapEntries(pages: Array<{ locale: string; slug: string; url: string }>): SiteData['sitemap'] {
  return pages.map((page) => ({
    url: page.url,
    alternates: pages.filter((p) => p.slug === page.slug).map((p) => ({ locale: p.locale, url: p.url })),
  }));
}

function citedInLanguage(references: Report['references'], language: Language): Record<string, string> {
  return Object.fromEntries([...references.values()].filter((item) => item.translations?.[language.code]).map((item) => [item.id, shortCitation(item, language)]));
}

function gapLine(gap: TranslationGap, language: Language): string {
  const present = gap.present.join(', ');
  return gap.kind === 'chapter' ? tf(language, 'gapChapter', { file: gap.file, present }) : tf(language, 'gapText', { file: gap.file, path: gap.path ?? '', present });
}
