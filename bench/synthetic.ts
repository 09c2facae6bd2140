/**
 * Synthetic report projects for the benchmark: ~200 districts × 20 years of data in a handful of
 * tables, and N chapters each with inline references, charts and table blocks, written as an
 * on-disk project whose code (scripts, templates, node_modules, .eleventy.js, package.json) is
 * linked from this repository, as the tests' fixture projects are (test/helpers/fixture-project.ts).
 *
 * Deterministic: the same size gives byte-identical files (a seeded generator, no clock).
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

export const DISTRICTS = 200;
export const FIRST_YEAR = 2004;
export const YEARS = 20;
export const PERIODS = Array.from({ length: YEARS }, (_, i) => String(FIRST_YEAR + i));

/** Code and configuration shared with the repository, linked into every synthetic project. */
/** How the benches run the generator: what `npm run build` runs (package.json), from a project's root. */
export const REPORT_COMMAND = ['node', 'scripts/bin/report.js'];

export const LINKED = ['scripts', 'templates', 'locales', 'node_modules', '.eleventy.js', 'package.json', 'tsconfig.json'];

/** The bare-Eleventy baseline's config: the same Markdown, default markdown engine, no charts, no pipeline. */
export const BARE_CONFIG_FILE = 'bare.eleventy.cjs';
const BARE_CONFIG = `// Benchmark baseline: Eleventy with its defaults renders content/**/*.md and nothing else.
module.exports = function () {
  return {
    dir: { input: 'content', output: '.build/bare-site', includes: '_no_includes', data: '_no_data' },
    templateFormats: ['md'],
    markdownTemplateEngine: false,
  };
};
`;

/**
 * The generator as it is now, copied into `dir` (node_modules linked): every project of a bench run
 * links to the copy, so another editor saving scripts/ or templates/ mid-run (a half-written file,
 * or a change that rightly invalidates the chart cache) cannot change what is measured. A previous
 * copy is moved aside and deleted in the background.
 */
