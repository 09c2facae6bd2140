import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { hooverCoefficient } from '../../../scripts/compute/indicators/hoover-coefficient.ts';
import { expectDivisionByZero, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

const SECTOR = [
  { key: 'A', value: 30 },
  { key: 'B', value: 10 },
  { key: 'C', value: 60 },
];
const ECONOMY = [
  { key: 'A', value: 100 },
  { key: 'B', value: 300 },
  { key: 'C', value: 600 },
];

describe('hooverCoefficient', () => {
  it('is half the sum of differences between the sector and economy distributions over regions', () => {
    // sector shares 30/100, 10/100, 60/100 = 0.3, 0.1, 0.6; economy 100/1000, 300/1000, 600/1000 = 0.1, 0.3, 0.6
    // ½ × (|0.3 − 0.1| + |0.1 − 0.3| + |0.6 − 0.6|) = ½ × 0.4 = 0.2
    const r = hooverCoefficient(SECTOR, ECONOMY);
    expect(r.value).toBeCloseTo(0.2, 12);
    expect(r.unit).toBe('ratio');
  });

  it('is 0 when the sector is spread like the economy', () => {
    expect(hooverCoefficient(ECONOMY.map((c) => ({ ...c, value: c.value / 10 })), ECONOMY).value).toBeCloseTo(0, 12);
  });

  it('returns null with a reason when a region is missing', () => {
    const r = hooverCoefficient([{ key: 'A', value: null }, ...SECTOR.slice(1)], ECONOMY);
    expect(r.value).toBeNull();
    expect(r.missing).toBe('sector in "A" is missing, so the distribution is unknown');
  });

  it('rejects a sector absent from every region naming table, row and period', () => {
    expectDivisionByZero(() => hooverCoefficient(SECTOR.map((c) => ({ ...c, value: 0 })), ECONOMY, WHERE), 'sector total (E_i)');
  });

  it('lies between 0 and 1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 20 }), (pairs) => {
        fc.pre(pairs.some(([a]) => a > 0) && pairs.some(([, b]) => b > 0));
        const h = hooverCoefficient(
          pairs.map(([a], i) => ({ key: `r${i}`, value: a })),
          pairs.map(([, b], i) => ({ key: `r${i}`, value: b })),
        ).value as number;
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('hoover-coefficient: worked example', () => {
  const agri = table('agri', 'million tenge', { country: { '2022': 40 }, north: { '2022': 30 }, south: { '2022': 10 } }, { roles: { country: 'total' } });
  const grp = table('grp', 'million tenge', { country: { '2022': 200 }, north: { '2022': 100 }, south: { '2022': 100 } }, { roles: { country: 'total' } });

  it('computes inline and as a derived table, over the regions (not the country row)', async () => {
    const tables = await tablesOf(agri, grp, derivedDefinition('localisation', 'hoover-coefficient', 'agri', { by: 'grp' }));
    // sector shares 30 ÷ 40 = 0.75, 0.25; economy 0.5, 0.5: ½ (0.25 + 0.25) = 0.25
    expect(inline('hoover-coefficient(agri, grp, 2022)', tables).value).toBeCloseTo(0.25, 12);
    expect(derived(tables, 'localisation').value('hoover-coefficient', '2022')).toBeCloseTo(0.25, 12);
  });
});
