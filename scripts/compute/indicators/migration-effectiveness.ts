/**
 * Migration effectiveness coefficient (seed 004; the standard definition, as the seed's formula is
 * garbled by extraction).
 *
 * Inputs: `arrivals` and `departures` in one period, persons (non-negative).
 * Output: '%', −100 (only departures) … 100 (only arrivals).
 * Formula: E_M = (arrivals − departures) / (arrivals + departures) · 100
 */
import type { Computed, Where } from './types.ts';
import { checkNonNegative, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export const MIGRATION_EFFECTIVENESS_UNIT = '%';

export function migrationEffectiveness(arrivals: number | null, departures: number | null, where?: Where): Computed {
  checkNonNegative('arrivals', arrivals, where, 'a count of persons');
  checkNonNegative('departures', departures, where, 'a count of persons');
  const formula = ['(', term(arrivals), ' − ', term(departures), ') ÷ (', term(arrivals), ' + ', term(departures), ') × 100'];
  if (arrivals === null || departures === null) {
    return missingResult(MIGRATION_EFFECTIVENESS_UNIT, formula, missingReason([['arrivals', arrivals], ['departures', departures]]));
  }
  if (arrivals + departures === 0) {
    throw divisionByZero('migration turnover (arrivals + departures)', where, 'with no migration at all the coefficient is undefined: leave it empty (null) with a reason');
  }
  return { value: ((arrivals - departures) / (arrivals + departures)) * 100, unit: MIGRATION_EFFECTIVENESS_UNIT, formula };
}
