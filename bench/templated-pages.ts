/**
 * What templated pages cost (issue 15): 200 pages made from one template against the same 200 pages
 * written by hand, in two synthetic projects with the same data and the same text.
 *
 *   1 content    .build/bench/templated-generated and .build/bench/templated-hand: the synthetic
 *                district set of bench/synthetic.ts (its tables of 200 districts × 20 years, no
 *                chapters of its own), a geography of its districts (data/geographies/districts.json,
 *                taken from the rows of its harvest table) and a chapter introducing them. The
 *                generated project has one template, content/en/01-districts/[district].md; the
 *                hand-written one has 200 chapters, each that template's page for one district
 *                written out (the same function writes both, so the text cannot drift): five
 *                computed references, a line chart and a table of the district against the region.
 *   2 rounds     --rounds=N (default 3), each: both projects cold (.cache, _site and .build
 *                removed, `build --force`), then both warm (`build --force`, caches kept), the
 *                order of the two projects alternating from round to round. Every build is a child
 *                process under /usr/bin/time -v with a timeout.
 *   3 check      after every build: its pages and charts (from the build line) are the same in
 *                both projects and as many as written; after the first round: one district's page
 *                shows the same computed numbers (inline values with their formulas, and the table's
 *                cells) in both sites. Any difference stops the run with exit 1.
 *   4 report     medians of the per-round ratios generated ÷ hand-written (wall and CPU, with min and
 *                max), bench/results/templated-pages.json and a "Templated pages" section in
 *                bench/RESULTS.md (replaced on each run; `npm run bench` keeps it).
 *
 *   npm run bench -- --templated [--rounds=3] [--units=200] [--live]
 *   npx tsx bench/templated-pages.ts [the same options]
 *
 * The code measured is a copy of the generator taken at the start (.build/bench/templated-code), as
 * in bench/run.ts; --live links the working tree instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runChild as runChildIn, type ChildResult } from './child-process.ts';
import { DISTRICTS, PERIODS, pendingDeletions, REPORT_COMMAND, snapshotCode, writeSyntheticProject } from './synthetic.ts';
import { median, seconds as s, times as x } from './figures.ts';

const repo = path.resolve(import.meta.dirname, '..');
const work = path.join(repo, '.build', 'bench');
const KINDS = ['generated', 'hand'] as const;
type Kind = (typeof KINDS)[number];
const KIND_NAME: Record<Kind, string> = { generated: 'generated from one template', hand: 'written by hand' };
const FIRST = PERIODS[0] ?? '2004';
const LAST = PERIODS.at(-1) ?? '2023';
const TEN_YEARS_BEFORE = PERIODS.at(-11) ?? FIRST;
const TABLE_COLUMNS = PERIODS.filter((_, i) => (PERIODS.length - 1 - i) % 5 === 0);

// ─── content ──────────────────────────────────────────────────────────────────────────────────

interface Unit {
  id: string;
  name: string;
  short: string;
}

/** How a page names its district: placeholders in the template, the district itself when written by hand. */
const PLACEHOLDERS: Unit = { id: '{district}', name: '{district.name}', short: '{district.short}' };

/** One district's page: the template with `unit` = PLACEHOLDERS, a hand-written chapter with a district. */
function districtPage(unit: Unit, repeat: boolean): string {
  return [
    '---',
    `title: "${unit.name}: harvest and output, ${FIRST}–${LAST}"`,
    `short: "${unit.short}"`,
    `summary: "The harvest, sown area and output of ${unit.name} against the region."`,
    ...(repeat ? ['repeat:', '  geography: districts'] : []),
    '---',
    '',
    `In ${LAST} ${unit.name} harvested {=harvest.${unit.id}.${LAST}} thousand t of grain, {=share(harvest.${unit.id}, ${LAST})} % of the`,
    `region's harvest: it ranks {=rank(harvest.${unit.id}, ${LAST})|rank} districts. Since ${FIRST} its harvest`,
    `{=growth-rate(harvest.${unit.id}, ${LAST}, ${FIRST})|change}, while its gross agricultural output grew by an average of`,
    `{=cagr(gross-output.${unit.id}, ${LAST}, ${TEN_YEARS_BEFORE})} % a year over ten years.`,
    '',
    '```chart',
    'id: harvest-trend',
    `title: "The harvest of ${unit.name} against the region's, ${FIRST} = 100"`,
    'table: harvest',
    'preset: line',
    'transform: base-index',
    `base: "${FIRST}"`,
    `rows: [${unit.id}, total]`,
    '```',
    '',
    'Years of good weather alternate with dry ones, and the harvest follows them more closely than the area sown does.',
    '',
    '```table',
    'id: harvest-years',
    'table: harvest',
    `rows: [${unit.id}, total]`,
    `columns: [${TABLE_COLUMNS.map((p) => `"${p}"`).join(', ')}]`,
    '```',
    '',
  ].join('\n');
}

