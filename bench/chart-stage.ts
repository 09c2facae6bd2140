/**
 * The chart stage alone, against the floor: Vega's own `View.toSVG()` on the same compiled specs,
 * in one process. Run in a project folder:
 *
 *   node --import tsx bench/chart-stage.ts [--pages=N]                                 steps 1–6
 *   node --import tsx bench/chart-stage.ts --mode=workers --workers=N [--pages=N]      step 7
 *   node --import tsx bench/chart-stage.ts --mode=shapes [--pages=N]                   step 8
 *
 * 1. stages 1–3 of the pipeline (load, validate, compute), untimed;
 * 2. the one-time cost: compiling the Vega-Lite JSON schema with ajv, or loading the validator the
 *    stage keeps compiled in .cache/vega-lite/ (the first chart pays it);
 * 3. pass A: `renderCharts` with the cache off on the first chapters (--warm-up=10): the cold cost
 *    per chart in a fresh process, and the JIT warm-up for what follows;
 * 4. pass B: `renderCharts` on every chapter, cache off, warm: the steady-state cost per chart,
 *    and how many charts took their Vega-Lite compilation and parsed Vega dataflow from an
 *    earlier chart of their shape (compile-once.ts, parse-once.ts);
 * 5. raw: `new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG()` for every compiled spec;
 * 6. per-step costs over the same jobs, as the stage runs them: field check, Vega-Lite compile
 *    (once per shape), Vega parse (once per shape), View + dataflow + SVG, SVG compaction;
 * 7. (--mode=workers, one fresh process per thread count) stages 1–4 of a cold build, timed from
 *    the first file read: with N > 1, the chart workers start at the beginning of the build, as
 *    scripts/build.ts starts them (chart/early-pool.ts), and render every chart that way; with
 *    N = 1, every chart in this thread. Before and after, what 2 threads can get from the machine
 *    at all (a busy loop in 1 thread, then in 2), and with N > 1, what 2 threads rendering charts
 *    get (chartRenderingCapacity);
 * 8. (--mode=shapes) every chart prepared and compiled as the stage does, none rendered: how many
 *    share a compilation and a parsed dataflow with an earlier chart of their shape in one thread.
 *
 * Prints one JSON line. Wall and CPU milliseconds for each, since the machine may be shared.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as vega from 'vega';

const root = process.cwd();
const args = process.argv.slice(2);
const pageLimit = Number(args.find((a) => a.startsWith('--pages='))?.slice(8) ?? Infinity);
const workerCount = Number(args.find((a) => a.startsWith('--workers='))?.slice(10) ?? 2);
const warmUpPages = Number(args.find((a) => a.startsWith('--warm-up='))?.slice(10) ?? 10);
const mode = args.find((a) => a.startsWith('--mode='))?.slice(7) ?? 'stage';

type Timed = { wallMs: number; cpuMs: number };
async function timed<T>(run: () => Promise<T> | T): Promise<[T, Timed]> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return [value, { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 }];
}

const io = await import(`${root}/scripts/io.ts`);
const { loadTables } = await import(`${root}/scripts/load/load-tables.ts`);
const { loadContent } = await import(`${root}/scripts/load/load-content.ts`);
const { expandTemplates } = (await import(`${root}/scripts/validate/expand-templates.ts`)) as typeof import('../scripts/validate/expand-templates.ts');
const { loadGeographies } = (await import(`${root}/scripts/load/load-geographies.ts`)) as typeof import('../scripts/load/load-geographies.ts');
const { createMarkdown } = await import(`${root}/scripts/render/markdown.ts`);
const { parsePages } = (await import(`${root}/scripts/validate/parse-pages.ts`)) as typeof import('../scripts/validate/parse-pages.ts');
const { deriveTables } = await import(`${root}/scripts/compute/derive-tables.ts`);
const { computeReferences } = await import(`${root}/scripts/compute/compute-references.ts`);
const { renderCharts } = (await import(`${root}/scripts/chart/render-charts.ts`)) as typeof import('../scripts/chart/render-charts.ts');
const { figureAnchor } = (await import(`${root}/scripts/validate/figure-anchor.ts`)) as typeof import('../scripts/validate/figure-anchor.ts');
const { prepareFigure } = (await import(`${root}/scripts/chart/render-chart.ts`)) as typeof import('../scripts/chart/render-chart.ts');
const checkSpec = (await import(`${root}/scripts/chart/check-spec.ts`)) as typeof import('../scripts/chart/check-spec.ts');
const { compactSvg, renderRuntime } = (await import(`${root}/scripts/chart/render-svg.ts`)) as typeof import('../scripts/chart/render-svg.ts');
const { vegaLocale } = (await import(`${root}/scripts/languages/number-format.ts`)) as typeof import('../scripts/languages/number-format.ts');
const { loadConfig } = (await import(`${root}/scripts/load/load-config.ts`)) as typeof import('../scripts/load/load-config.ts');
const { chartTheme } = (await import(`${root}/scripts/chart/theme.ts`)) as typeof import('../scripts/chart/theme.ts');
const { compileChart, compileStats } = (await import(`${root}/scripts/chart/compile-once.ts`)) as typeof import('../scripts/chart/compile-once.ts');
const { parseOnce, parseStats } = (await import(`${root}/scripts/chart/parse-once.ts`)) as typeof import('../scripts/chart/parse-once.ts');
const { newSharingStats } = (await import(`${root}/scripts/chart/render-job.ts`)) as typeof import('../scripts/chart/render-job.ts');
const { withEarlyChartPool } = (await import(`${root}/scripts/chart/early-pool.ts`)) as typeof import('../scripts/chart/early-pool.ts');

type Page = ReturnType<typeof parsePages>[number];
const files = io.diskFiles(root);
const chapterNumber = { chapter: () => 1, section: () => undefined, figure: () => '1.1', table: () => '1.1' };

/** Stages 1–3 (load, validate, compute) as scripts/build.ts runs them; the first --pages chapters with charts. */
async function loadProject() {
  const config = await loadConfig(files, {});
  const { languages } = config;
  const definitions = await loadTables(files, config.folders, { units: config.units, languages: languages.codes, sourceLanguage: languages.source });
  const geographies = await loadGeographies(files, languages.codes, languages.source, config.folders.geographies);
  // A templated chapter's template becomes its units' pages, as in scripts/build.ts.
  const sources = expandTemplates(await loadContent(files, languages.codes, config.folders.content), { geographies, tables: definitions.tables, languages });
  const allPages = parsePages(createMarkdown(), sources);
  const tables = deriveTables(definitions);
  computeReferences(allPages, tables, languages);
  let kept = 0;
  const pages = allPages.filter((p: Page) => p.charts.length === 0 || kept++ < pageLimit);
  // What the build gives the chart stage besides the pages and tables (scripts/build.ts).
  const chartOptions = { languages, geographies, colours: config.colours, theme: chartTheme(config) };
  return { pages, tables, geographies, languages, config, chartOptions };
}

