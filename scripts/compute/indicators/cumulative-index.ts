/**
 * Cumulative index from annual (chain) indices, e.g. physical-volume indices.
 *
 * Input: `annualIndices` i_(b+1) … i_T, each '% of previous year' (100 scale, ≥ 0), in order.
 *   The base year's own annual index (vs the year before it) is NOT part of the list.
 * Output: '% of base year' (100 scale).
 * Formula: I_T/b = Π_(t=b+1..T) (i_t / 100) · 100  =  i_(b+1) × … × i_T ÷ 100^(n−1)
 *
 * Dividing two annual indices (i_T / i_b · 100) is not a cumulative index; seed 000 Table 1 does that.
 */
import { Period } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { basePeriodOf, cellInput, DerivationProblem, missingCell, numeric, periodsOf, rowPairs, valueOf } from '../descriptor/derivation.ts';
import { fromComputed, type RowArgument } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { checkPeriod, LookupProblem } from '../table-access.ts';
import type { Computed, Term, Where } from './types.ts';
import { checkNonNegative, checkNotEmpty, MAX_LISTED_TERMS, missingResult, superscript, term } from './guards.ts';

export const CUMULATIVE_INDEX_UNIT = '% of base year';

export function cumulativeIndex(annualIndices: readonly (number | null)[], where?: Where): Computed {
  checkNotEmpty('annual indices', annualIndices, where);
  annualIndices.forEach((v, i) => checkNonNegative(`annual index ${i + 1} of ${annualIndices.length}`, v, where, 'indices are ≥ 0'));
  const n = annualIndices.length;
  const formula: Term[] = [];
  if (n > MAX_LISTED_TERMS) {
    formula.push(`Π of ${n} annual indices`, ` ÷ 100${superscript(n - 1)}`);
  } else {
    annualIndices.forEach((v, i) => {
      if (i > 0) formula.push(' × ');
      formula.push(term(v));
    });
    if (n > 1) formula.push(` ÷ 100${superscript(n - 1)}`);
  }
  const gaps = annualIndices.flatMap((v, i) => (v === null ? [i + 1] : []));
  if (gaps.length > 0) {
    return missingResult(
      CUMULATIVE_INDEX_UNIT,
      formula,
      `annual ${gaps.length === 1 ? 'index' : 'indices'} ${gaps.join(', ')} of ${n} ${gaps.length === 1 ? 'is' : 'are'} missing: the chain is broken`,
    );
  }
  // i_(b+1) × Π_(t>b+1) (i_t / 100): the same product, exact for one index and for indices of 100.
  const [first, ...rest] = annualIndices as number[];
  let value = first as number;
  for (const v of rest) value *= v / 100;
  return { value, unit: CUMULATIVE_INDEX_UNIT, formula };
}

const EXAMPLE = 'cumulative-index(volume-indices.crops, 2019, 2015)';

/** Chains the annual indices of a "% of previous year" row from the period after `base` to `last`. */
export function chainedIndex(series: RowArgument, last: string, base: string, usage: string): { computed: Computed; inputs: InputCell[] } {
  const { table, row } = series;
  if (table.unit !== '% of previous year') {
    throw new LookupProblem(`a cumulative index chains annual indices, but table "${table.id}" is in "${table.unit}"`, { expected: 'a table in "% of previous year"', fix: 'use base-index for levels, or point at a table of annual indices' });
  }
  checkPeriod(table, last);
  checkPeriod(table, base);
  const periods = table.periods.slice(table.periods.indexOf(base) + 1, table.periods.indexOf(last) + 1);
  if (periods.length === 0) throw new LookupProblem(`no years between ${base} and ${last}`, { expected: 'a last period after the base period', fix: `write e.g. ${usage}` });
  return {
    computed: cumulativeIndex(periods.map((p) => row.values[p] ?? null), { table: table.id, row: row.id, period: last }),
    inputs: periods.map((period) => ({ table: table.id, row: row.id, period })),
  };
}

export default defineIndicator({
  id: 'cumulative-index',
  group: 'dynamics',
  text: {
    en: { title: 'Cumulative index from annual indices', note: 'The change over several periods, obtained by multiplying the annual indices of the periods in between, each as a ratio to 100; dividing two annual indices does not give it.' },
    ru: { title: 'Накопленный индекс по годовым индексам', note: 'Изменение за несколько периодов, полученное перемножением годовых индексов промежуточных периодов, каждый из которых взят как отношение к 100; частное двух годовых индексов его не даёт.' },
    kk: { title: 'Жылдық индекстер бойынша жинақталған индекс', note: 'Аралықтағы кезеңдердің жылдық индекстерін, әрқайсысын 100-ге қатынас ретінде алып, өзара көбейту арқылы табылатын бірнеше кезеңдегі өзгеріс; екі жылдық индекстің бөліндісі оны бермейді.' },
  },
  unit: CUMULATIVE_INDEX_UNIT,
  formula: String.raw`I_{T/b} = \prod_{t=b+1}^{T} \frac{i_t}{100} \cdot 100`,
  fn: cumulativeIndex,
  inline: inlineForm({
    params: [
      { name: 'series', kind: 'row', label: 'INDICES.ROW', doc: 'a row of annual indices (% of previous year)' },
      { name: 'period', kind: 'period' },
      { name: 'base', kind: 'period' },
    ],
    example: EXAMPLE,
    evaluate({ series, period, base }) {
      const { computed, inputs } = chainedIndex(series, period, base, EXAMPLE);
      return fromComputed(computed, inputs);
    },
  }),
  tables: [
    tableForm({
      options: { base: Period.optional().describe("base period = 100 (default: the table's basePeriod, else its first period)") },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        if (from.unit !== '% of previous year') throw new DerivationProblem(`a cumulative index chains annual indices, but table "${from.id}" is in "${from.unit}"`, 'from', 'name a table of annual indices ("% of previous year"), or use "compute": "base-index" for levels');
        const base = basePeriodOf(def.base, from);
        const position = (period: string) => from.periods.indexOf(period);
        return {
          unit: CUMULATIVE_INDEX_UNIT,
          basePeriod: base,
          rows: rowPairs(def, from),
          // By default the base period and the periods after it.
          periods: def.periods ? periodsOf(def, from) : from.periods.filter((p) => position(p) >= position(base)),
          cell: (row, period) => {
            if (period === base) return { computed: { value: 100, unit: CUMULATIVE_INDEX_UNIT, formula: ['100'] }, inputs: [] };
            if (position(period) < position(base)) return missingCell(CUMULATIVE_INDEX_UNIT, `${period} is before the base period ${base}`);
            const chained = from.periods.slice(position(base) + 1, position(period) + 1);
            return {
              computed: cumulativeIndex(chained.map((p) => valueOf(from, row.from, p)), { table: def.id, row: row.id, period }),
              inputs: chained.map((p) => cellInput(from, row.from, p)),
            };
          },
        };
      },
    }),
  ],
});
