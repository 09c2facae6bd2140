/**
 * What an author writes inside a ```chart fenced block (YAML), for every preset.
 *
 * Every block has `id` (the figure's anchor and the name in `{@fig:id}`), `title` (the message:
 * "Sunflower's harvest grew fivefold") and `table` (a table id in data/). Optional everywhere:
 * `subtitle` (defaults to the unit, and base or period), `description` (replaces the generated
 * text description), `height` (pixels of the plot area), `preset` (default `line`).
 *
 * Time series — rows are series, periods are the x axis:
 *   line             lines with labels at their ends
 *   index            a line chart with a reference line at 100 (`transform: base-index` or an
 *                    index table)
 *   bar, grouped-bar, stacked-bar, stacked-bar-100
 *     rows: [a, b]           which rows, in this order (default: every row but memo rows)
 *     periods: ["2015", …]   which periods (default: all)
 *     transform: base-index  plot an indicator of the values: any indicator with a series form
 *                            (base-index, chain-index, share, growth-rate; README's indicator table)
 *     base: "2015"           base period of base-index, growth-rate (default: the table's basePeriod or first)
 *   line and index only:
 *     compare: [north, country]   the rows drawn first; the reader ticks others of `rows` (default:
 *                            every row but memo rows) to compare, in the browser (at most as many
 *                            as the palette has colours); without JavaScript the chart shows these
 *
 * Two periods:
 *   slope            one line per row from the first to the second period, labelled at both ends
 *   dumbbell         one row per series, a dot for each period joined by a bar
 *     periods: ["2015", "2019"]   exactly two (default: the table's first and last)
 *     rows, transform, base as above
 *     sort: value | table          dumbbell order: by the second period's value (default) or as in the table
 *
 * Matrices:
 *   heatmap          a numeric table as rows × periods, each cell coloured by its value and labelled
 *     rows, periods, transform, base as above
 *     midpoint: 100               centre of a diverging palette (default: 100 for indices, none
 *                                 otherwise: a sequential palette)
 *   matrix           a text table (`kind: text`) as rows × columns, a cell filled when it has text
 *                    (e.g. "✓"), empty when it is null: which programme serves which purpose
 *     rows: [a, b]                which rows (default: all)
 *     columns: [c, d]             which columns (default: every column whose cells are one mark or empty)
 *
 * Small multiples:
 *   small-multiples  one small line chart per row, on a shared scale
 *     rows, periods, transform, base as above
 *     wrap: 3                     panels per line (default 3)
 *     height: 110                 height of one panel
 *
 * Cluster portfolio (specialisation × growth × size, as cluster-mapping platforms draw it):
 *   portfolio        one bubble per row of `table` (the units: regions, sectors, clusters)
 *     x:, y:, size:               each a measure: a period of the table ("2021"), or
 *       { period: "2021",                     the value in that period, or the indicator:
 *         indicator: value | growth-rate | cagr | base-index | absolute-change | share | location-quotient,
 *         base: "2019",                       base period of growth-rate, cagr, base-index, absolute-change
 *         table: other-table,                 read the measure from another table with the same row ids
 *         within: grp-by-region,              location-quotient: the table of the units' totals
 *         reference: country,                 location-quotient: the reference row (default: the total row)
 *         title: "…", decimals: 2 }           axis title and decimals (default: generated)
 *     highlight: [north]             rows drawn in the accent colour
 *     rows as above (default: component rows)
 *     Dashed reference lines: 1 for a location quotient, 100 for a base index, 0 for an absolute
 *     change, and the total row's value for a growth rate or CAGR (named in the subtitle).
 *     Territorial units are labelled with their short names (data/geographies/).
 *
 * Map of territorial units (a geography of the report, data/geographies/: a country's regions, a region's districts):
 *   map              a choropleth when a boundary file is available (REPORT_BOUNDARIES_DIR, or
 *                    ../shared/geo beside the project), otherwise a tile grid (data/geographies/);
 *                    a choropleth credits its boundaries under the figure and in the SVG download.
 *                    Maps stay static in the browser (labels and Data view carry the values).
 *     period: "2019"              a numeric table's period to colour by (default: its last)
 *     transform, base, midpoint   as above (diverging palette centred on 100 for indices, on 1
 *                                 for ratios such as location quotients; sequential otherwise)
 *     column: level-2011          a text table's column to colour by, as classes
 *     classes: [High, Average, Low, Minimal]   the classes in order (English text of the cells; a
 *                                 cell "High (third, …)" belongs to class High)
 *     rows                        which units (default: every component row with a value); units
 *                                 of the map that are not shown stay as empty outlines or tiles
 *     geography: an id from data/geographies/   (default: the one whose units are the rows)
 *     map: auto | choropleth | tiles      (default auto: choropleth when boundaries exist)
 *     highlight: [north-district]        units drawn with a heavy outline (a templated page's own
 *                                 unit: highlight: [{region}]), named in the description
 *
 * Anything else:
 *   raw              a Vega-Lite `spec:`; its data is injected from `table` as records with the
 *                    fields period, series, key, value
 */
import { z } from 'zod';
import { CHART_TRANSFORMS } from '../compute/indicators/registry.ts';
import { Period, Slug } from '../validate/table-schema.ts';

