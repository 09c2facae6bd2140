/**
 * A value relative to a reference row, reference = 100: a region's GRP per capita against the
 * country's, a district's yield against the region's.
 *
 * Inputs: `value` x_i and `reference` X in the same unit (any sign for x_i; X non-zero).
 * Output: '%' of the reference (100 = the same as the reference, 150 = half as much again).
 * Formula: v_i = x_i / X · 100
 */
import { Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, DerivationProblem, numeric, periodsOf, requireRow, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { referenceOf } from '../descriptor/compared-rows.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import { wholeOf } from '../table-access.ts';
import { checkNumber, divisionByZero, finiteResult, missingReason, missingResult, term } from './guards.ts';
import type { Computed, Where } from './types.ts';

export const RELATIVE_UNIT = '%';

export function relativeToReference(value: number | null, reference: number | null, where?: Where): Computed {
  checkNumber('value', value, where);
  checkNumber('reference', reference, where);
  const formula = [term(value), ' ÷ ', term(reference), ' × 100'];
  if (value === null || reference === null) return missingResult(RELATIVE_UNIT, formula, missingReason([['value', value], ['reference', reference]]));
  if (reference === 0) throw divisionByZero('reference', where, 'a reference of 0 cannot be 100: check the reference row in the data table');
  return { value: finiteResult((value / reference) * 100, 'value relative to the reference', where), unit: RELATIVE_UNIT, formula };
}

const EXAMPLE = 'relative-to-reference(grp-per-capita.north, 2022, grp-per-capita.country)';

export default defineIndicator({
  id: 'relative-to-reference',
  group: 'comparison',
  text: {
    en: { title: 'Relative to the reference (reference = 100)', note: "A row's value as a percentage of a reference row's (the one named, else the table's total row): 100 is the same level, 150 half as much again." },
    ru: { title: 'Уровень относительно базы сравнения (база = 100)', note: 'Значение строки в процентах к значению строки базы сравнения (указанной или итоговой строки таблицы): 100 — тот же уровень, 150 — в полтора раза выше.' },
    kk: { title: 'Салыстыру базасына қатысты деңгей (база = 100)', note: 'Жол мәнінің салыстыру базасы жолының мәніне пайыздық қатынасы (көрсетілген жол немесе кестенің қорытынды жолы): 100 — сол деңгей, 150 — бір жарым есе жоғары.' },
  },
  unit: RELATIVE_UNIT,
  formula: String.raw`v_i = \frac{x_i}{X} \cdot 100`,
  fn: relativeToReference,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
      { name: 'reference', kind: 'row', optional: true, label: 'REFERENCE.ROW', doc: "REFERENCE defaults to the table's total row; it may be in another table of the same unit" },
    ],
    example: EXAMPLE,
    evaluate({ series, period, reference }) {
      const whole = referenceOf(series, reference, EXAMPLE);
      const computed = relativeToReference(series.at(period), whole.at(period), { table: series.table.id, row: series.row.id, period });
      return fromComputed(computed, [series.input(period), whole.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: { reference: Slug.optional().describe("the row of `from` that is 100 (default: its total row)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const reference = def.reference ?? wholeOf(from).total?.id;
        if (reference === undefined) throw new DerivationProblem(`table "${from.id}" has no total row`, 'reference', 'add "reference": the id of the row that is 100');
        requireRow(from, reference, 'reference');
        return {
          unit: RELATIVE_UNIT,
          rows: rowPairs(def, from, undefined, [reference]),
          periods: periodsOf(def, from),
          cell: (row, period) => ({ computed: relativeToReference(valueOf(from, row.from, period), valueOf(from, reference, period), whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(from, reference, period)] }),
        };
      },
    }),
  ],
});
