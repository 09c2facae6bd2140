import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { migrationEffectiveness } from '../../../scripts/compute/indicators/migration-effectiveness.ts';
import { expectDivisionByZero, indicatorError, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

describe('migrationEffectiveness', () => {
  it('is net migration over migration turnover on the 100 scale', () => {
    // (300 − 500) ÷ (300 + 500) × 100 = −200 ÷ 800 × 100 = −25 %
    const r = migrationEffectiveness(300, 500);
    expect(r.value).toBe(-25);
    expect(r.unit).toBe('%');
    expect(r.formula).toEqual(['(', 300, ' − ', 500, ') ÷ (', 300, ' + ', 500, ') × 100']);
  });

  it('returns null with a reason when departures are missing', () => {
    expect(migrationEffectiveness(300, null).missing).toBe('departures is missing');
  });

  it('rejects a period with no migration naming table, row and period', () => {
    expectDivisionByZero(() => migrationEffectiveness(0, 0, WHERE), 'migration turnover (arrivals + departures)');
  });

  it('rejects negative counts', () => {
    expect(indicatorError(() => migrationEffectiveness(-1, 5, WHERE)).message).toContain('arrivals is negative');
  });

  it('lies between −100 and 100', () => {
    fc.assert(
      fc.property(fc.nat(1e7), fc.nat(1e7), (a, d) => {
        fc.pre(a + d > 0);
        const e = migrationEffectiveness(a, d).value as number;
        expect(e).toBeGreaterThanOrEqual(-100);
        expect(e).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe('migration-effectiveness: worked example', () => {
  it('computes inline and as a derived table', async () => {
    const arrivals = table('arrivals', 'persons', { north: { '2022': 300 } });
    const departures = table('departures', 'persons', { north: { '2022': 500 } });
    const tables = await tablesOf(arrivals, departures, derivedDefinition('effectiveness', 'migration-effectiveness', 'arrivals', { by: 'departures' }));
    // (300 − 500) ÷ (300 + 500) × 100 = −25
    expect(inline('migration-effectiveness(arrivals.north, departures.north, 2022)', tables).value).toBe(-25);
    expect(derived(tables, 'effectiveness').value('north', '2022')).toBe(-25);
  });
});
