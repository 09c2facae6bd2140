/**
 * Cluster share of gross regional product (seed 003).
 *
 * Inputs: `clusterOutput` and `grp` in the same money unit (non-negative); pass their units to
 *   have them checked.
 * Output: '%'.
 * Formula: cluster output / GRP · 100
 */
import { Slug } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, numeric, periodsOf, rowPairs, valueOf, whereIn } from '../descriptor/derivation.ts';
import { fromComputed } from '../descriptor/inline-arguments.ts';
import type { Computed, Where } from './types.ts';
import { checkNonNegative, checkSameUnit, divisionByZero, missingReason, missingResult, term } from './guards.ts';

export const CLUSTER_SHARE_UNIT = '%';

export function clusterShare(clusterOutput: number | null, grp: number | null, units: { cluster?: string; grp?: string } = {}, where?: Where): Computed {
  checkSameUnit('cluster output', units.cluster, 'GRP', units.grp, where);
  checkNonNegative('cluster output', clusterOutput, where);
  checkNonNegative('GRP', grp, where);
  const formula = [term(clusterOutput), ' ÷ ', term(grp), ' × 100'];
  if (clusterOutput === null || grp === null) return missingResult(CLUSTER_SHARE_UNIT, formula, missingReason([['cluster output', clusterOutput], ['GRP', grp]]));
  if (grp === 0) throw divisionByZero('GRP', where, 'check the GRP row for this period');
  return { value: (clusterOutput / grp) * 100, unit: CLUSTER_SHARE_UNIT, formula };
}

export default defineIndicator({
  id: 'cluster-share',
  group: 'cluster',
  text: {
    en: { title: 'Cluster share of GRP', note: "The output of a cluster's members as a percentage of the gross regional product, both in the same money unit." },
    ru: { title: 'Доля кластера в ВРП', note: 'Продукция участников кластера в процентах от валового регионального продукта, в одной денежной единице.' },
    kk: { title: 'Кластердің ЖӨӨ-дегі үлесі', note: 'Кластер қатысушылары өнімінің жалпы өңірлік өнімге пайыздық қатынасы, екеуі де бір ақша бірлігімен.' },
  },
  unit: CLUSTER_SHARE_UNIT,
  formula: String.raw`s_{\text{cluster}} = \frac{\text{cluster output}}{\text{GRP}} \cdot 100`,
  fn: clusterShare,
  inline: inlineForm({
    params: [
      { name: 'cluster', kind: 'row', label: 'CLUSTER.ROW' },
      { name: 'grp', kind: 'row', label: 'GRP.ROW' },
      { name: 'period', kind: 'period' },
    ],
    example: 'cluster-share(cluster-output.dairy, grp-by-region.north, 2019)',
    evaluate({ cluster, grp, period }) {
      const computed = clusterShare(cluster.at(period), grp.at(period), { cluster: cluster.table.unit, grp: grp.table.unit }, { table: cluster.table.id, row: cluster.row.id, period });
      return fromComputed(computed, [cluster.input(period), grp.input(period)]);
    },
  }),
  tables: [
    tableForm({
      options: { by: Slug.describe('the GRP table; `from` is the cluster output (`rows` maps ids that differ)') },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const by = numeric(tables, def.by, 'by');
        return {
          unit: CLUSTER_SHARE_UNIT,
          rows: rowPairs(def, from, by),
          periods: periodsOf(def, from, by),
          cell: (row, period) => ({ computed: clusterShare(valueOf(from, row.from, period), valueOf(by, row.by, period), { cluster: from.unit, grp: by.unit }, whereIn(def, row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(by, row.by, period)] }),
        };
      },
    }),
  ],
});