export function snapshotCode(repo: string, dir: string): string {
  if (existsSync(dir)) {
    const aside = `${dir}.old-${process.pid}-${Date.now()}`;
    renameSync(dir, aside);
    pendingDeletions.push(rm(aside, { recursive: true, force: true }));
  }
  mkdirSync(dir, { recursive: true });
  for (const entry of LINKED) {
    if (entry === 'node_modules') symlinkSync(path.join(repo, entry), path.join(dir, entry));
    else if (existsSync(path.join(repo, entry))) cpSync(path.join(repo, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

export interface SyntheticOptions {
  pages: number;
  chartsPerPage: number;
  tablesPerPage: number;
  /** Only the first N chapters are listed as chapters (the rest `chapter: false`): for measuring what the navigation costs. Default: all. */
  navChapters?: number;
}

export interface SyntheticProject {
  root: string;
  pages: number;
  charts: number;
  tableBlocks: number;
  tables: number;
  /** A chapter file to edit for the "one Markdown file changed" rebuild. */
  chapterFile: string;
  /** A data table to edit for the "one data table changed" rebuild, with the cell to change. */
  tableFile: string;
}

/** mulberry32: a small seeded generator, so the data is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const districtId = (d: number) => `d${String(d + 1).padStart(3, '0')}`;
const districtLabel = (d: number) => `District ${d + 1}`;
const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

interface TableSpec {
  id: string;
  title: string;
  unit: string;
  decimals: number;
  base: number;
  /** Adds a total row and a `sum` check. */
  total?: boolean;
}

/** Five numeric tables of 200 districts × 20 years (one with a total row and a sum check) and one derived table. */
export const TABLES: TableSpec[] = [
  { id: 'harvest', title: 'Gross harvest of grain by district', unit: 'thousand t', decimals: 1, base: 60, total: true },
  { id: 'sown-area', title: 'Sown area by district', unit: 'thousand ha', decimals: 1, base: 40 },
  { id: 'gross-output', title: 'Gross agricultural output by district', unit: 'million tenge', decimals: 1, base: 9000 },
  { id: 'livestock', title: 'Livestock output by district', unit: 'million tenge', decimals: 1, base: 5000 },
  { id: 'population', title: 'Rural population by district', unit: 'thousand persons', decimals: 1, base: 30 },
];

function numericTable(spec: TableSpec, random: () => number) {
  const rows: Array<Record<string, unknown>> = [];
  const totals = new Array<number>(YEARS).fill(0);
  for (let d = 0; d < DISTRICTS; d++) {
    let level = spec.base * (0.4 + 1.2 * random());
    const values: Record<string, number> = {};
    PERIODS.forEach((period, y) => {
      level *= 0.93 + 0.16 * random();
      const value = round(level, spec.decimals);
      values[period] = value;
      totals[y] = (totals[y] ?? 0) + value;
    });
    rows.push({ id: districtId(d), label: districtLabel(d), ...(spec.total ? { role: 'component' } : {}), values });
  }
  if (spec.total) {
    rows.push({ id: 'total', label: 'Region total', role: 'total', values: Object.fromEntries(PERIODS.map((p, y) => [p, round(totals[y] ?? 0, spec.decimals)])) });
  }
  return {
    $schema: '../schemas/table.schema.json',
    id: spec.id,
    title: { en: spec.title },
    unit: spec.unit,
    decimals: spec.decimals,
    source: { ref: 'synthetic', locator: `Table ${spec.id}` },
    periods: PERIODS,
    rows,
    ...(spec.total ? { checks: [{ type: 'sum', tolerance: 0.5, severity: 'error' }] } : {}),
  };
}

const DERIVED = {
  kind: 'derived',
  id: 'output-index',
  compute: 'base-index',
  from: 'gross-output',
  base: PERIODS[0],
  decimals: 1,
  title: { en: 'Gross agricultural output, index' },
  source: { ref: 'synthetic' },
};

const REFERENCES = [{ id: 'synthetic', type: 'dataset', title: 'Synthetic district statistics for the benchmark', issued: { 'date-parts': [[2024]] } }];

const FILLER = [
  'The district statistics are read here against the regional totals, year by year, so that a change in one series can be told apart from a change in the region as a whole.',
  'Growth was uneven: years of good weather alternate with dry ones, and the harvest follows them more closely than the area sown does.',
  'Output in current prices rose faster than the physical volume, and part of the difference is price growth rather than more production.',
  'Livestock output grew more steadily than crop output, and in several districts it overtook crop production in the last years of the series.',
];

function chartBlock(page: number, k: number, random: () => number): string {
  const d = (page * 7 + k * 13) % DISTRICTS;
  const rows = (n: number) => Array.from({ length: n }, (_, j) => districtId((d + j * 17) % DISTRICTS));
  const start = Math.floor(random() * (YEARS - 6));
  switch (k % 3) {
    case 0:
      return ['```chart', `id: harvest-${page}-${k}`, `title: Harvest in ${districtLabel(d)} and its neighbours, chapter ${page}`, 'table: harvest', 'preset: line', `rows: [${rows(4).join(', ')}]`, '```'].join('\n');
    case 1:
      return ['```chart', `id: output-${page}-${k}`, `title: Gross output of ${districtLabel(d)}, chapter ${page}`, 'table: gross-output', 'preset: bar', `rows: [${rows(1).join(', ')}]`, `periods: [${PERIODS.slice(start, start + 6).map((p) => `"${p}"`).join(', ')}]`, '```'].join('\n');
    default:
      return ['```chart', `id: area-${page}-${k}`, `title: Sown area of three districts, chapter ${page}`, 'table: sown-area', 'preset: grouped-bar', `rows: [${rows(3).join(', ')}]`, `periods: [${PERIODS.slice(start, start + 5).map((p) => `"${p}"`).join(', ')}]`, '```'].join('\n');
  }
}

function tableBlock(page: number, k: number): string {
  const d = (page * 11 + k * 5) % DISTRICTS;
  const rows = Array.from({ length: 3 }, (_, j) => districtId((d + j * 29) % DISTRICTS));
  const table = k % 2 === 0 ? 'population' : 'livestock';
  return ['```table', `id: t-${page}-${k}`, `table: ${table}`, `rows: [${rows.join(', ')}]`, `columns: [${PERIODS.filter((_, y) => y % 4 === 3).map((p) => `"${p}"`).join(', ')}]`, '```'].join('\n');
}

function chapter(page: number, options: SyntheticOptions): string {
  const random = seeded(1000 + page);
  const d = districtId((page * 7) % DISTRICTS);
  const e = districtId((page * 7 + 1) % DISTRICTS);
  const parts: string[] = [
    '---',
    `title: Harvest and output in district ${d}, chapter ${page}`,
    `short: District ${d} (${page})`,
    `summary: Synthetic chapter ${page} of the benchmark report.`,
    ...(options.navChapters !== undefined && page > options.navChapters ? ['chapter: false'] : []),
    'findings:',
    `  - "The harvest of ${d} reached {=base-index(harvest.${d}, 2023, 2004)} % of its 2004 level."`,
    '---',
    '',
    `In ${PERIODS[YEARS - 1]} district ${d} harvested {=harvest.${d}.2023} thousand t, {=share(harvest.${d}, 2023)} % of the region's harvest, on {=sown-area.${d}.2023} thousand ha. ${FILLER[page % FILLER.length]}`,
    '',
    `## Output {#output-${page}}`,
    '',
    `Gross output grew by {=growth-rate(gross-output.${d}, 2023, 2013)} % over ten years (an average of {=cagr(gross-output.${d}, 2023, 2013)} % a year), and livestock output by {=growth-rate(livestock.${d}, 2023, 2013)} %. Its neighbour ${e} reached an index of {=base-index(gross-output.${e}, 2023, 2004)}. ${FILLER[(page + 1) % FILLER.length]}`,
    '',
  ];
  for (let k = 0; k < Math.max(options.chartsPerPage, options.tablesPerPage); k++) {
    if (k < options.chartsPerPage) parts.push(chartBlock(page, k, random), '', `${FILLER[(page + k + 2) % FILLER.length]} The chain index for ${PERIODS[YEARS - 1]} was {=chain-index(harvest.${districtId((page * 7 + k) % DISTRICTS)}, 2023)}.`, '');
    if (k < options.tablesPerPage) parts.push(tableBlock(page, k), '', FILLER[(page + k + 3) % FILLER.length] ?? '', '');
  }
  return parts.join('\n');
}

const HOME = `---
title: Synthetic benchmark report
short: Home
summary: A generated report for npm run bench.
chapter: false
---
Generated by \`bench/synthetic.ts\`: ${DISTRICTS} districts, ${YEARS} years. The region harvested {=harvest.total.2023} thousand t in 2023.
`;

/** Deletions of earlier projects still running in the background (a built project holds thousands of files). */
export const pendingDeletions: Array<Promise<void>> = [];

/**
 * The project's configuration: the money units its tables use, which the generator does not know
 * (a report defines its currencies in report.config.json); one language, from content/en/.
 */
const CONFIG = {
  units: {
    'million tenge': { kind: 'money', label: { en: 'million tenge' }, measure: 'tenge', scale: 1_000_000, perCapita: 'thousand tenge per person' },
    'thousand tenge per person': { kind: 'per-capita', label: { en: 'thousand tenge per person' }, measure: 'tenge', scale: 1000 },
  },
};

/** Writes (replacing) a synthetic project under `root` and returns what it contains. */
export function writeSyntheticProject(repo: string, root: string, options: SyntheticOptions): SyntheticProject {
  if (existsSync(root)) {
    // Move the previous project aside and delete it in the background, so generating stays quick.
    const aside = `${root}.old-${process.pid}-${Date.now()}`;
    renameSync(root, aside);
    pendingDeletions.push(rm(aside, { recursive: true, force: true }));
  }
  rmSync(root, { recursive: true, force: true });
  mkdirSync(path.join(root, 'content', 'en'), { recursive: true });
  mkdirSync(path.join(root, 'data', 'derived'), { recursive: true });
  for (const linked of LINKED) symlinkSync(path.join(repo, linked), path.join(root, linked));
  writeFileSync(path.join(root, BARE_CONFIG_FILE), BARE_CONFIG);
  writeFileSync(path.join(root, 'report.config.json'), json(CONFIG));

  const random = seeded(42);
  for (const spec of TABLES) writeFileSync(path.join(root, 'data', `${spec.id}.json`), json(numericTable(spec, random)));
  writeFileSync(path.join(root, 'data', 'derived', `${DERIVED.id}.json`), json(DERIVED));
  writeFileSync(path.join(root, 'data', 'references.json'), json(REFERENCES));

  writeFileSync(path.join(root, 'content', 'en', 'index.md'), HOME);
  const width = String(options.pages).length;
  let chapterFile = '';
  for (let page = 1; page <= options.pages; page++) {
    const file = path.join('content', 'en', `${String(page).padStart(width, '0')}-district-${page}.md`);
    if (page === Math.ceil(options.pages / 2)) chapterFile = file;
    writeFileSync(path.join(root, file), chapter(page, options));
  }
  return {
    root,
    pages: options.pages + 1,
    charts: options.pages * options.chartsPerPage,
    tableBlocks: options.pages * options.tablesPerPage,
    tables: TABLES.length + 1,
    chapterFile,
    tableFile: path.join('data', 'sown-area.json'),
  };
}
