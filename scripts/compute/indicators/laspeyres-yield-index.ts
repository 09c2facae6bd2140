/**
 * The Laspeyres yield index of a group of crops, weighted by base-period areas implied from the
 * harvest and the yield (the pure function is in `yield-index.ts`, shared with the plain average).
 */
import { Period, Slug, type NumericTable, type Row } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { aggregateRow, basePeriodOf, componentRows, numeric, periodsOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { checkPeriod, wholeOf } from '../table-access.ts';
import { impliedArea } from './implied-area.ts';
import type { Where } from './types.ts';
import { laspeyresYieldIndex, YIELD_INDEX_UNIT } from './yield-index.ts';

export { laspeyresYieldIndex };

/** The index over `crops` (rows of `yields`), base-period areas implied from `harvest` ÷ yield. */
function weightedIndex(yields: NumericTable, harvest: NumericTable, crops: readonly Row[], last: string, base: string, where: Where): { value: ReturnType<typeof laspeyresYieldIndex>; inputs: InputCell[] } {
  const weighted = crops.map((r) => {
    const area = impliedArea(harvest.rows.find((h) => h.id === r.id)?.values[base] ?? null, r.values[base] ?? null, { harvest: harvest.unit, yield: yields.unit }, { table: yields.id, row: r.id, period: base });
    return { key: r.id, yieldBase: r.values[base] ?? null, yieldLast: r.values[last] ?? null, areaBase: area.value };
  });
  return {
    value: laspeyresYieldIndex(weighted, where),
    inputs: crops.flatMap((r) => [{ table: yields.id, row: r.id, period: last }, { table: yields.id, row: r.id, period: base }, { table: harvest.id, row: r.id, period: base }]),
  };
}

const TEXT = {
  en: { title: 'Yield index (Laspeyres, base-year areas)', note: "The crops' yields weighted by the areas they occupied in the base period, so a change in the crop mix does not count as a change in yields." },
  ru: { title: 'Индекс урожайности (Ласпейреса, по площадям базисного года)', note: 'Урожайность культур, взвешенная по площадям базисного периода, так что изменение состава культур не засчитывается как изменение урожайности.' },
  kk: { title: 'Түсімділік индексі (Ласпейрес, базистік жыл алқаптары бойынша)', note: 'Дақылдар түсімділігі базистік кезеңдегі алқаптары бойынша салмақталады, сондықтан дақылдар құрамының өзгерісі түсімділіктің өзгерісі болып саналмайды.' },
};

export default defineIndicator({
  id: 'laspeyres-yield-index',
  group: 'intensity',
  text: TEXT,
  unit: YIELD_INDEX_UNIT,
  formula: String.raw`I_y = \frac{\sum_k y_{k,T} A_{k,b}}{\sum_k y_{k,b} A_{k,b}} \cdot 100`,
  fn: laspeyresYieldIndex,
  inline: inlineForm({
    params: [
      { name: 'yields', kind: 'table', label: 'YIELDS', doc: 'YIELDS: a table of yields (c/ha), one component row per crop' },
      { name: 'harvest', kind: 'table', label: 'HARVEST', doc: 'HARVEST: the harvest of the same crops (same row ids), for the base-period areas' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period' },
    ],
    example: 'laspeyres-yield-index(yields, harvest, 2019, 2015)',
    evaluate({ yields, harvest, period, base }) {
      checkPeriod(yields, period);
      checkPeriod(yields, base);
      const { value, inputs } = weightedIndex(yields, harvest, wholeOf(yields).components, period, base, { table: yields.id, period: base });
      return fromComputed(value, inputs);
    },
  }),
  tables: [
    tableForm({
      options: {
        by: Slug.describe('the harvest of the same crops (same row ids), for the base-period areas; `from` is the yields'),
        base: Period.optional().describe("base period (default: the table's basePeriod, else its first period)"),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        const base = basePeriodOf(def.base, from);
        const rows = componentRows(def, from);
        return {
          unit: YIELD_INDEX_UNIT,
          basePeriod: base,
          rows: [aggregateRow('laspeyres-yield-index', TEXT)],
          periods: periodsOf(def, from),
          cell: (row, period) => {
            const { value, inputs } = weightedIndex(from, by, rows, period, base, whereIn(def, row.id, base));
            return { computed: value, inputs };
          },
        };
      },
    }),
  ],
});
