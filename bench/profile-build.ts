/**
 * Where a build's time goes, in one process: module loading (tsx, Eleventy, Vega, Vega-Lite,
 * citation-js), each pipeline stage of `buildReport` (scripts/build.ts, repeated here step by step
 * with a timer around each), the browser bundle (esbuild), and Eleventy's write. Run in a project
 * folder: `node --import tsx bench/profile-build.ts [--cache] [--write=DIR]`; prints one JSON line.
 *
 * The stage list mirrors scripts/build.ts; if that function gains a step, add it here too (the
 * `total` line is still the sum of what was timed).
 */
const processStart = performance.now();
const startCpu = process.cpuUsage();
/** Per step: wall ms and CPU ms of this process (user + system, all threads), since the machine may be shared. */
const timings: Record<string, { wallMs: number; cpuMs: number }> = {
  'process start + tsx loader': { wallMs: processStart, cpuMs: (startCpu.user + startCpu.system) / 1000 },
};
const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    return await run();
  } finally {
    const used = process.cpuUsage(cpu);
    const entry = (timings[label] ??= { wallMs: 0, cpuMs: 0 });
    entry.wallMs += performance.now() - started;
    entry.cpuMs += (used.user + used.system) / 1000;
  }
};

const args = process.argv.slice(2);
const useCache = args.includes('--cache');
const writeDir = args.find((a) => a.startsWith('--write='))?.slice('--write='.length);
const root = process.cwd();

// Module loading, heaviest dependencies first so each is timed on its own.
await time('import vega', () => import('vega'));
await time('import vega-lite', () => import('vega-lite'));
await time('import @11ty/eleventy', () => import('@11ty/eleventy'));
await time('import @citation-js (core + plugin-csl)', async () => {
  await import('@citation-js/core');
  await import('@citation-js/plugin-csl');
});
await time('import esbuild', () => import('esbuild'));
const modules = await time('import the pipeline (scripts/**)', async () => ({
  io: await import(`${root}/scripts/io.ts`),
  loadConfig: await import(`${root}/scripts/load/load-config.ts`),
  loadTables: await import(`${root}/scripts/load/load-tables.ts`),
  loadReferences: await import(`${root}/scripts/load/load-references.ts`),
  loadContent: await import(`${root}/scripts/load/load-content.ts`),
  loadGeographies: await import(`${root}/scripts/load/load-geographies.ts`),
  expandTemplates: await import(`${root}/scripts/validate/expand-templates.ts`),
  gaps: await import(`${root}/scripts/validate/translation-gaps.ts`),
  markdown: await import(`${root}/scripts/render/markdown.ts`),
  parsePages: await import(`${root}/scripts/validate/parse-pages.ts`),
  derive: await import(`${root}/scripts/compute/derive-tables.ts`),
  checks: await import(`${root}/scripts/compute/consistency-checks.ts`),
  compute: await import(`${root}/scripts/compute/compute-references.ts`),
  charts: await import(`${root}/scripts/chart/render-charts.ts`),
  checkSpec: await import(`${root}/scripts/chart/check-spec.ts`),
  renderPages: await import(`${root}/scripts/render/render-pages.ts`),
  tableViews: await import(`${root}/scripts/render/table-views.ts`),
  bibliography: await import(`${root}/scripts/render/bibliography.ts`),
  bundle: await import(`${root}/scripts/write/bundle-browser.ts`),
  schema: await import(`${root}/scripts/validate/table-schema.ts`),
  numbering: await import(`${root}/scripts/validate/numbering.ts`),
  pageTables: await import(`${root}/scripts/compute/compute-page-tables.ts`),
}));

