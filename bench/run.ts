/**
 * `npm run bench`: the performance figures of issues 8 and 14, measured in one run against their floors.
 *
 *   1 generate   synthetic projects of ~50, 500 and 2,000 chapters under .build/bench/ (bench/synthetic.ts)
 *   2 builds     per size: bare Eleventy on the same Markdown, then a cold build (child processes)
 *   3 rebuilds   500 chapters: nothing changed (the up-to-date check, then forced through every
 *                stage), one Markdown file edited, one data table edited
 *   4 charts     the chart stage alone against raw `View.toSVG()`; stages 1–4 of a cold build with
 *                2 chart workers started at its beginning against 1 thread; how many charts share
 *                a compilation and a parsed dataflow, per project (bench/chart-stage.ts)
 *   5 real       the real report: cold and warm builds into .build/bench/real-site, and what a
 *                reader downloads per page (bench/page-weight.ts)
 *   6 largest    the 2,000-chapter project, with what is left of the budget: time and peak RSS
 *   7 lighthouse the real report's home page and Baiterek chapter, mobile and desktop
 *                (bench/lighthouse-pages.ts, scripts/write/lighthouse.ts), when the budget allows
 *   8 profile    with --profile: where a no-change rebuild's time goes, stage by stage
 *                (bench/profile-build.ts), when the budget allows
 *   9 report     a table (figure, measured, target, ratio, met?), bench/results/latest.json and
 *                bench/RESULTS.md
 *
 * The generator's code is copied once at the start (.build/bench/code/) and every project links
 * to the copy, so edits made to the working tree during the run do not change what is measured
 * (--live links the working tree instead).
 *
 * Every child process runs under /usr/bin/time -v (wall, CPU and peak RSS) with a timeout, and the
 * run keeps to a time budget: a step that would not fit is skipped and says so. The machine may be
 * shared, so each figure keeps its CPU time and the load average beside the wall time.
 *
 * Options: --quick (10/50/100 chapters, for trying the harness), --sizes=50,500,2000, --profile, --live,
 * --charts-2000=N (charts per chapter in the largest project; default 3, as in the others), --skip-real,
 * --budget-s=570 (the whole run's time budget), --chart-stage-pages=N, --worker-rounds=2. --peer runs only the comparison with
 * Observable Framework and a minimal baseline (bench/peer.ts; its own options --rounds=N, --pages=N).
 *
 * The largest project is built last, under a time limit (whatever is left of the budget), so the
 * run stays under ten minutes on a busy machine. Its peak RSS is polled from /proc while it runs,
 * so the memory figure exists either way.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureSite, type PageWeight, type SiteWeight } from './page-weight.ts';
import { BARE_CONFIG_FILE, LINKED, pendingDeletions, REPORT_COMMAND, snapshotCode, writeSyntheticProject, type SyntheticProject } from './synthetic.ts';
import { measureDevServer, type DevServerTiming } from './dev-server.ts';
import { runChild as runChildIn, TIME, type ChildResult } from './child-process.ts';
import { median, seconds as s, times as x } from './figures.ts';

const repo = path.resolve(import.meta.dirname, '..');
const work = path.join(repo, '.build', 'bench');
const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const SIZES = (option('sizes') ?? (quick ? '10,50,100' : '50,500,2000')).split(',').map(Number);
const [SMALL, MEDIUM, LARGE] = [SIZES[0] ?? 50, SIZES[1] ?? 500, SIZES[2] ?? 2000];
const CHARTS_LARGE = Number(option('charts-2000') ?? 3);
const CHART_STAGE_PAGES = Number(option('chart-stage-pages') ?? (quick ? 20 : 100));
const WORKER_ROUNDS = Number(option('worker-rounds') ?? 2);
/** Issue 14's targets for the chart stage against raw Vega, and for two worker threads against one. */
const CHART_STAGE_TARGET = 1.2;
const WORKERS_TARGET = 1.5;
const BUDGET_MS = Number(option('budget-s') ?? 570) * 1000;
const runStarted = Date.now();
const remaining = () => BUDGET_MS - (Date.now() - runStarted);

// --peer: only the comparison with Observable Framework and the minimal baseline (bench/peer.ts).
if (args.includes('--peer')) {
  const { runPeer } = await import('./peer.ts');
  process.exit(await runPeer(args));
}
// --templated: only 200 pages from one template against 200 written by hand (bench/templated-pages.ts).
if (args.includes('--templated')) process.exit(await (await import('./templated-pages.ts')).runTemplatedPages(args));

// ─── child processes ──────────────────────────────────────────────────────────────────────────

const runChild = (command: string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }) => runChildIn(command, { ...options, scratchDir: work });

const TSX = ['node', '--import', 'tsx'];
const buildCommand = (outDir?: string) => [...REPORT_COMMAND, 'build', ...(outDir ? [`--out=${outDir}`] : [])];
const bareCommand = ['node', 'node_modules/@11ty/eleventy/cmd.cjs', `--config=${BARE_CONFIG_FILE}`, '--quiet'];

function log(message: string): void {
  const seconds = ((Date.now() - runStarted) / 1000).toFixed(0).padStart(4);
  console.log(`[${seconds} s] ${message}`);
}

function failure(result: ChildResult): string {
  if (result.timedOut) return `stopped after ${(result.wallMs / 1000).toFixed(0)} s (time limit), peak RSS by then ${Math.round(result.polledPeakRssMB)} MB`;
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn') && !/^\s+at /.test(l));
  const cause = lines.find((l) => /error|failed|FATAL/i.test(l)) ?? lines.at(-1) ?? '';
  return `exit ${result.status}: ${cause.trim().slice(0, 300)}`;
}

/** A build, once more if it fails: the working tree is shared, and a file caught half-saved by another editor fails a build once. */
async function runBuild(command: string[], options: Parameters<typeof runChild>[1]): Promise<ChildResult & { retried?: string }> {
  const first = await runChild(command, options);
  if (first.ok || first.timedOut) return first;
  const second = await runChild(command, options);
  return { ...second, retried: failure(first) };
}

