/**
 * Figures as the source prints them (`stated` in a table), for quoting a paper next to the
 * recomputed value. Not an indicator (nothing is computed): a built-in of the reference language,
 * like a cell reference.
 */
import { readArguments, type Param, type RowArgument } from '../descriptor/inline-arguments.ts';
import { LookupProblem } from '../table-access.ts';
import type { InlineFunction } from './types.ts';

/** Shown beside a printed figure instead of a formula. */
const AS_PRINTED = { en: 'as printed in the source', ru: 'как напечатано в источнике', kk: 'дереккөзде басылғандай' };

const PARAMS: readonly Param[] = [
  { name: 'series', kind: 'row' },
  { name: 'period', kind: 'period' },
  { name: 'base', kind: 'period', optional: true },
];

export const SOURCE_FIGURES: Record<string, InlineFunction> = {
  stated: {
    usage: 'stated(harvest.potatoes, 2019, 2015)',
    evaluate(args, tables) {
      const { series, period, base } = readArguments(PARAMS, args, tables, this.usage) as { series: RowArgument; period: string; base?: string };
      const { table, row } = series;
      const figure = row.stated?.find((s) => s.period === period && (base === undefined || s.base === base));
      if (!figure) {
        const known = (row.stated ?? []).map((s) => (s.base ? `${s.period}, ${s.base}` : s.period));
        throw new LookupProblem(`row "${row.id}" of table "${table.id}" has no printed figure for ${base ? `${period} vs ${base}` : period}`, { expected: known.length ? `one of: ${known.join('; ')}` : 'a "stated" entry on the row', fix: 'add the printed figure to the row\'s "stated" list, or correct the periods' });
      }
      return { value: figure.value, unit: figure.indicator === 'share' ? '%' : figure.indicator === 'value' ? table.unit : '% of base year', decimals: figure.decimals, formula: [], inputs: [{ table: table.id, row: row.id, period }], note: AS_PRINTED };
    },
  },
};
