/** Inline functions for yields: per crop, implied areas, and yield indices across crops. */
import { averageYieldIndex, cropYield, impliedArea, laspeyresYieldIndex } from '../indicators/index.ts';
import { numericTable, wholeOf } from '../table-access.ts';
import { arity, fromComputed, periodArg, rowArg, tableArg } from './arguments.ts';
import type { InlineFunction } from './types.ts';

export const INTENSITY: Record<string, InlineFunction> = {
  yield: {
    usage: 'yield(kz-crop-production.sunflower-seed, kz-crop-area.sunflower-seed, 2019)',
    evaluate(args, tables) {
      arity(args, 3, 3, this.usage);
      const [h, a] = [rowArg(args, 0, this.usage), rowArg(args, 1, this.usage)];
      const period = periodArg(args, 2, this.usage);
      const [harvest, area] = [numericTable(tables, h.table), numericTable(tables, a.table)];
      const computed = cropYield(harvest.rows.find((r) => r.id === h.row)?.values[period] ?? null, area.rows.find((r) => r.id === a.row)?.values[period] ?? null, { harvest: harvest.unit, area: area.unit }, { table: area.id, row: a.row, period });
      return fromComputed(computed, [{ table: harvest.id, row: h.row, period }, { table: area.id, row: a.row, period }]);
    },
  },
  'implied-area': {
    usage: 'implied-area(harvest.sunflower, yields.sunflower, 2019)',
    evaluate(args, tables) {
      arity(args, 3, 3, this.usage);
      const [h, y] = [rowArg(args, 0, this.usage), rowArg(args, 1, this.usage)];
      const period = periodArg(args, 2, this.usage);
      const [harvest, yields] = [numericTable(tables, h.table), numericTable(tables, y.table)];
      const computed = impliedArea(harvest.rows.find((r) => r.id === h.row)?.values[period] ?? null, yields.rows.find((r) => r.id === y.row)?.values[period] ?? null, { harvest: harvest.unit, yield: yields.unit }, { table: yields.id, row: y.row, period });
      return fromComputed(computed, [{ table: harvest.id, row: h.row, period }, { table: yields.id, row: y.row, period }]);
    },
  },
  'average-yield-index': {
    usage: 'average-yield-index(yields, 2019, 2015)',
    evaluate(args, tables) {
      arity(args, 3, 3, this.usage);
      const table = numericTable(tables, tableArg(args, 0, this.usage));
      const [last, base] = [periodArg(args, 1, this.usage), periodArg(args, 2, this.usage)];
      const crops = table.rows.filter((r) => r.role !== 'total' && r.role !== 'memo');
      const computed = averageYieldIndex(crops.map((r) => ({ key: r.id, yieldBase: r.values[base] ?? null, yieldLast: r.values[last] ?? null })), { table: table.id, period: base });
      return fromComputed(computed, crops.flatMap((r) => [{ table: table.id, row: r.id, period: last }, { table: table.id, row: r.id, period: base }]));
    },
  },
  'laspeyres-yield-index': {
    usage: 'laspeyres-yield-index(yields, harvest, 2019, 2015)',
    evaluate(args, tables) {
      arity(args, 4, 4, this.usage);
      const yields = numericTable(tables, tableArg(args, 0, this.usage));
      const harvest = numericTable(tables, tableArg(args, 1, this.usage));
      const [last, base] = [periodArg(args, 2, this.usage), periodArg(args, 3, this.usage)];
      const { components } = wholeOf(yields);
      // Base-year areas are implied from the harvest and the yield of the base year.
      const crops = components.map((r) => {
        const area = impliedArea(harvest.rows.find((h) => h.id === r.id)?.values[base] ?? null, r.values[base] ?? null, { harvest: harvest.unit, yield: yields.unit }, { table: yields.id, row: r.id, period: base });
        return { key: r.id, yieldBase: r.values[base] ?? null, yieldLast: r.values[last] ?? null, areaBase: area.value };
      });
      const computed = laspeyresYieldIndex(crops, { table: yields.id, period: base });
      return fromComputed(computed, components.flatMap((r) => [{ table: yields.id, row: r.id, period: last }, { table: yields.id, row: r.id, period: base }, { table: harvest.id, row: r.id, period: base }]));
    },
  },
};