function timing(result: ChildResult & { retried?: string }) {
  return {
    wallMs: Math.round(result.wallMs),
    cpuMs: Math.round(result.cpuMs),
    maxRssMB: result.maxRssMB === undefined ? undefined : Math.round(result.maxRssMB),
    polledPeakRssMB: Math.round(result.polledPeakRssMB),
    timedOut: result.timedOut,
    loadAverage: Number(result.loadAverage.toFixed(2)),
    ok: result.ok,
    ...(result.ok ? {} : { error: failure(result) }),
    ...(result.retried ? { firstAttemptFailed: result.retried } : {}),
  };
}

type Timing = ReturnType<typeof timing>;

function cacheEntries(root: string): Set<string> {
  const dir = path.join(root, '.cache', 'charts');
  if (!existsSync(dir)) return new Set();
  return new Set(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name));
}

function clean(root: string): void {
  for (const dir of ['.cache', '_site', '.build']) rmSync(path.join(root, dir), { recursive: true, force: true });
}

// ─── results ──────────────────────────────────────────────────────────────────────────────────

interface Row {
  figure: string;
  measured: string;
  target: string;
  ratio: string;
  met: string;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};
const notes: string[] = [];
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const wallCpu = (t: { wallMs: number; cpuMs: number }) => `${s(t.wallMs)} (cpu ${s(t.cpuMs)})`;

function row(figure: string, measured: string, target = '—', ratio = '—', met = 'info'): void {
  rows.push({ figure, measured, target, ratio, met });
}

/** A ratio on wall time, with the CPU-time ratio beside it (robust when the machine is shared). */
function ratioRow(figure: string, measured: { wallMs: number; cpuMs: number }, floor: { wallMs: number; cpuMs: number }, limit: number | undefined, floorName: string): void {
  const wall = measured.wallMs / floor.wallMs;
  const cpu = measured.cpuMs / floor.cpuMs;
  const met = limit === undefined ? 'info' : wall <= limit ? 'yes' : cpu <= limit ? 'no (yes on CPU time)' : 'no';
  row(figure, wallCpu(measured), limit === undefined ? `— (vs ${floorName})` : `≤ ${limit}× ${floorName}`, `${x(wall)} (cpu ${x(cpu)})`, met);
}

function notMeasured(figure: string, why: string, target = '—'): void {
  row(figure, `not measured: ${why}`, target, '—', 'n/a');
}

// ─── 1 generate ───────────────────────────────────────────────────────────────────────────────

