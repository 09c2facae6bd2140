/**
 * Stage 6 (write): Eleventy renders the templates into a fresh temporary folder; only when every
 * page was written is that folder swapped in for `_site/`. A failure leaves the previously
 * published site exactly as it was.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import type { Report } from '../build.ts';
import { provideReport } from '../eleventy/report-plugin.ts';

export interface WriteOptions {
  root: string;
  /** Published folder, relative to root. */
  outDir?: string;
}

export async function writeSite(report: Report, { root, outDir = '_site' }: WriteOptions): Promise<{ files: number }> {
  const output = path.resolve(root, outDir);
  const staging = path.resolve(root, '.build', `staging-${path.basename(output)}`);
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(path.dirname(staging), { recursive: true });

  provideReport(report);
  const eleventy = new Eleventy(path.join(root, 'templates'), staging, {
    configPath: path.join(root, '.eleventy.js'),
    quietMode: true,
  });
  try {
    await eleventy.write();
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const files = (await fs.readdir(staging, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
  await swapInto(staging, output);
  return { files };
}

/** Replaces `target` with `staging` in two renames, so readers never see a half-written site. */
async function swapInto(staging: string, target: string): Promise<void> {
  const retired = `${target}.previous`;
  await fs.rm(retired, { recursive: true, force: true });
  const hadTarget = await fs.stat(target).then(() => true, () => false);
  if (hadTarget) await fs.rename(target, retired);
  await fs.rename(staging, target);
  if (hadTarget) await fs.rm(retired, { recursive: true, force: true });
}
