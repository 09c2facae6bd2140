/**
 * `npm start`: Eleventy's dev server with live reload. Before every rebuild it runs the same
 * pipeline as `npm run build` (`buildReport`, then `siteData`); a bad edit shows its error in the
 * terminal and on the page, and the server stays up for the next good edit. The dev server writes
 * to `.build/serve/`, never to the published `_site/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { buildReport } from '../build.ts';
import reportPlugin from '../eleventy/report-plugin.ts';
import { ReportError } from '../errors.ts';
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from '../generator-root.ts';
import { diskEffects, diskFiles } from '../io.ts';
import { loadConfig } from '../load/load-config.ts';
import { siteData, type SiteData } from './site-data.ts';

export async function serve(root: string, port: number): Promise<void> {
  const files = diskFiles(root);
  const effects = diskEffects(root);
  const config = await loadConfig(files, { folderExists: existsSync });
  let last: SiteData | undefined;
  const site = async (): Promise<SiteData> => {
    try {
      last = await siteData(await buildReport(files, effects), { cacheDir: effects.cacheDir });
      return last;
    } catch (error) {
      if (!(error instanceof ReportError) || !last) throw error;
      const message = error.format();
      effects.logger.warn(`the report was not rebuilt:\n${message}`);
      return { ...last, error: message };
    }
  };
  const eleventy = new Eleventy(TEMPLATES_DIR, path.join(root, '.build', 'serve'), {
    configPath: ELEVENTY_CONFIG,
    runMode: 'serve',
    source: 'cli',
    config: (eleventyConfig) => reportPlugin(eleventyConfig, { root, site, config }),
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}