const files = modules.io.diskFiles(root);
const config = await time('1 load: configuration and language packs', () => modules.loadConfig.loadConfig(files, {}));
const { languages } = config;
const definitions = await time('1 load: tables (read, parse with positions, validate with zod)', () => modules.loadTables.loadTables(files, config.folders, { units: config.units, languages: languages.codes, sourceLanguage: languages.source }));
const references = await time('1 load: references', () => modules.loadReferences.loadReferences(files, `${config.folders.data}/references.json`));
const geographies = await time('1 load: geographies', () => modules.loadGeographies.loadGeographies(files, languages.codes, languages.source, config.folders.geographies));
const sources = await time('1 load: content (templates expanded into their units\' pages)', async () => modules.expandTemplates.expandTemplates(await modules.loadContent.loadContent(files, languages.codes, config.folders.content), { geographies, tables: definitions.tables, languages }));
const md = modules.markdown.createMarkdown();
const pages = await time('2 validate: parse pages (markdown-it tokens, blocks)', () => modules.parsePages.parsePages(md, sources));
const tables = await time('3 compute: derived tables', () => modules.derive.deriveTables(definitions));
const checks = await time('3 compute: consistency checks', () => modules.checks.runChecks(tables, new Set(sources.map((p: { slug: string }) => p.slug)), languages.source));
const translationGaps = await time('3 compute: translation gaps', () => modules.gaps.findTranslationGaps(sources, tables, languages.codes.filter((l: string) => sources.some((p: { locale: string }) => p.locale === l)), languages.source));
const values = await time('3 compute: inline references', () => modules.compute.computeReferences(pages, tables, languages));

const chapterNumber = modules.numbering.numberPages(pages, languages.codes);
const pageTables = await time('3 compute: page tables (```pages blocks)', () => modules.pageTables.computePageTables(pages, tables, languages));

// The schema validator is needed only on a cache miss: with --cache (a rebuild), leave it to the stage.
if (!useCache) {
  modules.checkSpec.keepCompiledSchemaIn?.(`${root}/.cache/vega-lite`);
  await time('4 chart: Vega-Lite schema validator (compile, or load from .cache/vega-lite/)', () => modules.checkSpec.schemaProblems({ mark: 'point' }));
}
const stats = { rendered: 0, reused: 0 };
const figures = await time('4 chart: renderCharts', () => modules.charts.renderCharts(pages, tables, chapterNumber, { stats, geographies, languages, colours: config.colours, boundariesDir: config.boundariesDir, ...(useCache ? { cacheDir: `${root}/.cache` } : { cache: false }) }));
const views = await time('5 render: pages', () => modules.renderPages.renderPages(md, pages, { values, pageTables, figures, numbering: chapterNumber, tables, references, languages }));
const locales = languages.codes.filter((l: string) => views.some((v: { locale: string }) => v.locale === l));
const tableViews = await time('5 render: table views', () => modules.tableViews.buildTableViews(tables, references, locales.map((l: string) => languages.get(l))));
await time('5 render: bibliography (citation-js format)', () => modules.bibliography.bibliography(references));
await time('6 write: esbuild browser bundle (once)', () => modules.bundle.bundleBrowserScripts(`${root}/.build/bench-profile-bundle`, config.fonts));

if (writeDir) {
  const report = {
    config,
    locales,
    pages: views,
    tables: tableViews,
    references,
    checks,
    translationGaps,
    tableSource: tables,
    stats: { tables: tables.size, pages: views.length, charts: [...figures.values()].reduce((n: number, l: unknown[]) => n + l.length, 0), values: 0, checks: checks.length, findings: 0 },
  };
  const { writeSite } = await import(`${root}/scripts/write/write-site.ts`);
  await time('6 write: Eleventy (templates, passthrough, link check, swap; bundles again)', () => writeSite(report, { root, outDir: writeDir }));
}

const total = performance.now();
const totalCpu = process.cpuUsage();
const memory = process.memoryUsage();
console.log(
  JSON.stringify({
    timings,
    totalMs: total,
    totalCpuMs: (totalCpu.user + totalCpu.system) / 1000,
    charts: stats,
    pages: views.length,
    heapUsedMB: Math.round(memory.heapUsed / 2 ** 20),
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
