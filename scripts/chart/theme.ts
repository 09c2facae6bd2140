/**
 * One Vega config for every chart, matching templates/assets/css/site.css. Text, axes and grid use
 * `currentColor`, so an inline SVG follows the page's light or dark colours without a second
 * render; data colours keep their meaning in both modes.
 */
import type { Config } from 'vega-lite';

/** Okabe–Ito: distinguishable with the common forms of colour blindness. */
export const CATEGORICAL = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;

/**
 * The same crop or sector keeps the same colour in every chart of the report.
 * Keys are row ids used across tables.
 */
export const SERIES_COLOURS: Readonly<Record<string, string>> = {
  'cereals-legumes': '#0072B2',
  'sunflower-seed': '#E69F00',
  potatoes: '#009E73',
  vegetables: '#CC79A7',
  'melons-gourds': '#56B4E9',
  total: '#555555',
  agriculture: '#555555',
  'crop-production': '#009E73',
  'livestock-production': '#D55E00',
  'industrial-production': '#0072B2',
  wheat: '#0072B2',
  barley: '#56B4E9',
  maize: '#F0E442',
  rapeseed: '#CC79A7',
};

export const FONT_FAMILY = '"PT Sans", "Noto Sans", Arial, sans-serif';
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
