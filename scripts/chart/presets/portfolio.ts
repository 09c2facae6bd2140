/**
 * Cluster portfolio: one bubble per unit (region, sector, cluster), placed by specialisation
 * (x, usually a location quotient) and growth (y), sized by output, as cluster-mapping platforms
 * draw it. Each axis is a measure: a period of a table, or an indicator computed from it by the
 * indicator functions (growth rate, CAGR, base index, absolute change, share, location quotient).
 */
import type { TopLevelSpec } from 'vega-lite';
import { absoluteChange, baseIndex, cagr, growthRate, locationQuotient, shareOf } from '../../compute/indicators/index.ts';
import { LookupProblem, numericTable, tableRow, wholeOf } from '../../compute/table-access.ts';
import { localize, type NumericTable, type Table } from '../../validate/table-schema.ts';
import type { ChartBlock, Measure } from '../chart-block.ts';
import { checkPeriods, chartRows, round } from '../chart-records.ts';
import { chartWords } from '../chart-strings.ts';
import { describePortfolio } from '../describe-chart.ts';
import { CATEGORICAL, CHART_WIDTH } from '../theme.ts';
import { geographyOf, unitShortName } from '../geographies.ts';
import { baseSpec, numberFormat, numbers, type PreparedChart, type PresetContext, type Spec } from './common.ts';
import { unitLabel } from '../../languages/language.ts';

type Axis = 'x' | 'y' | 'size';

interface ResolvedMeasure {
  title: string;
  decimals: number;
  values: Map<string, number | null>;
  /** Where a reference line goes: 1 for a location quotient, 100 for an index, the total's growth. */
  reference?: number;
  /** Values that cannot be negative: the axis starts at zero. */
  nonNegative: boolean;
  /** What the reference line is, when it is a row's value (the country). */
  referenceLabel?: string;
  tables: Table[];
}

const yearOf = (period: string) => Number(period.slice(0, 4));

function resolveMeasure(axis: Axis, given: Measure, chartTable: NumericTable, rowIds: string[], context: PresetContext): ResolvedMeasure {
  const measure = typeof given === 'string' ? { period: given } : given;
  const words = chartWords(context.language);
  const table = measure.table ? numericTable(context.tables, measure.table) : chartTable;
  const indicator = measure.indicator ?? 'value';
  const base = measure.base ?? table.periods[0] ?? '';
  checkPeriods(table, [measure.period, ...(['growth-rate', 'cagr', 'base-index', 'absolute-change'].includes(indicator) ? [base] : [])], axis);
  const unit = unitLabel(table.unit, context.language);
  const { total } = wholeOf(table);
  const p = measure.period;
  const at = (rowId: string, period: string) => tableRow(table, rowId).values[period] ?? null;
  let compute: (rowId: string) => number | null;
  let title: string;
  let decimals = 1;
  let reference: number | undefined;
  let referenceLabel: string | undefined;
  const tables: Table[] = [table];
  switch (indicator) {
    case 'value':
      compute = (id) => at(id, p);
      title = words.measureValue(unit, p);
      decimals = table.decimals;
      break;
    case 'growth-rate':
      compute = (id) => growthRate(at(id, p), at(id, base), { table: table.id, row: id, period: base }).value;
      title = words.measureGrowth(base, p);
      if (total) [reference, referenceLabel] = [compute(total.id) ?? undefined, localize(total.label, context.language)];
      break;
    case 'cagr':
      compute = (id) => cagr(at(id, p), at(id, base), yearOf(p) - yearOf(base), { table: table.id, row: id, period: base }).value;
      title = words.measureCagr(base, p);
      if (total) [reference, referenceLabel] = [compute(total.id) ?? undefined, localize(total.label, context.language)];
      break;
    case 'base-index':
      compute = (id) => baseIndex(at(id, p), at(id, base), { table: table.id, row: id, period: base }).value;
      title = words.measureIndex(base, p);
      reference = 100;
      break;
    case 'absolute-change':
      compute = (id) => absoluteChange(at(id, p), at(id, base), table.unit, { table: table.id, row: id, period: p }).value;
      title = words.measureChange(base, p, unit);
      decimals = table.decimals;
      reference = 0;
      break;
    case 'share':
      if (!total) throw new LookupProblem(`table "${table.id}" has no total row to take shares of`, { expected: 'a row with "role": "total"', fix: `use another indicator for "${axis}"` });
      compute = (id) => shareOf(at(id, p), total.values[p] ?? null, { table: table.id, row: id, period: p }).value;
      title = words.measureShare(p);
      break;
    case 'location-quotient': {
      if (!measure.within) {
        throw new LookupProblem(`"${axis}": a location quotient needs "within", the table of the units' totals`, { expected: `within: a table with the same row ids as "${table.id}"`, fix: 'e.g. within: kz-grp-by-region for agricultural output by region' });
      }
      const within = numericTable(context.tables, measure.within);
      checkPeriods(within, [p], axis);
      const referenceRow = measure.reference ?? total?.id;
      if (!referenceRow) throw new LookupProblem(`"${axis}": table "${table.id}" has no total row to use as the reference`, { expected: 'a row with "role": "total", or "reference: ROW"', fix: 'add "reference" to the measure' });
      const inWithin = (id: string) => tableRow(within, id).values[p] ?? null;
      compute = (id) =>
        locationQuotient(
          { regionSector: at(id, p), regionTotal: inWithin(id), referenceSector: at(referenceRow, p), referenceTotal: inWithin(referenceRow) },
          { table: table.id, row: id, period: p },
        ).value;
      title = words.measureLq(p);
      decimals = 2;
      reference = 1;
      tables.push(within);
      break;
    }
  }
  const values = new Map(rowIds.map((id) => {
    const v = compute(id);
    // At the digits the axis, the tooltip and the Data view show (the report's one rounding).
    return [id, v === null ? null : round(v, decimals)] as const;
  }));
  if (axis === 'size') {
    const negative = [...values].find(([, v]) => v !== null && v < 0);
    if (negative) throw new LookupProblem(`"size" of "${negative[0]}" is negative (${negative[1]})`, { expected: 'a size measure that cannot be negative (output, employment)', fix: 'use a value, not a change, for "size"' });
    reference = undefined;
  }
  return { title: measure.title ?? title, decimals: measure.decimals ?? decimals, values, reference, referenceLabel: reference === undefined ? undefined : referenceLabel, tables, nonNegative: ['location-quotient', 'share', 'base-index'].includes(indicator) || (indicator === 'value' && [...values.values()].every((v) => v === null || v >= 0)) };
}