export const PRESETS = [
  'line',
  'bar',
  'grouped-bar',
  'stacked-bar',
  'stacked-bar-100',
  'index',
  'slope',
  'dumbbell',
  'heatmap',
  'matrix',
  'small-multiples',
  'portfolio',
  'map',
  'raw',
] as const;
export type PresetName = (typeof PRESETS)[number];

export const MEASURE_INDICATORS = ['value', 'growth-rate', 'cagr', 'base-index', 'absolute-change', 'share', 'location-quotient'] as const;
export type MeasureIndicator = (typeof MEASURE_INDICATORS)[number];

/** One axis of a portfolio chart: a period of the table, or an indicator computed from it. */
export const Measure = z.union([
  Period,
  z
    .object({
      period: Period,
      indicator: z.enum(MEASURE_INDICATORS).optional(),
      base: Period.optional(),
      table: Slug.optional(),
      within: Slug.optional(),
      reference: Slug.optional(),
      title: z.string().min(1).optional(),
      decimals: z.number().int().min(0).max(6).optional(),
    })
    .strict(),
]);
export type Measure = z.infer<typeof Measure>;

export const ChartBlock = z
  .object({
    /** Stable id: the figure's anchor and the name used in cross-references (`{@fig:id}`). */
    id: Slug,
    /** States the message of the chart ("Sunflower's harvest grew fivefold"). */
    title: z.string().min(1),
    /** Unit and base: defaults to the table's unit. */
    subtitle: z.string().min(1).optional(),
    table: Slug,
    preset: z.enum(PRESETS).default('line'),
    /** Which rows to plot, in this order; defaults to all rows except memo rows. */
    rows: z.array(Slug).min(1).optional(),
    /** line, index: the rows shown until the reader picks others among `rows` (an interactive comparison). */
    compare: z.array(Slug).min(1).optional(),
    /** Which periods to plot; defaults to all. */
    periods: z.array(Period).min(1).optional(),
    /** Plot an indicator of the values instead of the values themselves: an indicator with a series form. */
    transform: z.enum(CHART_TRANSFORMS).optional(),
    /** Base period for a transform that needs one (base-index, growth-rate) and the `index` preset. */
    base: Period.optional(),
    /** Overrides the generated text description (SVG desc and print). */
    description: z.string().min(1).optional(),
    /** Vega-Lite spec for `preset: raw`; its data is injected from `table`. */
    spec: z.record(z.string(), z.unknown()).optional(),
    height: z.number().int().min(80).max(1200).optional(),
    /** dumbbell: order of the rows. */
    sort: z.enum(['value', 'table']).optional(),
    /** heatmap, map: centre of a diverging palette. */
    midpoint: z.number().finite().optional(),
    /** matrix: which columns of the text table. */
    columns: z.array(Slug).min(1).optional(),
    /** small-multiples: panels per line. */
    wrap: z.number().int().min(1).max(6).optional(),
    /** portfolio: the three measures. */
    x: Measure.optional(),
    y: Measure.optional(),
    size: Measure.optional(),
    /** portfolio: rows drawn in the accent colour; map: units outlined. */
    highlight: z.array(Slug).min(1).optional(),
    /** map: the period of a numeric table. */
    period: Period.optional(),
    /** map: the column of a text table whose cells are the classes. */
    column: Slug.optional(),
    /** map: the classes, in order. */
    classes: z.array(z.string().min(1)).min(1).optional(),
    /** map: which set of territorial units. */
    geography: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a geography id from data/geographies/').optional(),
    /** map: choropleth or tile grid. */
    map: z.enum(['auto', 'choropleth', 'tiles']).optional(),
  })
  .strict();
export type ChartBlock = z.infer<typeof ChartBlock>;

const COMMON = ['id', 'title', 'subtitle', 'table', 'preset', 'description', 'height'] as const;
const SERIES = ['rows', 'periods', 'transform', 'base'] as const;
type Option = keyof ChartBlock;

/** The options each preset reads: any other option in a block is a mistake worth reporting. */
export const PRESET_OPTIONS: Readonly<Record<PresetName, readonly Option[]>> = {
  line: [...COMMON, ...SERIES, 'compare'],
  index: [...COMMON, ...SERIES, 'compare'],
  bar: [...COMMON, ...SERIES],
  'grouped-bar': [...COMMON, ...SERIES],
  'stacked-bar': [...COMMON, ...SERIES],
  'stacked-bar-100': [...COMMON, ...SERIES],
  slope: [...COMMON, ...SERIES],
  dumbbell: [...COMMON, ...SERIES, 'sort'],
  heatmap: [...COMMON, ...SERIES, 'midpoint'],
  matrix: [...COMMON, 'rows', 'columns'],
  'small-multiples': [...COMMON, ...SERIES, 'wrap'],
  portfolio: [...COMMON, 'rows', 'x', 'y', 'size', 'highlight'],
  map: [...COMMON, 'rows', 'period', 'transform', 'base', 'midpoint', 'column', 'classes', 'geography', 'map', 'highlight'],
  raw: [...COMMON, ...SERIES, 'spec'],
};
