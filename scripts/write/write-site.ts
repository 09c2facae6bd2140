/**
 * Stage 6 (write): Eleventy renders the templates into a fresh temporary folder; only when every
 * page was written and every internal link and anchor resolves (check-links.ts) is that folder
 * swapped in for `_site/`. A failure leaves the previously published site exactly as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Report } from '../build.ts';
import reportPlugin from '../eleventy/report-plugin.ts';
import { throwIfAny } from '../errors.ts';
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from '../generator-root.ts';
import { checkLinks } from './check-links.ts';
import { buildSearchIndex } from './search-index.ts';
import { siteData } from './site-data.ts';

export interface WriteOptions {
  root: string;
  /** Published folder, relative to root. */
  outDir?: string;
}

export async function writeSite(report: Report, { root, outDir = report.config.folders.output }: WriteOptions): Promise<{ files: number }> {
  const output = path.resolve(root, outDir);
  // One staging folder per process: two builds running at once (an editor's build and a test
  // run) must not write into, or delete, each other's half-built site.
  const staging = path.resolve(root, '.build', `staging-${path.basename(output)}-${process.pid}`);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.dirname(staging), { recursive: true });

  const site = await siteData(report, { cacheDir: path.join(root, '.cache') });
  try {
    await runEleventy(root, staging, report, () => Promise.resolve(site));
    // Every internal link and anchor must resolve before anything is published.
    const readSource = (file: string) => fs.readFile(path.join(root, file), 'utf8').catch(() => undefined);
    // The search index is built by Pagefind's own process, so it runs beside the link check; both
    // finish before anything is decided, so a failure never removes the folder under Pagefind.
    const [links, search] = await Promise.allSettled([checkLinks(staging, report.pages, readSource), buildSearchIndex(staging, { cacheDir: path.join(root, '.cache', 'search-index') })]);
    if (links.status === 'rejected') throw links.reason;
    throwIfAny(links.value);
    if (search.status === 'rejected') throw search.reason;
  } catch (error) {
    // Eleventy may still be copying files into the folder when a page fails: retry while it
    // empties, and never let the cleanup replace the error that matters.
    await fs.rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => undefined);
    throw error;
  }
  const files = (await fs.readdir(staging, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  await swapInto(staging, output);
  return { files };
}

/**
 * Its own function so the Eleventy instance, which holds every written page, can be collected
 * before the link check and the search index read the pages back.
 */
async function runEleventy(root: string, staging: string, report: Report, site: () => Promise<Awaited<ReturnType<typeof siteData>>>): Promise<void> {
  const eleventy = new Eleventy(TEMPLATES_DIR, staging, {
    configPath: ELEVENTY_CONFIG,
    quietMode: true,
    config: (eleventyConfig: unknown) => reportPlugin(eleventyConfig, { root, site, config: report.config }),
  });
  await eleventy.write();
}

/** Replaces `target` with `staging` in two renames, so readers never see a half-written site. */
async function swapInto(staging: string, target: string): Promise<void> {
  const retired = `${target}.previous-${process.pid}`;
  await fs.rm(retired, { recursive: true, force: true });
  const hadTarget = await fs.stat(target).then(() => true, () => false);
  if (hadTarget) await fs.rename(target, retired);
  await fs.rename(staging, target);
  if (hadTarget) await fs.rm(retired, { recursive: true, force: true });
}