if (mode === 'workers') {
  console.log(JSON.stringify(await workersMode()));
  process.exit(0);
}
if (mode === 'shapes') {
  console.log(JSON.stringify(await shapesMode()));
  process.exit(0);
}

// 1 load, validate, compute, untimed
const { pages, tables, languages, config, chartOptions } = await loadProject();

// 2 the one-time cost: compiling the schema, or loading the compiled validator the stage keeps in
// .cache/vega-lite/ (when it does: keepCompiledSchemaIn)
const schemaCacheDir = path.join(root, '.cache', 'vega-lite');
const schemaCached = existsSync(schemaCacheDir) && readdirSync(schemaCacheDir).some((f) => f.endsWith('.cjs'));
checkSpec.keepCompiledSchemaIn(schemaCacheDir);
const [, ajvCompileTime] = await timed(() => checkSpec.schemaProblems({ mark: 'point' }));
const ajvCompile = { ...ajvCompileTime, how: schemaCached ? 'loaded the compiled validator from .cache/vega-lite/' : 'compiled (and saved to .cache/vega-lite/)' };

// 3 pass A, cold: the first few chapters' charts, which also warm up the JIT for what follows
let warm = 0;
const warmPages = pages.filter((p: Page) => p.charts.length === 0 || warm++ < warmUpPages);
const statsA = { rendered: 0, reused: 0 };
const [, passA] = await timed(() => renderCharts(warmPages, tables, chapterNumber, { ...chartOptions, cacheDir: `${root}/.cache`, cache: false, stats: statsA, boundariesDir: config.boundariesDir }));

