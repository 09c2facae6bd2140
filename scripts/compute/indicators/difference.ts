/** The difference of two table cells in one unit (different units stop the build). */
import { defineIndicator, inlineForm } from '../descriptor/define-indicator.ts';
import { missingCells, sameUnit } from './sum.ts';
import type { Computed } from './types.ts';
import { MISSING_TERM } from './types.ts';

/** a − b in `unit`; missing when either is. */
export function differenceOf(a: number | null, b: number | null, unit: string, missing?: string): Computed {
  const formula = [a ?? MISSING_TERM, ' − ', b ?? MISSING_TERM];
  if (a === null || b === null) return { value: null, unit, formula, missing: missing ?? 'an input is missing' };
  return { value: a - b, unit, formula };
}

export default defineIndicator({
  id: 'difference',
  group: 'arithmetic',
  text: {
    en: { title: 'Difference', note: 'One cell minus another, both in the same unit.' },
    ru: { title: 'Разность', note: 'Одна ячейка минус другая, обе в одной единице измерения.' },
    kk: { title: 'Айырма', note: 'Бір ұяшықтан екіншісін алу, екеуі де бір өлшем бірлігінде.' },
  },
  unit: 'unit of the cells',
  formula: String.raw`x_a - x_b`,
  fn: differenceOf,
  inline: inlineForm({
    params: [
      { name: 'a', kind: 'cell' },
      { name: 'b', kind: 'cell' },
    ],
    example: 'difference(gross-output.agriculture.2019, gross-output.crops.2019)',
    evaluate({ a, b }) {
      sameUnit([a, b], 'subtract');
      const computed = differenceOf(a.value, b.value, a.table.unit, missingCells([a, b]));
      return { value: computed.value, missing: computed.missing, unit: computed.unit, decimals: Math.max(a.table.decimals, b.table.decimals), formula: computed.formula, inputs: [a.input, b.input] };
    },
  }),
});
