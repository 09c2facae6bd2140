import { describe, expect, it } from 'vitest';
import { albersFor, labelPoint, ringArea, simplifyRing, simplifyShape, type Ring } from '../../scripts/chart/map-geometry.ts';

/** A wobbly closed ring around (50, 50): a circle of radius 40 with 1 px noise. */
const wobbly: Ring = [...Array(200).keys()].map((i) => {
  const a = (i / 200) * 2 * Math.PI;
  const r = 40 + (i % 2 === 0 ? 0.3 : -0.3);
  return [50 + r * Math.cos(a), 50 + r * Math.sin(a)] as [number, number];
});
wobbly.push(wobbly[0] as [number, number]);

describe('map geometry', () => {
  it('simplifies a ring to half a pixel, keeping it closed and its winding', () => {
    const simple = simplifyRing(wobbly, 0.5);
    expect(simple.length).toBeLessThan(wobbly.length / 3);
    expect(simple[0]).toEqual(simple.at(-1));
    expect(Math.sign(ringArea(simple))).toBe(Math.sign(ringArea(wobbly)));
    expect(Math.abs(ringArea(simple) - ringArea(wobbly)) / Math.abs(ringArea(wobbly))).toBeLessThan(0.01);
  });

  it('drops specks smaller than the minimum area and rounds to a tenth of a pixel', () => {
    const speck: Ring = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
    const shape = simplifyShape([[wobbly], [speck]], 0.5, 3);
    expect(shape).toHaveLength(1);
    for (const [x, y] of shape[0]?.[0] ?? []) {
      expect(Math.round(x * 10) / 10).toBe(x);
      expect(Math.round(y * 10) / 10).toBe(y);
    }
  });

  it('places a label inside, away from the edges', () => {
    const { point, radius } = labelPoint([[wobbly]]);
    expect(Math.hypot(point[0] - 50, point[1] - 50)).toBeLessThan(3);
    expect(radius).toBeGreaterThan(36);
  });

  it('projects with an equal-area conic: north is up', () => {
    const project = albersFor({ west: 46, east: 88, south: 40, north: 56 });
    const [, north] = project([67, 55]);
    const [, south] = project([67, 41]);
    expect(north).toBeLessThan(south);
  });
});

describe('SVG paths', () => {
  it('are written with relative segments that draw the same points', async () => {
    const { relativePath } = await import('../../scripts/chart/render-svg.ts');
    expect(relativePath('M10,20L12.5,21L12.5,19.75ZM0,0L-1.25,3Z')).toBe('M10,20l2.5,1l0,-1.25ZM0,0l-1.25,3Z');
    expect(relativePath('M1,2L3')).toBe('M1,2L3'); // not a plain list of points: left alone
    expect(relativePath('M10,10L20,10ZL10,20')).toBe('M10,10l10,0Zl0,10'); // after Z, from the subpath's start
  });
});
