/**
 * The sum of table cells in one unit. Cells in different units are never added: that stops the
 * build, so a sum of tonnes and hectares cannot reach the text.
 */
import { defineIndicator, inlineForm } from '../descriptor/define-indicator.ts';
import { LookupProblem } from '../table-access.ts';
import type { CellValue } from '../descriptor/inline-arguments.ts';
import type { Computed, Term } from './types.ts';
import { MISSING_TERM } from './types.ts';

/** Throws when the cells are not all in one unit; `what` is the verb of the message ("add"). */
export function sameUnit(cells: readonly CellValue[], what: string): void {
  const units = [...new Set(cells.map((c) => c.table.unit))];
  if (units.length > 1) {
    throw new LookupProblem(`cannot ${what} values in different units (${units.join(', ')})`, { expected: 'cells of tables with the same unit', fix: "convert one table to the other's unit, or use ratio() for a unit-free comparison" });
  }
}

/** `missing input t.r.p, …` for the cells without a value, or undefined. */
export function missingCells(cells: readonly CellValue[]): string | undefined {
  const absent = cells.filter((c) => c.value === null).map((c) => `${c.input.table}.${c.input.row}.${c.input.period}`);
  return absent.length ? `missing input ${absent.join(', ')}` : undefined;
}

/** Σ of the values, in `unit`; missing when any value is. */
export function sumOf(values: ReadonlyArray<number | null>, unit: string, missing?: string): Computed {
  const formula: Term[] = values.flatMap((v, i) => (i === 0 ? [v ?? MISSING_TERM] : [' + ', v ?? MISSING_TERM]));
  if (values.some((v) => v === null)) return { value: null, unit, formula, missing: missing ?? 'an input is missing' };
  return { value: values.reduce<number>((s, v) => s + (v ?? 0), 0), unit, formula };
}

export default defineIndicator({
  id: 'sum',
  group: 'arithmetic',
  text: {
    en: { title: 'Sum', note: 'Cells of tables in the same unit added up; cells in different units are refused.' },
    ru: { title: 'Сумма', note: 'Сложение ячеек таблиц в одной единице измерения; ячейки в разных единицах не складываются.' },
    kk: { title: 'Қосынды', note: 'Бір өлшем бірліктегі кесте ұяшықтарының қосындысы; әртүрлі бірліктегі ұяшықтар қосылмайды.' },
  },
  unit: 'unit of the cells',
  formula: String.raw`x_1 + x_2 + \dots + x_n`,
  fn: sumOf,
  inline: inlineForm({
    params: [{ name: 'cells', kind: 'cell', rest: true, min: 2 }],
    example: 'sum(gross-output.crops.2019, gross-output.livestock.2019)',
    evaluate({ cells }) {
      sameUnit(cells, 'add');
      const computed = sumOf(cells.map((c) => c.value), (cells[0] as CellValue).table.unit, missingCells(cells));
      return { value: computed.value, missing: computed.missing, unit: computed.unit, decimals: Math.max(...cells.map((c) => c.table.decimals)), formula: computed.formula, inputs: cells.map((c) => c.input) };
    },
  }),
});
