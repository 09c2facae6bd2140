/**
 * Replaces one static chart with the interactive Vega view of the same precompiled spec. Numbers
 * are formatted for the page's language as in the static SVG: formats in the spec go through the
 * view's locale, and a tooltip value that arrives as a bare number (a raw spec without `format`)
 * gets the same separators, with its own decimals.
 */
import { parse, View, type Spec } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { formatValue, Handler } from 'vega-tooltip';
import { formatInput, vegaLocale } from '../chart/locale.ts';

let tooltip: Handler | undefined;

/** Bare numbers in a tooltip's value, formatted for `locale` ("38.7" → "38,7" in Russian). */
export function localizeTooltip(value: unknown, locale: string): unknown {
  if (typeof value === 'number' && Number.isFinite(value)) return formatInput(Math.round(value * 1e6) / 1e6, locale);
  if (Array.isArray(value)) return value.map((v) => localizeTooltip(v, locale));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeTooltip(v, locale)]));
  return value;
}

export async function hydrate(container: HTMLElement): Promise<void> {
  const specElement = container.parentElement?.querySelector('script.chart-spec');
  if (!specElement?.textContent) return;
  const spec = JSON.parse(specElement.textContent) as Spec;
  const staticSvg = container.querySelector('svg');
  const locale = document.documentElement.lang;
  tooltip ??= new Handler({
    disableDefaultStyle: true,
    theme: 'custom',
    formatTooltip: (value, valueToHtml, maxDepth, baseURL) => formatValue(localizeTooltip(value, locale), valueToHtml, maxDepth, baseURL),
  });
  const holder = document.createElement('div');
  holder.className = 'chart-live';
  const view = new View(parse(spec, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    hover: true,
    tooltip: tooltip.call,
    locale: vegaLocale(locale),
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
  container.dataset.interactive = 'true';
}