const INTRO = [
  '---',
  'title: The districts one by one',
  'short: Districts',
  'summary: One page per district, each with the same figures.',
  '---',
  '',
  'Each district has a page with its harvest and output against the region. The region harvested',
  `{=harvest.total.${LAST}} thousand t in ${LAST}.`,
  '',
].join('\n');

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The districts of the synthetic set, as its harvest table has them. */
function districtsOf(root: string): Unit[] {
  const table = JSON.parse(readFileSync(path.join(root, 'data', 'harvest.json'), 'utf8')) as { rows: Array<{ id: string; label: string; role?: string }> };
  return table.rows.filter((r) => r.role !== 'total').map((r) => ({ id: r.id, name: r.label, short: r.label.replace(/^District /, 'D') }));
}

function geography(units: Unit[]) {
  const columns = Math.ceil(Math.sqrt(units.length * 2));
  return {
    id: 'districts',
    title: 'Districts of the synthetic region',
    unitWord: { en: ['district', 'districts'] },
    tiles: { columns, rows: Math.ceil(units.length / columns) },
    units: units.map((u, i) => ({ id: u.id, name: u.name, short: u.short, tile: [i % columns, Math.floor(i / columns)] })),
  };
}

interface Project {
  kind: Kind;
  root: string;
  /** The URL path of a district's page in the built site. */
  pagePath: (unit: Unit) => string;
}

function writeProject(kind: Kind, code: string, units: number): { project: Project; units: Unit[] } {
  const root = path.join(work, `templated-${kind}`);
  writeSyntheticProject(code, root, { pages: 0, chartsPerPage: 0, tablesPerPage: 0 });
  const all = districtsOf(root);
  if (units > all.length) throw new Error(`--units=${units}: the synthetic district set has ${all.length} districts (${DISTRICTS} in bench/synthetic.ts)`);
  const chosen = all.slice(0, units);
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('data/geographies/districts.json', json(geography(chosen)));
  // Currencies are a report's own units, not the generator's: the synthetic tables' one is declared here.
  write('report.config.json', json({ languages: ['en'], units: { 'million tenge': { kind: 'money', label: 'million tenge', measure: 'tenge', scale: 1_000_000 } } }));
  if (kind === 'generated') {
    write('content/en/001-districts.md', INTRO);
    write('content/en/001-districts/[district].md', districtPage(PLACEHOLDERS, true));
    return { project: { kind, root, pagePath: (u) => `en/districts/${u.id}/index.html` }, units: chosen };
  }
  // The chapter lists its pages by hand, as the generated chapter lists them by itself.
  write('content/en/001-districts.md', `${INTRO}\n${chosen.map((u) => `- [${u.name}](../${u.id}/)`).join('\n')}\n`);
  chosen.forEach((u, i) => write(`content/en/${String(i + 2).padStart(3, '0')}-${u.id}.md`, districtPage(u, false)));
  return { project: { kind, root, pagePath: (u) => `en/${u.id}/index.html` }, units: chosen };
}


// ─── builds ───────────────────────────────────────────────────────────────────────────────────

interface Build {
  wallMs: number;
  cpuMs: number;
  maxRssMB?: number;
  loadAverage: number;
  pages: number;
  charts: number;
  chartsRendered: number;
  values: number;
  line: string;
}

class BenchFailure extends Error {}

function failure(result: ChildResult): string {
  if (result.timedOut) return `stopped after ${(result.wallMs / 1000).toFixed(0)} s (time limit)`;
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l));
  return `exit ${result.status}: ${lines.slice(-12).join('\n')}`;
}

