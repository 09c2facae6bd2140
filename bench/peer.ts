/**
 * `npm run bench -- --peer` (bench/run.ts hands over to `runPeer` and runs nothing else): this
 * project against a peer tool, Observable Framework 1.13.4, and against a minimal baseline, on the
 * same content: 100 chapters × 3 charts (a line chart, a stacked bar chart, a heatmap), the same
 * data, text and numbers in each tool.
 *
 *   1 content    .build/bench/peer-report: a synthetic project (bench/synthetic.ts: its tables of
 *                200 districts × 20 years, its home page) whose chapters are written here: prose
 *                with inline references, and the three chart blocks (presets line, stacked-bar,
 *                heatmap). This project's own pipeline then reads it once, untimed
 *                (bench/peer-framework/extract.ts): every reference as the text a reader sees, and
 *                every chart's Vega-Lite spec and theme as the presets build them.
 *   2 framework  Framework installed on demand into .build/peer/ from the npm registry, with the
 *                Vega and Vega-Lite versions this project uses (not a dependency of the project);
 *                .build/peer/src/ gets the same chapters: the same Markdown text with the numbers
 *                written out, and each chart as `chart(spec)` of a component
 *                (bench/peer-framework/chart.js) that compiles and draws the same spec with the same
 *                theme and locale in the browser, importing vega and vega-lite from node_modules
 *                (Framework bundles those itself, /_node/…; no npm: import, so no download).
 *   3 minimal    bare Eleventy (the settings of bench/synthetic.ts's bare config) on the same
 *                Markdown, plus build-time Vega SVG of each chart block's spec
 *                (bench/peer-framework/minimal.eleventy.mjs).
 *   4 rounds     --rounds=N (default 3), each: this project cold (no .cache, --force), Framework
 *                cold (.observablehq/cache and dist/ removed), the minimal baseline. Every build is
 *                a child process under /usr/bin/time -v with a timeout, and is checked afterwards
 *                (pages and charts in the output). Framework builds run with
 *                bench/peer-framework/network-guard.mjs preloaded: any connection or fetch is
 *                logged and refused, so an offline build is proven, not assumed.
 *   5 weight     what a first visit to one chapter downloads in each tool, in Debian's Chromium
 *                (bench/peer-framework/first-visit.ts), with a screenshot of each page
 *                (.build/peer/screenshots/) and the number of charts drawn.
 *   6 reason     when this project is over 1.2× the minimal baseline: one more cold build of each
 *                with V8's CPU profiler, the CPU time summed by owner (bench/peer-framework/cpu-breakdown.ts)
 *   7 report     medians of the per-round ratios (with min and max), bench/results/peer.json, and a
 *                "Peer" section in bench/RESULTS.md (replaced on each run; `npm run bench` keeps it).
 *
 * Framework resolves the versions of the libraries its client bundles mention (d3, Plot, Arrow…)
 * against registry.npmjs.org when its cache has none, even when no page imports them. Its first
 * build after the install (untimed, network allowed: part of installing) writes them to its cache
 * as empty folders (.observablehq/cache/_npm/NAME@VERSION); they are kept in .build/peer/npm-pins.json
 * and put back after each cold round removes the cache, as the only thing kept. Everything else a
 * Framework build makes is made again in every round.
 *
 * If Framework cannot be installed (no registry), the run says so, marks its rows "not measured",
 * still measures this project against the minimal baseline, and exits 0.
 *
 * Options: --rounds=3, --pages=100, --live (link the working tree instead of a copy of the code).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChild as runChildIn, TIME, type ChildResult } from './child-process.ts';
import { cpuBreakdown, type Breakdown } from './peer-framework/cpu-breakdown.ts';
import { DISTRICTS, PERIODS, pendingDeletions, REPORT_COMMAND, snapshotCode, writeSyntheticProject } from './synthetic.ts';
import { median, seconds as s, times as x } from './figures.ts';

const repo = path.resolve(import.meta.dirname, '..');
const work = path.join(repo, '.build', 'bench');
const peerDir = path.join(repo, '.build', 'peer');
const FRAMEWORK_VERSION = '1.13.4';
const TSX = ['node', '--import', 'tsx'];

// ─── child processes ───────────────────────────────────────────────────────────────────────────

const runChild = (command: string[], options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv }) => runChildIn(command, { ...options, scratchDir: work });

function failure(result: ChildResult): string {
  if (result.timedOut) return `stopped after ${(result.wallMs / 1000).toFixed(0)} s (time limit)`;
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((l) => l.trim() && !l.startsWith('npm warn') && !/^\s+at /.test(l));
  const cause = lines.find((l) => /error|failed|FATAL|refused/i.test(l)) ?? lines.at(-1) ?? '';
  // eslint-disable-next-line no-control-regex
  return `exit ${result.status}: ${cause.replace(/\u001b\[[0-9;]*m/g, '').trim().slice(0, 300)}`;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const spread = (values: number[]) => ({ min: Math.min(...values), median: median(values), max: Math.max(...values) });

let runStarted = Date.now();
function log(message: string): void {
  console.log(`[${((Date.now() - runStarted) / 1000).toFixed(0).padStart(4)} s] peer: ${message}`);
}

// ─── 1 content ────────────────────────────────────────────────────────────────────────────────

const districtId = (d: number) => `d${String((d % DISTRICTS) + 1).padStart(3, '0')}`;
const LAST = PERIODS[PERIODS.length - 1] as string;
const FIRST = PERIODS[0] as string;
const TEN_YEARS_AGO = PERIODS[PERIODS.length - 11] as string;
const LAST_TEN = PERIODS.slice(-10);

const FILLER = [
  'The district statistics are read here against the regional totals, year by year, so that a change in one series can be told apart from a change in the region as a whole.',
  'Growth was uneven: years of good weather alternate with dry ones, and the harvest follows them more closely than the area sown does.',
  'Output in current prices rose faster than the physical volume, and part of the difference is price growth rather than more production.',
  'Livestock output grew more steadily than crop output, and in several districts it overtook crop production in the last years of the series.',
];

interface PeerChart {
  id: string;
  fence: string;
}

/** One chapter's Markdown for this project, and where its three charts are. */
function chapterSource(page: number): string {
  const base = page * 7;
  const d = districtId(base);
  const e = districtId(base + 1);
  const filler = (k: number) => FILLER[(page + k) % FILLER.length] as string;
  const list = (ids: string[]) => `[${ids.join(', ')}]`;
  const periods = (ps: string[]) => `[${ps.map((p) => `"${p}"`).join(', ')}]`;
  const charts: PeerChart[] = [
    {
      id: `harvest-${page}`,
      fence: ['```chart', `id: harvest-${page}`, `title: The harvest of ${d} against three other districts, chapter ${page}`, 'table: harvest', 'preset: line', `rows: ${list([0, 17, 34, 51].map((k) => districtId(base + k)))}`, '```'].join('\n'),
    },
    {
      id: `output-${page}`,
      fence: ['```chart', `id: output-${page}`, `title: Gross output of ${d} and its two neighbours, stacked, chapter ${page}`, 'table: gross-output', 'preset: stacked-bar', `rows: ${list([0, 1, 2].map((k) => districtId(base + k)))}`, `periods: ${periods(LAST_TEN)}`, '```'].join('\n'),
    },
    {
      id: `index-${page}`,
      fence: ['```chart', `id: index-${page}`, `title: Gross output index of six districts, ${FIRST} = 100, chapter ${page}`, 'table: output-index', 'preset: heatmap', `rows: ${list([0, 1, 2, 3, 4, 5].map((k) => districtId(base + k * 3)))}`, `periods: ${periods(LAST_TEN)}`, '```'].join('\n'),
    },
  ];
  return [
    '---',
    `title: Harvest and output in district ${d}, chapter ${page}`,
    `short: District ${d} (${page})`,
    `summary: Peer-benchmark chapter ${page}, with a line chart, a stacked bar chart and a heatmap.`,
    'findings:',
    `  - "The harvest of ${d} reached {=base-index(harvest.${d}, ${LAST}, ${FIRST})} % of its ${FIRST} level."`,
    `  - "Its gross output grew by {=growth-rate(gross-output.${d}, ${LAST}, ${TEN_YEARS_AGO})} % in ten years."`,
    '---',
    '',
    `In ${LAST} district ${d} harvested {=harvest.${d}.${LAST}} thousand t, {=share(harvest.${d}, ${LAST})} % of the region's harvest, on {=sown-area.${d}.${LAST}} thousand ha. ${filler(0)}`,
    '',
    '## Harvest',
    '',
    (charts[0] as PeerChart).fence,
    '',
    `${filler(1)} The chain index of its harvest for ${LAST} was {=chain-index(harvest.${d}, ${LAST})}.`,
    '',
    '## Output',
    '',
    `Gross output grew by {=growth-rate(gross-output.${d}, ${LAST}, ${TEN_YEARS_AGO})} % over ten years (an average of {=cagr(gross-output.${d}, ${LAST}, ${TEN_YEARS_AGO})} % a year), and livestock output by {=growth-rate(livestock.${d}, ${LAST}, ${TEN_YEARS_AGO})} %.`,
    '',
    (charts[1] as PeerChart).fence,
    '',
    filler(2),
    '',
    '## Output index',
    '',
    `Its neighbour ${e} reached an index of {=base-index(gross-output.${e}, ${LAST}, ${FIRST})}, with ${FIRST} = 100. ${filler(3)}`,
    '',
    (charts[2] as PeerChart).fence,
    '',
  ].join('\n');
}