/** An axis domain with 6 % room on each side, including the reference line; from 0 for quantities. */
function domainOf(values: Array<number | null>, reference: number | undefined, nonNegative: boolean): [number, number] {
  const known = [...numbers(values), ...(reference === undefined ? [] : [reference])];
  if (!known.length) return [0, 1];
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const room = (hi - lo || Math.abs(hi) || 1) * 0.06;
  return [nonNegative ? Math.max(0, lo - room) : lo - room, hi + room];
}

/** Three round values up to `max` for a size legend (1, 2 or 5 times a power of ten). */
function niceSteps(max: number): number[] {
  const nice = (v: number) => {
    const power = 10 ** Math.floor(Math.log10(v));
    const m = v / power;
    return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * power;
  };
  const top = nice(max);
  return [...new Set([nice(top / 10), nice(top / 2), top])].filter((v) => v > 0);
}

export function portfolioChart(block: ChartBlock, context: PresetContext): PreparedChart {
  const table = numericTable(context.tables, block.table);
  const missing = (['x', 'y', 'size'] as const).filter((axis) => block[axis] === undefined);
  if (missing.length) {
    throw new LookupProblem(`preset "portfolio" needs ${missing.map((a) => `"${a}"`).join(', ')}`, {
      expected: 'x, y and size: each a period ("2021") or { period, indicator, base, within }',
      fix: 'e.g. x: {period: "2021", indicator: location-quotient, within: kz-grp-by-region}',
    });
  }
  const rows = chartRows(table, block.rows, ['memo', 'total']);
  const ids = rows.map((r) => r.id);
  for (const id of block.highlight ?? []) tableRow(table, id);
  const [x, y, size] = (['x', 'y', 'size'] as const).map((axis) => resolveMeasure(axis, block[axis] as Measure, table, ids, context)) as [ResolvedMeasure, ResolvedMeasure, ResolvedMeasure];
  const highlight = new Set(block.highlight ?? []);
  const label = (id: string) => localize(rows.find((r) => r.id === id)?.label, context.language);
  // Territorial units are labelled with their short names: bubbles sit close together.
  const geography = geographyOf(context.geographies, ids);
  const shortLabel = (id: string) => {
    const unit = geography?.units.find((u) => u.id === id);
    return unit ? unitShortName(unit, context.language) : label(id);
  };
  const records = ids.map((id) => ({ key: id, series: label(id), x: x.values.get(id) ?? null, y: y.values.get(id) ?? null, size: size.values.get(id) ?? null, highlight: highlight.has(id) }));
  const width = CHART_WIDTH;
  const height = block.height ?? 380;
  const xDomain = domainOf(records.map((r) => r.x), x.reference, x.nonNegative);
  const yDomain = domainOf(records.map((r) => r.y), y.reference, y.nonNegative);
  const maxSize = Math.max(0, ...numbers(records.map((r) => r.size))) || 1;
  // Bubble area grows linearly from 30 px² (zero) to 1600 px² (the largest); labels start just right of the bubble.
  const radius = (v: number) => Math.sqrt((30 + (1570 * v) / maxSize) / Math.PI);
  const labels = records
    .filter((r) => r.x !== null && r.y !== null)
    .map((r) => ({ key: r.key, short: shortLabel(r.key), labelX: (r.x as number) + ((radius(r.size ?? 0) + 3) * (xDomain[1] - xDomain[0])) / width, y: r.y }));
  const colour = { condition: { test: 'datum.highlight', value: CATEGORICAL[5] }, value: CATEGORICAL[0] };
  const layers: Spec[] = [];
  if (x.reference !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.6 }, encoding: { x: { datum: x.reference, type: 'quantitative' } } });
  if (y.reference !== undefined) layers.push({ mark: { type: 'rule', strokeDash: [4, 3], opacity: 0.6 }, encoding: { y: { datum: y.reference, type: 'quantitative' } } });
  const xEnc = { field: 'x', type: 'quantitative', title: x.title, scale: { domain: xDomain, nice: false, zero: false }, axis: { format: numberFormat(x.decimals) } };
  const yEnc = { field: 'y', type: 'quantitative', title: y.title, scale: { domain: yDomain, nice: false, zero: false }, axis: { format: numberFormat(y.decimals) } };
  layers.push(
    {
      mark: { type: 'circle', opacity: 0.5, stroke: 'currentColor', strokeOpacity: 0.5, strokeWidth: 0.75 },
      encoding: {
        x: xEnc,
        y: yEnc,
        size: {
          field: 'size',
          type: 'quantitative',
          title: size.title,
          scale: { domain: [0, maxSize], range: [30, 1600] },
          legend: { orient: 'bottom', direction: 'horizontal', format: numberFormat(size.decimals), values: niceSteps(maxSize), titleLimit: 400, symbolStrokeColor: 'currentColor', symbolOpacity: 0.5 },
        },
        color: colour,
        tooltip: [
          { field: 'series', type: 'nominal', title: ' ' },
          { field: 'x', type: 'quantitative', title: x.title, format: numberFormat(x.decimals) },
          { field: 'y', type: 'quantitative', title: y.title, format: numberFormat(y.decimals) },
          { field: 'size', type: 'quantitative', title: size.title, format: numberFormat(size.decimals) },
        ],
      },
    },
    { data: { values: labels }, mark: { type: 'text', fontSize: 11, align: 'left', baseline: 'middle' }, encoding: { x: { field: 'labelX', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'short' } } },
  );
  const words = chartWords(context.language);
  const axes = [x, y, size];
  const alsoTables = [...new Map(axes.flatMap((m) => m.tables).filter((t) => t.id !== table.id).map((t) => [t.id, t])).values()];
  const describeAxis = (m: ResolvedMeasure) => ({ title: m.title, decimals: m.decimals, values: ids.map((id) => ({ label: label(id), value: m.values.get(id) ?? null })) });
  return {
    data: {
      table,
      alsoTables,
      records,
      csvFields: ['key', 'series', 'x', 'y', 'size'],
      view: {
        corner: words.name,
        columns: [
          { key: 'x', label: x.title, decimals: x.decimals },
          { key: 'y', label: y.title, decimals: y.decimals },
          { key: 'size', label: size.title, decimals: size.decimals },
        ],
        rows: records.map((r) => ({ key: r.key, label: r.series, cells: [r.x, r.y, r.size] })),
      },
      unitText: `${x.title}; ${y.title}; ${size.title}`,
      decimals: x.decimals,
      credits: [],
    },
    spec: { ...baseSpec(records, height, width), layer: layers } as unknown as TopLevelSpec,
    extraFields: ['labelX', 'short'],
    // What the dashed lines are: a label on the plot would sit on a bubble.
    subtitle: [words.bubbleSize(size.title), ...[x, y].flatMap((m) => (m.referenceLabel ? [words.referenceLine(m.referenceLabel)] : []))].join('. '),
    description: describePortfolio(block.title, describeAxis(x), describeAxis(y), describeAxis(size), context.language),
  };
}
