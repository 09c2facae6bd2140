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

function compactSvg(svg: string): string {
  return svg
    .replace(/(\d+\.\d{2})\d+/g, '$1')
    .replace(/<g[^>]*><\/g>/g, '')
    .replace(/ class="[^"]*"/g, (m) => (m.includes('role-') ? '' : m));
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
