/**
 * What a reader downloads, per published page of a built site:
 *
 * - first view: the HTML (of which inline SVG charts and the precompiled Vega specs the page
 *   embeds for the interactive layer), plus the stylesheets it links for the screen (not
 *   `media="print"`), raw and gzip (level 9, as a static server would precompress);
 * - JavaScript before any interaction: the module scripts the page loads (`charts.js` only on
 *   pages with charts), with their static imports;
 * - JavaScript when a chart becomes interactive: the chunks those scripts import dynamically, with
 *   their static imports (the Vega runtime).
 *
 * Fonts are listed apart (a browser downloads only the subsets a page's text uses).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  page: string;
  html: Bytes;
  /** Inline `<svg>…</svg>` inside the HTML (already counted in `html`). */
  inlineSvg: Bytes;
  /** `<script type="application/json" class="chart-spec">` inside the HTML (already counted in `html`). */
  chartSpecs: Bytes;
  css: Bytes;
  /** HTML + screen CSS: the first view without fonts. */
  firstView: Bytes;
  charts: number;
  /** Every module script the page loads, with its static imports (charts.js, search.js, …). */
  jsBeforeInteraction: Bytes;
  /** Of those, the chart loader (`charts.js`) and its static imports. */
  chartJsBeforeInteraction: Bytes;
  /** What the chart loader imports when a chart comes near the viewport (the Vega runtime chunk). */
  jsWhenInteractive: Bytes;
  scripts: string[];
}

export interface SiteWeight {
  pages: PageWeight[];
  fonts: { files: number; bytes: number };
  scripts: Record<string, Bytes>;
}

const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;
const bytesOf = (data: Buffer | string): Bytes => ({ raw: Buffer.byteLength(data), gzip: gzip(data) });
const add = (a: Bytes, b: Bytes): Bytes => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Bytes = { raw: 0, gzip: 0 };

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Resolves a site URL or a relative reference to a file in the site folder. */
function siteFile(site: string, from: string, ref: string): string {
  const clean = ref.split(/[?#]/)[0] ?? ref;
  return clean.startsWith('/') ? path.join(site, clean) : path.resolve(path.dirname(from), clean);
}

/** A module and everything it imports statically, and the chunks it imports dynamically. */
function moduleGraph(file: string): { statics: Set<string>; dynamics: Set<string> } {
  const statics = new Set<string>();
  const dynamics = new Set<string>();
  const visit = (f: string) => {
    if (statics.has(f)) return;
    statics.add(f);
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g)) if (m[1]?.startsWith('.')) visit(path.resolve(path.dirname(f), m[1]));
    for (const m of code.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) if (m[1]?.startsWith('.')) dynamics.add(path.resolve(path.dirname(f), m[1]));
  };
  visit(file);
  return { statics, dynamics };
}

function closure(files: Iterable<string>): Set<string> {
  const all = new Set<string>();
  for (const f of files) for (const g of moduleGraph(f).statics) all.add(g);
  return all;
}

export function measureSite(site: string): SiteWeight {
  const sizeCache = new Map<string, Bytes>();
  const sizeOf = (file: string) => {
    let size = sizeCache.get(file);
    if (!size) {
      size = bytesOf(readFileSync(file));
      sizeCache.set(file, size);
    }
    return size;
  };
  const pages: PageWeight[] = [];
  for (const file of htmlFiles(site)) {
    const html = readFileSync(file, 'utf8');
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    const specs = html.match(/<script type="application\/json" class="chart-spec">[\s\S]*?<\/script>/g) ?? [];
    let css = ZERO;
    for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)"([^>]*)>/g)) {
      if (/media="print"/.test(m[2] ?? '')) continue;
      css = add(css, sizeOf(siteFile(site, file, m[1] ?? '')));
    }
    const modules = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => siteFile(site, file, m[1] ?? ''));
    const before = closure(modules);
    const chartLoader = closure(modules.filter((m) => path.basename(m) === 'charts.js'));
    // Only the chart loader's dynamic imports: search.js imports Pagefind by a computed URL when a reader searches.
    const dynamic = new Set<string>();
    for (const f of chartLoader) for (const d of moduleGraph(f).dynamics) dynamic.add(d);
    const after = [...closure(dynamic)].filter((f) => !before.has(f));
    const htmlBytes = bytesOf(html);
    pages.push({
      page: `/${path.relative(site, file).split(path.sep).join('/')}`,
      html: htmlBytes,
      inlineSvg: svgs.length ? bytesOf(svgs.join('')) : ZERO,
      chartSpecs: specs.length ? bytesOf(specs.join('')) : ZERO,
      css,
      firstView: add(htmlBytes, css),
      charts: (html.match(/class="chart-svg"/g) ?? []).length,
      jsBeforeInteraction: [...before].map(sizeOf).reduce(add, ZERO),
      chartJsBeforeInteraction: [...chartLoader].map(sizeOf).reduce(add, ZERO),
      jsWhenInteractive: after.map(sizeOf).reduce(add, ZERO),
      scripts: modules.map((m) => path.basename(m)),
    });
  }
  const fontDir = path.join(site, 'assets', 'fonts');
  const fontFiles = (() => {
    try {
      return readdirSync(fontDir).map((f) => path.join(fontDir, f));
    } catch {
      return [];
    }
  })();
  const jsDir = path.join(site, 'assets', 'js');
  const scripts: Record<string, Bytes> = {};
  try {
    for (const f of readdirSync(jsDir)) scripts[f] = sizeOf(path.join(jsDir, f));
  } catch {
    // no scripts
  }
  return { pages, fonts: { files: fontFiles.length, bytes: fontFiles.reduce((n, f) => n + statSync(f).size, 0) }, scripts };
}
