/**
 * `npm start`: Eleventy's dev server with live reload. The pipeline runs before every rebuild
 * (see eleventy/report-plugin.ts); a bad edit shows its error in the terminal and on the page,
 * and the server stays up for the next good edit. The dev server writes to `.build/serve/`,
 * never to the published `_site/`.
 */
import path from 'node:path';
import Eleventy from '@11ty/eleventy';
import { ELEVENTY_CONFIG, TEMPLATES_DIR } from '../generator-root.ts';

export async function serve(root: string, port: number): Promise<void> {
  const eleventy = new Eleventy(TEMPLATES_DIR, path.join(root, '.build', 'serve'), {
    configPath: ELEVENTY_CONFIG,
    runMode: 'serve',
    source: 'cli',
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}
