/**
 * Two-period presets: slope (one line per row from the first period to the second, labelled with
 * its values at both ends) and dumbbell (one row per series, a dot per period joined by a bar).
 */
import { LookupProblem, numericTable } from '../../compute/table-access.ts';
import type { ChartBlock } from '../chart-block.ts';
import { chartData, isIndexScale, type SeriesData } from '../chart-records.ts';
import { formatNumber } from '../../languages/number-format.ts';
import { CATEGORICAL } from '../theme.ts';
import { seriesChart } from './series-charts.ts';
import { baseSpec, keyedLegendColour, LABEL_GAP, numberFormat, periodAxis, periodTitle, seriesDetail, seriesInk, seriesStyles, seriesTooltip, sortKey, STYLE_FIELDS, styled, type PreparedChart, type PresetContext, type Spec } from './common.ts';

function twoPeriodData(block: ChartBlock, context: PresetContext): SeriesData {
  const table = numericTable(context.tables, block.table);
  const periods = block.periods ?? [table.periods[0] ?? '', table.periods.at(-1) ?? ''];
  if (periods.length !== 2 || periods[0] === periods[1]) {
    throw new LookupProblem(`preset "${block.preset}" compares two periods, but ${periods.length === 2 ? 'both are the same' : `${periods.length} are given`}`, {
      expected: 'periods: ["first", "second"], two different periods of the table',
      fix: 'give exactly two periods (or none: the table\'s first and last)',
    });
  }
  return chartData({ ...block, periods }, context.tables, context.language);
}

/** Spreads labels apart at one end of a slope chart, in the units of the value scale. */
function spread(values: Array<{ series: string; value: number }>, domain: [number, number], height: number): Map<string, number> {
  const [min, max] = domain;
  const toY = (v: number) => height * (1 - (v - min) / (max - min));
  const ends = values.map((v) => ({ series: v.series, y: toY(v.value) })).sort((a, b) => a.y - b.y);
  const placed: number[] = [];
  for (const [i, end] of ends.entries()) placed.push(i === 0 ? end.y : Math.max(end.y, (placed[i - 1] ?? 0) + LABEL_GAP));
  const overflow = Math.max(0, (placed.at(-1) ?? 0) - height);
  return new Map(ends.map((end, i) => [end.series, min + (max - min) * (1 - ((placed[i] ?? end.y) - overflow) / height)]));
}

export function slopeChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const data = twoPeriodData(block, context);
  const [first, second] = data.periods as [string, string];
  const height = block.height ?? 320;
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const known = data.records.filter((r): r is typeof r & { value: number } => r.value !== null);
  const reference = isIndexScale(data.table, block.transform) ? 100 : undefined;
  const all = [...known.map((r) => r.value), ...(reference === undefined ? [] : [reference])];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.04;
  const domain: [number, number] = [lo - pad, hi + pad];
  const fmt = (v: number) => formatNumber(v, data.decimals, context.language);
  const styles = seriesStyles(data.series, context.colours);
  const labels = [first, second].flatMap((period) => {
    const ends = known.filter((r) => r.period === period);
    const at = spread(ends, domain, height);
    return ends.map((r) => ({ period, series: r.series, labelAt: at.get(r.series) ?? r.value, text: period === first ? fmt(r.value) : `${r.series}  ${fmt(r.value)}` }));
  });
  const x = { ...periodAxis(xTitle), title: null, axis: { labelAngle: 0, orient: 'top', domain: false, ticks: false, labelFontWeight: 'bold' } };
  const y = { field: 'value', type: 'quantitative', title: data.unitText, scale: { domain, nice: false, zero: false }, axis: null };
  const layers: Spec[] = [];
  if (reference !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.5 }, encoding: { y: { datum: reference, type: 'quantitative' } } });
  layers.push(
    { mark: { type: 'line', point: true }, encoding: { x, y, color: seriesInk, detail: seriesDetail, tooltip: seriesTooltip(xTitle, data.unitText, format) } },
    {
      data: { values: styled(labels.filter((l) => l.period === first), styles) },
      mark: { type: 'text', align: 'right', dx: -8, fontSize: 12 },
      encoding: { x, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'text' }, color: seriesInk },
    },
    {
      data: { values: styled(labels.filter((l) => l.period === second), styles) },
      mark: { type: 'text', align: 'left', dx: 8, fontSize: 12 },
      encoding: { x, y: { field: 'labelAt', type: 'quantitative' }, text: { field: 'text' }, color: seriesInk },
    },
  );
  return seriesChart(block, data, { ...baseSpec(styled(data.records, styles), height, 360), layer: layers, config: { axis: { grid: false } } }, ['labelAt', 'text', ...STYLE_FIELDS], context.language);
}

export function dumbbellChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const data = twoPeriodData(block, context);
  const [, second] = data.periods as [string, string];
  const format = numberFormat(data.decimals);
  const xTitle = periodTitle(data, context.language);
  const lastValue = (label: string) => data.records.find((r) => r.series === label && r.period === second)?.value ?? -Infinity;
  const order = data.series.map(([, label]) => label);
  if ((block.sort ?? 'value') === 'value') order.sort((a, b) => lastValue(b) - lastValue(a));
  const rank = new Map(order.map((label, i) => [label, i]));
  const reference = isIndexScale(data.table, block.transform) ? 100 : undefined;
  // Rows in `rank` order, and each period's dot in its colour with the legend in period order:
  // all from the records, so the spec names neither rows nor periods.
  const periodColours = [CATEGORICAL[1], CATEGORICAL[0]];
  const periodStyle = new Map(data.periods.map((period, i) => [period, { periodKey: sortKey(i, period, data.periods.length), periodColour: periodColours[i] ?? CATEGORICAL[0] }]));
  const values = data.records.map((r) => ({ ...r, rank: rank.get(r.series) ?? 0, ...periodStyle.get(r.period) }));
  const y = { field: 'series', type: 'nominal', title: null, sort: { field: 'rank', op: 'min' }, axis: { domain: false, ticks: false } };
  const x = { field: 'value', type: 'quantitative', title: data.unitText, scale: { zero: false }, axis: { format } };
  const legend = { orient: 'top', direction: 'horizontal' };
  // A legend from the records lists only periods with a dot: one without keeps the explicit scale.
  const dotted = new Set(data.records.filter((r) => r.value !== null).map((r) => r.period));
  const keyed = data.periods.every((p) => dotted.has(p)) ? keyedLegendColour('periodKey', 'periodColour', periodColours, legend) : undefined;
  const color = keyed ?? { field: 'period', type: 'ordinal', title: null, scale: { domain: data.periods, range: periodColours }, legend };
  const layers: Spec[] = [];
  if (reference !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.5 }, encoding: { x: { datum: reference, type: 'quantitative' } } });
  layers.push(
    {
      mark: { type: 'rule', strokeWidth: 3, opacity: 0.35 },
      encoding: { y, x: { aggregate: 'min', field: 'value', type: 'quantitative', title: data.unitText }, x2: { aggregate: 'max', field: 'value' } },
    },
    {
      mark: { type: 'point', filled: true, size: 90, opacity: 1 },
      encoding: { y, x, color, tooltip: seriesTooltip(xTitle, data.unitText, format) },
    },
  );
  const height = block.height ?? Math.max(80, data.series.length * 30);
  return seriesChart(block, data, { ...baseSpec(values, height), layer: layers }, ['rank', 'periodKey', 'periodColour'], context.language);
}
