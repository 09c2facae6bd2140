/**
 * The reader's JavaScript: a tiny loader on every page with charts, and the Vega runtime it
 * imports only when a chart comes near the viewport. Specs arrive precompiled to Vega, so the
 * Vega-Lite compiler never ships; Vega's expression interpreter replaces code generation, so
 * pages work under a Content-Security-Policy without 'unsafe-eval'.
 */
import { build } from 'esbuild';
import path from 'node:path';

export async function bundleBrowserScripts(root: string, outDir: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: { charts: path.join(root, 'scripts/browser/charts.ts') },
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
  });
}
