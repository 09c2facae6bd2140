/**
 * Colour scales of the presets (DESIGN.md): Okabe–Ito for series, kept per row id across the
 * report; a sequential palette for magnitudes; a diverging palette centred on 1 for location
 * quotients and on 100 for indices; dark-to-light steps of the sequential palette for ordered
 * classes. Each scale is given to Vega-Lite with an explicit domain, so the colour of any value
 * can be computed here too: labels drawn on a coloured cell or tile pick a legible ink from it.
 */
import * as vega from 'vega';
import { CATEGORICAL } from './theme.ts';

type Spec = Record<string, unknown>;

export const SEQUENTIAL_SCHEME = 'blues';
export const DIVERGING_SCHEME = 'blueorange';
/** Part of the sequential scheme used: its palest end is too close to the page. */
const SEQUENTIAL_EXTENT: [number, number] = [0.15, 0.95];
const DIVERGING_EXTENT: [number, number] = [0.05, 0.95];
/** A ratio's diverging scale spans at most 1/4 … 4. */
const MAX_RATIO_REACH = 4;

/**
 * Series colours: a row's own colour when the report gives it one (report.config.json `colours`:
 * the same crop or sector keeps its colour in every chart), else the next unused Okabe–Ito colour.
 */
export function seriesColourScale(series: Array<[string, string]>, colours: Readonly<Record<string, string>> = {}): { domain: string[]; range: string[] } {
  let next = 0;
  const used = new Set<string>();
  const range = series.map(([key]) => {
    const fixed = colours[key];
    if (fixed && !used.has(fixed)) {
      used.add(fixed);
      return fixed;
    }
    while (used.has(CATEGORICAL[next % CATEGORICAL.length] ?? '') && next < CATEGORICAL.length) next++;
    const colour = CATEGORICAL[next % CATEGORICAL.length] ?? '#000000';
    used.add(colour);
    return colour;
  });
  return { domain: series.map(([, label]) => label), range };
}

export interface ValueScale {
  /** The Vega-Lite `scale` of a quantitative colour encoding. */
  scale: Spec;
  /** The colour the scale gives `value`. */
  colourOf(value: number): string;
  /** Values to label on a gradient legend: its ends (and the midpoint of a diverging scale). */
  legendValues: number[];
  diverging: boolean;
}

function interpolator(name: string): (t: number) => string {
  const scheme = vega.scheme(name) as unknown;
  if (typeof scheme !== 'function') throw new Error(`no continuous colour scheme "${name}" in Vega`);
  return scheme as (t: number) => string;
}

/**
 * Sequential over [min, max]; or diverging around `midpoint`, symmetric so that equal distances
 * from it get equal strength. Around 1 (ratios such as location quotients) the symmetry is on a
 * log scale: 0.5 and 2 are equally far from 1.
 */
export function valueScale(values: number[], midpoint?: number): ValueScale {
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (midpoint === 1 && min > 0) {
    // Beyond 4 (or 1/4) the colour saturates: one city with almost no farming must not wash out the rest.
    const reach = Math.min(Math.max(max, 1 / min, 1.25), MAX_RATIO_REACH);
    const [a, b] = DIVERGING_EXTENT;
    const colours = interpolator(DIVERGING_SCHEME);
    return {
      diverging: true,
      scale: { type: 'log', domain: [1 / reach, reach], domainMid: 1, scheme: { name: DIVERGING_SCHEME, extent: DIVERGING_EXTENT }, clamp: true },
      colourOf: (v) => colours(a + (b - a) * Math.min(1, Math.max(0, 0.5 + (0.5 * Math.log(v)) / Math.log(reach)))),
      legendValues: [1 / reach, 1, reach],
    };
  }
  if (midpoint !== undefined) {
    const reach = Math.max(Math.abs(min - midpoint), Math.abs(max - midpoint)) || 1;
    const [a, b] = DIVERGING_EXTENT;
    const colours = interpolator(DIVERGING_SCHEME);
    return {
      diverging: true,
      scale: { type: 'linear', domain: [midpoint - reach, midpoint + reach], domainMid: midpoint, scheme: { name: DIVERGING_SCHEME, extent: DIVERGING_EXTENT }, zero: false, nice: false, clamp: true },
      colourOf: (v) => colours(a + (b - a) * ((v - (midpoint - reach)) / (2 * reach))),
      legendValues: [midpoint - reach, midpoint, midpoint + reach],
    };
  }
  const low = min === max ? min - 1 : min;
  const high = min === max ? max + 1 : max;
  const [a, b] = SEQUENTIAL_EXTENT;
  const colours = interpolator(SEQUENTIAL_SCHEME);
  return {
    diverging: false,
    scale: { type: 'linear', domain: [low, high], scheme: { name: SEQUENTIAL_SCHEME, extent: SEQUENTIAL_EXTENT }, zero: false, nice: false },
    colourOf: (v) => colours(a + (b - a) * ((v - low) / (high - low))),
    legendValues: [low, high],
  };
}

/** Ordered classes, first the darkest. */
export function classScale(classes: string[]): { scale: Spec; colourOf(name: string): string } {
  const colours = interpolator(SEQUENTIAL_SCHEME);
  const n = classes.length;
  const range = classes.map((_, i) => colours(n === 1 ? 0.7 : 0.9 - (0.7 * i) / (n - 1)));
  return { scale: { domain: classes, range }, colourOf: (name) => range[classes.indexOf(name)] ?? '#999999' };
}

/** Red, green and blue of "#rrggbb", "#rgb" or "rgb(r, g, b)" (what Vega's schemes return). */
function channels(colour: string): [number, number, number] {
  const rgb = /^rgb\(\s*([\d.]+),\s*([\d.]+),\s*([\d.]+)\s*\)$/.exec(colour);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (long) return [parseInt(long[1] ?? '0', 16), parseInt(long[2] ?? '0', 16), parseInt(long[3] ?? '0', 16)];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(colour);
  if (short) return [parseInt((short[1] ?? '0').repeat(2), 16), parseInt((short[2] ?? '0').repeat(2), 16), parseInt((short[3] ?? '0').repeat(2), 16)];
  throw new Error(`unreadable colour "${colour}"`);
}

/** WCAG relative luminance. */
function luminance(colour: string): number {
  const [r, g, b] = channels(colour).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export const DARK_INK = '#1a1a1a';
export const LIGHT_INK = '#ffffff';

/** The text colour with the higher contrast on `fill`. */
export function inkOn(fill: string): string {
  const l = luminance(fill);
  const onDark = (1.05) / (l + 0.05);
  const onLight = (l + 0.05) / (luminance(DARK_INK) + 0.05);
  return onDark > onLight ? LIGHT_INK : DARK_INK;
}

/** Hex form of a colour, so the spec and the SVG carry the same string. */
export function hex(colour: string): string {
  return channels(colour)
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .reduce((s, part) => s + part, '#');
}
