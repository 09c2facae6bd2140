/**
 * Preset specs skip the Vega-Lite schema check at build time (render-job.ts): the generator writes
 * them, and this is where they are checked. Every chart of the real report (which uses every preset)
 * must follow the schema; a raw spec an author wrote is still checked at build time.
 */
import { describe, expect, it } from 'vitest';
import { PRESET_BUILDERS } from '../../scripts/chart/presets.ts';
import { runRenderJob } from '../../scripts/chart/render-job.ts';
import { schemaProblems } from '../../scripts/chart/check-spec.ts';
import { prepareFigure } from '../../scripts/chart/render-chart.ts';
import { ALL_TABLES, block, realReportJobs } from './chart-fixtures.ts';
import { lang } from '../helpers/languages.ts';

describe('preset specs and the Vega-Lite schema', () => {
  it('every chart of the real report, of every preset, follows the schema', async () => {
    const jobs = await realReportJobs();
    expect(jobs.length).toBeGreaterThan(30);
    for (const job of jobs) expect(schemaProblems(job.spec), job.chart).toEqual([]);
  });

  it('the presets the real report does not use follow it too, on the test tables', () => {
    for (const preset of ['bar', 'grouped-bar']) {
      const prepared = prepareFigure(block({ id: 'crops', title: 'Crops', table: 'harvest', preset, rows: ['cereals', 'sunflower'] }), ALL_TABLES(), { file: 'x.md', line: 1, language: lang('en'), anchor: 'fig-crops' });
      expect(schemaProblems(prepared.job.spec), preset).toEqual([]);
    }
  });

  it('every preset is covered above, and only raw specs are checked at build time', async () => {
    const jobs = await realReportJobs();
    expect(new Set([...jobs.map((job) => job.preset), 'bar', 'grouped-bar'])).toEqual(new Set(Object.keys(PRESET_BUILDERS)));
    for (const job of jobs) expect(job.checkSchema, job.chart).toBe(job.preset === 'raw');
  });

  it('stops a raw spec that breaks the schema', async () => {
    const [job] = (await realReportJobs()).filter((j) => j.checkSchema);
    const result = await runRenderJob({ ...job!, spec: { ...job!.spec, mark: 'no-such-mark' } as never });
    expect(result).toMatchObject({ ok: false, expected: 'a spec that follows the Vega-Lite v6 schema' });
  });
});
