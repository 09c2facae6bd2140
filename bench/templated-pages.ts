/**
 * What templated pages cost: 200 pages made from one template (a district each) against the same
 * 200 pages written by hand, each with the same text, three computed values and one chart, in one
 * report of 200 districts × 5 years. Cold builds (`build --force`, no caches), in child processes,
 * interleaved rounds; the figure is the median of the per-round ratios.
 *
 *   npx tsx bench/templated-pages.ts [--rounds=3] [--units=200]
 *
 * Prints one line per round and a summary, and writes bench/results/templates.json (git-ignored).
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChild, type ChildResult } from './child-process.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const ROUNDS = option('rounds', 3);
const UNITS = option('units', 200);
const repo = path.resolve(import.meta.dirname, '..');
const LINKED = ['scripts', 'templates', 'locales', 'node_modules', '.eleventy.js', 'package.json', 'tsconfig.json'];
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const id = (i: number) => `d${String(i + 1).padStart(3, '0')}`;

/** Output of each district, 2019–2023: deterministic, from its number. */
function outputTable() {
  const periods = ['2019', '2020', '2021', '2022', '2023'];
  const rows = Array.from({ length: UNITS }, (_, i) => ({
    id: id(i),
    label: `District ${i + 1}`,
    role: 'component',
    values: Object.fromEntries(periods.map((p, y) => [p, Math.round((100 + ((i * 37) % 97) + y * ((i % 7) - 2)) * 10) / 10])),
  }));
  const total = { id: 'total', label: 'All districts', role: 'total', values: Object.fromEntries(periods.map((p) => [p, Math.round(rows.reduce((s, r) => s + (r.values[p] ?? 0), 0) * 10) / 10])) };
  return { id: 'output', title: 'Output by district', unit: 'thousand t', decimals: 1, source: { ref: 'office' }, periods, rows: [total, ...rows] };
}

const PAGE = (unit: string, name: string) => `In 2023 ${name} produced {=output.${unit}.2023} thousand t, {=growth-rate(output.${unit}, 2023, 2019)|change} since 2019; it ranks {=rank(output.${unit}, 2023)|rank} districts.

\`\`\`chart
id: trend
title: "${name} against all districts"
table: output
rows: [${unit}, total]
transform: base-index
base: "2019"
\`\`\`
`;

function project(kind: 'template' | 'hand'): string {
  const root = path.join(repo, '.build', 'bench', `templated-${kind}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  for (const linked of LINKED) symlinkSync(path.join(repo, linked), path.join(root, linked));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('report.config.json', json({ languages: ['en'] }));
  write('data/references.json', json([{ id: 'office', type: 'dataset', title: 'District accounts' }]));
  write('data/output.json', json(outputTable()));
  const columns = Math.ceil(Math.sqrt(UNITS * 2));
  write('data/geographies/districts.json', json({
    id: 'districts',
    title: 'Districts',
    unitWord: { en: ['district', 'districts'] },
    tiles: { columns, rows: Math.ceil(UNITS / columns) },
    units: Array.from({ length: UNITS }, (_, i) => ({ id: id(i), short: `D${i + 1}`, name: `District ${i + 1}`, tile: [i % columns, Math.floor(i / columns)] })),
  }));
  write('content/en/index.md', '---\ntitle: Districts\n---\nHome.\n');
  if (kind === 'template') {
    write('content/en/01-districts.md', '---\ntitle: The districts\n---\nOne page per district.\n');
    write('content/en/01-districts/[district].md', `---\ntitle: "{district.name}"\nrepeat:\n  geography: districts\n---\n${PAGE('{district}', '{district.name}')}`);
  } else {
    write('content/en/01-districts.md', '---\ntitle: The districts\n---\nOne page per district.\n');
    for (let i = 0; i < UNITS; i++) write(`content/en/${id(i)}.md`, `---\ntitle: "District ${i + 1}"\nchapter: false\n---\n${PAGE(id(i), `District ${i + 1}`)}`);
  }
  return root;
}

async function build(root: string): Promise<ChildResult> {
  rmSync(path.join(root, '.cache'), { recursive: true, force: true });
  rmSync(path.join(root, '_site'), { recursive: true, force: true });
  return runChild([process.execPath, '--import', 'tsx', path.join(repo, 'scripts/cli.ts'), 'build', '--force'], { cwd: root, timeoutMs: 600_000, scratchDir: os.tmpdir() });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const roots = { template: project('template'), hand: project('hand') };
const rounds: Array<{ template: ChildResult; hand: ChildResult }> = [];
for (let round = 0; round < ROUNDS; round++) {
  const template = await build(roots.template);
  const hand = await build(roots.hand);
  for (const [name, result] of [['template', template], ['hand', hand]] as const) {
    if (!result.ok) throw new Error(`${name} build failed:\n${result.stderr.slice(-2000)}`);
  }
  rounds.push({ template, hand });
  console.log(`round ${round + 1}: ${UNITS} templated pages ${(template.wallMs / 1000).toFixed(1)} s (cpu ${(template.cpuMs / 1000).toFixed(1)} s), ${UNITS} hand-written ${(hand.wallMs / 1000).toFixed(1)} s (cpu ${(hand.cpuMs / 1000).toFixed(1)} s), load ${template.loadAverage.toFixed(1)}`);
}
const ratio = median(rounds.map((r) => r.template.wallMs / r.hand.wallMs));
const cpuRatio = median(rounds.map((r) => r.template.cpuMs / r.hand.cpuMs));
const summary = {
  units: UNITS,
  rounds: ROUNDS,
  templateMs: median(rounds.map((r) => r.template.wallMs)),
  handMs: median(rounds.map((r) => r.hand.wallMs)),
  ratio,
  cpuRatio,
  peakRssMB: { template: Math.max(...rounds.map((r) => r.template.maxRssMB ?? 0)), hand: Math.max(...rounds.map((r) => r.hand.maxRssMB ?? 0)) },
};
console.log(`${UNITS} pages from one template vs ${UNITS} written by hand, cold build: ${(summary.templateMs / 1000).toFixed(1)} s vs ${(summary.handMs / 1000).toFixed(1)} s, ${ratio.toFixed(2)}× (cpu ${cpuRatio.toFixed(2)}×)`);
mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
writeFileSync(path.join(repo, 'bench', 'results', 'templates.json'), json(summary));
