/**
 * Stage 6 (write): Eleventy renders the templates into a fresh temporary folder; only when every
 * page was written and every internal link and anchor resolves (check-links.ts) is that folder
 * swapped in for `_site/`. A failure leaves the previously published site exactly as it was.
 *
 * Only the pages whose inputs changed are rendered (page-memo.ts): the others are the published
 * site's files, linked into the temporary folder before Eleventy writes the rest.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Report } from '../build.ts';
import reportPlugin from '../eleventy/report-plugin.ts';
import { throwIfAny } from '../errors.ts';
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from '../generator-root.ts';
import { codeVersion } from '../cache/code-version.ts';
import { checkLinks, collectAnchors, type PageAnchors } from './check-links.ts';
import { narrowOutputs, outputKeys } from './output-keys.ts';
import { pageMemo, takeReused } from './page-memo.ts';
import { buildSearchIndex } from './search-index.ts';
import { siteData, type SiteData } from './site-data.ts';

export interface WriteOptions {
  root: string;
  /** Published folder, relative to root. */
  outDir?: string;
  /** Render every page, whatever the page memo says (`build --force`). */
  force?: boolean;
  /** The generator's version the pages are keyed on; by default the hash of its files (cache/code-version.ts). */
  codeVersion?: string;
  /** An author-facing error shown on every page above the last good version (the dev server's). */
  error?: string;
  /**
   * `swap` (default): the site is written into a staging folder, its search index built, and it is
   * swapped in whole, so readers never see half of it, and a failed build leaves the published one
   * as it was. `in-place`: the changed files are written over the previous build's and the files it
   * no longer has removed, and the search index is left as it is for the caller to rebuild when it
   * has time (the dev server's own folder, after its first build: it shows an edit first).
   */
  publish?: 'swap' | 'in-place';
}

export interface WriteResult {
  /** Files in the published folder. */
  files: number;
  /** The pages rendered in this build, by name (`en/harvest`), in the site's order. */
  rendered: string[];
  /** Pages taken unchanged from the previous build. */
  reused: number;
  /** The files Eleventy wrote, relative to the published folder (`en/harvest/index.html`). */
  written: string[];
}

export async function writeSite(report: Report, { root, outDir = report.config.folders.output, force = false, ...options }: WriteOptions): Promise<WriteResult> {
  const output = path.resolve(root, outDir);
  const inPlace = options.publish === 'in-place';
  // One staging folder per process: two builds running at once (an editor's build and a test
  // run) must not write into, or delete, each other's half-built site.
  const staging = inPlace ? output : path.resolve(root, '.build', `staging-${path.basename(output)}-${process.pid}`);
  if (!inPlace) await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.dirname(staging), { recursive: true });

  const built = await siteData(report, { cacheDir: path.join(root, '.cache') });
  const site: SiteData = options.error === undefined ? built : { ...built, error: options.error };
  const keys = outputKeys(site, options.codeVersion ?? (await codeVersion()));
  const memo = pageMemo(path.join(root, '.cache', 'pages'), output);
  const plan = await memo.plan(keys, { force });
  let anchors: Map<string, PageAnchors> = new Map();
  let render = plan.render;
  try {
    // Unchanged pages first, so Eleventy never writes into a file shared with the published site.
    // In place, they are where they are; what the previous build wrote and this one does not goes.
    if (inPlace) {
      await Promise.all(plan.stale.map((file) => fs.rm(path.join(output, file), { force: true })));
      // A removed page's folder goes with it, or the server would still answer at its address.
      for (const dir of new Set(plan.stale.map((file) => path.dirname(path.join(output, file))))) await fs.rmdir(dir).catch(() => undefined);
    }
    const missing = inPlace ? new Set<string>() : await takeReused(plan.reuse, output, staging);
    const reused = plan.reuse.filter((output) => !missing.has(output.file));
    const taken = new Set(reused.map((output) => output.file));
    render = keys.filter((output) => !taken.has(output.file));
    const written: SiteData = { ...site, outputs: narrowOutputs(site.outputs, new Set(render.map((output) => output.file))) };
    await runEleventy(root, staging, report, () => Promise.resolve(written));
    // The search index is built by Pagefind's own process, so it runs beside the link check (the
    // anchors' collection included: it reads every page back); both finish before anything is
    // decided, so a failure never removes the folder under Pagefind.
    const index = inPlace ? Promise.resolve() : buildSearchIndex(staging, { cacheDir: path.join(root, '.cache', 'search-index') });
    // Every internal link and anchor must resolve before anything is published.
    const readSource = (file: string) => fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
    const checked = collectAnchors(staging, new Map(reused.map((output) => [output.file, output.anchors]))).then((collected) => {
      anchors = collected;
      return checkLinks(staging, report.pages, readSource, collected);
    });
    const [links, indexed] = await Promise.allSettled([checked, index]);
    if (links.status === 'rejected') throw links.reason;
    throwIfAny(links.value);
    if (indexed.status === 'rejected') throw indexed.reason;
  } catch (error) {
    // Eleventy may still be copying files into the folder when a page fails: retry while it
    // empties, and never let the cleanup replace the error that matters.
    if (!inPlace) await fs.rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    throw error;
  }
  const files = (await fs.readdir(staging, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  // The previous site is removed while the page memo records the new one (thousands of files each).
  const retired = inPlace ? undefined : await swapInto(staging, output);
  await Promise.all([memo.save(keys, anchors), retired?.removed]);
  const pages = render.filter((output) => output.page);
  return { files, rendered: pages.map((output) => output.name), reused: keys.filter((output) => output.page).length - pages.length, written: render.map((output) => output.file) };
}

/**
 * Its own function so the Eleventy instance, which holds every written page, can be collected
 * before the link check and the search index read the pages back.
 */
async function runEleventy(root: string, staging: string, report: Report, site: () => Promise<SiteData>): Promise<void> {
  const eleventy = new Eleventy(TEMPLATES_DIR, staging, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    config: (eleventyConfig: unknown) => reportPlugin(eleventyConfig, { root, site, config: report.config }),
  });
  await eleventy.write();
}

/**
 * Replaces `target` with `staging` in two renames, so readers never see a half-written site; the
 * previous site, renamed aside, is being removed when it returns (`removed`).
 */
async function swapInto(staging: string, target: string): Promise<{ removed: Promise<void> }> {
  const retired = `${target}.previous-${process.pid}`;
  await fs.rm(retired, { recursive: true, force: true });
  const hadTarget = await fs.stat(target).then(() => true, () => false);
  if (hadTarget) await fs.rename(target, retired);
  await fs.rename(staging, target);
  return { removed: hadTarget ? fs.rm(retired, { recursive: true, force: true }) : Promise.resolve() };
}
