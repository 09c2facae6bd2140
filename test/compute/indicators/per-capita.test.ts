import { describe, it, expect } from 'vitest';
import { perCapita } from '../../../scripts/compute/indicators/per-capita.ts';
import { expectDivisionByZero, indicatorError, round, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';
import { TABLE_RULES } from '../../helpers/languages.ts';
import { defaultPerCapitaUnit } from '../../../scripts/compute/indicators/per-capita.ts';
import { unitCatalogue } from '../../../scripts/validate/units.ts';

const MONEY = { value: 'million tenge', population: 'thousand persons', result: 'thousand tenge per person' };
/** The report's units (its currency in report.config.json, with measure and scale) and the generator's. */
const UNITS = TABLE_RULES.units;

describe('perCapita', () => {
  it('divides by the population, scaling between units', () => {
    // 1200 million tenge ÷ 60 thousand persons = 1.2e9 ÷ 6e4 = 20 000 tenge = 20 thousand tenge per person
    const r = perCapita(1200, 60, MONEY, undefined, UNITS);
    expect(r.value).toBe(20);
    expect(r.unit).toBe('thousand tenge per person');
    expect(r.formula).toEqual([1200, ' ÷ ', 60]);
    const t = perCapita(1200, 60, { ...MONEY, result: 'tenge per person' }, undefined, UNITS);
    expect(t.value).toBe(20000);
    expect(t.formula).toEqual([1200, ' × 10³ ÷ ', 60]);
  });

  it('gives kilograms per person for a harvest', () => {
    // 157.4 thousand t = 157 400 000 kg ÷ 60 000 persons = 2623.33 kg per person
    const r = perCapita(157.4, 60, { value: 'thousand t', population: 'thousand persons', result: 'kg per person' });
    expect(round(r.value, 2)).toBe(2623.33);
  });

  it('returns null with a reason when the population is missing', () => {
    const r = perCapita(1200, null, MONEY, undefined, UNITS);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('population is missing');
  });

  it('rejects a population of 0 naming table, row and period', () => {
    expectDivisionByZero(() => perCapita(1200, 0, MONEY, WHERE, UNITS), 'population');
  });

  it('rejects a money value expressed per person in kilograms, and unknown units', () => {
    expect(indicatorError(() => perCapita(1, 1, { ...MONEY, result: 'kg per person' }, WHERE, UNITS)).message).toContain(
      'unit mismatch: a value in "million tenge" cannot be expressed in "kg per person"',
    );
    expect(indicatorError(() => perCapita(1, 1, { ...MONEY, population: 'households' }, WHERE, UNITS)).message).toContain('unit mismatch');
    // The generator alone knows no currency: a unit without a measure cannot be divided.
    expect(indicatorError(() => perCapita(1, 1, MONEY, WHERE)).message).toContain('per capita cannot divide a value in "million tenge", which says nothing of its scale');
  });

  it('works in any currency a report defines, and picks the per-capita unit nearest in scale', () => {
    const euros = unitCatalogue({
      'million euros': { kind: 'money', label: 'million euros', measure: 'euro', scale: 1e6 },
      'euros per person': { kind: 'per-capita', label: 'euros per person', measure: 'euro', scale: 1 },
      'thousand euros per person': { kind: 'per-capita', label: 'thousand euros per person', measure: 'euro', scale: 1e3 },
    });
    // 250 million euros ÷ 50 000 persons = 5 000 euros per person = 5 thousand euros per person
    expect(defaultPerCapitaUnit('million euros', 'persons', euros)).toBe('thousand euros per person');
    expect(perCapita(250, 50000, { value: 'million euros', population: 'persons', result: 'thousand euros per person' }, undefined, euros).value).toBe(5);
    expect(perCapita(250, 50, { value: 'million euros', population: 'thousand persons', result: 'euros per person' }, undefined, euros).value).toBe(5000);
    // A harvest per person: thousand t over thousand persons is kilograms per person.
    expect(defaultPerCapitaUnit('thousand t', 'thousand persons', euros)).toBe('kg per person');
  });
});

const grp = table('grp', 'million tenge', { north: { '2022': 500 } });
const population = table('population', 'thousand persons', { north: { '2022': 250 } });

describe('per-capita: worked example', () => {
  it('computes inline, in thousand tenge per person unless another unit is asked for', async () => {
    const tables = await tablesOf(grp, population);
    // 500 million tenge ÷ 250 thousand persons = 2 thousand tenge per person (10⁶ ÷ 10³ ÷ 10³ = 1)
    expect(inline('per-capita(grp.north, population.north, 2022)', tables)).toMatchObject({ value: 2, unit: 'thousand tenge per person' });
    // = 2,000 tenge per person
    expect(inline('per-capita(grp.north, population.north, 2022, tenge-per-person)', tables)).toMatchObject({ value: 2000, unit: 'tenge per person' });
  });

  it('computes a derived table', async () => {
    const tables = await tablesOf(grp, population, derivedDefinition('grp-per-capita', 'per-capita', 'grp', { by: 'population' }));
    expect(derived(tables, 'grp-per-capita').value('north', '2022')).toBe(2);
    expect(derived(tables, 'grp-per-capita').table.unit).toBe('thousand tenge per person');
  });
});
