/**
 * The command line runs the generator compiled (scripts/bin/compiled-cli.js): once per version of
 * its code, into .build/cli/<hash>/. A build through it writes the same site, byte for byte, as
 * the TypeScript run through tsx (REPORT_TSX=1): the modules that find files beside themselves
 * (templates, the indicator folder, the chart workers' entry) find the same files, and enough
 * charts to start the chart workers are rendered by the compiled worker.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCli } from '../../scripts/bin/compiled-cli.js';
import { POOL_THRESHOLD } from '../../scripts/chart/pool-size.ts';
import { HARVEST_TABLE, fixtureProjectOnDisk, json, page } from '../helpers/fixture-project.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'scripts/bin/report.js');

// As many charts as start the chart workers (POOL_THRESHOLD): they run the compiled worker too.
const CHARTS = Array.from({ length: POOL_THRESHOLD }, (_, i) => `\`\`\`chart\nid: crops-${i}\ntitle: Cereals dominate, view ${i}\ntable: harvest\nrows: [cereals, sunflower]\n\`\`\`\n`).join('\n');

const root = fixtureProjectOnDisk({
  'data/harvest.json': json(HARVEST_TABLE),
  'data/references.json': json([{ id: 'seed000', type: 'report', title: 'Seed report', issued: { 'date-parts': [[2020]] } }]),
  'content/en/index.md': page('title: Compiled report', 'Home.\n'),
  'content/en/01-harvest.md': page('title: Harvest', `Cereals: {=harvest.cereals.2019} thousand t, {=share(harvest.cereals, 2019)} % of the harvest.\n\n${CHARTS}`),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A cold build (no chart cache: every chart rendered, by the workers) into `out`. */
function build(out: string, env: Record<string, string> = {}): string {
  rmSync(path.join(root, '.cache'), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [bin, 'build', `--out=${out}`, '--force'], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env } });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

function fingerprint(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => path.join(e.parentPath, e.name)).sort().map((file) => [path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

describe('the compiled command line', () => {
  it('is compiled once per version of the code, into the generator\'s .build/cli/', async () => {
    const url = await compiledCli();
    const entry = fileURLToPath(url);
    expect(path.relative(repo, entry)).toMatch(/^\.build\/cli\/[0-9a-f]{16}\/cli\.js$/);
    const written = statSync(entry).mtimeMs;
    expect(await compiledCli()).toBe(url);
    expect(statSync(entry).mtimeMs).toBe(written);
  });

  it('builds the same site as the TypeScript through tsx, chart workers included', () => {
    const compiled = build('compiled');
    const typescript = build('typescript', { REPORT_TSX: '1' });
    // The same summary, but for the time.
    const summary = (output: string) => output.split('\n').find((line) => line.startsWith('built '))?.replace(/ in [\d.]+ s$/, '').replace(/^built \w+\//, '');
    expect(summary(compiled)).toBe(`: 1 tables, 2 computed values, ${POOL_THRESHOLD} charts (${POOL_THRESHOLD} rendered), 0 checks (0 findings), 2 pages, 643 files`);
    expect(summary(typescript)).toBe(summary(compiled));
    const one = fingerprint(path.join(root, 'compiled'));
    const two = fingerprint(path.join(root, 'typescript'));
    expect(one.size).toBeGreaterThan(10);
    expect([...two.keys()]).toEqual([...one.keys()]);
    expect([...one].filter(([file, hash]) => two.get(file) !== hash).map(([file]) => file)).toEqual([]);
    expect(existsSync(path.join(root, 'compiled/en/harvest/index.html'))).toBe(true);
  });
});
