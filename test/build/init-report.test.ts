/**
 * `report init DIR`: a new report outside this repository, with no copy or link of the generator,
 * builds and passes `report check`; the generator's templates, scripts and fonts come from its
 * own folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initReport } from '../../scripts/init-report.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const bin = path.join(repo, 'scripts/bin/report.js');
const parent = mkdtempSync(path.join(os.tmpdir(), 'report-init-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const report = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });

describe('report init', () => {
  const dir = path.join(parent, 'my-region');

  it('writes a one-chapter report that builds where it is, with the generator used from its own folder', async () => {
    const { files } = await initReport(dir, { install: false });
    expect(files).toEqual(['package.json', '.gitignore', 'report.config.json', 'content/en/index.md', 'content/en/01-output.md', 'data/gross-output.json', 'data/references.json']);
    // Nothing of the generator is in the report: no templates, scripts or node_modules.
    expect(readdirSync(dir).sort()).toEqual(['.gitignore', 'content', 'data', 'package.json', 'report.config.json']);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts.build).toBe('report build');
    expect(pkg.dependencies['regional-report']).toBe(`file:${path.relative(dir, repo)}`);

    const built = report(dir, 'build');
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    expect(built.stdout).toMatch(/built _site\/: 1 tables, 4 computed values, 1 charts \(1 rendered\), 5 checks \(0 findings\), 2 pages/);
    const chapter = readFileSync(path.join(dir, '_site/en/output/index.html'), 'utf8');
    // 1,200.4 / 800.0 × 100 = 150.05, shown as 150.1 (half away from zero on the decimal value).
    expect(chapter).toMatch(/>150\.1<\/a>\s% of its 2019 level/);
    expect(chapter).toContain('title="150.1 = 1,200.4 ÷ 800 × 100"');
    expect(chapter).toContain('an index of <a');
    expect(chapter).toMatch(/<svg[^>]+class="chart-svg"/);
    // The generator's fonts and assets are published from its own folder: for an English report, the Latin faces only.
    expect(existsSync(path.join(dir, '_site/assets/fonts/pt-sans-latin-400-normal.woff2'))).toBe(true);
    expect(existsSync(path.join(dir, '_site/assets/fonts/pt-sans-cyrillic-400-normal.woff2'))).toBe(false);
    expect(existsSync(path.join(dir, '_site/assets/js/charts.js'))).toBe(true);
    expect(lstatSync(path.join(dir, '_site')).isDirectory()).toBe(true);

    const checked = report(dir, 'check');
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/^check passed: 1 tables/m);
  });

  it('refuses a folder that is not empty, naming it and what to do, and writes nothing', async () => {
    const busy = path.join(parent, 'busy');
    await initReport(busy, { install: false }).catch(() => undefined);
    writeFileSync(path.join(busy, 'notes.txt'), 'mine');
    await expect(initReport(busy, { install: false })).rejects.toMatchObject({ kind: 'usage', message: `cannot start a report in ${busy}: the folder is not empty`, fix: expect.stringContaining('report init') });
    expect(readFileSync(path.join(busy, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
