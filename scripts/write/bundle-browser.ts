/**
 * The reader's JavaScript: a tiny loader on every page with charts, and the Vega runtime it
 * imports only when a chart comes near the viewport. Specs arrive precompiled to Vega, so the
 * Vega-Lite compiler never ships; Vega's expression interpreter replaces code generation, so
 * pages work under a Content-Security-Policy without 'unsafe-eval'.
 */
import { build, transform } from 'esbuild';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GENERATOR_ROOT, TEMPLATES_DIR } from '../generator-root.ts';
import { fontFaceCss, withFamilies, type ReportFonts } from './font-faces.ts';

/**
 * Bundles into `outDir`, touching only files whose bytes change and removing files the bundle no
 * longer has: under the dev server, a rewritten bundle would look like an edit and start another
 * rebuild (forever), and a stale chunk left from an earlier version would be published.
 *
 * The stylesheets of `templates/assets/css/` are minified the same way into `cssOutDir` (by
 * default `outDir` + `-css`, i.e. `.build/browser-css/`), for the site to publish as `assets/css/`,
 * in the report's fonts: site.css opens with their @font-face rules.
 */
export async function bundleBrowserScripts(outDir: string, fonts: ReportFonts, cssOutDir = `${outDir}-css`): Promise<void> {
  const result = await build({
    absWorkingDir: GENERATOR_ROOT,
    entryPoints: { charts: path.join(GENERATOR_ROOT, 'scripts/browser/charts.ts'), search: path.join(GENERATOR_ROOT, 'scripts/browser/search.ts'), 'sort-table': path.join(GENERATOR_ROOT, 'scripts/browser/sort-table.ts') },
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
  await writeChanged(outDir, result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })));
  const faces = await fontFaceCss(fonts);
  await writeChanged(cssOutDir, await minifyStylesheets(path.join(TEMPLATES_DIR, 'assets/css'), cssOutDir, (name, css) => withFamilies(name === 'site.css' ? faces + css : css, fonts)));
}

/**
 * Every `.css` file of `sourceDir`, minified (comments and whitespace out, shorter colours and
 * numbers: the same rules). Stylesheets are not bundled: each keeps its name and its `url()`s.
 */
export async function minifyStylesheets(sourceDir: string, outDir: string, prepare: (name: string, css: string) => string = (_name, css) => css): Promise<Array<{ path: string; contents: Uint8Array }>> {
  const names = (await fs.readdir(sourceDir)).filter((name) => name.endsWith('.css')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(sourceDir, name);
      const { code } = await transform(prepare(name, await fs.readFile(file, 'utf8')), { loader: 'css', minify: true, sourcefile: file, logLevel: 'error', legalComments: 'none' });
      return { path: path.join(outDir, name), contents: Buffer.from(code) };
    }),
  );
}

/** Writes `files` into `dir` where their bytes changed, and removes whatever else `dir` holds. */
async function writeChanged(dir: string, files: Array<{ path: string; contents: Uint8Array }>): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const wanted = new Set<string>();
  for (const file of files) {
    wanted.add(path.resolve(file.path));
    const existing = await fs.readFile(file.path).catch(() => undefined);
    if (!existing || !Buffer.from(file.contents).equals(existing)) await fs.writeFile(file.path, file.contents);
  }
  for (const name of await fs.readdir(dir)) {
    if (!wanted.has(path.resolve(dir, name))) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  }
}
