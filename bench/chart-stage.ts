/**
 * The chart stage alone, against the floor: Vega's own `View.toSVG()` on the same compiled specs,
 * in one process. Run in a project folder:
 *
 *   node --import tsx bench/chart-stage.ts [--pages=N]                        steps 1–6
 *   node --import tsx bench/chart-stage.ts --mode=workers [--pages=N] [--workers=2]   step 7
 *
 * 1. stages 1–3 of the pipeline (load, validate, compute), untimed;
 * 2. the one-time cost: compiling the Vega-Lite JSON schema with ajv, or loading the validator the
 *    stage keeps compiled in .cache/vega-lite/ (the first chart pays it);
 * 3. pass A: `renderCharts` with the cache off on the first chapters (--warm-up=10): the cold cost
 *    per chart in a fresh process, and the JIT warm-up for what follows;
 * 4. pass B: `renderCharts` on every chapter, cache off, warm: the steady-state cost per chart;
 * 5. raw: `new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG()` for every compiled spec;
 * 6. per-step costs over the same jobs: schema check, field check, Vega-Lite compile, SVG render;
 * 7. (--mode=workers, in a fresh process) every chart with N worker threads: the stage's own pool
 *    (`workers`) when it has one, else its `run` hook with bench/render-worker.ts as the pool;
 *    then the same charts in this thread, whose JIT is still cold, as a build would. Both include
 *    loading the schema validator. Before and after, what 2 threads can get from the machine at
 *    all (a busy loop in 1 thread, then in 2).
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
const { parsePages } = await import(`${root}/scripts/validate/parse-pages.ts`);
const { deriveTables } = await import(`${root}/scripts/compute/derive-tables.ts`);
const { computeReferences } = await import(`${root}/scripts/compute/compute-references.ts`);
const { renderCharts, figureAnchor } = (await import(`${root}/scripts/chart/render-charts.ts`)) as typeof import('../scripts/chart/render-charts.ts');
const { prepareFigure } = (await import(`${root}/scripts/chart/render-chart.ts`)) as typeof import('../scripts/chart/render-chart.ts');
const checkSpec = (await import(`${root}/scripts/chart/check-spec.ts`)) as typeof import('../scripts/chart/check-spec.ts');
const { renderSvg } = (await import(`${root}/scripts/chart/render-svg.ts`)) as typeof import('../scripts/chart/render-svg.ts');
const { vegaLocale } = (await import(`${root}/scripts/languages/number-format.ts`)) as typeof import('../scripts/languages/number-format.ts');
const { loadConfig } = (await import(`${root}/scripts/load/load-config.ts`)) as typeof import('../scripts/load/load-config.ts');

// 1 load, validate, compute: as scripts/build.ts does, untimed.
const files = io.diskFiles(root);
const config = await loadConfig(files, {});
const { languages } = config;
const definitions = await loadTables(files, config.folders, { units: config.units, languages: languages.codes, sourceLanguage: languages.source });
const geographies = await loadGeographies(files, languages.codes, languages.source, config.folders.geographies);
// A templated chapter's template becomes its units' pages, as in scripts/build.ts.
const sources = expandTemplates(await loadContent(files, languages.codes, config.folders.content), { geographies, tables: definitions.tables, languages });
const md = createMarkdown();
const allPages = parsePages(md, sources);
const tables = deriveTables(definitions);
computeReferences(allPages, tables, languages);
let kept = 0;
const pages = allPages.filter((p: { charts: unknown[] }) => p.charts.length === 0 || kept++ < pageLimit);
const chapterNumber = { chapter: () => 1, section: () => undefined, figure: () => '1.1', table: () => '1.1' };

if (mode === 'workers') {
  console.log(JSON.stringify(await workersMode()));
  process.exit(0);
}

// 2 the one-time cost: compiling the schema, or loading the compiled validator the stage keeps in
// .cache/vega-lite/ (when it does: keepCompiledSchemaIn)
const keep = (checkSpec as { keepCompiledSchemaIn?: (dir: string | undefined) => void }).keepCompiledSchemaIn;
const schemaCacheDir = path.join(root, '.cache', 'vega-lite');
const schemaCached = Boolean(keep) && existsSync(schemaCacheDir) && readdirSync(schemaCacheDir).some((f) => f.endsWith('.cjs'));
keep?.(schemaCacheDir);
const [, ajvCompileTime] = await timed(() => checkSpec.schemaProblems({ mark: 'point' }));
const ajvCompile = { ...ajvCompileTime, how: schemaCached ? 'loaded the compiled validator from .cache/vega-lite/' : keep ? 'compiled (and saved to .cache/vega-lite/)' : 'compiled' };

// 3 pass A, cold: the first few chapters' charts, which also warm up the JIT for what follows
let warm = 0;
const warmPages = pages.filter((p: { charts: unknown[] }) => p.charts.length === 0 || warm++ < warmUpPages);
const statsA = { rendered: 0, reused: 0 };
const [, passA] = await timed(() => renderCharts(warmPages, tables, chapterNumber, { cacheDir: `${root}/.cache`, cache: false, stats: statsA, languages, geographies }));

// 4 pass B, warm (before the raw pass, which needs its compiled specs)
const statsB = { rendered: 0, reused: 0 };
const [figures, passB] = await timed(() => renderCharts(pages, tables, chapterNumber, { cacheDir: `${root}/.cache`, cache: false, stats: statsB, languages, geographies }));
const charts = [...figures.values()].flat();
const specs = charts.map((f) => ({ vega: typeof f.chart.vega === 'string' ? (JSON.parse(f.chart.vega) as object) : f.chart.vega, number: languages.get(languages.source).pack.number }));

// 5 raw vega
const [svgBytes, raw] = await timed(async () => {
  let bytes = 0;
  for (const { vega: spec, number } of specs) {
    const view = new vega.View(vega.parse(spec as vega.Spec), { renderer: 'none', locale: vegaLocale(number) } as unknown as ConstructorParameters<typeof vega.View>[1]);
    bytes += (await view.toSVG()).length;
    view.finalize();
  }
  return bytes;
});


// 6 per-step costs over the same jobs
// (over the first --steps=150 charts: enough for a per-chart figure)
const stepLimit = Number(args.find((a) => a.startsWith('--steps='))?.slice(8) ?? 150);
const jobs = pages
  .flatMap((page: { source: { file: string; locale: string }; charts: Array<{ block: never; line: number }> }) =>
    page.charts.map((site) => prepareFigure(site.block, tables, { file: page.source.file, line: site.line, language: languages.get(page.source.locale), anchor: figureAnchor((site.block as { id: string }).id) }, { geographies }).job),
  )
  .slice(0, stepLimit);
const steps: Record<string, Timed> = {};
const step = async (name: string, run: (job: (typeof jobs)[number]) => unknown) => {
  const [, t] = await timed(async () => {
    for (const job of jobs) await run(job);
  });
  steps[name] = t;
};
const [, prepare] = await timed(() =>
  pages.flatMap((page: { source: { file: string; locale: string }; charts: Array<{ block: never; line: number }> }) =>
    page.charts.map((site) => prepareFigure(site.block, tables, { file: page.source.file, line: site.line, language: languages.get(page.source.locale), anchor: figureAnchor((site.block as { id: string }).id) }, { geographies })),
  ),
);
// prepare ran over every chart: scale it to the step sample so every step divides by stepCharts.
steps['prepare (records, preset spec, description, cache key)'] = { wallMs: (prepare.wallMs * jobs.length) / charts.length, cpuMs: (prepare.cpuMs * jobs.length) / charts.length };
await step('check: Vega-Lite JSON schema (ajv validate; raw specs only)', (job) => ((job as { checkSchema?: boolean }).checkSchema === false ? [] : checkSpec.schemaProblems(job.spec)));
await step('check: encoded fields exist', (job) => checkSpec.missingFields(job.spec, job.fields));
const compiled: object[] = [];
await step('compile: Vega-Lite → Vega (with warnings collected)', (job) => compiled.push(checkSpec.compileWithWarnings(job.spec, job.theme).vega));
let i = 0;
await step('render: vega parse + View + toSVG + compact + accessible name', async (job) => renderSvg(compiled[i++] as object, job.svg));

console.log(
  JSON.stringify({
    charts: charts.length,
    pages: pages.length,
    ajvCompile,
    passA: { ...passA, rendered: statsA.rendered },
    // pass A covers only the warm-up chapters: per-chart figures divide by passA.rendered.
    passB: { ...passB, rendered: statsB.rendered },
    raw: { ...raw, svgBytes },
    steps,
    stepCharts: jobs.length,
    cacheModule: existsSync(path.join(root, 'scripts/chart/chart-cache.ts')),
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

// 7 workers: the chart stage's own pool (`workers` option, scripts/chart/render-pool.ts) when it
// has one; otherwise its `run` hook with the bench's pool (bench/render-worker.ts). Then one thread.
async function workersMode(): Promise<Record<string, unknown>> {
  const poolFiles = readdirSync(path.join(root, 'scripts/chart')).filter((f) => /worker|pool/i.test(f));
  const stagePool = poolFiles.includes('render-pool.ts');
  const capacityBefore = await parallelCapacity();
  const options = { cacheDir: `${root}/.cache`, cache: false as const, languages, geographies };
  let pool: Record<string, unknown>;
  if (stagePool) {
    const stats = { rendered: 0, reused: 0 };
    const [, t] = await timed(() => renderCharts(pages, tables, chapterNumber, { ...options, stats, workers: workerCount } as Parameters<typeof renderCharts>[3]));
    pool = { how: `the stage's pool (workers: ${workerCount}, scripts/chart/render-pool.ts)`, rendered: stats.rendered, ...t };
  } else {
    const [result, t] = await timed(() => benchPool(options));
    pool = { how: 'the run hook, with the bench pool (bench/render-worker.ts)', ...result, ...t };
  }
  const stats = { rendered: 0, reused: 0 };
  const [, single] = await timed(() => renderCharts(pages, tables, chapterNumber, { ...options, stats }));
  const capacityAfter = await parallelCapacity();
  return { threads: workerCount, charts: stats.rendered, pool, single, machineCapacity: { before: capacityBefore, after: capacityAfter }, chartStagePoolFiles: poolFiles };
}

/** A pool of this bench's own, through the stage's `run` hook (for code without render-pool.ts). */
async function benchPool(options: { cache: false; languages: typeof languages; geographies: typeof geographies }) {
  const started = performance.now();
  const threads = await Promise.all(
    Array.from({ length: workerCount }, () => new Promise<Worker>((resolve, reject) => {
      // Node 20 does not apply tsx's loader to a worker's .ts entry point: a JS shim registers it first.
      const entry = new URL('./render-worker.ts', import.meta.url).href;
      const shim = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
      const worker = new Worker(shim, { eval: true, workerData: { root } });
      worker.once('message', () => resolve(worker));
      worker.once('error', reject);
    })),
  );
  const startupMs = performance.now() - started;
  let nextId = 0;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  for (const worker of threads) {
    worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
      const waiting = pending.get(m.id);
      pending.delete(m.id);
      if (m.error) waiting?.reject(new Error(m.error));
      else waiting?.resolve(m.result);
    });
  }
  let turn = 0;
  const run = (job: unknown) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      (threads[turn++ % threads.length] as Worker).postMessage({ id, job });
    });
  const stats = { rendered: 0, reused: 0 };
  await renderCharts(pages, tables, chapterNumber, { ...options, stats, run: run as never, concurrency: workerCount * 2 });
  await Promise.all(threads.map((w) => w.terminate()));
  return { startupMs, rendered: stats.rendered };
}
