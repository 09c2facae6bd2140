/**
 * Small multiples: one small line chart per row, on a shared scale, so the shapes of many series
 * compare without a tangle of lines. Each panel keeps the row's colour.
 */
import type { ChartBlock } from '../chart-block.ts';
import { chartData, isIndexScale } from '../chart-records.ts';
import { CHART_WIDTH } from '../theme.ts';
import { seriesChart } from './series-charts.ts';
import { numberFormat, periodTitle, SCHEMA_URL, seriesDetail, seriesInk, seriesStyles, seriesTooltip, STYLE_FIELDS, styled, type PreparedChart, type PresetContext, type Spec } from './common.ts';

export function smallMultiplesChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const data = chartData(block, context.tables, context.language);
  const wrap = Math.min(block.wrap ?? 3, data.series.length);
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const gap = 24;
  const width = Math.floor((CHART_WIDTH - gap * (wrap - 1)) / wrap) - 40;
  const reference = isIndexScale(data.table, block.transform) ? 100 : undefined;
  const first = data.periods[0] ?? '';
  const last = data.periods.at(-1) ?? '';
  const periodOrder = new Map(data.periods.map((p, i) => [p, i]));
  const layers: Spec[] = [];
  if (reference !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.6 }, encoding: { y: { datum: reference, type: 'quantitative' } } });
  layers.push({
    mark: { type: 'line', point: { size: 18 } },
    encoding: {
      // Only the first and last periods are labelled: the panels are small.
      x: { field: 'period', type: 'ordinal', title: null, sort: { field: 'periodOrder', op: 'min' }, axis: { labelAngle: 0, values: first === last ? [first] : [first, last] } },
      y: { field: 'value', type: 'quantitative', title: null, axis: { format, tickCount: 3 } },
      color: seriesInk,
      detail: seriesDetail,
      tooltip: seriesTooltip(xTitle, data.unitText, format),
    },
  });
  const spec = {
    $schema: SCHEMA_URL,
    data: { values: styled(data.records, seriesStyles(data.series, context.colours)).map((r) => ({ ...r, periodOrder: periodOrder.get(r.period) ?? 0 })) },
    // Panels in series order, periods in the table's order: both from the records.
    facet: { field: 'series', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, header: { labelAnchor: 'start', labelFontSize: 12, labelLimit: width + 30 } },
    columns: wrap,
    spacing: { column: gap, row: 16 },
    spec: { width, height: block.height ?? 110, layer: layers },
    resolve: { scale: { y: 'shared' } },
  };
  return seriesChart(block, data, spec, [...STYLE_FIELDS, 'periodOrder'], context.language);
}
