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

/**
 * The rows a link asks for (`?<figure id>=north,south`: a reader's comparison, shared), those the
 * chart offers, in the link's order, at most `max`; undefined when the link names none.
 */
export function linkedShown(search: string, name: string, offered: readonly string[], max: number): string[] | undefined {
  const asked = new URLSearchParams(search).get(name);
  if (asked === null) return undefined;
  const rows = [...new Set(asked.split(',').filter((key) => offered.includes(key)))].slice(0, max);
  return rows.length > 0 ? rows : undefined;
}

/** Binds the figure's control to the live view and shows it; a chart without one is left as it is. */
export function bindCompare(figure: Element, view: View, liveSvg: SVGElement): void {
  const fieldset = figure.querySelector<HTMLFieldSetElement>('fieldset.chart-compare');
  if (!fieldset) return;
  const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const fixed = new Set(boxes.filter((box) => box.hasAttribute('data-fixed')).map((box) => box.value));
  const limit = fieldset.querySelector<HTMLElement>('.chart-compare-limit');
  const max = Number(fieldset.dataset.max) || boxes.length;
  const name = figure.id;
  const authors = parseShown(fieldset);
  let shown = authors;

  const draw = () => {
    // The static description spoke of the author's rows; the chart now shows the reader's.
    liveSvg.removeAttribute('aria-description');
    void view
      .signal(COMPARE_SIGNALS.shown, shown)
      .signal(
        COMPARE_SIGNALS.free,
        shown.filter((key) => !fixed.has(key)),
      )
      .runAsync();
  };
  const linked = name ? linkedShown(location.search, name, boxes.map((box) => box.value), max) : undefined;
  if (linked && linked.join(',') !== authors.join(',')) {
    shown = linked;
    draw();
  }
  // The page may also have been restored with other boxes ticked (back button): the boxes follow the chart.
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
    draw();
    // The address keeps the comparison, so a copied link shows it (without a new history entry per tick).
    if (name) {
      const url = new URL(location.href);
      if (shown.join(',') === authors.join(',')) url.searchParams.delete(name);
      else url.searchParams.set(name, shown.join(','));
      history.replaceState(history.state, '', url);
    }
  });
  fieldset.hidden = false;
}
