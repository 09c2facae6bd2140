/**
 * Implied price index (deflator): splits nominal growth into volume and price.
 *
 * Inputs: `nominalIndex` — the index of the value at current prices (e.g. a chain index of gross
 *   output in million tenge) and `volumeIndex` — the physical-volume index of the same aggregate,
 *   both on the 100 scale and the same basis (both vs the previous year, or both vs one base year).
 * Output: the same basis as the inputs: '% of previous year' by default, or the units passed.
 * Formula: P = nominal index / physical-volume index · 100
 */
import { Period, Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, DerivationProblem, missingCell, numeric, periodsOf, rowPairs, valueOf } from '../descriptor/derivation.ts';
import { fromComputed, type RowArgument } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { baseIndex } from './base-index.ts';
import { chainedIndex } from './cumulative-index.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, checkSameUnit, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export function impliedPriceIndex(
  nominalIndex: number | null,
  volumeIndex: number | null,
  units: { nominal?: string; volume?: string } = {},
  where?: Where,
): Computed {
  checkSameUnit('nominal index', units.nominal, 'physical-volume index', units.volume, where);
  const unit = units.nominal ?? units.volume ?? '% of previous year';
  checkNonNegative('nominal index', nominalIndex, where, 'indices are on the 100 scale');
  checkNonNegative('physical-volume index', volumeIndex, where, 'indices are on the 100 scale');
  const formula = [term(nominalIndex), ' ÷ ', term(volumeIndex), ' × 100'];
  if (nominalIndex === null || volumeIndex === null) {
    return missingResult(unit, formula, missingReason([['nominal index', nominalIndex], ['physical-volume index', volumeIndex]]));
  }
  if (volumeIndex === 0) throw divisionByZero('physical-volume index', where);
  return { value: (nominalIndex / volumeIndex) * 100, unit, formula };
}

const EXAMPLE = 'implied-price-index(gross-output.crops, volume-indices.crops, 2019, 2015)';
const BASIS = { nominal: '% of base year', volume: '% of base year' };

/** The implied price index of one row: nominal base index ÷ chained volume index × 100. */
function impliedPrice(nominal: RowArgument, volume: RowArgument, last: string, base: string): { computed: Computed; inputs: InputCell[] } {
  const nominalIndex = baseIndex(nominal.at(last), nominal.at(base), { table: nominal.table.id, row: nominal.row.id, period: base });
  const chained = chainedIndex(volume, last, base, EXAMPLE);
  return {
    computed: impliedPriceIndex(nominalIndex.value, chained.computed.value, BASIS, { table: nominal.table.id, row: nominal.row.id, period: last }),
    inputs: [nominal.input(last), nominal.input(base), ...chained.inputs],
  };
}

export default defineIndicator({
  id: 'implied-price-index',
  group: 'dynamics',
  text: {
    en: { title: 'Implied price index', note: 'The base index of a value in current prices divided by the cumulative physical-volume index over the same years, times 100: the change in prices the two imply.' },
    ru: { title: 'Расчётный индекс цен (дефлятор)', note: 'Базисный индекс стоимости в текущих ценах, делённый на накопленный индекс физического объёма за те же годы и умноженный на 100, — изменение цен, которое из них следует.' },
    kk: { title: 'Есептік баға индексі', note: 'Ағымдағы бағамен берілген құнның базистік индексін сол жылдардағы жинақталған физикалық көлем индексіне бөліп, 100-ге көбейткенде шығатын шама — осы екеуінен туындайтын баға өзгерісі.' },
  },
  unit: '% of base year',
  formula: String.raw`P = \frac{I_{\text{nominal}}}{I_{\text{volume}}} \cdot 100`,
  fn: impliedPriceIndex,
  inline: inlineForm({
    params: [
      { name: 'nominal', kind: 'row', label: 'NOMINAL.ROW', doc: 'NOMINAL: a value at current prices' },
      { name: 'volume', kind: 'row', label: 'VOLUME.ROW', doc: 'VOLUME: its physical-volume indices (% of previous year)' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period' },
    ],
    example: EXAMPLE,
    evaluate({ nominal, volume, period, base }) {
      const { computed, inputs } = impliedPrice(nominal, volume, period, base);
      return fromComputed(computed, inputs);
    },
  }),
  tables: [
    tableForm({
      options: {
        by: Slug.describe('the table of physical-volume indices (% of previous year), rows as in `from` or mapped by `rows`'),
        base: Period.optional().describe("base period = 100 (default: the table's basePeriod, else its first period)"),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        if (by.unit !== '% of previous year') throw new DerivationProblem(`"by" must hold annual physical-volume indices, but table "${by.id}" is in "${by.unit}"`, 'by', 'name a table in "% of previous year"');
        const base = basePeriodOf(def.base, from);
        if (!by.periods.includes(base)) throw new DerivationProblem(`base period "${base}" is not in table "${by.id}"`, 'base', `use a period of both tables: ${from.periods.filter((p) => by.periods.includes(p)).join(', ')}`);
        const common = periodsOf(def, from, by);
        const position = (period: string) => from.periods.indexOf(period);
        const rowOf = (table: typeof from, id: string): RowArgument => {
          const row = table.rows.find((r) => r.id === id) as RowArgument['row'];
          return { table, row, at: (p) => valueOf(table, id, p), input: (p) => cellInput(table, id, p) };
        };
        return {
          unit: '% of base year',
          basePeriod: base,
          rows: rowPairs(def, from, by),
          periods: def.periods ? common : common.filter((p) => position(p) >= position(base)),
          cell: (row, period) => {
            if (period === base) return { computed: { value: 100, unit: '% of base year', formula: ['100'] }, inputs: [] };
            if (position(period) < position(base)) return missingCell('% of base year', `${period} is before the base period ${base}`);
            return impliedPrice(rowOf(from, row.from), rowOf(by, row.by), period, base);
          },
        };
      },
    }),
  ],
});
