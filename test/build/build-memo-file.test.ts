/**
 * The build memo between two processes (scripts/build-memo-file.ts): a memo written after one
 * build and read by the next makes the same report as a fresh build, after a prose edit (the
 * other pages' views kept, their charts not rendered again) and after a table edit (every page
 * rendered again from parsed pages read back from the file, whose tokens must be markdown-it's
 * again); a memo of another generator version, or a damaged file, is an empty memo.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../scripts/build.ts';
import { readBuildMemo, writeBuildMemo } from '../../scripts/build-memo-file.ts';
import type { BuildMemo } from '../../scripts/build-memo.ts';
import { memoryFiles, memoryLogger } from '../../scripts/io.ts';
import { HARVEST_TABLE, json, page } from '../helpers/fixture-project.ts';
import { expectSameAsFresh } from '../helpers/fresh-build.ts';

const CHART = '```chart\nid: crops\ntitle: Cereals dominate\ntable: harvest\nrows: [cereals, sunflower]\n```\n';
// Markdown whose rendering calls methods of markdown-it's Token (attrGet, attrIndex): a code
// block with a language, an image, a link with a title, a table with aligned columns.
const RICH = '```text\nplain code\n```\n\n![A field](field.png "Wheat")\n\nSee [the agency](https://stat.gov.kz "Bureau").\n\n| Crop | t |\n|:--|--:|\n| wheat | 1 |\n';

const project: Record<string, string> = {
  'data/harvest.json': json(HARVEST_TABLE),
  'data/references.json': json([{ id: 'seed000', type: 'report', title: 'Seed report', issued: { 'date-parts': [[2020]] } }]),
  'content/en/index.md': page('title: Memo report', 'Home.\n'),
  'content/en/01-harvest.md': page('title: Harvest', `Cereals: {=harvest.cereals.2019} thousand t.\n\n${CHART}\n${RICH}`),
  'content/en/02-yields.md': page('title: Yields', 'As {@fig:crops} shows, sunflower grew to {=harvest.sunflower.2019} thousand t.\n'),
};

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((dir) => fs.rm(dir, { recursive: true, force: true }))));
async function cacheFolder(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'memo-file-'));
  folders.push(dir);
  return dir;
}

const build = (files: Record<string, string>, memo?: BuildMemo) => buildReport(memoryFiles(files), { logger: memoryLogger(), ...(memo ? { memo } : {}) });
const view = (report: Report, slug: string) => report.pages.find((p) => p.slug === slug);

/** One build in a "process" of its own: its memo read from `dir`, and written back after. */
async function buildFrom(dir: string, files: Record<string, string>, version = 'v1'): Promise<Report> {
  const memo = await readBuildMemo(dir, version);
  const report = await build(files, memo);
  await writeBuildMemo(dir, version, memo);
  return report;
}

describe('the build memo on disk', () => {
  it('after a prose edit, keeps the other pages from the previous process: their charts are not rendered again', async () => {
    const dir = await cacheFolder();
    const first = await buildFrom(dir, project);
    expect(first.stats.chartsRendered).toBe(1);
    const edited = { ...project, 'content/en/02-yields.md': project['content/en/02-yields.md']!.replace('As {@fig:crops} shows', 'As {@fig:crops} makes plain') };
    const report = await buildFrom(dir, edited);
    await expectSameAsFresh(report, edited);
    expect(report.stats.chartsRendered).toBe(0);
    expect(view(report, 'yields')?.html).toContain('<a class="xref" href="/en/harvest/#fig-crops">Figure 1.1</a> makes plain');
    expect(view(report, 'harvest')).toEqual(view(first, 'harvest'));
  });

  it('after a table edit, renders every page again from the parsed pages it read back', async () => {
    const dir = await cacheFolder();
    await buildFrom(dir, project);
    const edited = { ...project, 'data/harvest.json': json({ ...HARVEST_TABLE, rows: HARVEST_TABLE.rows.map((r) => (r.id === 'sunflower' ? { ...r, values: { ...r.values, '2019': 40.2 } } : r)) }) };
    const memo = await readBuildMemo(dir, 'v1');
    // The pages come from the file: their text did not change, so they are not parsed again.
    expect(memo.contents().pages).toHaveLength(3);
    const report = await build(edited, memo);
    await expectSameAsFresh(report, edited);
    expect(report.stats.chartsRendered).toBe(1);
    expect(view(report, 'yields')?.html).toContain('>40.2</a>');
    const harvest = view(report, 'harvest')?.html ?? '';
    expect(harvest).toContain('<code class="language-text">plain code');
    expect(harvest).toContain('<img src="field.png" alt="A field" title="Wheat">');
    expect(harvest).toContain('<td class="align-right">1</td>');
  });

  it('is not read by another version of the generator, and a damaged file is an empty memo', async () => {
    const dir = await cacheFolder();
    await buildFrom(dir, project, 'v1');
    expect((await readBuildMemo(dir, 'v2')).contents().pages).toEqual([]);
    expect((await readBuildMemo(dir, 'v1')).contents().pages).toHaveLength(3);
    const file = path.join(dir, 'build-memo.bin');
    const bytes = await fs.readFile(file);
    await fs.writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect((await readBuildMemo(dir, 'v1')).contents().pages).toEqual([]);
    await fs.writeFile(file, 'not a memo');
    const report = await buildFrom(dir, project);
    expect(report.stats.chartsRendered).toBe(1);
    await expectSameAsFresh(report, project);
  });
});