// 4 pass B, warm (before the raw pass, which needs its compiled specs)
const statsB = { rendered: 0, reused: 0 };
const sharingB = newSharingStats();
const [figures, passB] = await timed(() => renderCharts(pages, tables, chapterNumber, { ...chartOptions, cacheDir: `${root}/.cache`, cache: false, stats: statsB, sharing: sharingB, boundariesDir: config.boundariesDir }));
const charts = [...figures.values()].flat();
const specs = charts.map((f) => ({ vega: JSON.parse(f.chart.vega) as object, number: languages.get(languages.source).pack.number }));

// 5 raw vega (its SVGs kept for timing the compaction alone in 6)
const rawSvgs: string[] = [];
const [, raw] = await timed(async () => {
  for (const { vega: spec, number } of specs) {
    const view = new vega.View(vega.parse(spec as vega.Spec), { renderer: 'none', locale: vegaLocale(number) } as unknown as ConstructorParameters<typeof vega.View>[1]);
    rawSvgs.push(await view.toSVG());
    view.finalize();
  }
});
const svgBytes = rawSvgs.reduce((n, svg) => n + svg.length, 0);

// 6 per-step costs over the same jobs, as the stage runs them (shapes compiled and parsed in pass B
// are reused, as they are in a build's steady state)
// (over the first --steps=150 charts: enough for a per-chart figure)
const stepLimit = Number(args.find((a) => a.startsWith('--steps='))?.slice(8) ?? 150);
const prepareAll = () => pages.flatMap((page: Page) => page.charts.map((site) => prepareFigure(site.block, tables, { file: page.source.file, line: site.line, language: languages.get(page.source.locale), anchor: figureAnchor(site.block.id) }, chartOptions)));
const [prepared, prepare] = await timed(prepareAll);
const jobs = prepared.map((figure) => figure.job).slice(0, stepLimit);
const steps: Record<string, Timed> = {};
const step = async <T>(name: string, run: (job: (typeof jobs)[number], i: number) => T | Promise<T>): Promise<T[]> => {
  const out: T[] = [];
  const [, t] = await timed(async () => {
    for (const [i, job] of jobs.entries()) out.push(await run(job, i));
  });
  steps[name] = t;
  return out;
};
// prepare ran over every chart: scale it to the step sample so every step divides by stepCharts.
steps['prepare (records, preset spec, description, cache key)'] = { wallMs: (prepare.wallMs * jobs.length) / charts.length, cpuMs: (prepare.cpuMs * jobs.length) / charts.length };
await step('check: Vega-Lite JSON schema (ajv validate; raw specs only)', (job) => (job.checkSchema ? checkSpec.schemaProblems(job.spec) : []));
await step('check: encoded fields exist', (job) => checkSpec.missingFields(job.spec, job.fields));
const compiled = await step('compile: Vega-Lite → Vega, once per shape (compile-once.ts), and the spec\'s JSON for the page', (job) => {
  const chart = compileChart(job.spec, job.theme);
  chart.vegaText();
  return chart;
});
const runtimes = await step('parse: Vega spec → dataflow, once per shape (parse-once.ts)', (_job, i) => parseOnce(compiled[i] as (typeof compiled)[number]).runtime);
await step('render: View, dataflow, SVG (expression interpreter), compaction, ids, accessible name', (job, i) => renderRuntime(runtimes[i] as (typeof runtimes)[number], job.svg));
const compactSample = rawSvgs.slice(0, jobs.length);
const [, compaction] = await timed(() => compactSample.forEach((svg) => compactSvg(svg)));
steps['  of which: SVG compaction (compactSvg)'] = compaction;

console.log(
  JSON.stringify({
    charts: charts.length,
    pages: pages.length,
    ajvCompile,
    passA: { ...passA, rendered: statsA.rendered },
    // pass A covers only the warm-up chapters: per-chart figures divide by passA.rendered.
    passB: { ...passB, rendered: statsB.rendered, sharing: sharingB },
    raw: { ...raw, svgBytes },
    steps,
    stepCharts: jobs.length,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

/**
 * What two threads can get from this machine right now: the same busy loop in 1 thread, then in
 * 2 at once. 2.0 on an idle 2-core machine; near 1 (or below) when other work holds the cores, and
 * then no pool can be faster than one thread.
 */
async function parallelCapacity(): Promise<{ oneThreadMs: number; twoThreadsMs: number; capacity: number }> {
  const loop = `const { parentPort } = require('node:worker_threads'); let x = 0; for (let i = 0; i < 1e8; i++) x = (x + i * 7) % 1000003; parentPort.postMessage(x);`;
  const run = async (n: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => new Worker(loop, { eval: true }).once('message', resolve))));
    return performance.now() - started;
  };
  await run(1);
  const oneThreadMs = await run(1);
  const twoThreadsMs = await run(2);
  return { oneThreadMs, twoThreadsMs, capacity: (2 * oneThreadMs) / twoThreadsMs };
}