interface Extracted {
  locale: string;
  vegaLocale: object;
  theme: object;
  pages: Array<{
    file: string;
    slug: string;
    values: Record<string, string>;
    charts: Array<{ id: string; title: string; preset: string; table: string; subtitle: string; description: string; spec: object; records: number }>;
  }>;
}

interface PeerProject {
  root: string;
  chapters: number;
  chapterFiles: string[];
}

function writePeerProject(code: string, pages: number): PeerProject {
  const root = path.join(work, 'peer-report');
  const project = writeSyntheticProject(code, root, { pages, chartsPerPage: 0, tablesPerPage: 0 });
  const dir = path.join(root, 'content', 'en');
  const chapterFiles: string[] = [];
  for (const file of readdirSync(dir)) if (file !== 'index.md') rmSync(path.join(dir, file));
  const width = Math.max(3, String(pages).length);
  for (let page = 1; page <= pages; page++) {
    const file = `${String(page).padStart(width, '0')}-district-${page}.md`;
    writeFileSync(path.join(dir, file), chapterSource(page));
    chapterFiles.push(file);
  }
  cpSync(path.join(repo, 'bench', 'peer-framework', 'minimal.eleventy.mjs'), path.join(root, 'peer-minimal.eleventy.mjs'));
  return { root: project.root, chapters: pages, chapterFiles };
}

