/**
 * Replaces one static chart with the interactive Vega view of the same precompiled spec. Numbers
 * are formatted for the page's language as in the static SVG: formats in the spec go through the
 * view's locale, and a tooltip value that arrives as a bare number (a raw spec without `format`)
 * gets the same separators, with its own decimals.
 */
import { parse, View, type Spec } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { formatValue, Handler } from 'vega-tooltip';
import { formatInputIn, vegaLocale } from '../languages/number-format.ts';
import type { NumberStyle } from '../languages/pack-schema.ts';
import { bindCompare } from './compare.ts';
import { fitWidth } from './fit-width.ts';
import { silentMarks } from './silent-marks.ts';

let tooltip: Handler | undefined;

/** Bare numbers in a tooltip's value, in the page's number style ("38.7" → "38,7" in Russian). */
export function localizeTooltip(value: unknown, style: NumberStyle): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return formatInputIn(Math.round(value * 1e6) / 1e6, style);
  if (Array.isArray(value)) return value.map((v) => localizeTooltip(v, style));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeTooltip(v, style)]));
  return value;
}

/** The page language's number style, which the chart carries (figure-html.ts); English separators without it. */
function numberStyle(container: HTMLElement): NumberStyle {
  try {
    return JSON.parse(container.dataset.number ?? '') as NumberStyle;
  } catch {
    return { decimal: '.', group: ',', minus: '−', minimumGroupingDigits: 1 };
  }
}

export async function hydrate(container: HTMLElement): Promise<void> {
  const specElement = container.parentElement?.querySelector('script.chart-spec');
  if (!specElement?.textContent) return;
  const staticSvg = container.querySelector('svg');
  const spec = fitWidth(silentMarks(JSON.parse(specElement.textContent) as Spec), Number(staticSvg?.getAttribute('width')), container.clientWidth);
  const style = numberStyle(container);
  tooltip ??= new Handler({
    disableDefaultStyle: true,
    theme: 'custom',
    formatTooltip: (value, valueToHtml, maxDepth, baseURL) => formatValue(localizeTooltip(value, style), valueToHtml, maxDepth, baseURL),
  });
  const holder = document.createElement('div');
  holder.className = 'chart-live';
  const view = new View(parse(spec, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    hover: true,
    tooltip: tooltip.call,
    locale: vegaLocale(style),
  } as unknown as ConstructorParameters<typeof View>[1]);
  await view.initialize(holder).runAsync();
  const liveSvg = holder.querySelector('svg');
  if (!liveSvg || !staticSvg) return;
  // Keep the accessible name and description the static SVG carried.
  liveSvg.setAttribute('role', 'img');
  for (const attribute of ['aria-labelledby', 'aria-describedby']) liveSvg.removeAttribute(attribute);
  const title = staticSvg.querySelector('title');
  const desc = staticSvg.querySelector('desc');
  if (title) liveSvg.setAttribute('aria-label', title.textContent ?? '');
  if (desc) liveSvg.setAttribute('aria-description', desc.textContent ?? '');
  liveSvg.classList.add('chart-svg');
  staticSvg.replaceWith(liveSvg);
  if (container.parentElement) bindCompare(container.parentElement, view, liveSvg);
  container.dataset.interactive = 'true';
}
