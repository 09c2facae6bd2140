/**
 * Cluster share of gross regional product (seed 003).
 *
 * Inputs: `clusterOutput` and `grp` in the same money unit (non-negative); pass their units to
 *   have them checked.
 * Output: '%'.
 * Formula: cluster output / GRP · 100
 */
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