/** This project's Markdown as a Framework page: the same text, the numbers written out, each chart block a `chart(spec)` cell. */
function frameworkPage(source: string, page: Extracted['pages'][number], chapter: number | undefined, sourceTitle: string): string {
  const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
  const frontText = front?.[1] ?? '';
  const title = /^title: (.*)$/m.exec(frontText)?.[1] ?? '';
  const findings = [...frontText.matchAll(/^ {2}- "(.*)"$/gm)].map((m) => m[1] ?? '');
  const number = (text: string) =>
    text.replace(/\{=([^}]+)\}/g, (_, ref: string) => {
      const value = page.values[ref];
      if (value === undefined) throw new Error(`${page.file}: no value for {=${ref}}`);
      return value;
    });
  let k = 0;
  const body = number(source.slice(front?.[0].length ?? 0)).replace(/```chart\n([\s\S]*?)```\n/g, (_, block: string) => {
    const id = /^id: (\S+)$/m.exec(block)?.[1];
    const chart = page.charts.find((c) => c.id === id);
    if (!chart) throw new Error(`${page.file}: no spec for chart ${id}`);
    k++;
    return [
      `<p class="figure-caption" id="fig-${chart.id}"><b>Figure ${chapter ?? 0}.${k}.</b> ${chart.title}<br><small>${chart.subtitle}</small></p>`,
      '',
      '```js',
      `chart(${JSON.stringify(chart.spec)})`,
      '```',
      '',
      `<p class="figure-source"><small>Source: ${sourceTitle}, table ${chart.table}.</small></p>`,
      '',
    ].join('\n');
  });
  return [
    '---',
    `title: ${JSON.stringify(title)}`,
    '---',
    '',
    `# ${title}`,
    '',
    ...(findings.length ? ['**Key findings**', '', ...findings.map((f) => `- ${number(f)}`), ''] : []),
    ...(page.charts.length ? ['```js', 'import {chart} from "./components/chart.js";', '```', ''] : []),
    body.trim(),
    '',
  ].join('\n');
}

function writeFrameworkProject(project: PeerProject, extracted: Extracted): void {
  const src = path.join(peerDir, 'src');
  rmSync(src, { recursive: true, force: true });
  rmSync(path.join(peerDir, 'dist'), { recursive: true, force: true });
  mkdirSync(path.join(src, 'components'), { recursive: true });
  cpSync(path.join(repo, 'bench', 'peer-framework', 'chart.js'), path.join(src, 'components', 'chart.js'));
  writeFileSync(path.join(src, 'components', 'theme.js'), `// This project's chart theme and English number locale (scripts/chart/theme.ts, locale.ts), as extracted for the peer benchmark.\nexport const theme = ${JSON.stringify(extracted.theme)};\nexport const locale = ${JSON.stringify(extracted.vegaLocale)};\n`);
  writeFileSync(
    path.join(peerDir, 'observablehq.config.js'),
    `// The peer benchmark's Framework project (written by bench/peer.ts): Framework's defaults (sidebar\n// listing every page, pager, theme, its Google-hosted Source Serif 4 stylesheet), with search on,\n// as this project builds a search index too.\nexport default {\n  root: "src",\n  output: "dist",\n  title: "Synthetic benchmark report",\n  search: true\n};\n`,
  );
  const references = JSON.parse(readFileSync(path.join(project.root, 'data', 'references.json'), 'utf8')) as Array<{ title: string }>;
  const sourceTitle = references[0]?.title ?? 'synthetic data';
  for (const page of extracted.pages) {
    const file = path.basename(page.file);
    const source = readFileSync(path.join(project.root, page.file), 'utf8');
    const chapter = project.chapterFiles.indexOf(file);
    writeFileSync(path.join(src, file), frameworkPage(source, page, chapter >= 0 ? chapter + 1 : undefined, sourceTitle));
  }
}

// ─── 2 Framework, installed on demand ──────────────────────────────────────────────────────────

