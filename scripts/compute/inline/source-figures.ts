/** Figures as the source prints them (`stated` in a table), for quoting a paper next to the recomputed value. */
import { LookupProblem, numericTable, tableRow } from '../table-access.ts';
import { arity, periodArg, rowArg } from './arguments.ts';
import type { InlineFunction } from './types.ts';

/** Shown beside a printed figure instead of a formula. */
const AS_PRINTED = { en: 'as printed in the source', ru: 'как напечатано в источнике', kk: 'дереккөзде басылғандай' };

export const SOURCE_FIGURES: Record<string, InlineFunction> = {
  stated: {
    usage: 'stated(harvest.potatoes, 2019, 2015)',
    evaluate(args, tables) {
      arity(args, 2, 3, this.usage);
      const ref = rowArg(args, 0, this.usage);
      const period = periodArg(args, 1, this.usage);
      const base = args[2] === undefined ? undefined : periodArg(args, 2, this.usage);
      const table = numericTable(tables, ref.table);
      const row = tableRow(table, ref.row);
      const figure = row.stated?.find((s) => s.period === period && (base === undefined || s.base === base));
      if (!figure) {
        const known = (row.stated ?? []).map((s) => (s.base ? `${s.period}, ${s.base}` : s.period));
        throw new LookupProblem(`row "${ref.row}" of table "${table.id}" has no printed figure for ${base ? `${period} vs ${base}` : period}`, { expected: known.length ? `one of: ${known.join('; ')}` : 'a "stated" entry on the row', fix: 'add the printed figure to the row\'s "stated" list, or correct the periods' });
      }
      return { value: figure.value, unit: figure.indicator === 'share' ? '%' : figure.indicator === 'value' ? table.unit : '% of base year', decimals: figure.decimals, formula: [], inputs: [{ table: table.id, row: ref.row, period }], note: AS_PRINTED };
    },
  },
};
