/**
 * Migration effectiveness coefficient (seed 004; the standard definition, as the seed's formula is
 * garbled by extraction).
 *
 * Inputs: `arrivals` and `departures` in one period, persons (non-negative).
 * Output: '%', −100 (only departures) … 100 (only arrivals).
 * Formula: E_M = (arrivals − departures) / (arrivals + departures) · 100
 */
import { Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
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

export default defineIndicator({
  id: 'migration-effectiveness',
  group: 'demography',
  text: {
    en: { title: 'Migration effectiveness', note: 'Net migration as a percentage of all arrivals and departures of a territory, from −100 (everyone who moved left) to +100 (everyone who moved arrived).' },
    ru: { title: 'Коэффициент эффективности миграции', note: 'Сальдо миграции в процентах от суммы прибытий и выбытий территории — от −100 (все переехавшие уехали) до +100 (все переехавшие прибыли).' },
    kk: { title: 'Көші-қон тиімділігінің коэффициенті', note: 'Көші-қон сальдосының аумаққа келгендер мен одан кеткендер санының қосындысына пайыздық қатынасы — −100-ден (көшкендердің бәрі кеткен) +100-ге дейін (көшкендердің бәрі келген).' },
  },
  unit: MIGRATION_EFFECTIVENESS_UNIT,
  formula: String.raw`E_M = \frac{\text{arrivals} - \text{departures}}{\text{arrivals} + \text{departures}} \cdot 100`,
  fn: migrationEffectiveness,
  inline: inlineForm({
    params: [
      { name: 'arrivals', kind: 'row', label: 'ARRIVALS.ROW' },
      { name: 'departures', kind: 'row', label: 'DEPARTURES.ROW' },
      { name: 'period', kind: 'period' },
    ],
    example: 'migration-effectiveness(migration.arrivals, migration.departures, 2022)',
    evaluate({ arrivals, departures, period }) {
      const computed = migrationEffectiveness(arrivals.at(period), departures.at(period), { table: arrivals.table.id, row: arrivals.row.id, period });
      return fromComputed(computed, [arrivals.input(period), departures.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: { by: Slug.describe('the departures; `from` is the arrivals (`rows` maps ids that differ)') },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        return {
          unit: MIGRATION_EFFECTIVENESS_UNIT,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({ computed: migrationEffectiveness(valueOf(from, row.from, period), valueOf(by, row.by, period), whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period)] }),
        };
      },
    }),
  ],
});