const frameworkBin = () => path.join(peerDir, 'node_modules', '@observablehq', 'framework', 'dist', 'bin', 'observable.js');
const installedVersion = (name: string) => {
  try {
    return (JSON.parse(readFileSync(path.join(peerDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
};

async function installFramework(): Promise<{ ok: true; installMs?: number } | { ok: false; why: string }> {
  const versions = { '@observablehq/framework': FRAMEWORK_VERSION, vega: installedVersionIn(repo, 'vega'), 'vega-lite': installedVersionIn(repo, 'vega-lite') };
  mkdirSync(peerDir, { recursive: true });
  // Vega 6's packages ship a tsconfig.json that extends ../../tsconfig.json (their monorepo's); the
  // esbuild plugin Framework bundles node_modules with reads it and fails without one there.
  writeFileSync(path.join(peerDir, 'tsconfig.json'), '{}\n');
  const wanted = Object.entries(versions).every(([name, version]) => installedVersion(name) === version);
  if (wanted && existsSync(frameworkBin())) return { ok: true };
  writeFileSync(path.join(peerDir, 'package.json'), `${JSON.stringify({ name: 'peer-benchmark-framework', private: true, type: 'module', dependencies: versions }, null, 2)}\n`);
  rmSync(path.join(peerDir, 'npm-pins.json'), { force: true });
  log(`installing Observable Framework ${FRAMEWORK_VERSION}, vega ${versions.vega}, vega-lite ${versions['vega-lite']} into ${path.relative(repo, peerDir)}/ from the npm registry`);
  const result = await runChild(['npm', 'install', '--prefix', peerDir, '--no-audit', '--no-fund', '--no-package-lock'], { cwd: peerDir, timeoutMs: 300_000 });
  if (!result.ok || !existsSync(frameworkBin())) return { ok: false, why: `npm install failed (${failure(result)})` };
  return { ok: true, installMs: result.wallMs };
}

function installedVersionIn(dir: string, name: string): string {
  return (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

const frameworkCache = () => path.join(peerDir, 'src', '.observablehq', 'cache');

/** Framework's cache removed, and only its npm version pins put back (see the header). */
function frameworkCold(pins: string[]): void {
  rmSync(path.join(peerDir, 'src', '.observablehq'), { recursive: true, force: true });
  rmSync(path.join(peerDir, 'dist'), { recursive: true, force: true });
  for (const pin of pins) mkdirSync(path.join(frameworkCache(), '_npm', pin), { recursive: true });
}

function readPins(): string[] {
  const npm = path.join(frameworkCache(), '_npm');
  if (!existsSync(npm)) return [];
  const pins: string[] = [];
  for (const entry of readdirSync(npm)) {
    if (entry.startsWith('@')) for (const scoped of readdirSync(path.join(npm, entry))) pins.push(`${entry}/${scoped}`);
    else pins.push(entry);
  }
  return pins.sort();
}

const networkLog = path.join(peerDir, 'network.log');
const frameworkCommand = (guard: boolean) => ['node', ...(guard ? ['--import', path.join(repo, 'bench', 'peer-framework', 'network-guard.mjs')] : []), frameworkBin(), 'build'];
const frameworkEnv = { OBSERVABLE_TELEMETRY_DISABLE: '1', npm_config_offline: 'true', PEER_NETWORK_LOG: networkLog, NO_COLOR: '1' };

// ─── checks of what each build wrote ───────────────────────────────────────────────────────────

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Pages written, and charts in them (by a pattern of each tool's output). */
function outputCheck(dir: string, chart: RegExp): { pages: number; charts: number } {
  const files = htmlFiles(dir);
  let charts = 0;
  for (const f of files) charts += (readFileSync(f, 'utf8').match(chart) ?? []).length;
  return { pages: files.length, charts };
}

// ─── the run ──────────────────────────────────────────────────────────────────────────────────

interface Timing {
  ok: boolean;
  wallMs: number;
  cpuMs: number;
  maxRssMB?: number;
  loadAverage: number;
  error?: string;
  pages?: number;
  charts?: number;
}

const timing = (r: ChildResult, check?: { pages: number; charts: number }): Timing => ({
  ok: r.ok,
  wallMs: Math.round(r.wallMs),
  cpuMs: Math.round(r.cpuMs),
  maxRssMB: r.maxRssMB === undefined ? undefined : Math.round(r.maxRssMB),
  loadAverage: Number(r.loadAverage.toFixed(2)),
  ...(r.ok ? {} : { error: failure(r) }),
  ...(check ?? {}),
});

interface Row {
  figure: string;
  measured: string;
  target: string;
  ratio: string;
  met: string;
}

export async function runPeer(args: string[]): Promise<number> {
  runStarted = Date.now();
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const ROUNDS = Math.max(1, Number(option('rounds') ?? 3));
  const PAGES = Number(option('pages') ?? 100);
  const rows: Row[] = [];
  const notes: string[] = [];
  const row = (figure: string, measured: string, target = '—', ratio = '—', met = 'info') => rows.push({ figure, measured, target, ratio, met });
  const results: Record<string, unknown> = {
    started: new Date(runStarted).toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
    rounds: ROUNDS,
    pages: PAGES,
  };
  mkdirSync(work, { recursive: true });
  log(`${PAGES} chapters × 3 charts, ${ROUNDS} rounds, on ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  // The code measured: a copy taken now (as bench/run.ts does), unless --live.
  const code = args.includes('--live') ? repo : snapshotCode(repo, path.join(work, 'peer-code'));
  results.code = code === repo ? 'the working tree (--live)' : `a copy of scripts/, templates/ and the config taken at the start (${path.relative(repo, code)})`;

  // 1 content, and this project's reading of it (untimed).
  const project = writePeerProject(code, PAGES);
  await Promise.all(pendingDeletions);
  const extractFile = path.join(project.root, '.peer-extract.json');
  const extract = await runChild([...TSX, path.join(repo, 'bench', 'peer-framework', 'extract.ts'), `--out=${extractFile}`], { cwd: project.root, timeoutMs: 120_000 });
  if (!extract.ok) {
    console.error(`peer: could not read the peer content with this project's pipeline: ${failure(extract)}`);
    return 1;
  }
  const extracted = JSON.parse(readFileSync(extractFile, 'utf8')) as Extracted;
  const allCharts = extracted.pages.flatMap((p) => p.charts);
  const byPreset = Object.entries(allCharts.reduce<Record<string, number>>((m, c) => ({ ...m, [c.preset]: (m[c.preset] ?? 0) + 1 }), {}))
    .map(([p, n]) => `${n} ${p}`)
    .join(', ');
  const records = allCharts.reduce((n, c) => n + c.records, 0);
  log(`content: ${extracted.pages.length} pages, ${allCharts.length} charts (${byPreset}; ${records} records), ${extracted.pages.reduce((n, p) => n + Object.keys(p.values).length, 0)} distinct references`);
  writeFileSync(path.join(project.root, 'peer-specs.json'), JSON.stringify({ theme: extracted.theme, vegaLocale: extracted.vegaLocale, charts: Object.fromEntries(allCharts.map((c) => [c.id, c.spec])) }));
  results.content = { pages: extracted.pages.length, charts: allCharts.length, byPreset, records };

  // 2 Framework
  let framework: { ok: true } | { ok: false; why: string } = await installFramework();
  let pins: string[] = [];
  if (framework.ok) {
    writeFrameworkProject(project, extracted);
    const pinsFile = path.join(peerDir, 'npm-pins.json');
    if (existsSync(pinsFile)) {
      pins = JSON.parse(readFileSync(pinsFile, 'utf8')) as string[];
    } else {
      // The first build after installing: network allowed (registry.npmjs.org), untimed.
      frameworkCold([]);
      log('Framework: first build after installing (untimed; it asks registry.npmjs.org for library versions, kept as pins)');
      const prime = await runChild(frameworkCommand(false), { cwd: peerDir, timeoutMs: 300_000, env: frameworkEnv });
      pins = readPins();
      if (!prime.ok) framework = { ok: false, why: `its first build failed (${failure(prime)})` };
      else writeFileSync(pinsFile, `${JSON.stringify(pins, null, 2)}\n`);
      log(`Framework: ${pins.length} npm version pins: ${pins.join(', ')}`);
    }
  }
  if (!framework.ok) {
    console.log(`peer: Observable Framework ${FRAMEWORK_VERSION} not measured: ${framework.why}`);
    notes.push(`Observable Framework ${FRAMEWORK_VERSION} was not measured: ${framework.why}.`);
  }
  results.framework = { version: FRAMEWORK_VERSION, installed: framework.ok, ...(framework.ok ? { pins, vega: installedVersion('vega'), vegaLite: installedVersion('vega-lite') } : { why: framework.why }) };

  // 4 rounds
  const rounds: Array<{ project: Timing; framework?: Timing; minimal: Timing; networkAttempts?: string[] }> = [];
  const projectSite = path.join(project.root, '_site');
  const minimalSite = path.join(project.root, '.build', 'minimal-site');
  for (let round = 1; round <= ROUNDS; round++) {
    for (const dir of ['.cache', '_site', '.build']) rmSync(path.join(project.root, dir), { recursive: true, force: true });
    const own = await runChild([...REPORT_COMMAND, 'build', '--force'], { cwd: project.root, timeoutMs: 240_000 });
    const ownT = timing(own, outputCheck(projectSite, /class="chart-svg"/g));
    log(`round ${round}: this project cold ${own.ok ? `${s(own.wallMs)} (cpu ${s(own.cpuMs)}), ${ownT.pages} pages, ${ownT.charts} chart SVGs` : failure(own)}`);
    let fwT: Timing | undefined;
    let networkAttempts: string[] | undefined;
    if (framework.ok) {
      frameworkCold(pins);
      rmSync(networkLog, { force: true });
      const fw = await runChild(frameworkCommand(true), { cwd: peerDir, timeoutMs: 300_000, env: frameworkEnv });
      networkAttempts = existsSync(networkLog) ? readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : [];
      fwT = timing(fw, outputCheck(path.join(peerDir, 'dist'), /\bchart\(\{/g));
      log(`round ${round}: Framework cold ${fw.ok ? `${s(fw.wallMs)} (cpu ${s(fw.cpuMs)}), ${fwT.pages} pages, ${fwT.charts} chart cells` : failure(fw)}; network attempts ${networkAttempts.length}`);
      writeFileSync(path.join(peerDir, `build-round-${round}.log`), `${fw.stdout}\n${fw.stderr}`);
    }
    rmSync(minimalSite, { recursive: true, force: true });
    const minimal = await runChild(['node', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=peer-minimal.eleventy.mjs', '--quiet'], { cwd: project.root, timeoutMs: 120_000 });
    const minT = timing(minimal, outputCheck(minimalSite, /<svg\b/g));
    log(`round ${round}: minimal baseline ${minimal.ok ? `${s(minimal.wallMs)} (cpu ${s(minimal.cpuMs)}), ${minT.pages} pages, ${minT.charts} SVGs` : failure(minimal)}`);
    rounds.push({ project: ownT, ...(fwT ? { framework: fwT } : {}), minimal: minT, ...(networkAttempts ? { networkAttempts } : {}) });
  }
  results.roundsMeasured = rounds;

  // One more Framework cold build (untimed) under strace: connect() of every process it starts,
  // esbuild's included, which the preloaded guard cannot see.
  let straced: { connects: string[] } | string | undefined;
  if (framework.ok && existsSync('/usr/bin/strace')) {
    frameworkCold(pins);
    const traceFile = path.join(peerDir, 'strace-connect.log');
    rmSync(traceFile, { force: true });
    const r = await runChild(['/usr/bin/strace', '-f', '-qq', '-e', 'trace=connect', '-o', traceFile, ...frameworkCommand(true)], { cwd: peerDir, timeoutMs: 300_000, env: frameworkEnv });
    if (!r.ok) straced = failure(r);
    else {
      const connects = readFileSync(traceFile, 'utf8').split('\n').filter((l) => /connect\(/.test(l) && /AF_INET6?\b/.test(l));
      straced = { connects };
      log(`Framework cold build under strace: ${connects.length} network connect() calls`);
    }
  }
  results.strace = straced;
  const frameworkLog = framework.ok && existsSync(path.join(peerDir, 'dist')) ? undefined : 'no Framework site';

  // The last round's builds stay on disk: the project's _site and Framework's dist/.
  // 5 first-visit weight, in Chromium
  const chapter = Math.ceil(PAGES / 2);
  const chapterFile = project.chapterFiles[chapter - 1] ?? '';
  const slug = chapterFile.replace(/^\d+-/, '').replace(/\.md$/, '');
  const shots = path.join(peerDir, 'screenshots');
  mkdirSync(shots, { recursive: true });
  type Visit = { chartsFound: number; total: { files: number; raw: number; sent: number }; categories: Record<string, { files: number; raw: number; sent: number }>; remote: string[]; failed: string[]; consoleErrors: string[]; loadedMs: number; requests: Array<{ url: string; sent: number; raw: number; type: string }> };
  const visit = async (site: string, page: string, charts: string, shot: string): Promise<Visit | string> => {
    if (!existsSync('/usr/bin/chromium') && !process.env.CHROMIUM_PATH) return 'no Chromium (/usr/bin/chromium)';
    const r = await runChild([...TSX, path.join(repo, 'bench', 'peer-framework', 'first-visit.ts'), `--site=${site}`, `--page=${page}`, `--charts=${charts}`, '--count=3', `--shot=${shot}`], { cwd: repo, timeoutMs: 120_000 });
    if (!r.ok) return failure(r);
    return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as Visit;
  };
  const ownPage = `/en/${slug}/`;
  const fwPage = `/${chapterFile.replace(/\.md$/, '')}`;
  const ownVisit = rounds.at(-1)?.project.ok ? await visit(projectSite, ownPage, '.chart svg, svg.chart-svg', path.join(shots, 'project.png')) : 'no site built';
  const fwVisit = framework.ok && !frameworkLog && rounds.at(-1)?.framework?.ok ? await visit(path.join(peerDir, 'dist'), fwPage, '.peer-chart svg', path.join(shots, 'framework.png')) : framework.ok ? 'no site built' : framework.why;
  results.firstVisit = { project: { page: ownPage, visit: ownVisit }, framework: { page: fwPage, visit: fwVisit } };
  for (const [name, v] of [['this project', ownVisit], ['Framework', fwVisit]] as const) {
    if (typeof v === 'string') log(`first visit, ${name}: not measured (${v})`);
    else log(`first visit, ${name}: ${kb(v.total.sent)} sent in ${v.total.files} files (${kb(v.total.raw)} raw), ${v.chartsFound} charts drawn, ${v.remote.length} requests to other hosts refused`);
  }

  // 7 the table (6, the CPU profiles, below it)
  const ok = (t?: Timing) => Boolean(t?.ok);
  const good = rounds.filter((r) => ok(r.project) && ok(r.minimal));
  const withFramework = rounds.filter((r) => ok(r.project) && ok(r.framework));
  const describe = (ts: Timing[]) => {
    const wall = spread(ts.map((t) => t.wallMs));
    const cpu = median(ts.map((t) => t.cpuMs));
    return `${s(wall.median)} (cpu ${s(cpu)}); rounds ${ts.map((t) => s(t.wallMs)).join(', ')}`;
  };
  const ownTimes = rounds.map((r) => r.project).filter(ok);
  const chartsPerTool = (t?: Timing) => (t?.charts === undefined ? '' : `, ${t.pages} pages, ${t.charts} charts in the output`);
  if (ownTimes.length) row(`this project, cold build (no .cache, --force), ${PAGES} chapters × 3 charts${chartsPerTool(ownTimes.at(-1))}`, describe(ownTimes));
  else notMeasured(row, 'this project, cold build', rounds[0]?.project.error ?? 'failed');
  const fwTimes = rounds.map((r) => r.framework).filter((t): t is Timing => ok(t));
  if (fwTimes.length) row(`Observable Framework ${FRAMEWORK_VERSION}, cold build (.observablehq/cache and dist/ removed), same content${chartsPerTool(fwTimes.at(-1))} (chart cells)`, describe(fwTimes));
  else notMeasured(row, `Observable Framework ${FRAMEWORK_VERSION}, cold build`, framework.ok ? (rounds[0]?.framework?.error ?? 'failed') : framework.why);
  const minTimes = rounds.map((r) => r.minimal).filter(ok);
  if (minTimes.length) row(`minimal baseline: bare Eleventy + build-time Vega SVG, same Markdown${chartsPerTool(minTimes.at(-1))}`, describe(minTimes));
  else notMeasured(row, 'minimal baseline', rounds[0]?.minimal.error ?? 'failed');

  const ratioRow = (figure: string, pairs: Array<[number, number]>, cpuPairs: Array<[number, number]>, target: string, pass: (r: number) => boolean, unit: string) => {
    const ratios = pairs.map(([a, b]) => a / b);
    const cpu = median(cpuPairs.map(([a, b]) => a / b));
    const r = spread(ratios);
    const met = pass(r.median) ? 'yes' : pass(cpu) ? 'no (yes on CPU time)' : 'no';
    row(figure, `per round ${ratios.map((v) => x(v)).join(', ')}`, target, `${x(r.median)}${unit} (min ${x(r.min)}, max ${x(r.max)}; cpu ${x(cpu)})`, met);
    return { ...r, cpuMedian: cpu, ratios };
  };
  const ratios: Record<string, unknown> = {};
  if (withFramework.length) {
    ratios.frameworkOverProject = ratioRow(
      `this project vs Framework: Framework's cold build time ÷ this project's (median of ${withFramework.length} rounds)`,
      withFramework.map((r) => [r.framework!.wallMs, r.project.wallMs]),
      withFramework.map((r) => [r.framework!.cpuMs, r.project.cpuMs]),
      '≥ 3× faster than Framework',
      (v) => v >= 3,
      ' faster',
    );
  } else {
    notMeasured(row, 'this project vs Framework', framework.ok ? 'no round where both built' : framework.why, '≥ 3× faster than Framework');
  }
  if (good.length) {
    ratios.projectOverMinimal = ratioRow(
      `this project vs minimal baseline: this project's cold build time ÷ the baseline's (median of ${good.length} rounds)`,
      good.map((r) => [r.project.wallMs, r.minimal.wallMs]),
      good.map((r) => [r.project.cpuMs, r.minimal.cpuMs]),
      '≤ 1.2× minimal baseline',
      (v) => v <= 1.2,
      '',
    );
  } else {
    notMeasured(row, 'this project vs minimal baseline', 'no round where both built', '≤ 1.2× minimal baseline');
  }
  results.ratios = ratios;

  const weight = (v: Visit) => {
    const c = (name: string) => v.categories[name] ?? { files: 0, raw: 0, sent: 0 };
    return `${kb(v.total.sent)} (HTML ${kb(c('html').sent)}, CSS ${kb(c('css').sent)} in ${c('css').files}, JS ${kb(c('js').sent)} in ${c('js').files}, fonts ${kb(c('fonts').sent)} in ${c('fonts').files}${c('other').files ? `, other ${kb(c('other').sent)} in ${c('other').files}` : ''}; ${v.chartsFound} charts drawn)`;
  };
  const remoteNote = (v: Visit) => (v.remote.length ? ` + not weighed: ${v.remote.length} request${v.remote.length > 1 ? 's' : ''} to other hosts (${[...new Set(v.remote.map((u) => new URL(u).host))].join(', ')})` : '');
  if (typeof ownVisit === 'string') notMeasured(row, `first visit, this project ${ownPage}`, ownVisit);
  else row(`first visit, this project ${ownPage}: HTML + CSS + JS + fonts + other, gzip (1280×800, no interaction, Chromium)`, `${weight(ownVisit)}${remoteNote(ownVisit)}`);
  if (typeof fwVisit === 'string') notMeasured(row, `first visit, Framework ${fwPage}`, fwVisit);
  else row(`first visit, Framework ${fwPage}: HTML + CSS + JS + fonts + other, gzip (1280×800, no interaction, Chromium)`, `${weight(fwVisit)}${remoteNote(fwVisit)}`);
  if (typeof ownVisit !== 'string' && typeof fwVisit !== 'string') {
    row('first-visit weight, this project vs Framework', `${kb(ownVisit.total.sent)} vs ${kb(fwVisit.total.sent)}`, '— (reported)', `${x(ownVisit.total.sent / fwVisit.total.sent)} of Framework's${fwVisit.remote.length ? ' (Framework also fetches the hosts named above)' : ''}`, 'info');
  }
  if (framework.ok && rounds.some((r) => r.networkAttempts)) {
    const attempts = rounds.flatMap((r) => r.networkAttempts ?? []);
    row(`Framework builds: network connections or fetches attempted (bench/peer-framework/network-guard.mjs, ${rounds.length} rounds)`, attempts.length ? `${attempts.length}: ${[...new Set(attempts)].slice(0, 4).join('; ')}` : '0', '0 (offline build)', '—', attempts.length ? 'no' : 'yes');
  }
  if (straced !== undefined) {
    if (typeof straced === 'string') notMeasured(row, 'Framework cold build under strace: network connect() calls', straced, '0');
    else row('Framework cold build under strace -f (one more, untimed; every process, esbuild included): network connect() calls', straced.connects.length ? `${straced.connects.length}: ${straced.connects.slice(0, 2).join('; ')}` : '0', '0 (offline build)', '—', straced.connects.length ? 'no' : 'yes');
  }
  const chartCheck = (name: string, v: Visit | string) => {
    if (typeof v === 'string') return;
    row(`${name}: charts drawn in Chromium on the measured page (screenshot ${path.relative(repo, path.join(shots, name === 'this project' ? 'project.png' : 'framework.png'))})`, `${v.chartsFound} of 3${v.consoleErrors.length ? `; console errors: ${v.consoleErrors.slice(0, 2).join(' | ')}` : ''}`, '3', '—', v.chartsFound >= 3 ? 'yes' : 'no');
  };
  chartCheck('this project', ownVisit);
  chartCheck('Framework', fwVisit);

  // Where the time goes when a target is missed: one more cold build of each tool concerned with
  // V8's CPU profiler on (untimed for the ratios), its CPU time summed by owner (cpu-breakdown.ts).
  const overMinimal = good.length > 0 && !(median(good.map((r) => r.project.wallMs / r.minimal.wallMs)) <= 1.2);
  const underFramework = withFramework.length > 0 && !(median(withFramework.map((r) => r.framework!.wallMs / r.project.wallMs)) >= 3);
  if (overMinimal || underFramework) {
    const profiles: Record<string, Breakdown> = {};
    const profiled: Array<{ name: string; command: string[]; cwd: string; env?: NodeJS.ProcessEnv; before: () => void }> = [
      { name: 'this project', command: [REPORT_COMMAND[0]!, '--cpu-prof', ...REPORT_COMMAND.slice(1), 'build', '--force'], cwd: project.root, before: () => ['.cache', '_site', '.build'].forEach((d) => rmSync(path.join(project.root, d), { recursive: true, force: true })) },
    ];
    if (overMinimal) profiled.push({ name: 'minimal baseline', command: ['node', '--cpu-prof', 'node_modules/@11ty/eleventy/cmd.cjs', '--config=peer-minimal.eleventy.mjs', '--quiet'], cwd: project.root, before: () => rmSync(minimalSite, { recursive: true, force: true }) });
    if (underFramework) profiled.push({ name: 'Framework', command: ['node', '--cpu-prof', ...frameworkCommand(true).slice(1)], cwd: peerDir, env: frameworkEnv, before: () => frameworkCold(pins) });
    for (const p of profiled) {
      const dir = path.join(work, `peer-cpu-profile-${p.name.replace(/\W+/g, '-')}`);
      rmSync(dir, { recursive: true, force: true });
      p.before();
      const r = await runChild([p.command[0] as string, p.command[1] as string, `--cpu-prof-dir=${dir}`, ...p.command.slice(2)], { cwd: p.cwd, timeoutMs: 300_000, env: p.env });
      if (!r.ok) notes.push(`The CPU profile of ${p.name}'s cold build failed: ${failure(r)}`);
      else profiles[p.name] = { ...cpuBreakdown(dir), processCpuMs: Math.round(r.cpuMs) };
    }
    log(`CPU profiles of one more cold build each: ${Object.entries(profiles).map(([n, b]) => `${n} ${s(b.busyMs)} in JS threads`).join(', ')}`);
    results.cpuProfiles = profiles;
    const ms = (b: Breakdown, name: string) => b.byCategory.find((c) => c.name === name)?.ms ?? 0;
    const top = (b: Breakdown) => b.byCategory.slice(0, 7).map((c) => `${c.name} ${s(c.ms)}`).join('; ');
    const profileOf = (name: string, b: Breakdown) => `${name}: ${s(b.busyMs)} of CPU in its JavaScript threads (${s(b.processCpuMs ?? NaN)} for the whole process tree under /usr/bin/time, which also counts V8's background threads and child processes such as esbuild and Pagefind), ${s(b.wallMs)} wall under the profiler`;
    const own = profiles['this project'];
    const min = profiles['minimal baseline'];
    const fw = profiles['Framework'];
    if (own && min) {
      const names = [...new Set([...own.byCategory, ...min.byCategory].map((c) => c.name))];
      const extra = names.map((name) => ({ name, own: ms(own, name), min: ms(min, name), more: ms(own, name) - ms(min, name) })).sort((a, b) => b.more - a.more);
      notes.push(
        `Why this project is over 1.2× the minimal baseline (V8 CPU profiles, one more cold build of each, bench/peer-framework/cpu-breakdown.ts): ${profileOf('this project', own)}; ${profileOf('the baseline', min)}. The difference by owner: ${extra
          .filter((e) => e.more > 50)
          .slice(0, 9)
          .map((e) => `${e.name} +${s(e.more)} (${s(e.own)} vs ${s(e.min)})`)
          .join('; ')}.`,
      );
    }
    if (fw && own) notes.push(`Why Framework is not 3× slower (the same profiles): ${profileOf('Framework', fw)}, largest owners ${top(fw)}; ${profileOf('this project', own)}, largest owners ${top(own)}.`);
  }

  notes.push(
    `Content: ${extracted.pages.length} pages (home + ${PAGES} chapters), ${allCharts.length} charts (${byPreset}), ${records} plotted records, the same text and numbers in each tool (the numbers as this project computes and formats them).${framework.ok ? ` Framework draws each chart in the browser from the same Vega-Lite spec and theme (vega ${installedVersion('vega') ?? '?'}, vega-lite ${installedVersion('vega-lite') ?? '?'} from .build/peer/node_modules, bundled by Framework into /_node/); this project and the minimal baseline draw them at build time.` : ''}`,
    `Cold builds: this project with .cache/, _site/ and .build/ removed and --force;${framework.ok ? ` Framework with src/.observablehq/ and dist/ removed and only its ${pins.length} npm version pins put back (it would otherwise ask registry.npmjs.org for them), telemetry off (OBSERVABLE_TELEMETRY_DISABLE);` : ''} the minimal baseline with its output removed. Each build a child process under ${TIME ? '/usr/bin/time -v' : 'a wall clock'}, with a timeout; in each round this project, then Framework, then the baseline.`,
    'First-visit weight: every response the page loads in Chromium without interaction, each counted as gzip level 9 or raw when that is smaller (fonts); requests to other hosts are refused (offline) and named.',
  );

  const loadAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  results.loadAverageAtEnd = loadAtEnd;
  results.totalMs = Date.now() - runStarted;
  results.rows = rows;
  results.notes = notes;

  const widths = (['figure', 'measured', 'target', 'ratio', 'met'] as const).map((k) => Math.min(90, Math.max(k.length, ...rows.map((r) => r[k].length))));
  const line = (r: Row) => (['figure', 'measured', 'target', 'ratio', 'met'] as const).map((k, i) => r[k].padEnd(widths[i] ?? 0)).join(' │ ');
  console.log(`\n${line({ figure: 'figure', measured: 'measured (wall, cpu)', target: 'target', ratio: 'ratio', met: 'met?' })}`);
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));
  for (const note of notes) console.log(`note: ${note}`);

  mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(repo, 'bench', 'results', 'peer.json'), `${JSON.stringify(results, null, 2)}\n`);
  const date = process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH) ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(runStarted);
  const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
  const section = [
    '## Peer',
    '',
    `Latest \`npm run bench -- --peer\` (bench/peer.ts): ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, node ${process.version}, load average ${(results.loadAverageAtStart as number[]).join(' / ')} at start and ${loadAtEnd.join(' / ')} at end, ${s(results.totalMs as number)} in all. Code measured: ${results.code as string}. Full figures: \`bench/results/peer.json\` (git-ignored).`,
    '',
    '| figure | measured (wall, cpu) | target | ratio | met? |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${escapeCell(r.figure)} | ${escapeCell(r.measured)} | ${escapeCell(r.target)} | ${escapeCell(r.ratio)} | ${escapeCell(r.met)} |`),
    '',
    'Notes:',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
  const resultsFile = path.join(repo, 'bench', 'RESULTS.md');
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  writeFileSync(resultsFile, `${withoutPeerSection(previous).trimEnd()}\n\n${section}`);
  console.log('\nwrote bench/results/peer.json and the "Peer" section of bench/RESULTS.md');
  return 0;
}

function notMeasured(row: (figure: string, measured: string, target?: string, ratio?: string, met?: string) => void, figure: string, why: string, target = '—'): void {
  row(figure, `not measured: ${why}`, target, '—', 'n/a');
}

/** bench/RESULTS.md without its "Peer" section (from "## Peer" to the next "## " heading or the end). */
export function withoutPeerSection(markdown: string): string {
  return markdown.replace(/(^|\n)## Peer\n[\s\S]*?(?=\n## |$)/, '$1');
}

/** The "Peer" section of bench/RESULTS.md, for `npm run bench` to keep when it rewrites the file. */
export function peerSection(markdown: string): string {
  return /(?:^|\n)(## Peer\n[\s\S]*?)(?=\n## |$)/.exec(markdown)?.[1] ?? '';
}
