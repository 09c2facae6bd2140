import { describe, it, expect } from 'vitest';
import { clusterShare } from '../../../scripts/compute/indicators/cluster-share.ts';
import { expectDivisionByZero, indicatorError, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('clusterShare', () => {
  it('divides the cluster output by GRP on the 100 scale', () => {
    // 1500 ÷ 60000 × 100 = 0.025 × 100 = 2.5 %
    const r = clusterShare(1500, 60000, { cluster: 'million tenge', grp: 'million tenge' });
    expect(r.value).toBe(2.5);
    expect(r.unit).toBe('%');
    expect(r.formula).toEqual([1500, ' ÷ ', 60000, ' × 100']);
  });

  it('returns null with a reason when GRP is missing', () => {
    expect(clusterShare(1500, null).missing).toBe('GRP is missing');
  });

  it('rejects a GRP of 0 naming table, row and period', () => {
    expectDivisionByZero(() => clusterShare(1500, 0, {}, WHERE), 'GRP');
  });

  it('rejects values in different units', () => {
    expect(indicatorError(() => clusterShare(1.5, 60000, { cluster: 'billion tenge', grp: 'million tenge' }, WHERE)).message).toContain('unit mismatch');
  });
});

describe('cluster-share: worked example', () => {
  it('computes inline and as a derived table', async () => {
    const output = table('cluster-output', 'million tenge', { dairy: { '2019': 30 } });
    const grp = table('grp', 'million tenge', { north: { '2019': 600 } });
    const tables = await tablesOf(output, grp, derivedDefinition('shares', 'cluster-share', 'cluster-output', { by: 'grp', rows: { dairy: 'north' } }));
    // 30 ÷ 600 × 100 = 5
    expect(inline('cluster-share(cluster-output.dairy, grp.north, 2019)', tables).value).toBe(5);
    expect(derived(tables, 'shares').value('dairy', '2019')).toBe(5);
  });
});
