/**
 * Share of a reference row: a region's share of the country, a sector's of the economy.
 *
 * Inputs: `value` x_i and `reference` X in the same unit (non-negative).
 * Output: '%'. Unlike `share` (of the table's total row, or of the sum of its components), the
 *   whole is always one named row: the reference given, else the table's total row (the country);
 *   it is never a sum, so the shares need not add up to 100 when the rows do not make up the total.
 * Formula: s_i = x_i / X · 100
 */
import { Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, DerivationProblem, numeric, periodsOf, requireRow, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { referenceOf } from '../descriptor/compared-rows.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import { wholeOf } from '../table-access.ts';
import { checkNonNegative, divisionByZero, finiteResult, missingReason, missingResult, term } from './guards.ts';
import type { Computed, Where } from './types.ts';

export const SHARE_OF_REFERENCE_UNIT = '%';

export function shareOfReference(value: number | null, reference: number | null, where?: Where): Computed {
  checkNonNegative('value', value, where, 'shares are taken of non-negative quantities');
  checkNonNegative('reference', reference, where, 'shares are taken of non-negative quantities');
  const formula = [term(value), ' ÷ ', term(reference), ' × 100'];
  if (value === null || reference === null) return missingResult(SHARE_OF_REFERENCE_UNIT, formula, missingReason([['value', value], ['reference', reference]]));
  if (reference === 0) throw divisionByZero('reference', where, 'a reference of 0 has no shares: check the reference row in the data table');
  return { value: finiteResult((value / reference) * 100, 'share of the reference', where), unit: SHARE_OF_REFERENCE_UNIT, formula };
}

const EXAMPLE = 'share-of-reference(grp-by-region.north, 2022, grp-by-region.country)';

export default defineIndicator({
  id: 'share-of-reference',
  group: 'comparison',
  text: {
    en: { title: 'Share of the reference', note: "A row as a percentage of a reference row: the one named, else the table's total row (the country); never a sum of rows." },
    ru: { title: 'Доля в базе сравнения', note: 'Строка в процентах от строки базы сравнения — указанной или итоговой строки таблицы (страны); никогда не сумма строк.' },
    kk: { title: 'Салыстыру базасындағы үлес', note: 'Жолдың салыстыру базасы жолына пайыздық қатынасы — көрсетілген жолға немесе кестенің қорытынды жолына (елге); ешқашан жолдардың қосындысы емес.' },
  },
  unit: SHARE_OF_REFERENCE_UNIT,
  formula: String.raw`s_i = \frac{x_i}{X} \cdot 100`,
  fn: shareOfReference,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row' },
      { name: 'period', kind: 'period' },
      { name: 'reference', kind: 'row', optional: true, label: 'REFERENCE.ROW', doc: "REFERENCE defaults to the table's total row; it may be in another table of the same unit" },
    ],
    example: EXAMPLE,
    evaluate({ series, period, reference }) {
      const whole = referenceOf(series, reference, EXAMPLE);
      const computed = shareOfReference(series.at(period), whole.at(period), { table: series.table.id, row: series.row.id, period });
      return fromComputed(computed, [series.input(period), whole.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: { reference: Slug.optional().describe("the row of `from` that is the whole (default: its total row)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const reference = def.reference ?? wholeOf(from).total?.id;
        if (reference === undefined) throw new DerivationProblem(`table "${from.id}" has no total row`, 'reference', 'add "reference": the id of the row that is the whole');
        requireRow(from, reference, 'reference');
        return {
          unit: SHARE_OF_REFERENCE_UNIT,
          rows: rowPairs(def, from, undefined, [reference]),
          periods: periodsOf(def, from),
          cell: (row, period) => ({ computed: shareOfReference(valueOf(from, row.from, period), valueOf(from, reference, period), whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(from, reference, period)] }),
        };
      },
    }),
  ],
});