/** `build --force`; cold: with no .cache (charts, bibliography, search), _site or .build left from before. */
async function build(project: Project, cold: boolean): Promise<Build> {
  if (cold) for (const dir of ['.cache', '_site', '.build']) rmSync(path.join(project.root, dir), { recursive: true, force: true });
  const result = await runChildIn([...REPORT_COMMAND, 'build', '--force'], { cwd: project.root, timeoutMs: 600_000, scratchDir: work });
  if (!result.ok) throw new BenchFailure(`the ${KIND_NAME[project.kind]} project's ${cold ? 'cold' : 'warm'} build failed (${project.root}): ${failure(result)}`);
  const line = result.stdout.split('\n').find((l) => l.startsWith('built ')) ?? '';
  const count = (pattern: RegExp) => Number(pattern.exec(line)?.[1] ?? NaN);
  const built = {
    pages: count(/(\d+) pages/),
    charts: count(/(\d+) charts/),
    chartsRendered: count(/charts \((\d+) rendered\)/),
    values: count(/(\d+) computed values/),
  };
  if (Object.values(built).some((n) => !Number.isFinite(n))) throw new BenchFailure(`the ${KIND_NAME[project.kind]} project's build line does not say its pages, charts and values: "${line}"`);
  return { wallMs: result.wallMs, cpuMs: result.cpuMs, maxRssMB: result.maxRssMB, loadAverage: result.loadAverage, ...built, line };
}

// ─── checks ───────────────────────────────────────────────────────────────────────────────────

function sameCounts(generated: Build, hand: Build, units: number, when: string): void {
  const differ = (['pages', 'charts', 'values'] as const).filter((k) => generated[k] !== hand[k]);
  if (differ.length) throw new BenchFailure(`${when}: the two sites differ in ${differ.map((k) => `${k} (generated ${generated[k]}, hand-written ${hand[k]})`).join(', ')}`);
  if (generated.charts !== units) throw new BenchFailure(`${when}: ${generated.charts} charts built, ${units} written (one per district)`);
  if (generated.pages !== units + 2) throw new BenchFailure(`${when}: ${generated.pages} pages built, ${units + 2} written (home, chapter and ${units} districts)`);
}

/** What a reader sees computed on a page: each inline value with its formula, and the cells of its tables (the chart's data table and the table block). */
function computedNumbers(html: string): { values: string[]; cells: string[] } {
  const values = [...html.matchAll(/<a class="num"[^>]*title="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m) => `${m[2] ?? ''} = ${m[1] ?? ''}`);
  const tables = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => m[0]);
  const cells = tables.flatMap((t) => [...t.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)].map((m) => (m[1] ?? '').trim()));
  return { values, cells };
}

/** One district's page in both sites: the same computed numbers, or the run stops. */
function samePage(projects: Record<Kind, Project>, unit: Unit): { values: number; cells: number; example: string } {
  const [generated, hand] = KINDS.map((kind) => {
    const file = path.join(projects[kind].root, '_site', projects[kind].pagePath(unit));
    if (!existsSync(file)) throw new BenchFailure(`${unit.name}'s page is missing from the ${KIND_NAME[kind]} site: ${file}`);
    return computedNumbers(readFileSync(file, 'utf8'));
  }) as [ReturnType<typeof computedNumbers>, ReturnType<typeof computedNumbers>];
  if (generated.values.length < 5 || generated.cells.length < TABLE_COLUMNS.length * 2) {
    throw new BenchFailure(`${unit.name}'s generated page shows ${generated.values.length} computed values and ${generated.cells.length} table cells: expected 5 values, the chart's data table and a table of ${TABLE_COLUMNS.length} periods × 2 rows`);
  }
  for (const key of ['values', 'cells'] as const) {
    const a = generated[key];
    const b = hand[key];
    const at = a.findIndex((v, i) => v !== b[i]);
    if (at >= 0 || a.length !== b.length) {
      const i = at >= 0 ? at : Math.min(a.length, b.length);
      throw new BenchFailure(`${unit.name}'s page shows different ${key === 'values' ? 'computed values' : 'table cells'}: #${i + 1} is "${a[i] ?? '(none)'}" generated, "${b[i] ?? '(none)'}" hand-written`);
    }
  }
  return { values: generated.values.length, cells: generated.cells.length, example: generated.values[0] ?? '' };
}

// ─── the run ──────────────────────────────────────────────────────────────────────────────────


interface Row {
  figure: string;
  measured: string;
  target: string;
  ratio: string;
  met: string;
}

type Round = Record<'cold' | 'warm', Record<Kind, Build>>;

