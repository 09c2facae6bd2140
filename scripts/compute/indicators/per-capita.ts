/**
 * Per-capita value.
 *
 * Inputs: `value` in a money unit ('tenge', 'thousand tenge', 'million tenge', 'billion tenge') or a
 *   mass unit ('kg', 'c', 't', 'thousand t'); `population` in 'persons' or 'thousand persons' (> 0).
 * Output: the requested per-capita unit: 'tenge per person', 'thousand tenge per person' (money),
 *   'kg per person' or 't per person' (mass).
 * Formula: x / population, scaled between the units (e.g. million tenge / thousand persons =
 *   thousand tenge per person). A money value cannot give kg per person: that is a unit mismatch.
 */
import { IndicatorError } from '../../errors.ts';
import { z } from 'zod';
import { Slug } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, DerivationProblem, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import type { Computed, Term, Where } from './types.ts';
import { checkNonNegative, checkNumber, describeWhere, divisionByZero, missingReason, missingResult, powerOfTenTerm, term } from './guards.ts';

type Dimension = 'money' | 'mass';

/** Value units: dimension and size in the base unit (tenge, kg). */
export const PER_CAPITA_VALUE_UNITS: Readonly<Record<string, { dimension: Dimension; size: number }>> = {
  tenge: { dimension: 'money', size: 1 },
  'thousand tenge': { dimension: 'money', size: 1e3 },
  'million tenge': { dimension: 'money', size: 1e6 },
  'billion tenge': { dimension: 'money', size: 1e9 },
  kg: { dimension: 'mass', size: 1 },
  c: { dimension: 'mass', size: 100 },
  t: { dimension: 'mass', size: 1e3 },
  'thousand t': { dimension: 'mass', size: 1e6 },
};
/** Population units: persons per unit. */
export const POPULATION_UNITS: Readonly<Record<string, number>> = { persons: 1, 'thousand persons': 1e3 };
/** Result units: dimension and size in base unit per person. */
export const PER_CAPITA_UNITS: Readonly<Record<string, { dimension: Dimension; size: number }>> = {
  'tenge per person': { dimension: 'money', size: 1 },
  'thousand tenge per person': { dimension: 'money', size: 1e3 },
  'kg per person': { dimension: 'mass', size: 1 },
  't per person': { dimension: 'mass', size: 1e3 },
};

export interface PerCapitaUnits {
  value: string;
  population: string;
  result: string;
}

function unknownUnit(role: string, unit: string, accepted: readonly string[], where?: Where): IndicatorError {
  return new IndicatorError(`unit mismatch: the ${role} unit "${unit}" is not one per capita accepts${describeWhere(where)}`, {
    file: where?.file,
    expected: `one of ${accepted.map((u) => `"${u}"`).join(', ')}`,
    fix: `declare the ${role} in one of the accepted units`,
  });
}

export function perCapita(value: number | null, population: number | null, units: PerCapitaUnits, where?: Where): Computed {
  const v = PER_CAPITA_VALUE_UNITS[units.value];
  if (v === undefined) throw unknownUnit('value', units.value, Object.keys(PER_CAPITA_VALUE_UNITS), where);
  const p = POPULATION_UNITS[units.population];
  if (p === undefined) throw unknownUnit('population', units.population, Object.keys(POPULATION_UNITS), where);
  const r = PER_CAPITA_UNITS[units.result];
  if (r === undefined) throw unknownUnit('result', units.result, Object.keys(PER_CAPITA_UNITS), where);
  if (r.dimension !== v.dimension) {
    throw new IndicatorError(`unit mismatch: a value in "${units.value}" cannot be expressed in "${units.result}"${describeWhere(where)}`, {
      file: where?.file,
      expected: `a per-capita unit of ${v.dimension}`,
      fix: v.dimension === 'money' ? 'use "tenge per person" or "thousand tenge per person"' : 'use "kg per person" or "t per person"',
    });
  }
  checkNumber('value', value, where);
  checkNonNegative('population', population, where);
  const factor = v.size / (p * r.size);
  const formula: Term[] = [term(value), powerOfTenTerm(factor, ' ÷ '), term(population)];
  if (value === null || population === null) return missingResult(units.result, formula, missingReason([['value', value], ['population', population]]));
  if (population === 0) throw divisionByZero('population', where, 'check the population row for this period');
  return { value: (value * factor) / population, unit: units.result, formula };
}

/** The per-capita unit when none is asked for: thousand tenge for money, kg for mass. */
export function defaultPerCapitaUnit(valueUnit: string): string {
  return PER_CAPITA_VALUE_UNITS[valueUnit]?.dimension === 'mass' ? 'kg per person' : 'thousand tenge per person';
}

/** The result units as an inline call writes them: "thousand tenge per person" → thousand-tenge-per-person. */
const RESULT_WORDS = Object.keys(PER_CAPITA_UNITS).map((unit) => unit.replace(/ /g, '-'));

export default defineIndicator({
  id: 'per-capita',
  group: 'intensity',
  text: {
    en: { title: 'Per capita', note: 'A total divided by the population of the territory, stated with its unit.' },
    ru: { title: 'На душу населения', note: 'Общая величина, делённая на численность населения территории, с указанием единицы.' },
    kk: { title: 'Жан басына шаққанда', note: 'Жалпы шаманы аумақ халқының санына бөлгендегі мән, өлшем бірлігімен көрсетіледі.' },
  },
  unit: 'thousand tenge per person for money, kg per person for mass, or as asked',
  formula: String.raw`x_{\text{per capita}} = \frac{x}{\text{population}}`,
  fn: perCapita,
  inline: inlineForm({
    params: [
      { name: 'value', kind: 'row', label: 'VALUE.ROW' },
      { name: 'population', kind: 'row', label: 'POPULATION.ROW', doc: 'POPULATION in persons or thousand persons' },
      { name: 'period', kind: 'period' },
      { name: 'result', kind: 'word', words: RESULT_WORDS, optional: true, label: 'RESULT_UNIT', doc: `RESULT_UNIT: ${RESULT_WORDS.join(', ')} (default: thousand tenge per person for money, kg per person for mass)` },
    ],
    example: 'per-capita(grp-by-region.north, population.north, 2022)',
    evaluate({ value, population, period, result }) {
      const units = { value: value.table.unit, population: population.table.unit, result: result ? result.replace(/-/g, ' ') : defaultPerCapitaUnit(value.table.unit) };
      const computed = perCapita(value.at(period), population.at(period), units, { table: value.table.id, row: value.row.id, period });
      return fromComputed(computed, [value.input(period), population.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: {
        by: Slug.describe('the population table (persons or thousand persons), rows as in `from` or mapped by `rows`'),
        result: z.enum(Object.keys(PER_CAPITA_UNITS) as [string, ...string[]]).optional().describe('unit of the result (default: thousand tenge per person for money, kg per person for mass)'),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const units = { value: from.unit, population: by.unit, result: def.result ?? defaultPerCapitaUnit(from.unit) };
        if (PER_CAPITA_VALUE_UNITS[from.unit] === undefined) throw new DerivationProblem(`table "${from.id}" is in "${from.unit}", which per capita does not divide`, 'from', `name a table in one of ${Object.keys(PER_CAPITA_VALUE_UNITS).join(', ')}`);
        return {
          unit: units.result as UnitId,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({ computed: perCapita(valueOf(from, row.from, period), valueOf(by, row.by, period), units, whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period)] }),
        };
      },
    }),
  ],
});
