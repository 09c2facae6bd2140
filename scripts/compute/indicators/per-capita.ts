/**
 * Per-capita value.
 *
 * Inputs: `value` in any unit that says what it counts in and its scale (validate/units.ts:
 *   "thousand t" is 1e6 kg; a report's "million tenge" is 1e6 tenge in report.config.json);
 *   `population` in a unit of persons ("persons", "thousand persons"; > 0).
 * Output: a per-capita unit of the same measure ("thousand tenge per person", "kg per person"),
 *   asked for, or the one of that measure whose scale is nearest the value's per person.
 * Formula: x / population, scaled between the units (e.g. million tenge / thousand persons =
 *   thousand tenge per person). A value in tenge cannot give kg per person: that is a unit mismatch.
 */
import { IndicatorError } from '../../errors.ts';
import { z } from 'zod';
import { Slug } from '../../validate/table-schema.ts';
import { unitCatalogue, type UnitCatalogue } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, DerivationProblem, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import type { Computed, Term, Where } from './types.ts';
import { checkNonNegative, checkNumber, describeWhere, divisionByZero, missingReason, missingResult, powerOfTenTerm, term } from './guards.ts';

export interface PerCapitaUnits {
  value: string;
  population: string;
  result: string;
}

/** The generator's units alone, for a caller that has no report (tests of the arithmetic). */
const GENERATOR_ONLY = unitCatalogue();

/** The per-capita units of one measure, in the catalogue. */
function perCapitaUnitsOf(measure: string, units: UnitCatalogue): string[] {
  return units.ids.filter((id) => units.kind(id) === 'per-capita' && units.measureOf(id)?.measure === measure);
}

function unitProblem(problem: string, expected: string, fix: string, where?: Where): IndicatorError {
  return new IndicatorError(`unit mismatch: ${problem}${describeWhere(where)}`, { file: where?.file, expected, fix });
}

export function perCapita(value: number | null, population: number | null, units: PerCapitaUnits, where?: Where, catalogue: UnitCatalogue = GENERATOR_ONLY): Computed {
  const v = catalogue.measureOf(units.value);
  if (v === undefined) throw unitProblem(`per capita cannot divide a value in "${units.value}", which says nothing of its scale`, 'a unit with "measure" and "scale" (report.config.json "units")', `give "${units.value}" its measure and scale, e.g. "measure": "tenge", "scale": 1000000 for million tenge`, where);
  const p = catalogue.measureOf(units.population);
  if (p?.measure !== 'persons') throw unitProblem(`the population unit "${units.population}" is not a number of persons`, 'the population in "persons" or "thousand persons"', 'declare the population table in persons', where);
  const r = catalogue.measureOf(units.result);
  if (r === undefined || catalogue.kind(units.result) !== 'per-capita') throw unitProblem(`"${units.result}" is not a per-capita unit`, `one of ${perCapitaUnitsOf(v.measure, catalogue).map((u) => `"${u}"`).join(', ') || `a per-capita unit of ${v.measure} (kind "per-capita", "measure": "${v.measure}")`}`, 'use a per-capita unit of the same measure', where);
  if (r.measure !== v.measure) throw unitProblem(`a value in "${units.value}" cannot be expressed in "${units.result}"`, `a per-capita unit of ${v.measure}`, `use one of ${perCapitaUnitsOf(v.measure, catalogue).map((u) => `"${u}"`).join(', ') || 'a per-capita unit of the same measure'}`, where);
  checkNumber('value', value, where);
  checkNonNegative('population', population, where);
  const factor = v.scale / (p.scale * r.scale);
  const formula: Term[] = [term(value), powerOfTenTerm(factor, ' ÷ '), term(population)];
  if (value === null || population === null) return missingResult(units.result, formula, missingReason([['value', value], ['population', population]]));
  if (population === 0) throw divisionByZero('population', where, 'check the population row for this period');
  return { value: (value * factor) / population, unit: units.result, formula };
}

/**
 * The per-capita unit when none is asked for: the one the value's unit names (`perCapita`:
 * "thousand tenge per person" for million tenge, "kg per person" for thousand t); else, of the
 * value's measure, the one whose scale is nearest a thousandth of a value per person; undefined
 * when the catalogue has none.
 */
