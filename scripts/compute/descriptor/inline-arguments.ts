/**
 * How an inline call's arguments are read: each indicator declares its parameters (row, cell,
 * table, period, number or one of a few words) and gets them resolved against the tables, with
 * messages that show a correct call. The same declaration writes the call's signature in the docs.
 */
import type { NumericTable, Row } from '../../validate/table-schema.ts';
import type { Computed, Where } from '../indicators/types.ts';
import type { InputCell, ResolvedValue } from '../inline/types.ts';
import type { Argument } from '../reference-syntax.ts';
import { cell, LookupProblem, numericTable, tableRow, type Tables } from '../table-access.ts';

/** Decimals of an index, a growth rate or a share unless the call asks for others. */
export const INDEX_DECIMALS = 1;
/** Decimals of a ratio (a location quotient, a concentration index). */
export const RATIO_DECIMALS = 2;

interface ParamBase {
  name: string;
  optional?: boolean;
  /** How the docs write it (default by kind: TABLE.ROW, TABLE.ROW.PERIOD, TABLE, or the name in capitals). */
  label?: string;
  /** One line for the docs, e.g. the default of an optional argument. */
  doc?: string;
}

export type Param =
  | (ParamBase & { kind: 'row' })
  | (ParamBase & { kind: 'cell'; rest?: boolean; min?: number })
  | (ParamBase & { kind: 'table' })
  | (ParamBase & { kind: 'period'; defaultsTo?: 'base-period' })
  | (ParamBase & { kind: 'number' })
  | (ParamBase & { kind: 'word'; words: readonly string[]; default?: string })
  /** A word the indicator itself checks (a unit id with hyphens for spaces): any lowercase slug. */
  | (ParamBase & { kind: 'name' });

/** A `table.row` argument, resolved. */
export interface RowArgument {
  table: NumericTable;
  row: Row;
  /** The cell in `period`; a period the table does not have is an error naming it. */
  at(period: string): number | null;
  input(period: string): InputCell;
}

/** A `table.row.period` argument, resolved. */
export interface CellValue {
  table: NumericTable;
  value: number | null;
  input: InputCell;
}

type ValueOf<P> = P extends { kind: 'row' }
  ? RowArgument
  : P extends { kind: 'cell' }
    ? CellValue
    : P extends { kind: 'table' }
      ? NumericTable
      : P extends { kind: 'period' }
        ? string
        : P extends { kind: 'number' }
          ? number
          : P extends { kind: 'word'; words: readonly (infer W)[] }
            ? W
            : P extends { kind: 'name' }
              ? string
              : never;

type Present<P> = P extends { rest: true }
  ? Array<ValueOf<P>>
  : P extends { optional: true }
    ? P extends { defaultsTo: string } | { default: string }
      ? ValueOf<P>
      : ValueOf<P> | undefined
    : ValueOf<P>;

/** The arguments an `evaluate` receives, keyed by parameter name. */
export type ArgumentsOf<Ps extends readonly Param[]> = { [P in Ps[number] as P['name']]: Present<P> };

const MAX_REST = 99;

function problem(message: string, usage: string): LookupProblem {
  return new LookupProblem(message, { expected: usage, fix: `write e.g. ${usage}` });
}

export function arity(args: readonly Argument[], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max) throw problem(`expected ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`, usage);
}

/** A row of a table, read as an argument is. */
export function rowArgument(table: NumericTable, row: Row): RowArgument {
  return { table, row, at: (period) => cell(table, row.id, period), input: (period) => ({ table: table.id, row: row.id, period }) };
}

export function resolveRow(tables: Tables, tableId: string, rowId: string): RowArgument {
  const table = numericTable(tables, tableId);
  return rowArgument(table, tableRow(table, rowId));
}

