/**
 * Stage 3 (compute) for prose: an inline reference becomes a number with its unit, its declared
 * decimals, the formula with the actual inputs and the cells it came from. The indicator
 * arithmetic lives in `indicators/`; this file only finds the inputs and names them.
 */
import {
  absoluteChange,
  baseIndex,
  cagr,
  chainIndex,
  cumulativeIndex,
  growthRate,
  shareOf,
  type Computed,
  type Term,
} from './indicators/index.ts';
import type { Argument, Reference } from './reference-syntax.ts';
import { localize } from '../validate/table-schema.ts';
import { cell, checkPeriod, LookupProblem, numericTable, previousPeriod, tableRow, wholeOf, type Tables } from './table-access.ts';

export interface InputCell {
  table: string;
  row: string;
  period: string;
}

export interface ResolvedValue {
  value: number | null;
  missing?: string;
  unit: string;
  decimals: number;
  /** The computation with actual inputs; empty for a value read straight from a table. */
  formula: Term[];
  inputs: InputCell[];
}

type RowArg = Extract<Argument, { kind: 'row' }>;

interface InlineFunction {
  /** How authors call it, shown when they get it wrong. */
  usage: string;
  evaluate(args: Argument[], tables: Tables): ResolvedValue;
}

const INDEX_DECIMALS = 1;

function fromComputed(computed: Computed, inputs: InputCell[], decimals = INDEX_DECIMALS): ResolvedValue {
  return { value: computed.value, missing: computed.missing, unit: computed.unit, decimals, formula: computed.formula, inputs };
}

function rowArg(args: Argument[], index: number, usage: string): RowArg {
  const arg = args[index];
  if (arg?.kind !== 'row') throw new LookupProblem(`argument ${index + 1} must be table.row`, { expected: usage, fix: `write e.g. ${usage}` });
  return arg;
}

function periodArg(args: Argument[], index: number, usage: string, fallback?: string): string {
  const arg = args[index];
  if (arg === undefined && fallback !== undefined) return fallback;
  if (arg?.kind !== 'period') throw new LookupProblem(`argument ${index + 1} must be a period like 2019`, { expected: usage, fix: `write e.g. ${usage}` });
  return arg.period;
}

function arity(args: Argument[], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max) {
    throw new LookupProblem(`expected ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`, { expected: usage, fix: `write e.g. ${usage}` });
  }
}

/** Pair of (current, base) cells of one row, with the base defaulting to the table's base period or first period. */
function twoPeriods(args: Argument[], tables: Tables, usage: string) {
  arity(args, 2, 3, usage);
  const ref = rowArg(args, 0, usage);
  const table = numericTable(tables, ref.table);
  const period = periodArg(args, 1, usage);
  const base = periodArg(args, 2, usage, table.basePeriod ?? table.periods[0]);
  const where = { table: table.id, row: ref.row };
  return {
    table,
    period,
    base,
    current: cell(table, ref.row, period),
    baseValue: cell(table, ref.row, base),
    where,
    inputs: [{ table: table.id, row: ref.row, period }, { table: table.id, row: ref.row, period: base }],
  };
}

