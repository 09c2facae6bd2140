/**
 * The presets: the charts an economic report needs, each built from a few lines of a chart block
 * (options documented in chart-block.ts). One module per kind of chart in presets/; this file
 * only says which function draws which preset.
 */
import type { PresetName } from './chart-block.ts';
import type { Preset } from './presets/common.ts';
import { heatmapChart, matrixChart } from './presets/matrices.ts';
import { mapChart } from './presets/map.ts';
import { portfolioChart } from './presets/portfolio.ts';
import { rawChart } from './presets/raw.ts';
import { barChart, lineChart } from './presets/series-charts.ts';
import { smallMultiplesChart } from './presets/small-multiples.ts';
import { dumbbellChart, slopeChart } from './presets/two-periods.ts';

export type { ChartRecord } from './chart-data.ts';
export type { PreparedChart, PresetContext } from './presets/common.ts';

export const PRESET_BUILDERS: Readonly<Record<PresetName, Preset>> = {
  line: (block, context) => lineChart(block, context),
  index: (block, context) => lineChart(block, context, 100),
  bar: (block, context) => barChart(block, context, 'single'),
  'grouped-bar': (block, context) => barChart(block, context, 'grouped'),
  'stacked-bar': (block, context) => barChart(block, context, 'stacked'),
  'stacked-bar-100': (block, context) => barChart(block, context, 'normalized'),
  slope: slopeChart,
  dumbbell: dumbbellChart,
  heatmap: heatmapChart,
  matrix: matrixChart,
  'small-multiples': smallMultiplesChart,
  portfolio: portfolioChart,
  map: mapChart,
  raw: rawChart,
};