function readOne(param: Param, arg: Argument | undefined, index: number, tables: Tables, usage: string): unknown {
  const n = index + 1;
  switch (param.kind) {
    case 'row':
      if (arg?.kind !== 'row') throw problem(`argument ${n} must be table.row`, usage);
      return resolveRow(tables, arg.table, arg.row);
    case 'cell': {
      if (arg?.kind !== 'cell') throw problem(`argument ${n} must be table.row.period`, usage);
      const table = numericTable(tables, arg.table);
      tableRow(table, arg.row);
      const value: CellValue = { table, value: cell(table, arg.row, arg.period), input: { table: table.id, row: arg.row, period: arg.period } };
      return value;
    }
    case 'table':
      if (arg?.kind !== 'table') throw problem(`argument ${n} must be a table id`, usage);
      return numericTable(tables, arg.table);
    case 'period':
      if (arg?.kind !== 'period') throw problem(`argument ${n} must be a period like 2019`, usage);
      return arg.period;
    case 'number':
      // A four-digit number reads as a period; as a number it is still a number.
      if (arg?.kind === 'number') return arg.value;
      if (arg?.kind === 'period' && /^\d+$/.test(arg.period)) return Number(arg.period);
      throw problem(`argument ${n} must be a number like 100`, usage);
    case 'word':
      if (arg?.kind !== 'table' || !param.words.includes(arg.table)) throw problem(`argument ${n} must be one of ${param.words.join(', ')}`, usage);
      return arg.table;
    case 'name':
      if (arg?.kind !== 'table') throw problem(`argument ${n} must be a word such as ${param.label ?? 'a-name'}`, usage);
      return arg.table;
  }
}

/** Reads `args` by `params`: arity, kinds, lookups and defaults, or a `LookupProblem` showing `usage`. */
export function readArguments(params: readonly Param[], args: readonly Argument[], tables: Tables, usage: string): Record<string, unknown> {
  const last = params.at(-1);
  // Only the last parameter may take the rest of the arguments (the cells of a sum).
  const rest = last?.kind === 'cell' && last.rest ? last : undefined;
  const fixed = rest ? params.slice(0, -1) : params;
  const min = fixed.filter((p) => !p.optional).length + (rest ? (rest.min ?? 1) : 0);
  arity(args, min, rest ? MAX_REST : fixed.length, usage);
  const out: Record<string, unknown> = {};
  fixed.forEach((param, i) => {
    out[param.name] = args[i] === undefined ? (param.kind === 'word' ? param.default : undefined) : readOne(param, args[i], i, tables, usage);
  });
  if (rest) out[rest.name] = args.slice(fixed.length).map((arg, k) => readOne(rest, arg, fixed.length + k, tables, usage));
  // The base period defaults to the one of the first table argument.
  const first = Object.values(out).find((v): v is RowArgument | CellValue => typeof v === 'object' && v !== null && 'table' in v);
  for (const param of fixed) {
    if (out[param.name] === undefined && param.kind === 'period' && param.defaultsTo === 'base-period' && first) out[param.name] = first.table.basePeriod ?? first.table.periods[0];
  }
  return out;
}

/** `base-index(TABLE.ROW, PERIOD[, BASE])`: the call as the docs write it. */
export function signature(id: string, params: readonly Param[]): string {
  const label = (p: Param): string => {
    if (p.label) return p.label;
    if (p.kind === 'row') return 'TABLE.ROW';
    if (p.kind === 'cell') return 'TABLE.ROW.PERIOD';
    if (p.kind === 'table') return 'TABLE';
    if (p.kind === 'word') return p.words.join('|');
    return p.name.toUpperCase().replace(/-/g, '_');
  };
  let text = '';
  params.forEach((p, i) => {
    const sep = i === 0 ? '' : ', ';
    if (p.kind === 'cell' && p.rest) text += `${sep}${label(p)}, …`;
    else if (p.optional) text += `[${sep}${label(p)}]`;
    else text += `${sep}${label(p)}`;
  });
  return `${id}(${text})`;
}

export function fromComputed(computed: Computed, inputs: InputCell[], decimals = INDEX_DECIMALS): ResolvedValue {
  return { value: computed.value, missing: computed.missing, unit: computed.unit, decimals, formula: computed.formula, inputs };
}

/** The current and base cells of one row, where an error should point, and the inputs to list. */
export function twoPeriods(series: RowArgument, period: string, base: string): { current: number | null; baseValue: number | null; where: Where; inputs: InputCell[] } {
  return {
    current: series.at(period),
    baseValue: series.at(base),
    where: { table: series.table.id, row: series.row.id, period: base },
    inputs: [series.input(period), series.input(base)],
  };
}
