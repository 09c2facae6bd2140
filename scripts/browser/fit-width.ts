/**
 * A chart on a screen narrower than it: the static SVG is drawn at the build's width (a 600 px plot
 * with its axes and direct labels, 700–950 px in all) and a phone shows it scaled down to half or
 * less, its 11 px text at 5 px. The interactive view is laid out again instead, with a plot as
 * narrow as the screen leaves beside the axes and labels, so its text keeps its size; only a chart
 * whose labels leave less than `MIN_PLOT_WIDTH` is still scaled, and by less than before.
 *
 * A legend in one row under the plot wraps into columns. Only a view whose width is one number is
 * laid out again (a line, bar or area chart); a chart
 * whose width follows its data (a heatmap's cells, small multiples, a map) keeps the build's.
 */
import type { Spec } from 'vega';

/** The narrowest plot a chart is laid out to, px: narrower, a year axis has no room for its labels. */
export const MIN_PLOT_WIDTH = 220;

/** Laid out again only when it would be drawn at less than this share of its size. */
const SCALED_BELOW = 0.9;

/** The spec with its plot width fitted to `available` px, or the spec unchanged. */
export function fitWidth(spec: Spec, drawnWidth: number, available: number): Spec {
  const width = spec.width;
  if (typeof width !== 'number' || !(drawnWidth > 0) || !(available > 0) || available >= drawnWidth * SCALED_BELOW) return spec;
  if (spec.signals?.some((signal) => signal.name === 'width')) return spec;
  // What is drawn beside the plot (axes, titles, direct labels, padding) keeps its size.
  const beside = drawnWidth - width;
  const fitted = Math.max(MIN_PLOT_WIDTH, Math.floor(available - beside));
  if (fitted >= width) return spec;
  // A legend in one row under the plot would keep the chart as wide as before: it wraps into
  // as many columns as fit (an entry is at most a symbol and a 160 px label).
  const columns = Math.max(1, Math.floor(available / LEGEND_ENTRY_WIDTH));
  const legends = spec.legends?.map((legend) => (legend.direction === 'horizontal' && legend.columns === undefined ? { ...legend, columns } : legend));
  return { ...spec, width: fitted, ...(legends ? { legends } : {}) };
}

/** The widest legend entry, px: Vega's default label limit (160) and the symbol beside it. */
const LEGEND_ENTRY_WIDTH = 190;
