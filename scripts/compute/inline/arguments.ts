/** Reading the arguments of an inline function call, with messages that show the right call. */
import type { Argument } from '../reference-syntax.ts';
import { cell, LookupProblem, numericTable, tableRow, type Tables } from '../table-access.ts';
import type { Computed } from '../indicators/index.ts';
import type { NumericTable } from '../../validate/table-schema.ts';
import type { InputCell, ResolvedValue } from './types.ts';

export const INDEX_DECIMALS = 1;

export function fromComputed(computed: Computed, inputs: InputCell[], decimals = INDEX_DECIMALS): ResolvedValue {
  return { value: computed.value, missing: computed.missing, unit: computed.unit, decimals, formula: computed.formula, inputs };
}

export function arity(args: Argument[], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max) {
    throw new LookupProblem(`expected ${min === max ? min : `${min} to ${max}`} arguments, got ${args.length}`, { expected: usage, fix: `write e.g. ${usage}` });
  }
}

export function rowArg(args: Argument[], index: number, usage: string): Extract<Argument, { kind: 'row' }> {
  const arg = args[index];
  if (arg?.kind !== 'row') throw new LookupProblem(`argument ${index + 1} must be table.row`, { expected: usage, fix: `write e.g. ${usage}` });
  return arg;
}

export function tableArg(args: Argument[], index: number, usage: string): string {
  const arg = args[index];
  if (arg?.kind !== 'table') throw new LookupProblem(`argument ${index + 1} must be a table id`, { expected: usage, fix: `write e.g. ${usage}` });
  return arg.table;
}

export function periodArg(args: Argument[], index: number, usage: string, fallback?: string): string {
  const arg = args[index];
  if (arg === undefined && fallback !== undefined) return fallback;
  if (arg?.kind !== 'period') throw new LookupProblem(`argument ${index + 1} must be a period like 2019`, { expected: usage, fix: `write e.g. ${usage}` });
  return arg.period;
}

export interface CellValue {
  table: NumericTable;
  value: number | null;
  input: InputCell;
}

/** A `table.row.period` argument, or a `table.row` argument completed with `period`. */
export function cellArg(args: Argument[], index: number, tables: Tables, usage: string, period?: string): CellValue {
  const arg = args[index];
  if (arg?.kind === 'cell' || (arg?.kind === 'row' && period !== undefined)) {
    const at = arg.kind === 'cell' ? arg.period : (period as string);
    const table = numericTable(tables, arg.table);
    tableRow(table, arg.row);
    return { table, value: cell(table, arg.row, at), input: { table: table.id, row: arg.row, period: at } };
  }
  throw new LookupProblem(`argument ${index + 1} must be table.row.period`, { expected: usage, fix: `write e.g. ${usage}` });
}
