/**
 * Charts of one shape share a Vega-Lite compilation and one parsed Vega dataflow with their own
 * records put in (compile-once.ts, parse-once.ts): a chart rendered that way gives the SVG and the
 * page's Vega spec it gives rendered alone, and the sharing is counted (never timed).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { compileWithWarnings } from '../../scripts/chart/check-spec.ts';
import { compileChart, compileStats, forgetShapes } from '../../scripts/chart/compile-once.ts';
import { parseOnce, parseStats, resetParseStats } from '../../scripts/chart/parse-once.ts';
import { prepareFigure } from '../../scripts/chart/render-chart.ts';
import { runRenderJob, type RenderJob } from '../../scripts/chart/render-job.ts';
import { renderRuntime, renderSvg } from '../../scripts/chart/render-svg.ts';
import { block, realReportJobs, tablesOf } from './chart-fixtures.ts';
import { lang } from '../helpers/languages.ts';

beforeEach(() => {
  forgetShapes();
  resetParseStats();
});

/** A table of three rows over four years; a chart picks rows and periods from it. */
const crops = tablesOf({
  id: 'crops',
  title: 'Harvest',
  unit: 'thousand t',
  decimals: 1,
  source: { ref: 'x' },
  periods: ['2016', '2017', '2018', '2019'],
  rows: [
    { id: 'wheat', label: 'Wheat', values: { '2016': 10, '2017': 12.5, '2018': 9, '2019': 14 } },
    { id: 'barley', label: 'Barley', values: { '2016': 4, '2017': 3.5, '2018': 6, '2019': 5.5 } },
    { id: 'maize', label: 'Maize', values: { '2016': 1, '2017': 2, '2018': 2.5, '2019': 2 } },
  ],
});

function job(id: string, preset: string, rows: string[], periods?: string[]): RenderJob {
  const chart = block({ id, title: `Chart ${id}`, table: 'crops', preset, rows, ...(periods ? { periods } : {}) });
  return prepareFigure(chart, crops, { file: 'content/en/01-x.md', line: 1, language: lang('en'), anchor: `fig-${id}` }).job;
}

/** Rendered as if it were the only chart: a plain compile and parse of its own spec. */
async function alone(j: RenderJob): Promise<{ svg: string; vega: string }> {
  const { vega } = compileWithWarnings(j.spec, j.theme);
  return { vega: JSON.stringify(vega), svg: await renderSvg(vega, j.svg) };
}

describe('one parsed dataflow per chart shape', () => {
  it('gives charts of one shape, other series and other periods, the SVG and spec each gets alone', async () => {
    // Same preset and options, other rows (series), other periods and another number of series:
    // one shape, since the spec names none of them.
    const jobs = [
      job('a', 'grouped-bar', ['wheat', 'barley'], ['2016', '2017']),
      job('b', 'grouped-bar', ['maize', 'wheat', 'barley'], ['2018', '2019']),
      job('c', 'grouped-bar', ['barley', 'maize'], ['2016', '2017', '2018']),
    ];
    for (const j of jobs) {
      const result = await runRenderJob(j);
      expect(result, j.chart).toEqual({ ok: true, ...(await alone(j)), shared: { compile: j !== jobs[0], dataflow: j !== jobs[0] } });
    }
    expect(parseStats()).toEqual({ parsed: 1, reused: 2, plain: 0 });
    // `alone` compiles plainly: the shapes saw only the three jobs.
    expect(compileStats()).toEqual({ compiled: 1, reused: 2, plain: 0 });
  });

  it('keeps each chart its own records when another chart of its shape renders in between', async () => {
    const first = job('first', 'line', ['wheat'], ['2016', '2017', '2018']);
    const second = job('second', 'line', ['maize', 'barley']);
    const compiledFirst = compileChart(first.spec, first.theme);
    const compiledSecond = compileChart(second.spec, second.theme);
    // Both descriptions exist before either renders: neither may see the other's records.
    const [a, b] = [parseOnce(compiledFirst), parseOnce(compiledSecond)];
    expect([a.reused, b.reused]).toEqual([false, true]);
    const svgSecond = await renderRuntime(b.runtime, second.svg);
    const svgFirst = await renderRuntime(a.runtime, first.svg);
    expect(svgFirst).toBe((await alone(first)).svg);
    expect(svgSecond).toBe((await alone(second)).svg);
    expect(svgFirst).not.toBe(svgSecond);
  });

  it('renders every chart of the real report through its shape\'s shared parse as it renders alone', async () => {
    const jobs = await realReportJobs();
    // Every shape compiled and parsed first (nothing rendered): each chart below then reuses them.
    for (const j of jobs) parseOnce(compileChart(j.spec, j.theme));
    for (const [i, j] of jobs.entries()) expect(await runRenderJob(j), `${j.chart} (chart ${i + 1} of ${jobs.length})`).toEqual({ ok: true, ...(await alone(j)), shared: { compile: true, dataflow: true } });
    const { parsed, reused, plain } = parseStats();
    expect(plain).toBe(0);
    expect(reused).toBeGreaterThanOrEqual(jobs.length);
    expect(parsed).toBeLessThanOrEqual(jobs.length);
  });
});