mkdirSync(work, { recursive: true });
log(`bench on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
const chartDir = path.join(repo, 'scripts', 'chart');
const environment = {
  started: new Date(runStarted).toISOString(),
  sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
  loadAverageAtStart: os.loadavg(),
  chartCache: existsSync(path.join(chartDir, 'chart-cache.ts')),
  chartWorkerPool: readdirSync(chartDir).filter((f) => /worker|pool/i.test(f)),
  timer: TIME ? '/usr/bin/time -v' : 'wall clock only',
  code: '',
};
results.environment = environment;

// Leftovers of an interrupted run, deleted in the background.
for (const entry of readdirSync(work)) if (/\.old-\d+-\d+$/.test(entry)) pendingDeletions.push(rm(path.join(work, entry), { recursive: true, force: true }));
// The generator's code as it is now, copied once: every project of this run links to the copy, so
// another editor saving scripts/ or templates/ mid-run (a half-written file, or a change that
// rightly invalidates the chart cache) cannot change what is measured. --live links the working tree.
const code = args.includes('--live') ? repo : snapshotCode(repo, path.join(work, 'code'));
environment.code = code === repo ? 'the working tree (--live)' : `a copy of scripts/, templates/ and the config taken at the start (${path.relative(repo, code)})`;
const projects: Record<number, SyntheticProject> = {};
for (const [pages, charts] of [[SMALL, 3], [MEDIUM, 3], [LARGE, CHARTS_LARGE]] as const) {
  const started = performance.now();
  projects[pages] = writeSyntheticProject(code, path.join(work, `synthetic-${pages}`), { pages, chartsPerPage: charts, tablesPerPage: 2 });
  log(`generated ${pages} chapters × ${charts} charts + 2 tables in ${s(performance.now() - started)}`);
}

// ─── 2 builds ─────────────────────────────────────────────────────────────────────────────────

const builds: Record<number, { bare?: Timing; cold?: Timing; summary?: string; charts: number; pages: number }> = {};
for (const pages of [SMALL, MEDIUM, LARGE]) {
  const project = projects[pages] as SyntheticProject;
  clean(project.root);
  const entry: (typeof builds)[number] = { charts: project.charts, pages: project.pages };
  builds[pages] = entry;
  const bare = await runChild(bareCommand, { cwd: project.root, timeoutMs: 120_000 });
  entry.bare = timing(bare);
  log(`${pages} chapters: bare Eleventy ${bare.ok ? wallCpu(bare) : failure(bare)}`);
  // The largest project is built last, with what is left of the budget (section 8).
  if (pages === LARGE) continue;
  const cold = await runBuild(buildCommand(), { cwd: project.root, timeoutMs: 240_000 });
  entry.cold = timing(cold);
  entry.summary = /built [^\n]*/.exec(cold.stdout)?.[0];
  log(`${pages} chapters: cold build ${cold.ok ? `${wallCpu(cold)}, peak RSS ${Math.round(cold.maxRssMB ?? 0)} MB` : failure(cold)}`);
}
results.builds = builds;

// ─── 3 rebuilds (medium project, after its cold build) ────────────────────────────────────────

const FORCED = 'nothing changed, every stage run (--force; caches warm)';
interface Rebuild extends Timing {
  chartsRendered: number;
  chartsDepending: number;
  /** The build's own account of the pages it rendered ("rendered 2 of 501 pages (…)"; none when it stopped as up to date). */
  pages?: string;
}
/** The page line the build prints under its summary (scripts/write/rebuild-summary.ts). */
const pagesLine = (stdout: string) => /^\s+(rendered [^;\n]*)/m.exec(stdout)?.[1]?.trim();
const rebuilds: Record<string, Rebuild> = {};
const medium = projects[MEDIUM] as SyntheticProject;
if (builds[MEDIUM]?.cold?.ok) {
  const rebuild = async (name: string, edit: () => number, extra: string[] = []) => {
    const before = cacheEntries(medium.root);
    const depending = edit();
    const result = await runBuild([...buildCommand(), ...extra], { cwd: medium.root, timeoutMs: 180_000 });
    const rendered = [...cacheEntries(medium.root)].filter((k) => !before.has(k)).length;
    const pages = pagesLine(result.stdout);
    rebuilds[name] = { ...timing(result), chartsRendered: rendered, chartsDepending: depending, ...(pages ? { pages } : {}) };
    log(`${MEDIUM} chapters: rebuild, ${name}: ${result.ok ? `${wallCpu(result)}, ${rendered} charts rendered (${depending} depend on the change)${pages ? `, ${pages}` : ''}` : failure(result)}`);
  };
  await rebuild('nothing changed', () => 0);
  // Another editor may change scripts/chart/** during the run, which rightly invalidates every
  // chart: then measure the no-change rebuild once more, on the cache that rebuild filled.
  const first = rebuilds['nothing changed'];
  if (first && first.chartsRendered > 0) {
    notes.push(`The first no-change rebuild re-rendered ${first.chartsRendered} charts: the chart code (scripts/chart/**, part of every cache key) changed during the run; it was measured again.`);
    await rebuild('nothing changed', () => 0);
  }
  // The same, with the up-to-date check skipped: every stage runs, on warm caches (charts,
  // bibliography, search index): what an edit that changes no chart or page costs at least.
  await rebuild(FORCED, () => 0, ['--force']);
  await rebuild('one Markdown file edited', () => {
    const file = path.join(medium.root, medium.chapterFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Output', 'A sentence added for the benchmark.\n\n## Output'));
    return 0;
  });
  await rebuild('one data table edited', () => {
    // One cell: district d003 in 2019 of the sown-area table; count the charts that plot it.
    const file = path.join(medium.root, medium.tableFile);
    const table = JSON.parse(readFileSync(file, 'utf8')) as { rows: Array<{ id: string; values: Record<string, number> }> };
    const cell = table.rows.find((r) => r.id === 'd003');
    if (cell) cell.values['2019'] = (cell.values['2019'] ?? 0) + 1;
    writeFileSync(file, `${JSON.stringify(table, null, 2)}\n`);
    let depending = 0;
    for (const chapter of readdirSync(path.join(medium.root, 'content', 'en'))) {
      const text = readFileSync(path.join(medium.root, 'content', 'en', chapter), 'utf8');
      for (const block of text.match(/```chart\n[\s\S]*?```/g) ?? []) {
        if (!/table: sown-area\n/.test(block) || !/rows: \[[^\]]*\bd003\b/.test(block)) continue;
        const periods = /periods: \[([^\]]*)\]/.exec(block)?.[1];
        if (!periods || periods.includes('"2019"')) depending++;
      }
    }
    return depending;
  });
} else {
  notes.push(`Rebuilds were not measured: the ${MEDIUM}-chapter cold build did not succeed.`);
}
results.rebuilds = rebuilds;

// The dev server: from saving a chapter to the server answering with the new text (bench/dev-server.ts).
let devServer: DevServerTiming | undefined;
if (builds[MEDIUM]?.cold?.ok && remaining() > 150_000) {
  try {
    devServer = await measureDevServer(medium.root, medium.chapterFile, 5);
    log(`${MEDIUM} chapters: dev server, save → new page served: median ${(devServer.medianMs / 1000).toFixed(2)} s`);
  } catch (error) {
    notes.push(`The dev server was not measured: ${error instanceof Error ? error.message : String(error)}`);
  }
}
results.devServer = devServer;

// ─── 4 the chart stage alone ──────────────────────────────────────────────────────────────────

type Timed = { wallMs: number; cpuMs: number };
interface Sharing {
  rendered: number;
  compile: number;
  dataflow: number;
}
interface ChartStage {
  charts: number;
  ajvCompile: Timed & { how?: string };
  passA: Timed & { rendered: number };
  passB: Timed & { rendered: number; sharing?: Sharing };
  raw: Timed & { svgBytes: number };
  steps: Record<string, Timed>;
  stepCharts: number;
  maxRssMB: number;
}
/** One process of `chart-stage.ts --mode=workers`: stages 1–4 of a cold build with N threads. */
interface WorkersRun extends Timed {
  threads: number;
  charts: number;
  chartStage: Timed;
  sharing: Sharing;
  machineCapacity: { before: { capacity: number }; after: { capacity: number } };
  /** With 2 threads: what two threads rendering charts got from the machine (chart-stage.ts chartRenderingCapacity). */
  renderingCapacity?: { capacity: number };
}
interface Workers {
  pool: WorkersRun[];
  single: WorkersRun[];
}
/** `chart-stage.ts --mode=shapes`: charts that shared a compilation and a parsed dataflow, in one thread. */
interface Shapes {
  charts: number;
  compileShared: number;
  dataflowShared: number;
  shapes: number;
  plain: number;
}
let chartStage: ChartStage | undefined;
let workers: Workers | undefined;
const shapes: Record<string, Shapes> = {};
const lastJson = <T>(result: ChildResult) => JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as T;
const CHART_STAGE = path.join(repo, 'bench', 'chart-stage.ts');
/** Sharing of compilations and dataflows over every chart of a project (quick: nothing is rendered). */
async function measureShapes(name: string, cwd: string, env?: NodeJS.ProcessEnv): Promise<void> {
  const result = await runChild([...TSX, CHART_STAGE, '--mode=shapes'], { cwd, timeoutMs: Math.max(20_000, Math.min(60_000, remaining() - 120_000)), env });
  if (result.ok) {
    shapes[name] = lastJson<Shapes>(result);
    log(`${name}: ${shapes[name].compileShared} of ${shapes[name].charts} charts share a compilation, ${shapes[name].dataflowShared} a parsed dataflow (${shapes[name].shapes} shapes)`);
  } else {
    notes.push(`The shape count of ${name} failed: ${failure(result)}`);
  }
}
// Leaves at least 3 minutes for the real report and the largest project.
if (remaining() > 240_000) {
  const result = await runChild([...TSX, CHART_STAGE, `--pages=${CHART_STAGE_PAGES}`], { cwd: medium.root, timeoutMs: Math.min(150_000, remaining() - 180_000) });
  if (result.ok) {
    chartStage = lastJson<ChartStage>(result);
    log(`chart stage: ${chartStage.charts} charts, warm ${wallCpu(chartStage.passB)}, raw vega ${wallCpu(chartStage.raw)}`);
  } else {
    notes.push(`The chart-stage measurement failed: ${failure(result)}`);
    log(`chart stage: ${failure(result)}`);
  }
} else {
  notes.push('The chart-stage measurement was skipped: not enough of the time budget left.');
}
for (const pages of [SMALL, MEDIUM, LARGE]) if (remaining() > 240_000) await measureShapes(`synthetic ${pages} chapters`, (projects[pages] as SyntheticProject).root);
// Stages 1–4 of a cold build of the medium project, each run in a fresh process: with the chart
// workers started at the build's start, then in one thread; a second round when the budget allows
// (a shared machine moves single runs by 10–20 %).
for (let round = 0; round < WORKER_ROUNDS; round++) {
  if (remaining() < 260_000 - round * 30_000) {
    notes.push(round === 0 ? 'The worker-thread measurement was skipped: not enough of the time budget left.' : `The worker-thread measurement ran ${round} round(s) of ${WORKER_ROUNDS}: not enough of the time budget left.`);
    break;
  }
  const runs: Partial<Record<'pool' | 'single', WorkersRun>> = {};
  for (const [name, threads] of [['pool', 2], ['single', 1]] as const) {
    const result = await runChild([...TSX, CHART_STAGE, '--mode=workers', `--workers=${threads}`], { cwd: medium.root, timeoutMs: Math.min(120_000, remaining() - 150_000) });
    if (result.ok) runs[name] = lastJson<WorkersRun>(result);
    else notes.push(`The worker-thread measurement (${threads} thread${threads > 1 ? 's' : ''}) failed: ${failure(result)}`);
  }
  if (!runs.pool || !runs.single) break;
  workers ??= { pool: [], single: [] };
  workers.pool.push(runs.pool);
  workers.single.push(runs.single);
  log(`stages 1–4, ${runs.pool.charts} charts, round ${round + 1}: 2 workers started early ${wallCpu(runs.pool)}, 1 thread ${wallCpu(runs.single)}`);
}
results.chartStage = chartStage;
results.workers = workers;
results.shapes = shapes;

// ─── 5 the real report ────────────────────────────────────────────────────────────────────────

const real: { cold?: Timing; warm?: Timing; bare?: Timing; summary?: string; weight?: SiteWeight } = {};
const realRoot = path.join(work, 'real-project');
const realSite = path.join(work, 'real-site');
if (!args.includes('--skip-real') && remaining() > 100_000) {
  // A mirror of the repository whose content and data are the real ones (linked), with its own
  // chart cache, so "cold" never touches the repository's .cache/ and the tests' builds.
  rmSync(realRoot, { recursive: true, force: true });
  mkdirSync(realRoot, { recursive: true });
  for (const linked of LINKED) if (existsSync(path.join(code, linked))) symlinkSync(path.join(code, linked), path.join(realRoot, linked));
  // The report's own sources, copied for the same reason as the code.
  for (const copied of ['content', 'data', 'schemas', 'report.config.json']) if (existsSync(path.join(repo, copied))) cpSync(path.join(repo, copied), path.join(realRoot, copied), { recursive: true });
  rmSync(realSite, { recursive: true, force: true });
  writeFileSync(path.join(realRoot, BARE_CONFIG_FILE), readFileSync(path.join(medium.root, BARE_CONFIG_FILE)));
  // Maps are drawn from ../shared/geo beside the repository, as in the real build.
  const geo = path.resolve(repo, '../shared/geo');
  const env = existsSync(geo) && !process.env.REPORT_BOUNDARIES_DIR ? { REPORT_BOUNDARIES_DIR: geo } : {};
  const bare = await runChild(bareCommand, { cwd: realRoot, timeoutMs: 60_000 });
  real.bare = timing(bare);
  const cold = await runBuild(buildCommand(realSite), { cwd: realRoot, timeoutMs: Math.min(150_000, remaining() - 60_000), env });
  real.cold = timing(cold);
  real.summary = /built [^\n]*/.exec(cold.stdout)?.[0];
  log(`real report: cold build ${cold.ok ? wallCpu(cold) : failure(cold)}`);
  if (cold.ok) {
    // --force: every stage runs (a plain second build would find nothing changed and stop early).
    const warm = await runBuild([...buildCommand(realSite), '--force'], { cwd: realRoot, timeoutMs: Math.max(30_000, Math.min(90_000, remaining() - 60_000)), env });
    real.warm = timing(warm);
    log(`real report: warm build ${warm.ok ? wallCpu(warm) : failure(warm)}`);
  }
  if (cold.ok && existsSync(realSite)) real.weight = measureSite(realSite);
  if (remaining() > 100_000) await measureShapes('real report', realRoot, env);
}
results.real = real;

// ─── 6 the largest project, under a time limit ──────────────────────────────────────────

{
  const project = projects[LARGE] as SyntheticProject;
  const entry = builds[LARGE] as (typeof builds)[number];
  const limit = Math.min(300_000, remaining() - 15_000);
  if (limit < 45_000) {
    notes.push(`The ${LARGE}-chapter cold build was skipped: not enough of the time budget left.`);
  } else {
    const cold = await runChild(buildCommand(), { cwd: project.root, timeoutMs: limit });
    entry.cold = timing(cold);
    entry.summary = /built [^\n]*/.exec(cold.stdout)?.[0];
    log(`${LARGE} chapters: cold build ${cold.ok ? `${wallCpu(cold)}, peak RSS ${Math.round(cold.maxRssMB ?? 0)} MB` : failure(cold)}`);
  }
}

// ─── 7 Lighthouse on the real report, with what is left ───────────────────────────────────────

interface LighthouseRun {
  scores: Array<{ page: string; formFactor: string; performance: number | null; accessibility: number | null; bestPractices: number | null; seo: number | null; lost: Array<{ category: string; id: string; title: string; score: number }> }>;
}
const lighthouse: LighthouseRun['scores'] = [];
const lighthouseAvailable = existsSync(path.join(code, 'scripts', 'write', 'lighthouse.ts')) && existsSync(path.join(repo, 'node_modules', 'lighthouse'));
if (!lighthouseAvailable) {
  notes.push('Lighthouse was not run: scripts/write/lighthouse.ts or the lighthouse package is missing.');
} else if (!real.weight) {
  notes.push('Lighthouse was not run: the real report did not build.');
} else {
  for (const formFactor of ['mobile', 'desktop'] as const) {
    if (remaining() < 75_000) {
      notes.push(`Lighthouse (${formFactor}) was skipped: not enough of the time budget left.`);
      continue;
    }
    const result = await runChild([...TSX, path.join(repo, 'bench', 'lighthouse-pages.ts'), realSite, '/en/', '/en/baiterek/', ...(formFactor === 'desktop' ? ['--desktop'] : [])], { cwd: realRoot, timeoutMs: Math.min(150_000, remaining() - 15_000) });
    if (result.ok) {
      lighthouse.push(...lastJson<LighthouseRun>(result).scores);
      log(`Lighthouse (${formFactor}): ${lighthouse.filter((l) => l.formFactor === formFactor).map((l) => `${l.page} ${l.performance}/${l.accessibility}/${l.bestPractices}/${l.seo}`).join(', ')}`);
    } else {
      notes.push(`Lighthouse (${formFactor}) failed: ${failure(result)}`);
    }
  }
}
results.lighthouse = lighthouse;

// ─── 8 profile of a no-change rebuild, if time is left ─────────────────────────────────────────────────────────

let profile: { timings: Record<string, { wallMs: number; cpuMs: number }>; totalMs: number; totalCpuMs: number; charts: { rendered: number; reused: number } } | undefined;
if (!args.includes('--profile')) {
  notes.push('Stage-by-stage profile not run (add --profile, or run `node --import tsx ../../../bench/profile-build.ts --cache --write=.build/profile-site` in .build/bench/synthetic-500).');
} else if (remaining() > 60_000 && builds[MEDIUM]?.cold?.ok) {
  const result = await runChild([...TSX, path.join(repo, 'bench', 'profile-build.ts'), '--cache', '--write=.build/profile-site'], { cwd: medium.root, timeoutMs: remaining() - 10_000 });
  if (result.ok) {
    profile = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as typeof profile;
    log(`profile of a no-change rebuild (${MEDIUM} chapters): ${profile ? s(profile.totalMs) : ''}`);
  } else {
    notes.push(`The profile failed: ${failure(result)}`);
  }
} else {
  notes.push('The stage-by-stage profile was skipped: not enough of the time budget left (run `node --import tsx bench/profile-build.ts --cache --write=.build/profile-site` in .build/bench/synthetic-500).');
}
results.profile = profile;

// ─── 9 the table ──────────────────────────────────────────────────────────────────────────────

const ok = (t?: Timing): t is Timing & { ok: true } => Boolean(t?.ok);
for (const pages of [SMALL, MEDIUM, LARGE]) {
  const b = builds[pages];
  if (!b) continue;
  if (ok(b.bare)) row(`bare Eleventy, ${pages} chapters (same Markdown, no pipeline)`, wallCpu(b.bare));
  if (ok(b.cold) && ok(b.bare)) ratioRow(`cold build, ${pages} chapters × ${pages === LARGE ? CHARTS_LARGE : 3} charts`, b.cold, b.bare, undefined, 'bare Eleventy');
  else if (b.cold) notMeasured(`cold build, ${pages} chapters`, b.cold.error ?? 'failed');
}

const mediumBuild = builds[MEDIUM];
const percent = (part: number, whole: number) => `${part} of ${whole} (${((100 * part) / Math.max(1, whole)).toFixed(1)} %)`;
if (chartStage) {
  const perChart = (t: { wallMs: number; cpuMs: number }) => ({ wallMs: t.wallMs / chartStage!.charts, cpuMs: t.cpuMs / chartStage!.charts });
  ratioRow(`chart stage, ${chartStage.charts} charts, warm, per-chart work only`, chartStage.passB, chartStage.raw, CHART_STAGE_TARGET, 'raw View.toSVG()');
  const sharing = chartStage.passB.sharing;
  if (sharing) row(`  charts of that pass that took their Vega-Lite compilation / parsed Vega dataflow from an earlier chart of their shape`, `${percent(sharing.compile, sharing.rendered)} / ${percent(sharing.dataflow, sharing.rendered)}`);
  row(`  one-time, only when a raw (author-written) spec is rendered: Vega-Lite schema validator (${chartStage.ajvCompile.how ?? 'compiled'})`, wallCpu(chartStage.ajvCompile));
  for (const [name, t] of Object.entries(chartStage.steps)) row(`  per chart (${chartStage.stepCharts} charts): ${name}`, `${(t.wallMs / chartStage.stepCharts).toFixed(1)} ms (cpu ${(t.cpuMs / chartStage.stepCharts).toFixed(1)} ms)`);
  const raw = perChart(chartStage.raw);
  const stage = perChart(chartStage.passB);
  row('render cost per chart, chart stage (warm)', `${stage.wallMs.toFixed(1)} ms (cpu ${stage.cpuMs.toFixed(1)} ms); ${(1000 / stage.wallMs).toFixed(0)} charts/s`);
  row('render cost per chart, raw View.toSVG()', `${raw.wallMs.toFixed(1)} ms (cpu ${raw.cpuMs.toFixed(1)} ms); ${(1000 / raw.wallMs).toFixed(0)} charts/s`);
  row(`render cost per chart, chart stage cold (first ${chartStage.passA.rendered} charts in a fresh process)`, `${(chartStage.passA.wallMs / chartStage.passA.rendered).toFixed(1)} ms (cpu ${(chartStage.passA.cpuMs / chartStage.passA.rendered).toFixed(1)} ms)`);
} else {
  notMeasured('chart stage vs raw View.toSVG()', 'see notes', `≤ ${CHART_STAGE_TARGET}×`);
}
for (const [name, shared] of Object.entries(shapes)) {
  row(
    `charts sharing a Vega-Lite compilation / a parsed Vega dataflow with an earlier chart of their shape, ${name} (one thread, every chart)`,
    `${percent(shared.compileShared, shared.charts)} / ${percent(shared.dataflowShared, shared.charts)}; ${shared.shapes} shapes${shared.plain ? `, ${shared.plain} compiled on their own` : ''}`,
  );
}

if (workers) {
  const rounds = workers.pool.map((pool, i) => (workers!.single[i] as WorkersRun).wallMs / pool.wallMs);
  const speedUp = median(rounds);
  const all = [...workers.pool, ...workers.single];
  const capacity = Math.min(...all.flatMap((r) => [r.machineCapacity.before.capacity, r.machineCapacity.after.capacity]));
  // On a shared machine two threads may get no more CPU than one: then the target cannot be judged.
  const busy = capacity < 1.6;
  const ceiling = median(workers.pool.map((r) => r.renderingCapacity?.capacity ?? NaN).filter(Number.isFinite));
  const mid = (runs: WorkersRun[]) => ({ wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) });
  const first = workers.pool[0] as WorkersRun;
  row(
    `stages 1–4 of a cold build, ${MEDIUM} chapters (${first.charts} charts): 2 chart workers started at the build's start (scripts/chart/early-pool.ts) vs 1 thread, ${workers.pool.length} round${workers.pool.length > 1 ? 's' : ''}, each a fresh process`,
    `${wallCpu(mid(workers.pool))} vs ${wallCpu(mid(workers.single))}; per round ${rounds.map((r) => x(r)).join(', ')}`,
    `≥ ${WORKERS_TARGET}× faster than 1 thread`,
    `${x(speedUp)} faster (median of the rounds)`,
    speedUp >= WORKERS_TARGET ? 'yes' : ceiling < WORKERS_TARGET ? `no; out of reach here: two threads rendering charts get ${x(ceiling)} of one` : busy ? 'no; not decidable: machine busy' : 'no',
  );
  row('  of which the chart stage alone (the workers already started)', `${wallCpu(mid(workers.pool.map((r) => ({ ...r, ...r.chartStage }))))} vs ${wallCpu(mid(workers.single.map((r) => ({ ...r, ...r.chartStage }))))}`);
  row('  charts that took their compilation / parsed dataflow from an earlier chart of their shape in the same worker', `${percent(first.sharing.compile, first.sharing.rendered)} / ${percent(first.sharing.dataflow, first.sharing.rendered)}`);
  row('  what 2 busy threads got from the machine meanwhile (idle 2 cores: 2.00×)', `${x(capacity)} the throughput of 1 thread`, '—', '—', busy ? 'busy: speed-up not meaningful' : 'info');
  row(
    '  what 2 threads rendering charts got from the machine (the same charts in 1 worker, then in 2 at once: the ceiling of any pool)',
    `${x(ceiling)} the throughput of 1 thread (per round ${workers.pool.map((r) => x(r.renderingCapacity?.capacity ?? NaN)).join(', ')})`,
  );
} else {
  notMeasured('chart workers vs 1 thread', 'see notes', `≥ ${WORKERS_TARGET}× faster than 1 thread`);
}

if (ok(mediumBuild?.bare)) {
  for (const [name, r] of Object.entries(rebuilds)) {
    if (!r.ok) {
      notMeasured(`rebuild, ${name}`, r.error ?? 'failed');
      continue;
    }
    ratioRow(`rebuild ${MEDIUM} chapters, ${name} (${r.chartsRendered} charts re-rendered, ${r.chartsDepending} depend on it)`, r, mediumBuild.bare, name === 'nothing changed' ? 1.2 : undefined, 'bare Eleventy');
  }
}
// What an edit costs against the full cold build of the same project, measured in this run
// (issue 14: an edit should cost what it changes; pages not depending on it are not rendered).
if (ok(mediumBuild?.cold)) {
  const cold = mediumBuild.cold;
  row(`edit cost, ${MEDIUM} chapters: full cold build (no .cache, no _site)`, wallCpu(cold), '—', '1.00× (the base of the rows below)');
  const editTargets: Record<string, { limitMs: number; label: string }> = { 'one Markdown file edited': { limitMs: 2000, label: '≤ 2 s (issue 14)' } };
  for (const [name, r] of Object.entries(rebuilds)) {
    if (!r.ok) continue;
    const target = editTargets[name];
    const what = name === 'nothing changed' ? 'warm rebuild, nothing changed (stops at the up-to-date check)' : name === FORCED ? 'warm rebuild, nothing changed, every stage and page run (--force)' : `rebuild after ${name === 'one Markdown file edited' ? 'one chapter\'s prose edited' : 'one data table edited'}`;
    const pages = r.pages ?? (name === 'nothing changed' ? 'no page rendered' : 'pages: not reported');
    row(`edit cost, ${MEDIUM} chapters: ${what}; ${pages}; ${r.chartsRendered} charts rendered`, wallCpu(r), target?.label ?? '— (vs the cold build)', `${x(r.wallMs / cold.wallMs)} cold (cpu ${x(r.cpuMs / cold.cpuMs)})`, target ? (r.wallMs <= target.limitMs ? 'yes' : 'no') : 'info');
  }
}

if (devServer) {
  const s2 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const rebuilt = devServer.lines.map((line) => /rebuilt in ([\d.]+) s/.exec(line)?.[1]).filter(Boolean).join(', ');
  const pages = /rendered \d+ of \d+ pages/.exec(devServer.lines.at(-1) ?? '')?.[0] ?? 'pages: not reported';
  row(`dev server, ${MEDIUM} chapters: one chapter's prose saved → the server answers with the new text (${devServer.rounds.length} saves 5 s apart; ${pages}; the server's own rebuild times ${rebuilt} s; first build ${s(devServer.startMs)})`, `${s2(devServer.medianMs)} (${devServer.rounds.map((ms) => s2(ms)).join(', ')})`, '≤ 1 s (issue 14)', `${x(devServer.medianMs / 1000)} the target`, devServer.medianMs <= 1000 ? 'yes' : 'no');
}

if (ok(mediumBuild?.cold) && ok(mediumBuild?.bare) && chartStage) {
  // The raw render cost of all the medium project's charts, from the per-chart cost measured above.
  const charts = mediumBuild.charts;
  const rawAll = { wallMs: (chartStage.raw.wallMs / chartStage.charts) * charts, cpuMs: (chartStage.raw.cpuMs / chartStage.charts) * charts };
  const floor = { wallMs: mediumBuild.bare.wallMs + rawAll.wallMs, cpuMs: mediumBuild.bare.cpuMs + rawAll.cpuMs };
  ratioRow(`cold build ${MEDIUM} chapters × 3 charts vs bare + raw render (${s(floor.wallMs)})`, mediumBuild.cold, floor, 1.3, '(bare Eleventy + raw render)');
}

const large = builds[LARGE];
if (large?.cold?.maxRssMB !== undefined) {
  const mb = large.cold.ok ? large.cold.maxRssMB : Math.max(large.cold.maxRssMB || 0, large.cold.polledPeakRssMB);
  const gb = mb / 1024;
  const label = `peak RSS, ${LARGE} chapters × ${CHARTS_LARGE} chart${large.cold.ok ? ', cold build' : large.cold.timedOut ? `, stopped at the time limit after ${s(large.cold.wallMs)}` : ', build failed'}`;
  const met = large.cold.ok ? (gb < 1.5 ? 'yes' : 'no') : gb >= 1.5 ? 'no (already over when stopped)' : 'unknown (did not finish)';
  row(label, `${large.cold.ok ? '' : '≥ '}${mb} MB`, '< 1.5 GB', x(gb / 1.5), met);
  if (!large.cold.ok) notes.push(`The ${LARGE}-chapter build did not finish: ${large.cold.error}`);
} else {
  notMeasured(`peak RSS, ${LARGE}-chapter build`, 'no build', '< 1.5 GB');
}

if (ok(real.cold)) row(`real report: cold build (${real.summary?.replace(/^built [^:]*: /, '') ?? ''})`, wallCpu(real.cold), '—', ok(real.bare) ? `${x(real.cold.wallMs / real.bare.wallMs)} bare Eleventy` : '—');
else if (real.cold) notMeasured('real report: cold build', real.cold.error ?? 'failed');
if (ok(real.warm)) row('real report: warm build (every stage run, --force; chart, bibliography and search caches filled)', wallCpu(real.warm), '—', ok(real.bare) ? `${x(real.warm.wallMs / real.bare.wallMs)} bare Eleventy` : '—');

let weightSummary: Record<string, unknown> | undefined;
if (real.weight && real.weight.pages.length) {
  const pages = real.weight.pages;
  const isChapter = (p: PageWeight) => p.charts > 0 || /\/(en|ru|kk)\/[^/]+\/index\.html$/.test(p.page);
  const heaviest = (list: PageWeight[], pick: (p: PageWeight) => number) => list.reduce((a, b) => (pick(b) > pick(a) ? b : a));
  const chapters = pages.filter(isChapter);
  const top = heaviest(chapters.length ? chapters : pages, (p) => p.firstView.gzip);
  const home = pages.find((p) => p.page === '/en/index.html');
  const baiterek = pages.find((p) => p.page === '/en/baiterek/index.html');
  const describe = (p: PageWeight) => `${kb(p.firstView.gzip)} gzip (${kb(p.firstView.raw)} raw; SVG ${kb(p.inlineSvg.gzip)}, Vega specs ${kb(p.chartSpecs.gzip)}, CSS ${kb(p.css.gzip)})`;
  for (const [label, p] of [['home page /en/', home], ['Baiterek chapter /en/baiterek/', baiterek], [`heaviest page ${top.page}`, top]] as const) {
    if (!p) continue;
    row(`first view, ${label}: HTML + CSS + inline SVG`, describe(p), '≤ 60 KB gzip', x(p.firstView.gzip / 60_000), p.firstView.gzip <= 60_000 ? 'yes' : 'no');
  }
  const over = pages.filter((p) => p.firstView.gzip > 60_000).map((p) => `${p.page} ${kb(p.firstView.gzip)}`);
  if (over.length) notes.push(`Pages over 60 KB gzip in their first view: ${over.join(', ')}.`);
  const jsPages = pages.filter((p) => p.chartJsBeforeInteraction.raw > 0);
  const jsBefore = jsPages.length ? heaviest(jsPages, (p) => p.chartJsBeforeInteraction.gzip).chartJsBeforeInteraction : { raw: 0, gzip: 0 };
  const allJs = heaviest(pages, (p) => p.jsBeforeInteraction.gzip);
  row(
    `chart JavaScript before any interaction (charts.js on the ${jsPages.length} of ${pages.length} pages with charts, none on the others)`,
    `${kib(jsBefore.gzip)} gzip (${kib(jsBefore.raw)} raw)`,
    'no chart JS on first view (a loader only)',
    '—',
    jsBefore.gzip < 2048 ? 'yes (loader only)' : 'no',
  );
  row(`all JavaScript before any interaction, heaviest page (${allJs.scripts.join(', ') || 'none'})`, `${kib(allJs.jsBeforeInteraction.gzip)} gzip (${kib(allJs.jsBeforeInteraction.raw)} raw)`);
  const interactive = jsPages.length ? heaviest(jsPages, (p) => p.jsWhenInteractive.gzip).jsWhenInteractive : { raw: 0, gzip: 0 };
  row('JavaScript when a chart becomes interactive (Vega runtime chunk)', `${kib(interactive.gzip)} gzip (${kib(interactive.raw)} raw)`, '≤ 200 KiB gzip', x(interactive.gzip / 204_800), interactive.gzip <= 204_800 ? 'yes' : 'no');
  row('fonts (all subsets; a page downloads only those its text uses)', `${real.weight.fonts.files} files, ${kib(real.weight.fonts.bytes)}`);
  // The upper of the middle two of an even count, as the weights have always been reported.
  const middleWeight = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  weightSummary = {
    pages: pages.length,
    medianFirstViewGzip: middleWeight(pages.map((p) => p.firstView.gzip)),
    heaviest: top,
    home,
    baiterek,
    jsBefore,
    interactive,
  };
} else {
  notMeasured('per-page weight of the real report', real.cold?.error ?? 'no site built', '≤ 60 KB gzip');
}
if (lighthouse.length) {
  for (const l of lighthouse) {
    row(`Lighthouse ${l.page} (${l.formFactor}): performance, accessibility, best practices, SEO`, `${l.performance} / ${l.accessibility} / ${l.bestPractices} / ${l.seo}`, '— (reported, issue 6)', '—', 'info');
  }
  const lost = [...new Map(lighthouse.flatMap((l) => l.lost).map((a) => [a.id, a])).values()].slice(0, 6);
  if (lost.length) notes.push(`Lighthouse audits that cost points: ${lost.map((a) => `${a.id} (${a.category}, ${Math.round(a.score * 100)})`).join(', ')}.`);
} else {
  notMeasured('Lighthouse (performance, accessibility, best practices, SEO): /en/ and /en/baiterek/', 'see notes');
}
results.pageWeight = weightSummary;
results.pageWeightAll = real.weight;

if (profile) {
  const entries = Object.entries(profile.timings).sort(([, a], [, b]) => b.cpuMs - a.cpuMs);
  results.profileTop = entries.slice(0, 8).map(([name, t]) => ({ name, wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs) }));
}

