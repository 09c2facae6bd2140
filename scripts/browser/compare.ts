/**
 * The reader's side of an interactive comparison (chart/compare.ts, render/figure-html.ts): a
 * checkbox per row under the chart. Ticking a row draws it, unticking takes it away; the chart
 * rescales and its legend follows the order of picking. The view already holds every row's
 * records, so a change only sets two signals: nothing is fetched or compiled.
 */
import type { View } from 'vega';
import { COMPARE_SIGNALS } from '../chart/compare-signals.ts';

/** The rows shown after the reader ticks or unticks `key`, or undefined when one more would pass `max`. */
export function nextShown(shown: readonly string[], key: string, checked: boolean, max: number): string[] | undefined {
  if (!checked) return shown.filter((k) => k !== key);
  if (shown.includes(key)) return [...shown];
  if (shown.length >= max) return undefined;
  return [...shown, key];
}

function parseShown(fieldset: HTMLElement): string[] {
  try {
    const shown = JSON.parse(fieldset.dataset.shown ?? '[]') as unknown;
    return Array.isArray(shown) ? shown.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Binds the figure's control to the live view and shows it; a chart without one is left as it is. */
export function bindCompare(figure: Element, view: View, liveSvg: SVGElement): void {
  const fieldset = figure.querySelector<HTMLFieldSetElement>('fieldset.chart-compare');
  if (!fieldset) return;
  const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const fixed = new Set(boxes.filter((box) => box.hasAttribute('data-fixed')).map((box) => box.value));
  const limit = fieldset.querySelector<HTMLElement>('.chart-compare-limit');
  const max = Number(fieldset.dataset.max) || boxes.length;
  let shown = parseShown(fieldset);
  // The page may have been restored with other boxes ticked (back button, form restore): the chart is the author's choice.
  for (const box of boxes) box.checked = shown.includes(box.value);

  fieldset.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    const next = nextShown(shown, box.value, box.checked, max);
    if (limit) limit.hidden = next !== undefined;
    if (!next) {
      box.checked = false;
      return;
    }
    shown = next;
    // The static description spoke of the author's rows; the chart now shows the reader's.
    liveSvg.removeAttribute('aria-description');
    void view
      .signal(COMPARE_SIGNALS.shown, shown)
      .signal(
        COMPARE_SIGNALS.free,
        shown.filter((key) => !fixed.has(key)),
      )
      .runAsync();
  });
  fieldset.hidden = false;
}
