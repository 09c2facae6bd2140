/** Replaces one static chart with the interactive Vega view of the same precompiled spec. */
import { parse, View, type Spec } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { Handler } from 'vega-tooltip';
import { vegaLocale } from '../chart/locale.ts';

let tooltip: Handler | undefined;

export async function hydrate(container: HTMLElement): Promise<void> {
  const specElement = container.parentElement?.querySelector('script.chart-spec');
  if (!specElement?.textContent) return;
  const spec = JSON.parse(specElement.textContent) as Spec;
  const staticSvg = container.querySelector('svg');
  tooltip ??= new Handler({ disableDefaultStyle: true, theme: 'custom' });
  const holder = document.createElement('div');
  holder.className = 'chart-live';
  const view = new View(parse(spec, undefined, { ast: true }), {
    expr: expressionInterpreter,
    renderer: 'svg',
    hover: true,
    tooltip: tooltip.call,
    locale: vegaLocale(document.documentElement.lang),
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
