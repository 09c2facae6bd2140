/**
 * A build reads only the project and writes only its output and the caches it is given:
 * links out of the project are refused by name, and an in-memory build writes nothing, not even
 * a chart cache in the working directory (defect 7).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { diskFiles } from '../../scripts/io.ts';
import { HARVEST_TABLE, json, page } from '../helpers/fixture-project.ts';
import { rawChartProject, reportMessage } from './helpers.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boundary-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}
const base = { 'data/harvest.json': json(HARVEST_TABLE), 'content/en/index.md': page('title: T', 'Cereals: {=harvest.cereals.2019}.\n') };

describe('reads stay inside the project', () => {
  it('refuses a data file that links outside the project, naming the link', async () => {
    const root = project(base);
    symlinkSync('/etc/passwd', path.join(root, 'data/accounts.json'));
    const message = await reportMessage(buildReport(diskFiles(root)));
    expect(message).toBe('data/accounts.json: data/accounts.json is a link to /etc/passwd, outside the project\n  expected: files inside the project folder (a report is built only from its own files)\n  fix: copy the file into the project instead of linking to it, or remove the link');
  });

  it('refuses a chapter folder that links outside the project', async () => {
    const root = project(base);
    const outside = project({ 'secret.md': page('title: Secret', 'Secret.\n') });
    symlinkSync(outside, path.join(root, 'content/ru'));
    const message = await reportMessage(buildReport(diskFiles(root)));
    expect(message).toContain(`content/ru is a link to ${outside}, outside the project`);
  });

  it('refuses a dangling link, and reads a link to a file inside the project as that file', async () => {
    const dangling = project(base);
    symlinkSync(path.join(dangling, 'nowhere.json'), path.join(dangling, 'data/gone.json'));
    expect(await reportMessage(buildReport(diskFiles(dangling)))).toContain('data/gone.json is a link to a file that does not exist');

    const root = project({ ...base, 'tables/harvest.json': json(HARVEST_TABLE) });
    rmSync(path.join(root, 'data/harvest.json'));
    symlinkSync('../tables/harvest.json', path.join(root, 'data/harvest.json'));
    const report = await buildReport(diskFiles(root));
    expect(report.pages[0]?.html).toContain('157.4');
  });
});

describe('an in-memory build writes nothing', () => {
  it('leaves the working directory empty, charts and an author spec included (defect 7)', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'cwd-'));
    roots.push(cwd);
    const before = process.cwd();
    process.chdir(cwd);
    try {
      const report = await buildReport(rawChartProject('  mark: point\n  encoding:\n    x: {field: period, type: ordinal}\n    y: {field: value, type: quantitative}'));
      expect(report.stats).toMatchObject({ charts: 1, chartsRendered: 1 });
    } finally {
      process.chdir(before);
    }
    expect(readdirSync(cwd, { recursive: true })).toEqual([]);
  }, 120_000);
});