export async function runTemplatedPages(args: readonly string[]): Promise<number> {
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const ROUNDS = Math.max(1, Number(option('rounds') ?? 3));
  const UNITS = Number(option('units') ?? DISTRICTS);
  const runStarted = Date.now();
  const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
  const log = (message: string) => console.log(`[${((Date.now() - runStarted) / 1000).toFixed(0).padStart(4)} s] ${message}`);

  mkdirSync(work, { recursive: true });
  const code = args.includes('--live') ? repo : snapshotCode(repo, path.join(work, 'templated-code'));
  const codeNote = code === repo ? 'the working tree (--live)' : `a copy of scripts/, templates/, locales/ and the config taken at the start (${path.relative(repo, code)})`;
  const written = KINDS.map((kind) => writeProject(kind, code, UNITS));
  const projects = Object.fromEntries(written.map((w) => [w.project.kind, w.project])) as Record<Kind, Project>;
  const units = written[0]?.units ?? [];
  // A district in the middle of the set, neither first nor last in its ranking order by construction.
  const probe = units[Math.floor(units.length * 0.42)] as Unit;
  log(`wrote ${UNITS} district pages twice: one template (${path.relative(repo, projects.generated.root)}) and ${UNITS} hand-written chapters (${path.relative(repo, projects.hand.root)})`);

  const rounds: Round[] = [];
  let page: ReturnType<typeof samePage> | undefined;
  try {
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? KINDS : ([...KINDS].reverse() as Kind[]);
      const round = { cold: {}, warm: {} } as Round;
      for (const phase of ['cold', 'warm'] as const) {
        for (const kind of order) {
          round[phase][kind] = await build(projects[kind], phase === 'cold');
          const b = round[phase][kind];
          log(`round ${r + 1}, ${phase}, ${KIND_NAME[kind]}: ${s(b.wallMs)} (cpu ${s(b.cpuMs)}), ${b.pages} pages, ${b.charts} charts (${b.chartsRendered} rendered), load ${b.loadAverage.toFixed(1)}`);
        }
        sameCounts(round[phase].generated, round[phase].hand, UNITS, `round ${r + 1}, ${phase} builds`);
        if (!page) {
          page = samePage(projects, probe);
          log(`${probe.name}'s page shows the same ${page.values} computed values and ${page.cells} table cells in both sites (first: ${page.example})`);
        }
      }
      rounds.push(round);
    }
  } catch (error) {
    if (!(error instanceof BenchFailure)) throw error;
    console.error(`\ntemplated pages bench FAILED: ${error.message}`);
    return 1;
  }

  // ─── report ───
  const rows: Row[] = [];
  const row = (figure: string, measured: string, target = '—', ratio = '—', met = 'info') => rows.push({ figure, measured, target, ratio, met });
  const first = rounds[0] as Round;
  const summary: Record<string, unknown> = {};
  for (const phase of ['cold', 'warm'] as const) {
    const what = phase === 'cold' ? 'cold build (no .cache, --force)' : 'warm build (--force; chart, bibliography and search caches filled)';
    for (const kind of KINDS) {
      const builds = rounds.map((r) => r[phase][kind]);
      const b = first[phase][kind];
      row(
        `${UNITS} district pages ${KIND_NAME[kind]}, ${what}: ${b.pages} pages, ${b.charts} charts (build line)`,
        `${s(median(builds.map((x) => x.wallMs)))} (cpu ${s(median(builds.map((x) => x.cpuMs)))}); rounds ${builds.map((x) => s(x.wallMs)).join(', ')}`,
      );
    }
    const wall = rounds.map((r) => r[phase].generated.wallMs / r[phase].hand.wallMs);
    const cpu = rounds.map((r) => r[phase].generated.cpuMs / r[phase].hand.cpuMs);
    row(
      `generated ÷ hand-written, ${phase} (median of ${ROUNDS} rounds)`,
      `per round ${wall.map(x).join(', ')} (cpu ${cpu.map(x).join(', ')})`,
      '—',
      `${x(median(wall))} (min ${x(Math.min(...wall))}, max ${x(Math.max(...wall))}; cpu ${x(median(cpu))})`,
    );
    summary[phase] = {
      generated: rounds.map((r) => r[phase].generated),
      hand: rounds.map((r) => r[phase].hand),
      ratio: { wall: median(wall), cpu: median(cpu), perRound: wall, perRoundCpu: cpu },
    };
  }
  row(
    `same output: pages, charts and computed values in every build; ${probe.name}'s page (/${projects.generated.pagePath(probe).replace(/index\.html$/, '')} and /${projects.hand.pagePath(probe).replace(/index\.html$/, '')})`,
    `${first.cold.generated.pages} pages, ${first.cold.generated.charts} charts, ${first.cold.generated.values} computed values in each; the page's ${page?.values ?? 0} values (with their formulas) and ${page?.cells ?? 0} cells of its chart's data table and its table identical`,
    'identical',
    '—',
    'yes',
  );

  const widths = (['figure', 'measured', 'target', 'ratio', 'met'] as const).map((k) => Math.min(90, Math.max(k.length, ...rows.map((r) => r[k].length))));
  const line = (r: Row) => (['figure', 'measured', 'target', 'ratio', 'met'] as const).map((k, i) => r[k].padEnd(widths[i] ?? 0)).join(' │ ');
  console.log(`\n${line({ figure: 'figure', measured: 'measured (wall, cpu)', target: 'target', ratio: 'ratio', met: 'met?' })}`);
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));

  const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
  const markdownRows = rows.map((r) => `| ${escapeCell(r.figure)} | ${escapeCell(r.measured)} | ${escapeCell(r.target)} | ${escapeCell(r.ratio)} | ${escapeCell(r.met)} |`);
  console.log(`\n${markdownRows.join('\n')}`);

  const totalMs = Date.now() - runStarted;
  const loadAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
  await Promise.all(pendingDeletions);
  mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(repo, 'bench', 'results', 'templated-pages.json'), json({ units: UNITS, rounds: ROUNDS, code: codeNote, loadAtStart, loadAtEnd, totalMs, probe: probe.id, page, rows, ...summary }));

  const date = process.env.SOURCE_DATE_EPOCH && /^\d+$/.test(process.env.SOURCE_DATE_EPOCH) ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date(runStarted);
  const section = [
    '## Templated pages',
    '',
    `Latest \`npm run bench -- --templated\` (bench/templated-pages.ts): ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, node ${process.version}, load average ${loadAtStart.join(' / ')} at start and ${loadAtEnd.join(' / ')} at end, ${s(totalMs)} in all. Code measured: ${codeNote}. Full figures: \`bench/results/templated-pages.json\` (git-ignored).`,
    '',
    '| figure | measured (wall, cpu) | target | ratio | met? |',
    '|---|---|---|---|---|',
    ...markdownRows,
    '',
    'Notes:',
    '',
    `- Content: the synthetic district set of bench/synthetic.ts (${UNITS} districts × ${PERIODS.length} years, its five tables and one derived table) and a geography of its districts. Each district page: ${page?.values ?? 5} computed references (a value, a share, a rank in words, a change in words, an average growth rate), a line chart of the district against the region (base-index) and a table of ${TABLE_COLUMNS.length} periods × 2 rows. Generated: one template, \`content/en/001-districts/[district].md\` (pages at /en/districts/<district>/, numbered 1.1 … 1.${UNITS}); hand-written: ${UNITS} chapters with the template's text written out for each district (pages at /en/<district>/, chapters 2 … ${UNITS + 1}), and the introducing chapter's list of pages written out as links.`,
    '- Each round builds both projects cold, then both warm, the order of the two alternating between rounds; every build a child process under /usr/bin/time -v. Ratios are medians of the per-round ratios.',
    '',
  ].join('\n');
  const resultsFile = path.join(repo, 'bench', 'RESULTS.md');
  const previous = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  writeFileSync(resultsFile, `${withoutTemplatedSection(previous).trimEnd()}\n\n${section}`);
  log('wrote bench/results/templated-pages.json and the "Templated pages" section of bench/RESULTS.md');
  return 0;
}

const SECTION = /(?:^|\n)(## Templated pages\n[\s\S]*?)(?=\n## |$)/;

/** bench/RESULTS.md without its "Templated pages" section. */
export function withoutTemplatedSection(markdown: string): string {
  return markdown.replace(SECTION, '');
}

/** The "Templated pages" section of bench/RESULTS.md, for `npm run bench` to keep when it rewrites the file. */
export function templatedSection(markdown: string): string {
  return SECTION.exec(markdown)?.[1] ?? '';
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(await runTemplatedPages(process.argv.slice(2)));
}
