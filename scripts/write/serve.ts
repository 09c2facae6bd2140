/**
 * `npm start`: Eleventy's dev server with live reload. The pipeline runs before every rebuild
 * (see eleventy/report-plugin.ts); a bad edit shows its error in the terminal and on the page,
 * and the server stays up for the next good edit. The dev server writes to `.build/serve/`,
 * never to the published `_site/`.
 */
import path from 'node:path';
import Eleventy from '@11ty/eleventy';

export async function serve(root: string, port: number): Promise<void> {
  const eleventy = new Eleventy(path.join(root, 'templates'), path.join(root, '.build', 'serve'), {
    configPath: path.join(root, '.eleventy.js'),
    runMode: 'serve',
    source: 'cli',
  });
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
}
