/**
 * Growth ratios of seed 003's cluster growth indicators.
 *
 * Inputs: two growth indices on the 100 scale (e.g. 112.4 = +12.4 %), both on the same basis
 *   (both '% of previous year' or both '% of base year'), non-negative.
 * Output: 'ratio'. > 1: the numerator grew faster than the denominator.
 * Formulas: sector vs economy = I_sector / I_economy; cluster vs sector = I_cluster / I_sector.
 *   Ratios of indices, not of growth rates: a rate ratio (5 % / 2 %) changes sign and explodes
 *   near zero growth, an index ratio does not.
 */
import { Period, Slug, type NumericTable } from '../../validate/table-schema.ts';
import { GENERATOR_UNITS } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm, type IndicatorDescriptor, type IndicatorText } from '../descriptor/define-indicator.ts';
import { cellInput, DerivationProblem, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed, RATIO_DECIMALS } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { LookupProblem } from '../table-access.ts';
import { baseIndex } from './base-index.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, checkSameUnit, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export const GROWTH_RATIO_UNIT = 'ratio';

export interface GrowthRatioOptions {
  /** Names used in messages, e.g. 'sector growth index'. */
  numeratorName?: string;
  denominatorName?: string;
  /** Units of the two indices; when both are given they must be equal. */
  numeratorUnit?: string;
  denominatorUnit?: string;
}

export function growthRatio(numerator: number | null, denominator: number | null, options: GrowthRatioOptions = {}, where?: Where): Computed {
  const nName = options.numeratorName ?? 'numerator growth index';
  const dName = options.denominatorName ?? 'denominator growth index';
  checkSameUnit(nName, options.numeratorUnit, dName, options.denominatorUnit, where);
  checkNonNegative(nName, numerator, where, 'growth indices are on the 100 scale');
  checkNonNegative(dName, denominator, where, 'growth indices are on the 100 scale');
  const formula = [term(numerator), ' ÷ ', term(denominator)];
  if (numerator === null || denominator === null) return missingResult(GROWTH_RATIO_UNIT, formula, missingReason([[nName, numerator], [dName, denominator]]));
  if (denominator === 0) throw divisionByZero(dName, where);
  return { value: numerator / denominator, unit: GROWTH_RATIO_UNIT, formula };
}

/** Sector growth vs the economy: I_sector / I_economy. */
export function sectorGrowthVsEconomy(
  sectorIndex: number | null,
  economyIndex: number | null,
  units: { sector?: string; economy?: string } = {},
  where?: Where,
): Computed {
  return growthRatio(
    sectorIndex,
    economyIndex,
    { numeratorName: 'sector growth index', denominatorName: 'economy growth index', numeratorUnit: units.sector, denominatorUnit: units.economy },
    where,
  );
}

/** Cluster growth vs its sector: I_cluster / I_sector. */
export function clusterGrowthVsSector(
  clusterIndex: number | null,
  sectorIndex: number | null,
  units: { cluster?: string; sector?: string } = {},
  where?: Where,
): Computed {
  return growthRatio(
    clusterIndex,
    sectorIndex,
    { numeratorName: 'cluster growth index', denominatorName: 'sector growth index', numeratorUnit: units.cluster, denominatorUnit: units.sector },
    where,
  );
}

const isIndexTable = (table: NumericTable) => GENERATOR_UNITS[table.unit]?.kind === 'index';

type Ratio = (numerator: number | null, denominator: number | null, units: Record<string, string | undefined>, where?: Where) => Computed;

/**
 * The growth index of one row in `period`: the cell itself when the table holds indices, or its
 * base index against `base` when it holds levels.
 */
function growthIndex(table: NumericTable, row: string, period: string, base: string | undefined, where: Where): { value: number | null; unit: string; inputs: InputCell[] } {
  if (base === undefined) return { value: valueOf(table, row, period), unit: table.unit, inputs: [cellInput(table, row, period)] };
  return { value: baseIndex(valueOf(table, row, period), valueOf(table, row, base), { ...where, table: table.id, row, period: base }).value, unit: '% of base year', inputs: [cellInput(table, row, period), cellInput(table, row, base)] };
}

