/**
 * A ratio of two cells, or of two tables row by row, times a scale (100 for a percentage). Only
 * like units make a percentage; otherwise the ratio carries both units.
 */
import { z } from 'zod';
import { IndicatorError } from '../../errors.ts';
import { Slug } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, rowPairs, valueOf } from '../descriptor/derivation.ts';
import { LookupProblem } from '../table-access.ts';
import { missingCells } from './sum.ts';
import type { Computed, Term } from './types.ts';
import { MISSING_TERM } from './types.ts';

/** The terms of a/b × scale, with the missing sign for an absent input. */
export function ratioFormula(a: number | null, b: number | null, scale: number): Term[] {
  return [a ?? MISSING_TERM, ' ÷ ', b ?? MISSING_TERM, ...(scale === 1 ? [] : [` × ${scale}`])];
}

/** The unit of a ratio: % for like units times 100, a plain ratio for like units, else "a per b". */
export function ratioUnit(aUnit: string, bUnit: string, scale: number): string {
  return scale === 100 && aUnit === bUnit ? '%' : aUnit === bUnit ? 'ratio' : `${aUnit} per ${bUnit}`;
}

export function ratioOf(a: number | null, b: number | null, scale: number, unit: string, missing = 'an input is missing'): Computed {
  const formula = ratioFormula(a, b, scale);
  if (a === null || b === null) return { value: null, unit, formula, missing };
  return { value: (a / b) * scale, unit, formula };
}

export default defineIndicator({
  id: 'ratio',
  group: 'arithmetic',
  text: {
    en: { title: 'Ratio', note: 'One value divided by another, times a scale: 100 gives a percentage of like quantities.' },
    ru: { title: 'Отношение', note: 'Одно значение, делённое на другое и умноженное на масштаб: 100 даёт процент для однородных величин.' },
    kk: { title: 'Қатынас', note: 'Бір мәнді екіншісіне бөліп, масштабқа көбейткендегі шама: біртекті шамалар үшін 100 пайызды береді.' },
  },
  unit: '% for like units × 100; a ratio of like units; else "unit per unit"',
  formula: String.raw`r = \frac{a}{b} \cdot k`,
  fn: ratioOf,
  inline: inlineForm({
    params: [
      { name: 'a', kind: 'cell' },
      { name: 'b', kind: 'cell' },
      { name: 'scale', kind: 'number', optional: true, doc: 'SCALE: a factor such as 100 (default 1)' },
    ],
    example: 'ratio(grp-by-region.north.2019, grp-by-region.country.2019, 100)',
    evaluate({ a, b, scale = 1 }) {
      const missing = missingCells([a, b]);
      if (!missing && b.value === 0) throw new LookupProblem(`division by zero: ${b.input.table}.${b.input.row}.${b.input.period} is 0`, { expected: 'a non-zero denominator', fix: 'check the value in the data table' });
      const computed = ratioOf(a.value, b.value, scale, ratioUnit(a.table.unit, b.table.unit, scale), missing);
      return { value: computed.value, missing, unit: computed.unit, decimals: scale === 100 ? 1 : 2, formula: computed.formula, inputs: [a.input, b.input] };
    },
  }),
  tables: [
    tableForm({
      options: {
        by: Slug.describe('the denominator table (`rows` maps a row of `from` to a row of `by` when ids differ)'),
        scale: z.number().positive().optional().describe('multiplier (100 for a percentage; default 1)'),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const scale = def.scale ?? 1;
        const unit: UnitId = scale === 100 && from.unit === by.unit ? '%' : 'ratio';
        return {
          unit,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => {
            const [x, y] = [valueOf(from, row.from, period), valueOf(by, row.by, period)];
            const inputs = [cellInput(from, row.from, period), cellInput(by, row.by, period)];
            if (x !== null && y === 0) throw new IndicatorError(`division by zero: "${by.id}", row "${row.by}", period "${period}" is 0`, { expected: 'a non-zero denominator', fix: 'check the value in the data table' });
            return { computed: ratioOf(x, y, scale, unit), inputs };
          },
        };
      },
    }),
  ],
});
