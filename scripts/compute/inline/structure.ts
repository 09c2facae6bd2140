/** Inline functions for parts and wholes: shares, sums, differences, ratios. Values in different units are never combined. */
import { shareOf } from '../indicators/index.ts';
import type { Term } from '../indicators/index.ts';
import { cell, LookupProblem, numericTable, wholeOf } from '../table-access.ts';
import { arity, cellArg, fromComputed, periodArg, rowArg, type CellValue } from './arguments.ts';
import type { InlineFunction, ResolvedValue } from './types.ts';

function sameUnit(cells: CellValue[], what: string): void {
  const units = [...new Set(cells.map((c) => c.table.unit))];
  if (units.length > 1) {
    throw new LookupProblem(`cannot ${what} values in different units (${units.join(', ')})`, { expected: 'cells of tables with the same unit', fix: 'convert one table to the other\'s unit, or use ratio() for a unit-free comparison' });
  }
}

function missingOf(cells: CellValue[]): string | undefined {
  const absent = cells.filter((c) => c.value === null).map((c) => `${c.input.table}.${c.input.row}.${c.input.period}`);
  return absent.length ? `missing input ${absent.join(', ')}` : undefined;
}

export const STRUCTURE: Record<string, InlineFunction> = {
  share: {
    usage: 'share(harvest.sunflower, 2019)',
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
      return fromComputed(shareOf(part, whole, where), components.map((r) => ({ table: table.id, row: r.id, period })));
    },
  },
  sum: {
    usage: 'sum(gross-output.crops.2019, gross-output.livestock.2019)',
    evaluate(args, tables): ResolvedValue {
      if (args.length < 2) arity(args, 2, 99, this.usage);
      const cells = args.map((_, i) => cellArg(args, i, tables, this.usage));
      sameUnit(cells, 'add');
      const missing = missingOf(cells);
      const formula: Term[] = cells.flatMap((c, i) => (i === 0 ? [c.value ?? '…'] : [' + ', c.value ?? '…']));
      const value = missing ? null : cells.reduce((s, c) => s + (c.value ?? 0), 0);
      return { value, missing, unit: cells[0]!.table.unit, decimals: Math.max(...cells.map((c) => c.table.decimals)), formula, inputs: cells.map((c) => c.input) };
    },
  },
  difference: {
    usage: 'difference(gross-output.agriculture.2019, gross-output.crops.2019)',
    evaluate(args, tables): ResolvedValue {
      arity(args, 2, 2, this.usage);
      const [a, b] = [cellArg(args, 0, tables, this.usage), cellArg(args, 1, tables, this.usage)];
      sameUnit([a, b], 'subtract');
      const missing = missingOf([a, b]);
      return { value: missing ? null : (a.value ?? 0) - (b.value ?? 0), missing, unit: a.table.unit, decimals: Math.max(a.table.decimals, b.table.decimals), formula: [a.value ?? '…', ' − ', b.value ?? '…'], inputs: [a.input, b.input] };
    },
  },
  ratio: {
    usage: 'ratio(grp-by-region.north.2019, grp-by-region.country.2019, 100)',
    evaluate(args, tables): ResolvedValue {
      arity(args, 2, 3, this.usage);
      const [a, b] = [cellArg(args, 0, tables, this.usage), cellArg(args, 1, tables, this.usage)];
      const scaleArg = args[2];
      if (scaleArg !== undefined && scaleArg.kind !== 'number' && scaleArg.kind !== 'period') throw new LookupProblem('the third argument of ratio() is a scale factor like 100', { expected: this.usage, fix: 'write 100 for a percentage' });
      const scale = scaleArg === undefined ? 1 : scaleArg.kind === 'number' ? scaleArg.value : Number(scaleArg.period);
      const missing = missingOf([a, b]);
      if (!missing && b.value === 0) throw new LookupProblem(`division by zero: ${b.input.table}.${b.input.row}.${b.input.period} is 0`, { expected: 'a non-zero denominator', fix: 'check the value in the data table' });
      const value = missing ? null : ((a.value ?? 0) / (b.value ?? 1)) * scale;
      const formula: Term[] = [a.value ?? '…', ' ÷ ', b.value ?? '…', ...(scale === 1 ? [] : [` × ${scale}`])];
      // Only like units make a percentage; otherwise the ratio carries both units.
      const unit = scale === 100 && a.table.unit === b.table.unit ? '%' : a.table.unit === b.table.unit ? 'ratio' : `${a.table.unit} per ${b.table.unit}`;
      return { value, missing, unit, decimals: scale === 100 ? 1 : 2, formula, inputs: [a.input, b.input] };
    },
  },
};