// 7 stages 1–4 of a cold build: chart workers started at its beginning (as scripts/build.ts
// starts them, chart/early-pool.ts), or every chart in this thread.
async function workersMode(): Promise<Record<string, unknown>> {
  const capacityBefore = await parallelCapacity();
  const stats = { rendered: 0, reused: 0 };
  const sharing = newSharingStats();
  let chartStage: Timed | undefined;
  const stages = async (pool: Parameters<Parameters<typeof withEarlyChartPool>[1]>[0]) => {
    const project = await loadProject();
    [, chartStage] = await timed(() => renderCharts(project.pages, project.tables, chapterNumber, { ...project.chartOptions, cache: false, stats, sharing, workers: workerCount, pool }));
  };
  // Threshold 0: this measures the pool, not the decision to start one (see POOL_THRESHOLD).
  const [, total] = await timed(() => (workerCount > 1 ? withEarlyChartPool(files, stages, { threshold: 0, cores: workerCount }) : stages(undefined)));
  const capacityAfter = await parallelCapacity();
  const renderingCapacity = workerCount > 1 ? await chartRenderingCapacity() : undefined;
  return { threads: workerCount, charts: stats.rendered, ...total, chartStage, sharing, machineCapacity: { before: capacityBefore, after: capacityAfter }, renderingCapacity };
}

/**
 * What two threads rendering charts get from the machine, the ceiling of any pool: the same
 * charts (the first --capacity-charts=150) rendered by one worker alone, then by two workers at
 * once, each rendering all of them, after a warm-up round in each. A busy loop (parallelCapacity)
 * can get 2× where chart rendering, which allocates and reads memory, gets much less: on a
 * virtual machine whose two cores share one physical core, or other tenants' load.
 */
async function chartRenderingCapacity(): Promise<{ oneThreadMs: number; twoThreadsMs: number; capacity: number }> {
  const { renderPool } = (await import(`${root}/scripts/chart/render-pool.ts`)) as typeof import('../scripts/chart/render-pool.ts');
  const limit = Number(args.find((a) => a.startsWith('--capacity-charts='))?.slice(18) ?? 150);
  const project = await loadProject();
  const jobs = project.pages
    .flatMap((page: Page) => page.charts.map((site) => prepareFigure(site.block, project.tables, { file: page.source.file, line: site.line, language: project.languages.get(page.source.locale), anchor: figureAnchor(site.block.id) }, project.chartOptions).job))
    .slice(0, limit);
  const pools = [renderPool(1), renderPool(1)];
  const renderAll = async (pool: (typeof pools)[number]) => {
    for (const job of jobs) await pool.run(job);
  };
  try {
    await Promise.all(pools.map(renderAll));
    const [, one] = await timed(() => renderAll(pools[0] as (typeof pools)[number]));
    const [, two] = await timed(() => Promise.all(pools.map(renderAll)));
    return { oneThreadMs: one.wallMs, twoThreadsMs: two.wallMs, capacity: (2 * one.wallMs) / two.wallMs };
  } finally {
    await Promise.all(pools.map((pool) => pool.close()));
  }
}

// 8 every chart prepared, compiled and parsed as the stage does in one thread, none rendered.
async function shapesMode(): Promise<Record<string, unknown>> {
  const project = await loadProject();
  let charts = 0;
  let compileShared = 0;
  let dataflowShared = 0;
  for (const page of project.pages) {
    for (const site of page.charts) {
      const { job } = prepareFigure(site.block, project.tables, { file: page.source.file, line: site.line, language: project.languages.get(page.source.locale), anchor: figureAnchor(site.block.id) }, { ...project.chartOptions, boundariesDir: project.config.boundariesDir });
      const chart = compileChart(job.spec, job.theme);
      charts++;
      if (chart.reused) compileShared++;
      if (parseOnce(chart).reused) dataflowShared++;
    }
  }
  return { charts, compileShared, dataflowShared, shapes: compileStats().compiled, plain: compileStats().plain, parsed: parseStats().parsed };
}
