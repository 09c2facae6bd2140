/**
 * Implied (harvested) area from harvest and yield.
 *
 * Inputs: `harvest` in 'thousand t' (default) or 't'; `cropYield` in 'c/ha'. Both non-negative.
 * Output: 'thousand ha' for a harvest in thousand t, 'ha' for a harvest in t (or as requested).
 * Formula: area [thousand ha] = harvest [thousand t] · 10 / y [c/ha]
 */
import { IndicatorError } from '../../errors.ts';
import { Slug } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, describeWhere, divisionByZero, missingReason, missingResult, powerOfTenTerm, term } from './guards.ts';
import { hectaresPer, tonnesPer, YIELD_UNIT } from './yield.ts';

export interface ImpliedAreaUnits {
  harvest?: string;
  yield?: string;
  /** Unit of the result; by default 'thousand ha' for a harvest in thousand t, 'ha' for t. */
  area?: string;
}

export function impliedArea(harvest: number | null, cropYield: number | null, units: ImpliedAreaUnits = {}, where?: Where): Computed {
  const harvestUnit = units.harvest ?? 'thousand t';
  const yieldUnit = units.yield ?? YIELD_UNIT;
  if (yieldUnit !== YIELD_UNIT) {
    throw new IndicatorError(`unit mismatch: the yield is in "${yieldUnit}"${describeWhere(where)}`, {
      file: where?.file,
      expected: `the yield in "${YIELD_UNIT}"`,
      fix: 'pass the yield row in centners per hectare',
    });
  }
  const tonnes = tonnesPer(harvestUnit, 'harvest', where);
  const areaUnit = units.area ?? (harvestUnit === 't' ? 'ha' : 'thousand ha');
  // area [ha] = harvest [t] · 10 / y; then expressed in the result unit.
  const factor = (10 * tonnes) / hectaresPer(areaUnit, 'result area', where);
  checkNonNegative('harvest', harvest, where);
  checkNonNegative('yield', cropYield, where);
  const formula = [term(harvest), powerOfTenTerm(factor, ' ÷ '), term(cropYield)];
  if (harvest === null || cropYield === null) return missingResult(areaUnit, formula, missingReason([['harvest', harvest], ['yield', cropYield]]));
  if (cropYield === 0) throw divisionByZero('yield', where, 'a yield of 0 implies no area: check the yield row');
  return { value: (harvest * factor) / cropYield, unit: areaUnit, formula };
}

export default defineIndicator({
  id: 'implied-area',
  group: 'intensity',
  text: {
    en: { title: 'Implied area', note: 'The area a harvest implies at a given yield: harvest divided by yield.' },
    ru: { title: 'Расчётная площадь', note: 'Площадь, которую даёт сбор при данной урожайности: сбор, делённый на урожайность.' },
    kk: { title: 'Есептік алқап', note: 'Берілген түсімділікте түсімнен шығатын алқап: түсімді түсімділікке бөлгендегі шама.' },
  },
  unit: 'thousand ha (ha for a harvest in t)',
  formula: String.raw`\text{area}\,[\text{thousand ha}] = \frac{\text{harvest}\,[\text{thousand t}] \cdot 10}{y\,[\text{c/ha}]}`,
  fn: impliedArea,
  inline: inlineForm({
    params: [
      { name: 'harvest', kind: 'row', label: 'HARVEST.ROW', doc: 'HARVEST in t or thousand t' },
      { name: 'yields', kind: 'row', label: 'YIELD.ROW', doc: 'YIELD in c/ha' },
      { name: 'period', kind: 'period' },
    ],
    example: 'implied-area(harvest.sunflower, yields.sunflower, 2019)',
    evaluate({ harvest, yields, period }) {
      const computed = impliedArea(harvest.at(period), yields.at(period), { harvest: harvest.table.unit, yield: yields.table.unit }, { table: yields.table.id, row: yields.row.id, period });
      return fromComputed(computed, [harvest.input(period), yields.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: { by: Slug.describe('the table of yields (c/ha); `from` is the harvest') },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const units = { harvest: from.unit, yield: by.unit };
        return {
          unit: impliedArea(null, null, units).unit as UnitId,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({ computed: impliedArea(valueOf(from, row.from, period), valueOf(by, row.by, period), units, whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period)] }),
        };
      },
    }),
  ],
});
