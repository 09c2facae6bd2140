/** Inline functions for change over time: indices, growth, the split of nominal growth into volume and price. */
import { absoluteChange, baseIndex, cagr, chainIndex, cumulativeIndex, growthRate, impliedPriceIndex } from '../indicators/index.ts';
import type { Argument } from '../reference-syntax.ts';
import { cell, checkPeriod, LookupProblem, numericTable, previousPeriod, tableRow, type Tables } from '../table-access.ts';
import { arity, fromComputed, periodArg, rowArg } from './arguments.ts';
import type { InlineFunction } from './types.ts';

/** (current, base) cells of one row; the base defaults to the table's base period or its first period. */
function twoPeriods(args: Argument[], tables: Tables, usage: string) {
  arity(args, 2, 3, usage);
  const ref = rowArg(args, 0, usage);
  const table = numericTable(tables, ref.table);
  const period = periodArg(args, 1, usage);
  const base = periodArg(args, 2, usage, table.basePeriod ?? table.periods[0]);
  return {
    table,
    period,
    base,
    current: cell(table, ref.row, period),
    baseValue: cell(table, ref.row, base),
    where: { table: table.id, row: ref.row, period: base },
    inputs: [{ table: table.id, row: ref.row, period }, { table: table.id, row: ref.row, period: base }],
  };
}

/** Chains the annual indices of a "% of previous year" row from the year after `base` to `last`. */
export function chainedIndex(tables: Tables, tableId: string, rowId: string, last: string, base: string, usage: string) {
  const table = numericTable(tables, tableId);
  if (table.unit !== '% of previous year') {
    throw new LookupProblem(`a cumulative index chains annual indices, but table "${table.id}" is in "${table.unit}"`, { expected: 'a table in "% of previous year"', fix: 'use base-index for levels, or point at a table of annual indices' });
  }
  checkPeriod(table, last);
  checkPeriod(table, base);
  const periods = table.periods.slice(table.periods.indexOf(base) + 1, table.periods.indexOf(last) + 1);
  if (periods.length === 0) throw new LookupProblem(`no years between ${base} and ${last}`, { expected: 'a last period after the base period', fix: `write e.g. ${usage}` });
  const row = tableRow(table, rowId);
  return {
    computed: cumulativeIndex(periods.map((p) => row.values[p] ?? null), { table: table.id, row: rowId, period: last }),
    inputs: periods.map((period) => ({ table: table.id, row: rowId, period })),
  };
}

export const DYNAMICS: Record<string, InlineFunction> = {
  'base-index': {
    usage: 'base-index(harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      return fromComputed(baseIndex(p.current, p.baseValue, p.where), p.inputs);
    },
  },
  'growth-rate': {
    usage: 'growth-rate(harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      return fromComputed(growthRate(p.current, p.baseValue, p.where), p.inputs);
    },
  },
  'absolute-change': {
    usage: 'absolute-change(harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      return fromComputed(absoluteChange(p.current, p.baseValue, p.table.unit, p.where), p.inputs, p.table.decimals);
    },
  },
  cagr: {
    usage: 'cagr(harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      const years = Number(p.period.slice(0, 4)) - Number(p.base.slice(0, 4));
      return fromComputed(cagr(p.current, p.baseValue, years, p.where), p.inputs);
    },
  },
  'chain-index': {
    usage: 'chain-index(harvest.cereals, 2019)',
    evaluate(args, tables) {
      arity(args, 2, 2, this.usage);
      const ref = rowArg(args, 0, this.usage);
      const table = numericTable(tables, ref.table);
      const period = periodArg(args, 1, this.usage);
      const previous = previousPeriod(table, period);
      const computed = chainIndex(cell(table, ref.row, period), cell(table, ref.row, previous), { table: table.id, row: ref.row, period: previous });
      return fromComputed(computed, [{ table: table.id, row: ref.row, period }, { table: table.id, row: ref.row, period: previous }]);
    },
  },
  'cumulative-index': {
    usage: 'cumulative-index(volume-indices.crops, 2019, 2015)',
    evaluate(args, tables) {
      arity(args, 3, 3, this.usage);
      const ref = rowArg(args, 0, this.usage);
      const { computed, inputs } = chainedIndex(tables, ref.table, ref.row, periodArg(args, 1, this.usage), periodArg(args, 2, this.usage), this.usage);
      return fromComputed(computed, inputs);
    },
  },
  'implied-price-index': {
    usage: 'implied-price-index(gross-output.crops, volume-indices.crops, 2019, 2015)',
    evaluate(args, tables) {
      arity(args, 4, 4, this.usage);
      const nominalRef = rowArg(args, 0, this.usage);
      const volumeRef = rowArg(args, 1, this.usage);
      const last = periodArg(args, 2, this.usage);
      const base = periodArg(args, 3, this.usage);
      const nominalTable = numericTable(tables, nominalRef.table);
      const nominal = baseIndex(cell(nominalTable, nominalRef.row, last), cell(nominalTable, nominalRef.row, base), { table: nominalTable.id, row: nominalRef.row, period: base });
      const volume = chainedIndex(tables, volumeRef.table, volumeRef.row, last, base, this.usage);
      const computed = impliedPriceIndex(nominal.value, volume.computed.value, { nominal: '% of base year', volume: '% of base year' }, { table: nominalTable.id, row: nominalRef.row, period: last });
      return fromComputed(computed, [{ table: nominalTable.id, row: nominalRef.row, period: last }, { table: nominalTable.id, row: nominalRef.row, period: base }, ...volume.inputs]);
    },
  },
};
