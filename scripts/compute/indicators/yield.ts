/**
 * Crop yield.
 *
 * Inputs: `harvest` in 'thousand t' (default) or 't'; `area` harvested in 'thousand ha' (default)
 *   or 'ha'. Both non-negative.
 * Output: 'c/ha' (centners per hectare; 1 t = 10 c).
 * Formula: y [c/ha] = harvest [thousand t] · 10 / area [thousand ha]
 *   (in general harvest [t] · 10 / area [ha]; other unit pairs are scaled to that first).
 * (`yield` is a reserved word in JavaScript modules, hence the name `cropYield`.)
 */
import { IndicatorError } from '../../errors.ts';
import { Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, describeWhere, divisionByZero, missingReason, missingResult, powerOfTenTerm, term } from './guards.ts';

export const YIELD_UNIT = 'c/ha';

/** Tonnes per unit of harvest. */
export const HARVEST_UNITS = { t: 1, 'thousand t': 1000 } as const;
/** Hectares per unit of area. */
export const AREA_UNITS = { ha: 1, 'thousand ha': 1000 } as const;
export type HarvestUnit = keyof typeof HARVEST_UNITS;
export type AreaUnit = keyof typeof AREA_UNITS;

export interface YieldUnits {
  harvest?: string;
  area?: string;
}

/** Tonnes per harvest unit, or an error naming the accepted units. */
export function tonnesPer(unit: string, role: string, where?: Where): number {
  if (Object.hasOwn(HARVEST_UNITS, unit)) return HARVEST_UNITS[unit as HarvestUnit];
  throw new IndicatorError(`unit mismatch: the ${role} is in "${unit}", not a mass${describeWhere(where)}`, {
    file: where?.file,
    expected: `the ${role} in ${Object.keys(HARVEST_UNITS).map((u) => `"${u}"`).join(' or ')}`,
    fix: 'pass the harvest row (a mass), not a value or an area row',
  });
}

/** Hectares per area unit, or an error naming the accepted units. */
export function hectaresPer(unit: string, role: string, where?: Where): number {
  if (Object.hasOwn(AREA_UNITS, unit)) return AREA_UNITS[unit as AreaUnit];
  throw new IndicatorError(`unit mismatch: the ${role} is in "${unit}", not an area${describeWhere(where)}`, {
    file: where?.file,
    expected: `the ${role} in ${Object.keys(AREA_UNITS).map((u) => `"${u}"`).join(' or ')}`,
    fix: 'pass the sown or harvested area row',
  });
}

export function cropYield(harvest: number | null, area: number | null, units: YieldUnits = {}, where?: Where): Computed {
  const factor = (10 * tonnesPer(units.harvest ?? 'thousand t', 'harvest', where)) / hectaresPer(units.area ?? 'thousand ha', 'area', where);
  checkNonNegative('harvest', harvest, where);
  checkNonNegative('area', area, where);
  const formula = [term(harvest), powerOfTenTerm(factor, ' ÷ '), term(area)];
  if (harvest === null || area === null) return missingResult(YIELD_UNIT, formula, missingReason([['harvest', harvest], ['area', area]]));
  if (area === 0) throw divisionByZero('area', where, 'a yield needs a harvested area: check the area row, or leave the yield empty (null) for a crop that was not grown');
  return { value: (harvest * factor) / area, unit: YIELD_UNIT, formula };
}

export default defineIndicator({
  id: 'yield',
  group: 'intensity',
  text: {
    en: { title: 'Yield', note: 'The harvest per unit of harvested area, in centners (100 kg) per hectare.' },
    ru: { title: 'Урожайность', note: 'Сбор с единицы убранной площади, в центнерах (100 кг) с гектара.' },
    kk: { title: 'Түсімділік', note: 'Жиналған алқаптың бір бірлігінен алынған түсім, гектарынан центнермен (1 центнер = 100 кг).' },
  },
  unit: YIELD_UNIT,
  formula: String.raw`y\,[\text{c/ha}] = \frac{\text{harvest}\,[\text{thousand t}] \cdot 10}{\text{area}\,[\text{thousand ha}]}`,
  fn: cropYield,
  inline: inlineForm({
    params: [
      { name: 'harvest', kind: 'row', label: 'HARVEST.ROW', doc: 'HARVEST in t or thousand t' },
      { name: 'area', kind: 'row', label: 'AREA.ROW', doc: 'AREA in ha or thousand ha' },
      { name: 'period', kind: 'period' },
    ],
    example: 'yield(crop-production.sunflower, crop-area.sunflower, 2019)',
    evaluate({ harvest, area, period }) {
      const computed = cropYield(harvest.at(period), area.at(period), { harvest: harvest.table.unit, area: area.table.unit }, { table: area.table.id, row: area.row.id, period });
      return fromComputed(computed, [harvest.input(period), area.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: { by: Slug.describe('the table of harvested areas; `from` is the harvest') },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        return {
          unit: YIELD_UNIT,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({ computed: cropYield(valueOf(from, row.from, period), valueOf(by, row.by, period), { harvest: from.unit, area: by.unit }, whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period)] }),
        };
      },
    }),
  ],
});
