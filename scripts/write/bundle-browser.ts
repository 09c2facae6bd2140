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
import { hashOf } from '../cache/disk-memo.ts';
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
  // The dev server asks on every rebuild: a bundle of unchanged files into folders that still hold it is not made again.
  const settings = JSON.stringify([outDir, cssOutDir, fonts]);
  if (last && last.settings === settings && (await inputsHash(last.inputs)) === last.hash && (await exists(outDir)) && (await exists(cssOutDir))) return;
  const result = await build({
    metafile: true,
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
  const cssDir = path.join(TEMPLATES_DIR, 'assets/css');
  await writeChanged(cssOutDir, await minifyStylesheets(cssDir, cssOutDir, (name, css) => withFamilies(name === 'site.css' ? faces + css : css, fonts)));
  const inputs = [...Object.keys(result.metafile.inputs).map((file) => path.resolve(GENERATOR_ROOT, file)), ...(await fs.readdir(cssDir)).map((name) => path.join(cssDir, name))].sort();
  last = { settings, inputs, hash: await inputsHash(inputs) };
}

/** What the last bundle of this process was made from: the files esbuild read, the stylesheets, the settings. */
let last: { settings: string; inputs: string[]; hash: string } | undefined;

async function inputsHash(files: string[]): Promise<string> {
  return hashOf(...(await Promise.all(files.map((file) => fs.readFile(file).catch(() => Buffer.from('missing'))))));
}

const exists = (dir: string) => fs.access(dir).then(() => true, () => false);

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
