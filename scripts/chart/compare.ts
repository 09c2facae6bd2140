/**
 * An interactive comparison (a line or index chart's `compare:`): the chart holds the records of
 * every row the reader may pick and shows those in two Vega signals, so the browser changes what
 * is drawn by setting them (browser/hydrate.ts) while the build draws the author's first choice
 * with the same spec: the static SVG and the first interactive view are the same picture.
 *
 * Colours follow the order of picking, from the palette less the colours rows keep everywhere
 * (report.config.json `colours`: a national row stays grey), so no two lines drawn together
 * share a colour and a line keeps its colour while others come and go.
 */
import { LookupProblem } from '../compute/table-access.ts';
import { COMPARE_SIGNALS } from './compare-signals.ts';
import { CATEGORICAL } from './theme.ts';

export interface CompareChoice {
  /** The row id. */
  key: string;
  label: string;
  /** The row's own colour from the report's configuration, kept whatever else is shown. */
  fixedColour?: string;
}

/** What the figure's control offers and starts with. */
export interface CompareControl {
  choices: CompareChoice[];
  /** Row ids shown first, in the author's order. */
  shown: string[];
  /** At most this many rows at once: one colour each. */
  max: number;
}


/** The record fields the comparison adds: a row's fixed colour, and the colour and legend key it is drawn with. */
export const COMPARE_FIELDS = ['fixedColour', 'colour', 'seriesKey'];

/** The control of a chart block, checked against the rows it plots. */
export function compareControl(series: Array<[string, string]>, shown: string[], colours: Readonly<Record<string, string>>): CompareControl {
  const keys = series.map(([key]) => key);
  for (const key of shown) {
    if (!keys.includes(key)) throw new LookupProblem(`"compare" names row "${key}", which the chart does not plot`, { expected: `rows of the chart: ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', …' : ''}`, fix: 'name rows of the table (and of "rows:", if the block gives it)' });
  }
  if (new Set(shown).size !== shown.length) throw new LookupProblem('"compare" names a row twice', { expected: 'each row once', fix: 'remove the repeated row' });
  // Two rows the configuration gives one colour (a national total and a sector total, both grey)
  // would be one colour in the legend: the first keeps it, the other takes the palette's.
  const taken = new Set<string>();
  const choices = series.map(([key, label]): CompareChoice => {
    const colour = colours[key]?.toLowerCase();
    if (!colour || taken.has(colour)) return { key, label };
    taken.add(colour);
    return { key, label, fixedColour: colours[key]! };
  });
  const max = Math.min(series.length, palette(choices).length + choices.filter((c) => c.fixedColour).length);
  if (shown.length > max) throw new LookupProblem(`"compare" shows ${shown.length} rows at first`, { expected: `at most ${max}, one colour each`, fix: 'name fewer rows; readers add the others' });
  return { choices, shown, max };
}

/** The colours rows without their own colour take, in order of picking. */
export function palette(choices: CompareChoice[]): string[] {
  const fixed = new Set(choices.flatMap((c) => (c.fixedColour ? [c.fixedColour.toLowerCase()] : [])));
  return CATEGORICAL.filter((colour) => !fixed.has(colour.toLowerCase()));
}

/** The rows shown that take a palette colour, in order. */
export function freeRows(control: CompareControl): string[] {
  const fixed = new Set(control.choices.filter((c) => c.fixedColour).map((c) => c.key));
  return control.shown.filter((key) => !fixed.has(key));
}

type Spec = Record<string, unknown>;

/**
 * The spec's parameters and the transforms that keep the rows shown and colour them: a record's
 * `key` is its row id, `series` its label, `fixedColour` its row's own colour or "".
 * `seriesKey` puts the legend in the order of picking ("001 Akmola Region"), its number `keyDigits`
 * wide as the presets' sort keys are (presets/common.ts).
 */
export function compareSpecParts(control: CompareControl, keyDigits: number): { params: Spec[]; transform: Spec[] } {
  const { shown, free, palette: paletteSignal } = COMPARE_SIGNALS;
  return {
    params: [
      { name: shown, value: control.shown },
      { name: free, value: freeRows(control) },
      { name: paletteSignal, value: palette(control.choices) },
    ],
    transform: [
      { filter: `indexof(${shown}, datum.key) >= 0` },
      { calculate: `datum.fixedColour ? datum.fixedColour : ${paletteSignal}[indexof(${free}, datum.key) % length(${paletteSignal})]`, as: 'colour' },
      { calculate: `pad(toString(indexof(${shown}, datum.key)), ${keyDigits}, '0', 'left') + ' ' + datum.series`, as: 'seriesKey' },
    ],
  };
}
