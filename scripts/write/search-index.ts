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
import { ReportError } from '../errors.ts';

/**
 * Not prose: the render stage's figures (axis labels, the data view, links, the citation line and
 * the description that repeats the caption), display formulas, and the TeX source KaTeX keeps in
 * every formula's MathML.
 */
const EXCLUDE = ['.chart', '.chart-spec', '.figure-data', '.figure-links', '.figure-cite', '.figure-description', '.table-id', '.footnote-backref', '.calc-back', 'math[display="block"]', 'annotation'];

/** Pagefind's ready-made interfaces and highlighter, which the site does not use. */
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number; files: number }> {
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
      const target = path.join(siteDir, 'pagefind', file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
    }
    return { pages: added.page_count, files: files.length };
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
