/**
 * The reader's JavaScript: a tiny loader on every page with charts, and the Vega runtime it
 * imports only when a chart comes near the viewport. Specs arrive precompiled to Vega, so the
 * Vega-Lite compiler never ships; Vega's expression interpreter replaces code generation, so
 * pages work under a Content-Security-Policy without 'unsafe-eval'.
 */
import { build } from 'esbuild';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Bundles into `outDir`, touching only files whose bytes change and removing files the bundle no
 * longer has: under the dev server, a rewritten bundle would look like an edit and start another
 * rebuild (forever), and a stale chunk left from an earlier version would be published.
 */
export async function bundleBrowserScripts(root: string, outDir: string): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { charts: path.join(root, 'scripts/browser/charts.ts'), search: path.join(root, 'scripts/browser/search.ts') },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'error',
    legalComments: 'none',
    // A stable chunk name keeps two builds of the same sources byte-identical.
    chunkNames: 'chunk-[hash]',
    write: false,
  });
  await fs.mkdir(outDir, { recursive: true });
  const wanted = new Set<string>();
  for (const file of result.outputFiles) {
    wanted.add(path.resolve(file.path));
    const existing = await fs.readFile(file.path).catch(() => undefined);
    if (!existing || !Buffer.from(file.contents).equals(existing)) await fs.writeFile(file.path, file.contents);
  }
  for (const name of await fs.readdir(outDir)) {
    if (!wanted.has(path.resolve(outDir, name))) await fs.rm(path.join(outDir, name), { recursive: true, force: true });
  }
}