export const INLINE_FUNCTIONS: Record<string, InlineFunction> = {
  'base-index': {
    usage: 'base-index(baiterek-harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      return fromComputed(baseIndex(p.current, p.baseValue, { ...p.where, period: p.base }), p.inputs);
    },
  },
  'growth-rate': {
    usage: 'growth-rate(baiterek-harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      return fromComputed(growthRate(p.current, p.baseValue, { ...p.where, period: p.base }), p.inputs);
    },
  },
  'absolute-change': {
    usage: 'absolute-change(baiterek-harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      return fromComputed(absoluteChange(p.current, p.baseValue, p.table.unit, { ...p.where, period: p.base }), p.inputs, p.table.decimals);
    },
  },
  cagr: {
    usage: 'cagr(baiterek-harvest.cereals, 2019, 2015)',
    evaluate(args, tables) {
      const p = twoPeriods(args, tables, this.usage);
      const years = Number(p.period.slice(0, 4)) - Number(p.base.slice(0, 4));
      return fromComputed(cagr(p.current, p.baseValue, years, { ...p.where, period: p.base }), p.inputs);
    },
  },
  'chain-index': {
    usage: 'chain-index(baiterek-harvest.cereals, 2019)',
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
    usage: 'cumulative-index(baiterek-volume-indices.crop, 2019, 2015)',
    evaluate(args, tables) {
      arity(args, 3, 3, this.usage);
      const ref = rowArg(args, 0, this.usage);
      const table = numericTable(tables, ref.table);
      if (table.unit !== '% of previous year') {
        throw new LookupProblem(`cumulative-index chains annual indices, but table "${table.id}" is in "${table.unit}"`, { expected: 'a table in "% of previous year"', fix: 'use base-index for levels, or point at a table of annual indices' });
      }
      const last = periodArg(args, 1, this.usage);
      const base = periodArg(args, 2, this.usage);
      checkPeriod(table, last);
      checkPeriod(table, base);
      const periods = table.periods.slice(table.periods.indexOf(base) + 1, table.periods.indexOf(last) + 1);
      if (periods.length === 0) throw new LookupProblem(`no years between ${base} and ${last}`, { expected: 'a last period after the base period', fix: `write e.g. ${this.usage}` });
      const row = tableRow(table, ref.row);
      const computed = cumulativeIndex(periods.map((p) => row.values[p] ?? null), { table: table.id, row: ref.row, period: last });
      return fromComputed(computed, periods.map((period) => ({ table: table.id, row: ref.row, period })));
    },
  },
  share: {
    usage: 'share(baiterek-harvest.sunflower, 2019)',
    evaluate(args, tables) {
      arity(args, 2, 2, this.usage);
      const ref = rowArg(args, 0, this.usage);
      const table = numericTable(tables, ref.table);
      const period = periodArg(args, 1, this.usage);
      const part = cell(table, ref.row, period);
      const { total, components } = wholeOf(table);
      const where = { table: table.id, row: ref.row, period };
      if (total) {
        const computed = shareOf(part, cell(table, total.id, period), where);
        return fromComputed(computed, [{ table: table.id, row: ref.row, period }, { table: table.id, row: total.id, period }]);
      }
      const values = components.map((r) => r.values[period] ?? null);
      const whole = values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
      const computed = shareOf(part, whole, where);
      return fromComputed(computed, components.map((r) => ({ table: table.id, row: r.id, period })));
    },
  },
};

export function evaluateReference(reference: Reference, tables: Tables, named: ReadonlyMap<string, ResolvedValue>): ResolvedValue {
  if (reference.kind === 'cell') {
    const table = numericTable(tables, reference.table);
    const value = cell(table, reference.row, reference.period);
    const row = tableRow(table, reference.row);
    return {
      value,
      missing: value === null ? localize(row.missing?.[reference.period], 'en') || undefined : undefined,
      unit: table.unit,
      decimals: table.decimals,
      formula: [],
      inputs: [{ table: table.id, row: reference.row, period: reference.period }],
    };
  }
  if (reference.kind === 'name') {
    const value = named.get(reference.name);
    if (!value) {
      throw new LookupProblem(`unknown name "${reference.name}"`, {
        expected: 'a name defined under "values:" in this page\'s front matter',
        fix: named.size ? `defined names: ${[...named.keys()].join(', ')}` : 'define it in the front matter, e.g. values: { cereals-growth: "base-index(baiterek-harvest.cereals, 2019, 2015)" }',
      });
    }
    return value;
  }
  const fn = INLINE_FUNCTIONS[reference.name];
  if (!fn) {
    throw new LookupProblem(`unknown indicator "${reference.name}"`, { expected: `one of ${Object.keys(INLINE_FUNCTIONS).join(', ')}`, fix: 'check the spelling of the indicator' });
  }
  return fn.evaluate(reference.args, tables);
}
