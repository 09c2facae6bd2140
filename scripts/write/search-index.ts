/**
 * The site's search index: Pagefind reads the written HTML (after Eleventy, before the site is
 * published) and writes `/pagefind/` beside it: one index per language, split by `<html lang>`,
 * loaded in the reader's browser by assets/js/search.js (scripts/browser/search.ts).
 *
 * What is indexed: the `<main data-pagefind-body>` of every page under /<lang>/, less what the
 * templates mark `data-pagefind-ignore` (calculation notes, the numbers of the data tables, the
 * on-page contents, previous/next links) and the selectors below, which would drown the prose in
 * numbers. `/index.html` is the English home page a second time and is left out. The output is
 * deterministic: the same pages give byte-identical index files.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { hashOf, packageVersion, partsHash, sourceHash, writeAtomic } from '../cache/disk-memo.ts';
import { ReportError } from '../errors.ts';

/**
 * Not prose: the render stage's figures (axis labels, the data view, links, the citation line and
 * the description that repeats the caption), display formulas, and the TeX source KaTeX keeps in
 * every formula's MathML.
 */
const EXCLUDE = ['.chart', '.chart-spec', '.figure-data', '.figure-links', '.figure-cite', '.figure-description', '.table-id', '.footnote-backref', '.calc-back', 'math[display="block"]', 'annotation'];

/** Pagefind's ready-made interfaces and highlighter, which the site does not use. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** The HTML files Pagefind indexes: pages in a language folder (`/index.html` repeats `/en/index.html`). */
async function indexedPages(siteDir: string): Promise<string[]> {
  const entries = await fs.readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html') && path.relative(siteDir, e.parentPath) !== '')
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

const CODE = hashOf(packageVersion('pagefind'), sourceHash([import.meta.filename], import.meta.dirname));

/**
 * Indexes the site and writes `/pagefind/`. With a `cacheDir`, an index built before from exactly
 * the same pages (same files, same bytes, same Pagefind and indexing code) is copied instead of
 * built again: Pagefind re-reads every page each time and has no incremental mode.
 */
export async function buildSearchIndex(siteDir: string, options: { cacheDir?: string; into?: string } = {}): Promise<{ pages: number; files: number; reused: boolean }> {
  // `into`: where the index goes, by default the site's own `pagefind/` (the dev server builds it aside and swaps it in).
  const indexDir = options.into ?? path.join(siteDir, 'pagefind');
  const pages = await indexedPages(siteDir);
  let entryDir: string | undefined;
  if (options.cacheDir) {
    // Page by page: the site's pages are never all in memory at once.
    const hash = partsHash();
    hash.add(CODE);
    for (const page of pages) {
      hash.add(page);
      hash.add(await fs.readFile(path.join(siteDir, page)));
    }
    entryDir = path.join(options.cacheDir, hash.hex().slice(0, 32));
    const reused = await copyCached(entryDir, indexDir);
    if (reused) return { ...reused, reused: true };
  }
  const built = await runPagefind(siteDir, indexDir);
  if (entryDir && options.cacheDir) {
    await storeCached(entryDir, built.files, built.pages).catch(() => undefined);
    await pruneCache(options.cacheDir, KEEP_ENTRIES);
  }
  return { pages: built.pages, files: built.files.length, reused: false };
}

/** Indexes kept: the current one and a few before it (an edit undone finds its index again). */
const KEEP_ENTRIES = 4;

/** Removes all but the `keep` most recently written entries: each is a full index of the site. */
async function pruneCache(cacheDir: string, keep: number): Promise<void> {
  const entries = await Promise.all(
    (await fs.readdir(cacheDir).catch(() => [])).map(async (name) => ({ name, written: (await fs.stat(path.join(cacheDir, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  entries.sort((a, b) => b.written - a.written);
  for (const { name } of entries.slice(keep)) await fs.rm(path.join(cacheDir, name), { recursive: true, force: true });
}

interface CachedIndex {
  pages: number;
  files: string[];
}

async function copyCached(entryDir: string, indexDir: string): Promise<{ pages: number; files: number } | undefined> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(entryDir, 'manifest.json'), 'utf8')) as CachedIndex;
    for (const file of manifest.files) {
      const target = path.join(indexDir, file);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.copyFile(path.join(entryDir, 'files', file), target);
    }
    // Marks the entry as recently used, for pruning.
    const now = new Date();
    await fs.utimes(entryDir, now, now).catch(() => undefined);
    return { pages: manifest.pages, files: manifest.files.length };
  } catch {
    // A missing or damaged entry: build the index instead (a half-copied folder is overwritten).
    await fs.rm(indexDir, { recursive: true, force: true });
    return undefined;
  }
}

async function storeCached(entryDir: string, files: Array<{ path: string; content: Uint8Array }>, pages: number): Promise<void> {
  for (const file of files) await writeAtomic(path.join(entryDir, 'files', file.path), Buffer.from(file.content));
  // The manifest last: an entry without one is never read.
  await writeAtomic(path.join(entryDir, 'manifest.json'), JSON.stringify({ pages, files: files.map((f) => f.path) } satisfies CachedIndex));
}

/**
 * Languages. Pagefind keeps one index per `<html lang>`, stemmed where it has a stemmer (English,
 * Russian and some thirty others). A language it has no stemmer for gets an index of its own
 * (`"wasm": null` in pagefind-entry.json), searched by the language-neutral
 * `wasm.unknown.pagefind`: words as written, lower-cased, with combining marks folded (й → и;
 * letters with no decomposition, such as ә or қ, stay distinct). Every word of a query matches
 * the indexed words that begin with it, shorter matches first, so in a language that inflects by
 * endings a stem still finds its forms ("кластер" finds "кластердің"); a stem whose last
 * consonant changes does not. Quoted words match exactly. So no language needs a setting here:
 * `forceLanguage` would put every language into one index, and `includeCharacters` is only for
 * symbols (letters of any script are letters to Pagefind already). test/browser/search.test.ts
 * checks this on the report's built index.
 */
async function runPagefind(siteDir: string, indexDir: string): Promise<{ pages: number; files: Array<{ path: string; content: Uint8Array }> }> {
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
    if (!index) throw new Error(errors.join('; '));
    // Pages in a language folder only: `/index.html` repeats `/en/index.html`.
    const added = await index.addDirectory({ path: siteDir, glob: '*/**/*.html' });
    const bundle = await index.getFiles();
    const problems = [...added.errors, ...bundle.errors];
    if (problems.length > 0) throw new Error(problems.join('; '));
    // Pagefind's own interfaces are left out: the site has its own search box (search.ts).
    const files = bundle.files.filter((file) => !UNUSED.test(file.path));
    for (const file of files) {
      const target = path.join(indexDir, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
    }
    return { pages: added.page_count, files };
  } catch (error) {
    throw new ReportError(`the search index could not be built: ${error instanceof Error ? error.message : String(error)}`, {
      expected: 'Pagefind (npm package "pagefind" with its binary for this platform) to index the written pages',
      fix: 'run `npm ci` so that the pagefind binary package for this platform is installed',
      cause: error,
    });
  } finally {
    // The Pagefind service is a child process: stop it, or the build would never exit.
    await pagefind.close();
  }
}