/**
 * The descriptor of a ratio of two growth indices (sector vs economy, cluster vs sector): inline
 * `id(NUMERATOR.ROW, DENOMINATOR.ROW, PERIOD[, BASE])` and a derived table `from` ÷ `by`.
 */
export function growthRatioIndicator(spec: { id: string; text: IndicatorText; fn: Ratio; formula: string; numerator: string; denominator: string; example: string }): IndicatorDescriptor {
  const { id, fn, numerator, denominator } = spec;
  const ratio = (n: ReturnType<typeof growthIndex>, d: ReturnType<typeof growthIndex>, where: Where) => fn(n.value, d.value, { [numerator]: n.unit, [denominator]: d.unit }, where);
  const needIndices = (table: NumericTable, base: string | undefined) => base === undefined && !isIndexTable(table);
  return defineIndicator({
    id,
    group: 'cluster',
    text: spec.text,
    unit: GROWTH_RATIO_UNIT,
    formula: spec.formula,
    fn,
    inline: inlineForm({
      params: [
        { name: 'numerator', kind: 'row', label: `${numerator.toUpperCase()}.ROW` },
        { name: 'denominator', kind: 'row', label: `${denominator.toUpperCase()}.ROW` },
        { name: 'period', kind: 'period' },
        { name: 'base', kind: 'period', optional: true, doc: 'without BASE the rows hold growth indices (% of previous year or of a base year); with BASE they hold levels, compared as base indices' },
      ],
      example: spec.example,
      evaluate({ numerator: n, denominator: d, period, base }) {
        for (const table of [n.table, d.table]) {
          if (needIndices(table, base)) throw new LookupProblem(`table "${table.id}" holds levels ("${table.unit}"), not growth indices`, { expected: 'rows of indices, or a base period to compare base indices of levels', fix: `add the base period, e.g. ${spec.example.replace(/\)$/, ', 2015)')}` });
        }
        n.at(period);
        d.at(period);
        if (base !== undefined) {
          n.at(base);
          d.at(base);
        }
        const where = { table: n.table.id, row: n.row.id, period };
        const [a, b] = [growthIndex(n.table, n.row.id, period, base, where), growthIndex(d.table, d.row.id, period, base, where)];
        return fromComputed(ratio(a, b, where), [...a.inputs, ...b.inputs], RATIO_DECIMALS);
      },
    }),
    tables: [
      tableForm({
        options: {
          by: Slug.describe(`the ${denominator} table; \`from\` is the ${numerator} table (\`rows\` maps ids that differ)`),
          base: Period.optional().describe('without base the tables hold growth indices; with it they hold levels, compared as base indices'),
        },
        plan(def, tables) {
          const from = numeric(tables, def.from, 'from');
          const by = numeric(tables, def.by, 'by');
          for (const [table, path] of [[from, 'from'], [by, 'by']] as const) {
            if (needIndices(table, def.base)) throw new DerivationProblem(`table "${table.id}" holds levels ("${table.unit}"), not growth indices`, path, 'add "base": the period the levels are indexed to');
          }
          const base = def.base;
          if (base !== undefined && (!from.periods.includes(base) || !by.periods.includes(base))) throw new DerivationProblem(`base period "${base}" is not in both "${from.id}" and "${by.id}"`, 'base', 'use a period of both tables');
          return {
            unit: GROWTH_RATIO_UNIT,
            rows: rowPairs(def, from, by),
            periods: periodsOf(def, from, by),
            cell: (row, period) => {
              const where = whereIn(def, row.id, period);
              const [a, b] = [growthIndex(from, row.from, period, base, where), growthIndex(by, row.by, period, base, where)];
              return { computed: ratio(a, b, where), inputs: [...a.inputs, ...b.inputs] };
            },
          };
        },
      }),
    ],
  });
}
