/**
 * Server-side rendering: a compiled Vega spec becomes an SVG string, with the page's locale for
 * number formats and an accessible name and description. Coordinates are rounded to keep pages
 * light (a chart is drawn at ~600 px, so a tenth of a pixel is invisible).
 */
import * as vega from 'vega';
import { escapeHtml } from '../render/escape.ts';
import { vegaLocale } from './locale.ts';

export interface SvgOptions {
  locale: string;
  /** Unique in the page: used for the ids of <title> and <desc>. */
  id: string;
  title: string;
  description: string;
}

export async function renderSvg(vegaSpec: object, options: SvgOptions): Promise<string> {
  const view = new vega.View(vega.parse(vegaSpec as vega.Spec), {
    renderer: 'none',
    locale: vegaLocale(options.locale),
  } as unknown as ConstructorParameters<typeof vega.View>[1]);
  try {
    const svg = await view.toSVG();
    return accessibleSvg(compactSvg(svg), options);
  } finally {
    view.finalize();
  }
}

/**
 * Two decimals at most, no empty groups, and of Vega's classes only the mark type of data marks
 * ("mark-line", "mark-rect", "mark-shape"…): enough for tests and stylesheets to find the marks.
 */
function compactSvg(svg: string): string {
  return svg
    // The whole SVG is one image with a title and description; Vega's per-mark roles inside it would
    // be read as unnamed images.
    .replace(/ role="graphics-[a-z-]+"/g, '')
    .replace(/ aria-roledescription="[^"]*"/g, '')
    .replace(/(\d+\.\d{2})\d+/g, '$1')
    .replace(/ d="([MLZ\d.,-]+)"/g, (_m, d: string) => ` d="${relativePath(d)}"`)
    .replace(/<g[^>]*><\/g>/g, '')
    .replace(/ class="(mark-[a-z]+) role-mark[^"]*"/g, ' class="$1"')
    .replace(/ class="[^"]*"/g, (m) => (m.includes('role-') ? '' : m));
}

const hundredths = (v: number) => String(Math.round(v * 100) / 100);

/**
 * A path of straight segments with each point relative to the one before ("l0.7,-1.2" instead
 * of "L431.6,208.3"): the same shape in fewer digits, which matters for maps.
 */
export function relativePath(d: string): string {
  let out = '';
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      // Closing a subpath moves the pen back to its start.
      out += 'Z';
      [x, y] = start;
      continue;
    }
    const numbers = (args ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
    if (numbers.length % 2 !== 0 || numbers.some((n) => Number.isNaN(n))) return d;
    for (let i = 0; i < numbers.length; i += 2) {
      const nx = numbers[i] as number;
      const ny = numbers[i + 1] as number;
      if (command === 'M' && i === 0) {
        out += `M${hundredths(nx)},${hundredths(ny)}`;
        start = [nx, ny];
      } else out += `l${hundredths(nx - x)},${hundredths(ny - y)}`;
      x = nx;
      y = ny;
    }
  }
  return out;
}

function accessibleSvg(svg: string, { id, title, description }: SvgOptions): string {
  const titleId = `${id}-svg-title`;
  const descId = `${id}-svg-desc`;
  return svg.replace(
    /^<svg([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs.replace(/ class="[^"]*"/, '')} class="chart-svg" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
      `<title id="${titleId}">${escapeHtml(title)}</title><desc id="${descId}">${escapeHtml(description)}</desc>`,
  );
}
