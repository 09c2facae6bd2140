/** `preset: raw`: the author's Vega-Lite spec, with the table's data injected as records. */
import { LookupProblem } from '../../compute/table-access.ts';
import type { ChartBlock } from '../chart-block.ts';
import { seriesChart } from './series-charts.ts';
import { chartData } from '../chart-records.ts';
import { type PreparedChart, type PresetContext } from './common.ts';

export function rawChart(block: ChartBlock, context: PresetContext): PreparedChart {
  if (!block.spec) throw new LookupProblem(`chart "${block.id}" uses preset "raw" but has no "spec"`, { expected: 'a Vega-Lite spec under "spec:"', fix: 'add the spec, or choose a preset' });
  const data = chartData(block, context.tables, context.language);
  const { data: _ignored, ...rest } = block.spec;
  return seriesChart(block, data, { ...rest, data: { values: data.records } }, [], context.language);
}
