/**
 * Property-based tests of the indicator functions: for any input, an indicator returns finite
 * numbers (or null with a reason) or throws an IndicatorError. Never NaN or Infinity, never a
 * TypeError, never a null without a reason. Inputs mix plausible figures with the edge cases of
 * real tables: 0, null, negative values, NaN/Infinity (which must be refused), tiny and huge values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as indicators from '../../scripts/compute/indicators/index.ts';
import { IndicatorError } from '../../scripts/errors.ts';

const NUM_RUNS = 200;

/** A figure as it may appear in a table: plausible magnitudes, 0, negatives and missing values. */
const figure: fc.Arbitrary<number | null> = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: 1e-3, max: 1e9, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1, 100) },
  { weight: 1, arbitrary: fc.double({ min: -1e9, max: -1e-3, noNaN: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** Values no valid table holds, which every indicator must refuse with an IndicatorError. */
const invalid = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

/** Mostly good figures, sometimes an invalid one. */
const input: fc.Arbitrary<number | null> = fc.oneof({ weight: 12, arbitrary: figure }, { weight: 1, arbitrary: invalid });

const key = fc.constantFrom('cereals', 'sunflower', 'potatoes', 'vegetables', 'other');
const components = fc.array(fc.record({ key, value: input }), { minLength: 0, maxLength: 6 });
const where = fc.option(fc.record({ table: fc.constant('harvest'), row: key, period: fc.constantFrom('2015', '2019') }), { nil: undefined });

/** Every `Computed` inside a result (a result can be a structure of them). */
function computedValues(result: unknown, found: Array<{ value: unknown; missing?: unknown }> = []): Array<{ value: unknown; missing?: unknown }> {
  if (Array.isArray(result)) {
    for (const item of result) computedValues(item, found);
  } else if (result !== null && typeof result === 'object') {
    const record = result as Record<string, unknown>;
    if ('value' in record && 'formula' in record) found.push(record as { value: unknown; missing?: unknown });
    for (const value of Object.values(record)) if (value !== null && typeof value === 'object') computedValues(value, found);
  }
  return found;
}

/** Either every computed value is finite or null-with-a-reason, or the call threw an IndicatorError. */
function checkOutcome(call: () => unknown): void {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (!(error instanceof IndicatorError)) throw new Error(`threw ${String(error)} instead of an IndicatorError`, { cause: error });
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.fix ?? error.expected).toBeTruthy();
    return;
  }
  const values = computedValues(result);
  expect(values.length).toBeGreaterThan(0);
  for (const computed of values) {
    if (computed.value === null) {
      expect(typeof computed.missing, 'a null result says why').toBe('string');
      expect(String(computed.missing).length).toBeGreaterThan(0);
    } else {
      expect(typeof computed.value).toBe('number');
      expect(Number.isFinite(computed.value), `value ${String(computed.value)}`).toBe(true);
    }
  }
}

const property = <T extends unknown[]>(arbitraries: { [K in keyof T]: fc.Arbitrary<T[K]> }, call: (...args: T) => unknown) =>
  fc.assert(
    fc.property(...(arbitraries as unknown as [fc.Arbitrary<unknown>]), (...args: unknown[]) => checkOutcome(() => call(...(args as T)))),
    { numRuns: NUM_RUNS },
  );

describe('indicators never return NaN or Infinity, nor throw anything but an IndicatorError', () => {
  it('two-value dynamics: base index, chain index, growth rate, absolute change, implied price index, migration effectiveness', () => {
    property([input, input, where], (a, b, w) => indicators.baseIndex(a, b, w));
    property([input, input, where], (a, b, w) => indicators.chainIndex(a, b, w));
    property([input, input, where], (a, b, w) => indicators.growthRate(a, b, w));
    property([input, input, where], (a, b, w) => indicators.absoluteChange(a, b, 'thousand t', w));
    property([input, input, where], (a, b, w) => indicators.impliedPriceIndex(a, b, {}, w));
    property([input, input, where], (a, b, w) => indicators.migrationEffectiveness(a, b, w));
    property([input, input, where], (a, b, w) => indicators.growthRatio(a, b, {}, w));
  });

  it('CAGR over any number of years, including 0, negative and fractional', () => {
    // Real spans are whole years or quarters; 0, negative and non-finite spans must be refused.
    const years = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.double({ min: 0.25, max: 40, noNaN: true }), invalid);
    property([input, input, years, where], (a, b, span, w) => indicators.cagr(a, b, span, w));
  });

  it('cumulative index of any list of annual indices', () => {
    property([fc.array(input, { maxLength: 10 }), where], (list, w) => indicators.cumulativeIndex(list, w));
  });

  it('intensity: yield, implied area, per capita, cluster share, with known and unknown units', () => {
    const mass = fc.constantFrom('t', 'thousand t', 'c', 'kg', 'ha');
    const area = fc.constantFrom('ha', 'thousand ha', 't');
    property([input, input, mass, area, where], (h, a, hu, au, w) => indicators.cropYield(h, a, { harvest: hu, area: au }, w));
    property([input, input, mass, fc.constantFrom('c/ha', 't/ha', 'ha'), where], (h, y, hu, yu, w) => indicators.impliedArea(h, y, { harvest: hu, yield: yu }, w));
    property(
      [input, input, fc.constantFrom('tenge', 'million tenge', 'thousand t', 'persons'), fc.constantFrom('persons', 'thousand persons', 'ha'), fc.constantFrom('tenge per person', 'thousand tenge per person', 'kg per person', 'ratio'), where],
      (v, p, vu, pu, ru, w) => indicators.perCapita(v, p, { value: vu, population: pu, result: ru }, w),
    );
    property([input, input, fc.constantFrom('million tenge', 'billion tenge'), where], (c, g, unit, w) => indicators.clusterShare(c, g, { cluster: unit, grp: 'million tenge' }, w));
  });

  it('structure: shares, HHI, structural shift, of any list of components (empty, duplicated keys, zero totals)', () => {
    property([components, where], (list, w) => indicators.shares(list, w));
    property([components, where], (list, w) => indicators.hhi(list, w));
    property([fc.array(fc.record({ key, base: input, last: input }), { maxLength: 6 }), where], (list, w) => indicators.structuralShift(list, w));
  });

  it('specialisation: location quotients, Krugman, Hoover, shift-share', () => {
    property([input, input, input, input, where], (regionSector, regionTotal, referenceSector, referenceTotal, w) =>
      indicators.locationQuotient({ regionSector, regionTotal, referenceSector, referenceTotal }, w),
    );
    property([components, components, where], (a, b, w) => indicators.locationQuotients(a, b, w));
    property([components, components, where], (a, b, w) => indicators.krugmanIndex(a, b, w));
    property([components, components, where], (a, b, w) => indicators.hooverCoefficient(a, b, w));
    const shiftShareInput = fc.record({ regionBase: input, regionLast: input, referenceSectorBase: input, referenceSectorLast: input, referenceTotalBase: input, referenceTotalLast: input, unit: fc.constantFrom('thousand persons', 'million tenge') });
    property([shiftShareInput, where], (i, w) => indicators.shiftShare(i, w));
  });

  it('yield indices (Laspeyres and average) of any list of crops', () => {
    const crop = fc.record({ key, yieldBase: input, yieldLast: input, areaBase: input });
    property([fc.array(crop, { maxLength: 6 }), where], (crops, w) => indicators.laspeyresYieldIndex(crops, w));
    property([fc.array(crop, { maxLength: 6 }), where], (crops, w) => indicators.averageYieldIndex(crops, w));
  });

  it('rank score of any units, indicators and classes', () => {
    const indicatorIds = ['income', 'unemployment', 'growth'];
    const rankInput = fc.record({
      indicators: fc.subarray(indicatorIds.map((id, i) => ({ id, better: i === 1 ? ('lower' as const) : ('higher' as const) }))),
      units: fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), values: fc.record({ income: input, unemployment: input, growth: input }, { requiredKeys: [] }) }), { maxLength: 6 }),
      average: fc.option(fc.record({ income: input, unemployment: input, growth: input }, { requiredKeys: [] }), { nil: undefined }),
      classes: fc.option(fc.constantFrom([{ label: 'A', min: 2 }, { label: 'B' }], [{ label: 'A' }], [{ label: 'A', min: 1 }, { label: 'B', min: 3 }, { label: 'C' }]), { nil: undefined }),
    });
    property([rankInput, where], (i, w) => indicators.rankScore(i, w));
  });
});

/**
 * Known gap, kept visible: a table may hold any finite JSON number, and at extreme magnitudes the
 * arithmetic would overflow to Infinity or NaN: each indicator refuses it with an IndicatorError.
 */
describe('indicators at extreme magnitudes: overflow is refused, never printed', () => {
  const refusedOrFinite = (call: () => unknown) => checkOutcome(call);
  it('base index of 1e308 over 1e-10', () => refusedOrFinite(() => indicators.baseIndex(1e308, 1e-10)));
  it('absolute change of 1.7e308 and -1.7e308', () => refusedOrFinite(() => indicators.absoluteChange(1.7e308, -1.7e308, 't')));
  it('CAGR over a span of 0.001 years', () => refusedOrFinite(() => indicators.cagr(10, 1, 0.001)));
  it('shares whose total overflows (each share would print as 0 %)', () => refusedOrFinite(() => indicators.shares([{ key: 'a', value: 1.7e308 }, { key: 'b', value: 1.7e308 }])));
});