// ─── output ───────────────────────────────────────────────────────────────────────────────────

const loadAtEnd = os.loadavg();
environment.loadAverageAtStart = environment.loadAverageAtStart.map((l) => Number(l.toFixed(2)));
const totalMs = Date.now() - runStarted;
results.rows = rows;
results.notes = notes;
results.totalMs = totalMs;
results.loadAverageAtEnd = loadAtEnd.map((l) => Number(l.toFixed(2)));

const widths = (['figure', 'measured', 'target', 'ratio', 'met'] as const).map((k) => Math.min(90, Math.max(k.length, ...rows.map((r) => r[k].length))));
const line = (r: Row) => (['figure', 'measured', 'target', 'ratio', 'met'] as const).map((k, i) => r[k].padEnd(widths[i] ?? 0)).join(' │ ');
console.log(`\n${line({ figure: 'figure', measured: 'measured (wall, cpu)', target: 'target', ratio: 'ratio', met: 'met?' })}`);
console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
for (const r of rows) console.log(line(r));
for (const note of notes) console.log(`note: ${note}`);
console.log(`\nbench finished in ${s(totalMs)}; load average at start ${environment.loadAverageAtStart.join(' ')}, at end ${results.loadAverageAtEnd as number[]}`);

await Promise.all(pendingDeletions);
mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(repo, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

// The committed summary: the date of the run (SOURCE_DATE_EPOCH when set), never part of a site build.
const date = process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH) ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(runStarted);
const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
const markdown = [
  '# Benchmark results',
  '',
  `Latest \`npm run bench\` (bench/run.ts): ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${environment.cpus} cores (${environment.cpuModel ?? 'unknown CPU'}), node ${environment.node},`,
  `load average ${environment.loadAverageAtStart.join(' / ')} at start and ${(results.loadAverageAtEnd as number[]).join(' / ')} at end (a shared machine inflates wall times; CPU times are beside them), ${s(totalMs)} in all.`,
  `Chart cache: ${environment.chartCache ? 'present (scripts/chart/chart-cache.ts)' : 'absent'}; worker pool in scripts/chart: ${environment.chartWorkerPool.join(', ') || 'none'}.`,
  `Code measured: ${environment.code}. Full figures: \`bench/results/latest.json\` (git-ignored).`,
  '',
  '| figure | measured (wall, cpu) | target | ratio | met? |',
  '|---|---|---|---|---|',
  ...rows.map((r) => `| ${escapeCell(r.figure)} | ${escapeCell(r.measured)} | ${escapeCell(r.target)} | ${escapeCell(r.ratio)} | ${escapeCell(r.met)} |`),
  '',
  ...(notes.length ? ['Notes:', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ...(results.profileTop ? ['Where a no-change rebuild of the 500-chapter project spends its CPU time (bench/profile-build.ts):', '', '| step | wall | cpu |', '|---|---|---|', ...(results.profileTop as Array<{ name: string; wallMs: number; cpuMs: number }>).map((p) => `| ${escapeCell(p.name)} | ${s(p.wallMs)} | ${s(p.cpuMs)} |`), ''] : []),
].join('\n');
// The "Peer" and "Templated pages" sections (--peer, --templated) are measured apart: kept as they are.
const resultsFile = path.join(repo, 'bench', 'RESULTS.md');
const { peerSection } = await import('./peer.ts');
const { templatedSection } = await import('./templated-pages.ts');
const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '';
const kept = [peerSection(previous), templatedSection(previous)].filter(Boolean).map((section) => `\n${section.trimEnd()}\n`).join('');
writeFileSync(resultsFile, `${markdown}\n${kept}`);
console.log('wrote bench/results/latest.json and bench/RESULTS.md');
