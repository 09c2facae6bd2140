/**
 * What one process keeps between builds (scripts/build-memo.ts, the dev server's): after
 * each edit, the report built with the memo is the report a build without it makes from the same
 * files, and only what the edit touches is made again: a prose edit re-renders its own page and
 * keeps every other page's view (the same object); an edit to a table, a figure another page
 * cross-references, or the configuration makes every page again; a failed build keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { buildReport, type Report } from '../../scripts/build.ts';
import { createBuildMemo } from '../../scripts/build-memo.ts';
import { memoryFiles, memoryLogger } from '../../scripts/io.ts';
import { HARVEST_TABLE, json, page } from '../helpers/fixture-project.ts';
import { expectSameAsFresh } from '../helpers/fresh-build.ts';

const CHART = '```chart\nid: crops\ntitle: Cereals dominate\ntable: harvest\nrows: [cereals, sunflower]\n```\n';

const project: Record<string, string> = {
  'data/harvest.json': json(HARVEST_TABLE),
  'data/references.json': json([{ id: 'seed000', type: 'report', title: 'Seed report', issued: { 'date-parts': [[2020]] } }]),
  'content/en/index.md': page('title: Memo report', 'Home.\n'),
  'content/en/01-harvest.md': page('title: Harvest', `Cereals: {=harvest.cereals.2019} thousand t.\n\n${CHART}`),
  'content/en/02-yields.md': page('title: Yields', 'As {@fig:crops} shows, sunflower grew to {=harvest.sunflower.2019} thousand t.\n'),
};

const memo = createBuildMemo();
const withMemo = (files: Record<string, string>) => buildReport(memoryFiles(files), { logger: memoryLogger(), memo });
const view = (report: Report, slug: string) => report.pages.find((p) => p.slug === slug);

describe('the build memo', () => {
  let files = { ...project };
  let previous: Report;

  it('builds the report as a build without it does', async () => {
    previous = await withMemo(files);
    await expectSameAsFresh(previous, files);
    expect(view(previous, 'harvest')?.html).toContain('>157.4</a>');
  });

  it('after a prose edit, renders only the edited page again and keeps the others', async () => {
    files = { ...files, 'content/en/01-harvest.md': files['content/en/01-harvest.md']!.replace('Cereals:', 'Cereals, by far the largest crop:') };
    const report = await withMemo(files);
    await expectSameAsFresh(report, files);
    expect(view(report, 'harvest')?.html).toContain('Cereals, by far the largest crop: <a class="num"');
    expect(view(report, 'harvest')).not.toBe(view(previous, 'harvest'));
    expect(view(report, 'yields')).toBe(view(previous, 'yields'));
    expect(view(report, 'index')).toBe(view(previous, 'index'));
    // The edited page's chart is charted again (no disk cache here) to the same figure.
    expect(report.pages.find((p) => p.slug === 'harvest')?.figures).toEqual(previous.pages.find((p) => p.slug === 'harvest')?.figures);
    previous = report;
  });

  it('after a table edit, makes every page again with the new numbers', async () => {
    // 40.2 instead of 38.7: the yields page's number changes though its text did not.
    files = { ...files, 'data/harvest.json': json({ ...HARVEST_TABLE, rows: HARVEST_TABLE.rows.map((r) => (r.id === 'sunflower' ? { ...r, values: { ...r.values, '2019': 40.2 } } : r)) }) };
    const report = await withMemo(files);
    await expectSameAsFresh(report, files);
    expect(view(report, 'yields')?.html).toContain('>40.2</a>');
    expect(view(report, 'yields')).not.toBe(view(previous, 'yields'));
    previous = report;
  });

  it('after an edit that moves a figure another page cites, renumbers the citing page', async () => {
    // A second chart before "crops": it becomes Figure 1.2, and the yields page says so.
    const second = CHART.replace('id: crops', 'id: sunflower').replace('Cereals dominate', 'Sunflower grows');
    files = { ...files, 'content/en/01-harvest.md': files['content/en/01-harvest.md']!.replace(CHART, `${second}\n${CHART}`) };
    const report = await withMemo(files);
    await expectSameAsFresh(report, files);
    expect(view(report, 'yields')?.html).toContain('<a class="xref" href="/en/harvest/#fig-crops">Figure 1.2</a>');
    expect(view(previous, 'yields')?.html).toContain('<a class="xref" href="/en/harvest/#fig-crops">Figure 1.1</a>');
    previous = report;
  });

  it('after a failed build, keeps nothing of it: the next good build is the fresh one', async () => {
    const broken = { ...files, 'content/en/02-yields.md': page('title: Yields', 'Sunflower: {=harvest.sunflowr.2019} thousand t.\n') };
    await expect(withMemo(broken)).rejects.toThrow(/sunflowr/);
    const report = await withMemo(files);
    await expectSameAsFresh(report, files);
    expect(view(report, 'yields')).toBe(view(previous, 'yields'));
  });

  it('after a configuration edit, makes every page in the new settings', async () => {
    files = { ...files, 'report.config.json': json({ title: 'Renamed report' }) };
    const report = await withMemo(files);
    await expectSameAsFresh(report, files);
    expect(view(report, 'yields')).not.toBe(view(previous, 'yields'));
  });
});
