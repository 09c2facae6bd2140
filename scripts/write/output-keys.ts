/**
 * What each file Eleventy writes depends on, as one hash per file. The page memo (page-memo.ts)
 * keeps the previous build's file wherever its hash is the one that file was written with, and
 * has Eleventy write only the others.
 *
 * A page's file is its template applied to
 *   - its own view: what the render stage made of it (text, findings, calculations, figures, its
 *     title and numbers), or for a generated page the part of the site it shows (the data
 *     appendix its tables, the references page the bibliography, the Data-quality page its checks);
 *   - what every page shows: the outline of the site (every page's address, title, short title,
 *     number, parent and language, for the navigation, the pager, the language switcher, the
 *     alternates and the home page's title in each header), the home pages' summaries (every
 *     page's fallback description), the language packs, the address, fonts and each language's
 *     settings, and under the dev server the error banner;
 *   - the generator's code (`codeVersion`: templates, filters, layouts, dependencies).
 * A template that starts reading another part of `report` must add it here:
 * test/write/page-memo.test.ts compares an incremental build with a clean one, file by file.
 */
import { hashOf, valueHash } from '../cache/disk-memo.ts';
import type { GeneratedPage, PageOutput, SiteData, SiteOutputs } from './site-data.ts';

export interface OutputKey {
  /** The file's path in the site folder: `en/harvest/index.html`. */
  file: string;
  /** How the build's summary names it: `en/harvest`; `/` for the copy of the source language's home page. */
  name: string;
  /** A page (counted in the summary), or another file a template writes (sitemap.xml, robots.txt). */
  page: boolean;
  /** The hash of everything the file is made from. */
  key: string;
}

type OutlinePage = { kind?: string; locale: string; slug: string; url: string; isHome: boolean; number?: number; title?: string; short?: string; summary?: string; parent?: string; section?: string; entity?: unknown; fallbackFrom?: string };

/** What one page contributes to every page's navigation, header and alternates (not its text). */
function outlineEntry(page: OutlinePage) {
  const { kind, locale, slug, url, isHome, number, title, short, parent, section, entity, fallbackFrom } = page;
  return { kind, locale, slug, url, isHome, number, title, short, parent, section, entity, fallbackFrom, ...(isHome ? { summary: page.summary } : {}) };
}

/** The parts of the site every page shows, as one hash. */
export function shellHash(site: SiteData): string {
  const generated: GeneratedPage[] = [...site.dataPages, ...site.referencePages, ...site.qualityPages, ...site.searchPages];
  const languages = site.config.languages.codes.map((code) => {
    const language = site.config.languages.get(code);
    return { code, chain: language.chain, pack: language.pack };
  });
  return valueHash({
    outline: [...site.pages, ...generated].map(outlineEntry),
    locales: site.locales,
    languages,
    baseUrl: site.baseUrl,
    sourceLanguage: site.sourceLanguage,
    fontFiles: site.fontFiles,
    languageInfo: site.languageInfo,
    title: site.config.title,
    error: site.error,
  });
}

/** A page's own part of its key; an output object is never changed once made (site-data.ts), so its hash is kept with it. */
const viewHashes = new WeakMap<PageOutput, string>();
function viewHash(page: PageOutput): string {
  const known = viewHashes.get(page);
  if (known) return known;
  const hash = valueHash(page);
  viewHashes.set(page, hash);
  return hash;
}

const fileOf = (permalink: string) => permalink.replace(/^\/+/, '');
const nameOf = (url: string) => url.replace(/^\/+|\/+$/g, '') || '/';

/** Every file the templates write, with the hash of what it is made from. */
export function outputKeys(site: SiteData, codeVersion: string): OutputKey[] {
  const shell = shellHash(site);
  const key = (kind: string, payload: unknown) => valueHash(codeVersion, shell, kind, payload);
  const pageKey = (page: PageOutput) => {
    // The home page lists its language's chapters with their summaries.
    const summaries = page.isHome ? site.pages.filter((p) => p.locale === page.locale).map((p) => [p.url, p.summary]) : undefined;
    return key('page', { view: viewHash(page), summaries });
  };
  const generated = (kind: GeneratedPage['kind'], payload: (page: GeneratedPage) => unknown) => (page: GeneratedPage): OutputKey => ({
    file: fileOf(`${page.url}index.html`),
    name: nameOf(page.url),
    page: true,
    key: key(kind, { view: page, part: payload(page) }),
  });
  const { outputs } = site;
  return [
    ...outputs.pages.map((page) => ({ file: fileOf(page.permalink), name: page.permalink === '/index.html' ? '/' : nameOf(page.url), page: true, key: pageKey(page) })),
    ...outputs.data.map(generated('data', (page) => site.tables.map((table) => ({ id: table.id, title: table.title[page.locale], html: table.html[page.locale] })))),
    ...outputs.references.map(generated('references', (page) => ({ bibliography: site.bibliography, citedAs: site.citedAs[page.locale] }))),
    ...outputs.quality.map(generated('quality', (page) => ({ quality: site.quality[page.locale], gaps: site.gapLines[page.locale] }))),
    ...outputs.search.map(generated('search', () => null)),
    ...outputs.sitemap.map((file) => ({ file: fileOf(file.permalink), name: fileOf(file.permalink), page: false, key: key('sitemap', site.sitemap) })),
    ...outputs.robots.map((file) => ({ file: fileOf(file.permalink), name: fileOf(file.permalink), page: false, key: key('robots', null) })),
    // A download is its content: written as it is, by the report plugin rather than a template.
    ...outputs.downloads.map((file) => ({ file: fileOf(file.url), name: fileOf(file.url), page: false, key: hashOf('download', file.content) })),
  ];
}

/** The outputs of `site` narrowed to the files named in `keep`. */
export function narrowOutputs(outputs: SiteOutputs, keep: ReadonlySet<string>): SiteOutputs {
  const generated = (list: GeneratedPage[]) => list.filter((page) => keep.has(fileOf(`${page.url}index.html`)));
  return {
    pages: outputs.pages.filter((page) => keep.has(fileOf(page.permalink))),
    data: generated(outputs.data),
    references: generated(outputs.references),
    quality: generated(outputs.quality),
    search: generated(outputs.search),
    sitemap: outputs.sitemap.filter((file) => keep.has(fileOf(file.permalink))),
    robots: outputs.robots.filter((file) => keep.has(fileOf(file.permalink))),
    downloads: outputs.downloads.filter((file) => keep.has(fileOf(file.url))),
  };
}
