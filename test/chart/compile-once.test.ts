/**
 * Compiling each spec shape once: every chart of the real report gets exactly the Vega spec a
 * plain compile gives (and so its SVG: parse-once.test.ts), a shape is compiled once however many
 * charts share it (counted, not timed), and a spec with warnings still fails.
 */
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Config, TopLevelSpec } from 'vega-lite';
import { compileWithWarnings, keepCompiledSchemaIn } from '../../scripts/chart/check-spec.ts';
import { compileChart, compileOnce, compileStats, forgetShapes } from '../../scripts/chart/compile-once.ts';
import { runRenderJob, type RenderJob } from '../../scripts/chart/render-job.ts';
import { THEME } from '../../scripts/chart/theme.ts';
import { realReportJobs } from './chart-fixtures.ts';
import { lang } from '../helpers/languages.ts';

const root = path.resolve(import.meta.dirname, '../..');
keepCompiledSchemaIn(path.join(root, '.cache/vega-lite'));


/**
 * The same data in the same key order, undefined properties included. Prototypes aside: the
 * compiler's signal references are class instances, their copies plain objects with the same
 * `signal` (all Vega and JSON read).
 */
function sameData(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.length === otherKeys.length && keys.every((key, i) => otherKeys[i] === key && sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const records = (values: number[]) => values.map((value, i) => ({ period: String(2015 + i), series: 'Cereals', value }));
const barSpec = (values: unknown[], mark = 'bar'): TopLevelSpec =>
  ({ data: { values }, mark, encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } }) as TopLevelSpec;
const dataOf = (vega: object) => (vega as { data: Array<{ name: string; values?: unknown[] }> }).data;

beforeEach(() => forgetShapes());

describe('compile once per shape', () => {
  it('gives every chart of the real report the Vega spec of a plain compile', async () => {
    const jobs = await realReportJobs();
    expect(jobs.length).toBeGreaterThan(30);
    for (const job of jobs) {
      const plain = compileWithWarnings(job.spec, job.theme);
      // The first compiles the shape, the second copies it: both must be the plain result (the
      // same spec draws the same SVG: parse-once.test.ts renders every chart both ways).
      for (const once of [compileChart(job.spec, job.theme), compileChart(job.spec, job.theme)]) {
        expect(once.warnings, job.chart).toEqual(plain.warnings);
        expect(sameData(once.vega(), plain.vega), job.chart).toBe(true);
        expect(once.vegaText(), job.chart).toBe(JSON.stringify(plain.vega));
      }
    }
    // Every chart went through the shapes (none fell back to a plain compile): one compile per
    // distinct shape, every other call a copy (charts of two languages with the same labels share one).
    const stats = compileStats();
    expect(stats.plain).toBe(0);
    expect(stats.compiled + stats.reused).toBe(2 * jobs.length);
    expect(stats.compiled).toBeLessThanOrEqual(jobs.length);
    expect(stats.compiled).toBeGreaterThan(30);
  });

  it('compiles a shape once and gives each chart its own records', () => {
    const first = records([1, 2, 3]);
    const second = records([7, 8, 9, 10]);
    const a = compileOnce(barSpec(first), THEME);
    const b = compileOnce(barSpec(second), THEME);
    expect(compileStats()).toEqual({ compiled: 1, reused: 1, plain: 0 });
    expect(dataOf(a.vega)[0]?.values).toBe(first);
    expect(dataOf(b.vega)[0]?.values).toBe(second);
    expect(b.vega).toEqual(compileWithWarnings(barSpec(second), THEME).vega);
    // Each chart has its own copy: changing one leaves the next untouched.
    (b.vega as { marks: unknown[] }).marks.length = 0;
    expect((compileOnce(barSpec(first), THEME).vega as { marks: unknown[] }).marks.length).toBeGreaterThan(0);
  });

  it('compiles again when the shape or the theme changes', () => {
    compileOnce(barSpec(records([1, 2])), THEME);
    compileOnce(barSpec(records([1, 2]), 'point'), THEME);
    const theme: Config = { ...THEME, background: '#fafafa' };
    const themed = compileOnce(barSpec(records([1, 2])), theme);
    expect(compileStats()).toEqual({ compiled: 3, reused: 0, plain: 0 });
    expect(themed.vega).toEqual(compileWithWarnings(barSpec(records([1, 2])), theme).vega);
    // The same theme in another object is the same shape.
    compileOnce(barSpec(records([3, 4])), { ...theme });
    expect(compileStats()).toEqual({ compiled: 3, reused: 1, plain: 0 });
    // A property set to undefined is not a missing one (JSON alone would not tell them apart).
    const untitled = barSpec(records([1, 2])) as { encoding: { x: object } };
    untitled.encoding.x = { ...untitled.encoding.x, title: undefined };
    compileOnce(untitled as TopLevelSpec, theme);
    expect(compileStats()).toEqual({ compiled: 4, reused: 1, plain: 0 });
  });

  it('keeps the sources Vega-Lite merges (deep-equal layer data) and the ones it keeps apart', () => {
    const layered = (top: unknown[], label: unknown[]): TopLevelSpec =>
      ({
        data: { values: top },
        layer: [
          { mark: 'line', encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } },
          { data: { values: label }, mark: 'text', encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' }, text: { field: 'series' } } },
        ],
      }) as TopLevelSpec;
    const top = records([1, 2, 3]);
    // Equal, with the keys in another order: Vega-Lite makes one source of the two.
    const equal = top.map(({ value, series, period }) => ({ value, series, period }));
    const cases = [layered(top, equal), layered(top, records([3])), layered(records([4, 5]), records([6]))];
    for (const spec of cases) expect(sameData(compileOnce(spec, THEME).vega, compileWithWarnings(spec, THEME).vega)).toBe(true);
    expect(dataOf(compileOnce(cases[0] as TopLevelSpec, THEME).vega).filter((d) => d.values)).toHaveLength(1);
    // The last two differ only in their records.
    expect(compileStats()).toEqual({ compiled: 2, reused: 2, plain: 0 });
  });

  it('compiles specs without inline records as before', () => {
    const named = { data: { name: 'table' }, mark: 'bar', encoding: { x: { field: 'period', type: 'ordinal' } } } as TopLevelSpec;
    expect(compileOnce(named, THEME)).toEqual(compileWithWarnings(named, THEME));
    expect(compileStats()).toEqual({ compiled: 0, reused: 0, plain: 1 });
  });

  it('fails a spec with warnings the same way every time', async () => {
    // A shape channel on bars: Vega-Lite drops it with a warning.
    const warned = (values: unknown[]): TopLevelSpec => ({ ...barSpec(values), encoding: { ...(barSpec(values) as { encoding: object }).encoding, shape: { field: 'series', type: 'nominal' } } }) as TopLevelSpec;
    const job = (values: unknown[]): RenderJob => ({ chart: 'warned', spec: warned(values), fields: ['period', 'series', 'value'], theme: THEME, svg: { number: lang('en').pack.number, id: 'w', title: 'W', description: 'D' }, checkSchema: true });
    const { warnings } = compileWithWarnings(warned(records([1])), THEME);
    expect(warnings.length).toBeGreaterThan(0);
    const expected = { ok: false, problem: `chart "warned" compiles with warnings: ${warnings.join('; ')}`, expected: 'a spec that compiles without warnings', fix: 'correct the spec as the warning says' };
    expect(await runRenderJob(job(records([1])))).toEqual(expected);
    expect(await runRenderJob(job(records([5, 6])))).toEqual(expected);
    expect(compileStats()).toEqual({ compiled: 1, reused: 1, plain: 0 });
  });
});
