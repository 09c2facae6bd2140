/**
 * One Vega config for every chart, matching templates/assets/css/site.css. Text, axes and grid use
 * `currentColor`, so an inline SVG follows the page's light or dark colours without a second
 * render; data colours keep their meaning in both modes.
 */
import type { Config } from 'vega-lite';
import type { ReportConfig } from '../load/load-config.ts';

/** Okabe–Ito: distinguishable with the common forms of colour blindness. */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/** The chart font: the report's text face, then faces most systems have (SVG downloads opened elsewhere). */
export const fontStack = (family: string) => `"${family}", "Noto Sans", Arial, sans-serif`;
export const FONT_FAMILY = fontStack('PT Sans');
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 300;

export const THEME: Config = {
  background: 'transparent',
  font: FONT_FAMILY,
  aria: false,
  padding: 4,
  view: { stroke: null },
  axis: {
    labelColor: 'currentColor',
    titleColor: 'currentColor',
    domainColor: 'currentColor',
    tickColor: 'currentColor',
    gridColor: 'currentColor',
    gridOpacity: 0.15,
    domainOpacity: 0.6,
    tickOpacity: 0.6,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
  },
  legend: { labelColor: 'currentColor', titleColor: 'currentColor', labelFontSize: 12, titleFontSize: 12, orient: 'bottom', titleFontWeight: 'normal' },
  title: { color: 'currentColor', subtitleColor: 'currentColor', anchor: 'start', fontSize: 15, subtitleFontSize: 12 },
  text: { color: 'currentColor' },
  range: { category: [...CATEGORICAL] },
  line: { strokeWidth: 2.5 },
  point: { size: 40, filled: true },
  bar: { discreteBandSize: { band: 0.8 } },
  rule: { color: 'currentColor' },
};

/** The theme in the report's text face. */
export function chartTheme(config: Pick<ReportConfig, 'fonts'>): Config {
  return { ...THEME, font: fontStack(config.fonts.sans.family) };
}