export function defaultPerCapitaUnit(valueUnit: string, populationUnit: string, catalogue: UnitCatalogue = GENERATOR_ONLY): string | undefined {
  const named = catalogue.perCapitaOf(valueUnit);
  if (named !== undefined) return named;
  const v = catalogue.measureOf(valueUnit);
  if (!v) return undefined;
  const perPerson = v.scale / (catalogue.measureOf(populationUnit)?.scale ?? 1);
  const distance = (id: string) => Math.abs(Math.log10((catalogue.measureOf(id)?.scale ?? 1) * 1e3) - Math.log10(perPerson));
  return [...perCapitaUnitsOf(v.measure, catalogue)].sort((a, b) => distance(a) - distance(b) || a.localeCompare(b))[0];
}

/** A result unit as an inline call writes it, spaces as hyphens: "thousand-tenge-per-person". */
const word = (unit: string) => unit.replace(/ /g, '-');

function resultUnit(asked: string | undefined, value: string, population: string, catalogue: UnitCatalogue, where?: Where): string {
  const found = asked === undefined ? undefined : catalogue.ids.find((id) => word(id) === asked || id === asked);
  const unit = found ?? (asked === undefined ? defaultPerCapitaUnit(value, population, catalogue) : asked.replace(/-/g, ' '));
  if (unit === undefined) throw unitProblem(`no per-capita unit for a value in "${value}"`, 'a per-capita unit of the same measure in report.config.json "units"', 'define one (kind "per-capita", with its measure and scale)', where);
  return unit;
}

export default defineIndicator({
  id: 'per-capita',
  group: 'intensity',
  text: {
    en: { title: 'Per capita', note: 'A total divided by the population of the territory, stated with its unit.' },
    ru: { title: 'На душу населения', note: 'Общая величина, делённая на численность населения территории, с указанием единицы.' },
    kk: { title: 'Жан басына шаққанда', note: 'Жалпы шаманы аумақ халқының санына бөлгендегі мән, өлшем бірлігімен көрсетіледі.' },
  },
  unit: 'a per-capita unit of the value\'s measure, as asked or the nearest in scale',
  formula: String.raw`x_{\text{per capita}} = \frac{x}{\text{population}}`,
  fn: perCapita,
  inline: inlineForm({
    params: [
      { name: 'value', kind: 'row', label: 'VALUE.ROW' },
      { name: 'population', kind: 'row', label: 'POPULATION.ROW', doc: 'POPULATION in persons or thousand persons' },
      { name: 'period', kind: 'period' },
      { name: 'result', kind: 'name', optional: true, label: 'RESULT_UNIT', doc: 'RESULT_UNIT: a per-capita unit with its spaces written as hyphens, e.g. kg-per-person (default: the unit of the value\'s measure nearest in scale)' },
    ],
    example: 'per-capita(grp-by-region.north, population.north, 2022)',
    evaluate({ value, population, period, result }, tables) {
      const catalogue = tables.units ?? GENERATOR_ONLY;
      const where = { table: value.table.id, row: value.row.id, period };
      const units = { value: value.table.unit, population: population.table.unit, result: resultUnit(result, value.table.unit, population.table.unit, catalogue, where) };
      const computed = perCapita(value.at(period), population.at(period), units, where, catalogue);
      return fromComputed(computed, [value.input(period), population.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: {
        by: Slug.describe('the population table (persons or thousand persons), rows as in `from` or mapped by `rows`'),
        result: z.string().min(1).optional().describe('unit of the result: a per-capita unit of the value\'s measure (default: the nearest in scale)'),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const catalogue = tables.units ?? GENERATOR_ONLY;
        if (catalogue.measureOf(from.unit) === undefined) throw new DerivationProblem(`table "${from.id}" is in "${from.unit}", which says nothing of its scale`, 'from', `give "${from.unit}" a measure and scale in report.config.json "units"`);
        const result = def.result ?? defaultPerCapitaUnit(from.unit, by.unit, catalogue);
        if (result === undefined || catalogue.kind(result) !== 'per-capita') throw new DerivationProblem(`no per-capita unit "${def.result ?? ''}" for a value in "${from.unit}"`, 'result', 'name a per-capita unit of the same measure (report.config.json "units")');
        const units = { value: from.unit, population: by.unit, result };
        return {
          unit: units.result,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({ computed: perCapita(valueOf(from, row.from, period), valueOf(by, row.by, period), units, whereIn(def, row.id, period), catalogue), inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period)] }),
        };
      },
    }),
  ],
});
