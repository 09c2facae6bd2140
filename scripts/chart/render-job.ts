/**
 * The expensive, pure part of drawing a chart: the three checks (valid Vega-Lite for a spec an
 * author wrote, every encoded field exists, compiles without warnings), compilation to Vega and rendering to SVG. Its input
 * and output are plain JSON, so jobs can be cached by a hash of the input (chart-cache.ts) and
 * could run in worker threads.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { missingFields, schemaProblems } from './check-spec.ts';
import { compileChart } from './compile-once.ts';
import { parseOnce } from './parse-once.ts';
import { renderRuntime, type SvgOptions } from './render-svg.ts';
import { specProblems } from './spec-boundary.ts';

export interface RenderJob {
  /** The chart's id, for messages. */
  chart: string;
  spec: TopLevelSpec;
  /** Fields the spec's data has. */
  fields: string[];
  theme: Config;
  svg: SvgOptions;
  /**
   * Whether to check the spec against the Vega-Lite JSON schema: for specs an author wrote
   * (`preset: raw`). Preset specs are the generator's own output, checked against the schema by
   * the tests (test/chart/presets-schema.test.ts); the validator costs about two seconds to load
   * in every process and worker that renders.
   */
  checkSchema: boolean;
}

export type RenderResult =
  | { ok: true; vega: string; svg: string; shared?: SharedWork }
  | { ok: false; problem: string; expected: string; fix: string };

/** Whether a chart took its Vega-Lite compilation and its parsed dataflow from an earlier chart of its shape. */
export interface SharedWork {
  compile: boolean;
  dataflow: boolean;
}

/** Over the charts a stage rendered: how many took their compilation, their parsed dataflow, from an earlier chart of their shape (in the same thread). */
export interface SharingStats {
  rendered: number;
  compile: number;
  dataflow: number;
}

export const newSharingStats = (): SharingStats => ({ rendered: 0, compile: 0, dataflow: 0 });

export function countShared(stats: SharingStats | undefined, result: RenderResult): void {
  if (!stats || !result.ok) return;
  stats.rendered++;
  if (result.shared?.compile) stats.compile++;
  if (result.shared?.dataflow) stats.dataflow++;
}

export async function runRenderJob(job: RenderJob): Promise<RenderResult> {
  if (job.checkSchema) {
    // Again here, on the spec as it is rendered, for a job that did not come through prepareFigure.
    const [first] = specProblems(job.spec, 0);
    if (first) return { ok: false, problem: `chart "${job.chart}": ${first.problem} (at ${first.path})`, expected: first.expected, fix: first.fix };
  }
  const invalid = job.checkSchema ? schemaProblems(job.spec) : [];
  if (invalid.length) {
    return { ok: false, problem: `chart "${job.chart}" is not valid Vega-Lite: ${invalid.join('; ')}`, expected: 'a spec that follows the Vega-Lite v6 schema', fix: 'correct the spec (https://vega.github.io/vega-lite/docs/)' };
  }
  const unknown = missingFields(job.spec, job.fields);
  if (unknown.length) {
    const list = unknown.map((u) => `"${u.field}" (at ${u.path})`).join(', ');
    return { ok: false, problem: `chart "${job.chart}" encodes field${unknown.length > 1 ? 's' : ''} ${list} that the data does not have`, expected: `fields of the injected data: ${job.fields.join(', ')}`, fix: 'use one of those field names' };
  }
  try {
    // Once per spec shape: charts of one preset differ only in their records (compile-once.ts, parse-once.ts).
    const compiled = compileChart(job.spec, job.theme);
    if (compiled.warnings.length) {
      return { ok: false, problem: `chart "${job.chart}" compiles with warnings: ${compiled.warnings.join('; ')}`, expected: 'a spec that compiles without warnings', fix: 'correct the spec as the warning says' };
    }
    // As JSON text: all the page needs, a fraction of the memory of the object (which may hold on
    // to Vega-Lite's whole compiled model), and it crosses from a worker thread without a copy.
    // Taken before rendering: the dataflow ingests these very records, and nothing it does to
    // them belongs in the page.
    const vega = compiled.vegaText();
    const { runtime, reused } = parseOnce(compiled);
    const svg = await renderRuntime(runtime, job.svg);
    return { ok: true, vega, svg, shared: { compile: compiled.reused, dataflow: reused } };
  } catch (error) {
    // Vega-Lite and Vega throw plain errors for specs they cannot draw: the author's to fix.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `chart "${job.chart}" could not be drawn: ${message.slice(0, 300)}`, expected: 'a spec Vega-Lite compiles and Vega renders', fix: job.checkSchema ? 'correct the spec as the message says' : 'report this: the preset produced a spec Vega could not draw' };
  }
}
