/**
 * Every chart render is bounded (defect 5): records per chart, rows a spec generates, pixels,
 * memory and time each end one chart with a message naming it, never the build with an
 * out-of-memory abort or a hang. Large tables still work when a chart picks what it plots.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { renderSandbox } from '../../scripts/chart/render-sandbox.ts';
import { CHART_LIMITS } from '../../scripts/chart/spec-boundary.ts';
import { THEME } from '../../scripts/chart/theme.ts';
import type { RenderJob } from '../../scripts/chart/render-job.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { json, page } from '../helpers/fixture-project.ts';
import { rawChartProject, reportMessage, testCacheDir } from './helpers.ts';
import { lang } from '../helpers/languages.ts';

const build = (spec: string) => reportMessage(buildReport(rawChartProject(spec), { cacheDir: testCacheDir }));
const records = [{ period: '2015', series: 'a', key: 'a', value: 1 }];
const job = (spec: object): RenderJob => ({ chart: 'probe', spec: { data: { values: records }, ...spec } as never, fields: ['period', 'series', 'key', 'value'], theme: THEME, svg: { number: lang('en').pack.number, id: 'fig-probe', title: 'T', description: 'D' }, checkSchema: true });

describe('limits of one chart', () => {
  it('refuses a sequence that would generate a billion rows, at its path', async () => {
    const message = await build('  layer:\n    - data: {sequence: {start: 0, stop: 1000000000}}\n      mark: point');
    expect(message).toContain('content/en/01-harvest.md:6 (spec.layer[0].data.sequence): chart "probe": the sequence generates 1,000,000,000 rows');
    expect(message).toContain(`expected: at most ${CHART_LIMITS.generatedRows.toLocaleString('en')} rows`);
  });

  it('refuses a chart wider than a page could ever show', async () => {
    const message = await build('  width: 1000000\n  mark: point\n  encoding:\n    x: {field: period, type: ordinal}');
    expect(message).toContain('(spec.width): chart "probe": width 1000000 is larger than a chart can be');
  });

  it('builds a 10,000-row × 20-period table, refuses a chart of all of it, and draws a chart of two rows', async () => {
    const periods = Array.from({ length: 20 }, (_, i) => String(2000 + i));
    const rows = Array.from({ length: 10_000 }, (_, r) => ({ id: `d${r}`, label: `District ${r}`, values: Object.fromEntries(periods.map((p, i) => [p, r + i / 10])) }));
    const table = { id: 'districts', title: 'Districts', unit: 'thousand t', decimals: 1, source: { ref: 'x' }, periods, rows };
    const chart = (options: string) => `\`\`\`chart\nid: all\ntitle: All\ntable: districts\n${options}\`\`\`\n`;
    const files = (options: string) => memoryFiles({ 'data/districts.json': json(table), 'content/en/index.md': page('title: T', `District 9,999 in 2019: {=districts.d9999.2019}.\n\n${chart(options)}`) });

    const refused = await reportMessage(buildReport(files('')));
    expect(refused).toContain('content/en/index.md:6: chart "all": would plot 200,000 records');
    expect(refused).toContain('fix: choose the rows and periods to plot ("rows:", "periods:")');

    const report = await buildReport(files('rows: [d0, d9999]\n'));
    const home = report.pages.find((p) => p.locale === 'en');
    expect(home?.html).toContain('10,000.9');
    expect(report.stats.charts).toBe(1);
  });
});

describe('the sandbox an author\'s spec renders in', () => {
  const schemaDir = path.join(testCacheDir, 'vega-lite');

  it('ends a spec that needs more memory than its limit with a message, and goes on with the next (defect 5)', async () => {
    const sandbox = renderSandbox(schemaDir, { seconds: 60, memoryMb: 256 });
    try {
      const huge = await sandbox.run(job({ mark: 'point', transform: [{ calculate: "pad('', 600000000)", as: 'big' }], encoding: { x: { field: 'period', type: 'ordinal' } } }));
      expect(huge).toEqual({ ok: false, problem: 'chart "probe" needed more than 256 MB to draw', expected: 'a chart that draws in at most 256 MB', fix: expect.stringContaining('remove the transform or expression that generates rows or long strings') });
      const next = await sandbox.run(job({ mark: 'point', encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } }));
      expect(next.ok).toBe(true);
    } finally {
      await sandbox.close();
    }
  }, 120_000);

  it('ends a spec that runs past its time budget', async () => {
    const sandbox = renderSandbox(schemaDir, { seconds: 0.5, memoryMb: 2048 });
    try {
      // Three million generated rows, flattened and aggregated: seconds of work for Vega.
      const slow = await sandbox.run(job({ mark: 'point', transform: [{ calculate: 'sequence(0, 3000000)', as: 'n' }, { flatten: ['n'] }, { aggregate: [{ op: 'median', field: 'n', as: 'm' }] }], encoding: { x: { field: 'm', type: 'quantitative' } } }));
      expect(slow).toEqual({ ok: false, problem: 'chart "probe" took longer than 0.5 s to draw', expected: 'a chart that draws within 0.5 s', fix: expect.stringContaining('plot fewer rows') });
    } finally {
      await sandbox.close();
    }
  }, 120_000);

  it('keeps a build alive and names the chart when a spec exhausts memory with the default limits', async () => {
    const message = await build('  mark: point\n  transform:\n    - calculate: "pad(\'\', 1500000000)"\n      as: big\n  encoding:\n    x: {field: period, type: ordinal}');
    expect(message).toBe(
      `content/en/01-harvest.md:6: chart "probe" needed more than ${CHART_LIMITS.memoryMb} MB to draw\n  expected: a chart that draws in at most ${CHART_LIMITS.memoryMb} MB\n  fix: plot fewer rows, or remove the transform or expression that generates rows or long strings (sequence, flatten, fold, pad, repeat)`,
    );
  }, 120_000);
});
