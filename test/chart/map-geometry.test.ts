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
  it('are written with relative segments that draw the same points, in the fewest characters', async () => {
    const { compactPath } = await import('../../scripts/chart/render-svg.ts');
    expect(compactPath('M10,20L12.5,21L12.5,19.75ZM0,0L-1.25,3Z')).toBe('m10 20 2.5 1v-1.25zm-10-20-1.25 3z');
    expect(compactPath('M1,2L3')).toBe('M1,2L3'); // not a plain list of points: left alone
    expect(compactPath('M10,10L20,10ZL10,20')).toBe('m10 10h10zv10'); // after Z, from the subpath's start
    expect(compactPath('M0.5,0.5L1.5,0.5L1.5,1.5L0.5,0.5Z')).toBe('m.5.5h1v1z'); // the segment back to the start is z's
    expect(compactPath('m1 1 2 2 3 3z m1 1 l 1 1')).toBe('m1 1 2 2 3 3zm1 1 1 1'); // relative input stays relative
    expect(compactPath('M1,1M2,2L3,3')).toBe('m1 1m1 1 1 1'); // a second move keeps its letter
    expect(compactPath('M3.16,0A3.16,3.16,0,1,1,-3.16,0')).toBe('M3.16 0A3.16 3.16 0 1 1-3.16 0'); // arcs: numbers only
    expect(compactPath('M0.123,0L1.006,0')).toBe('m.12 0h.89'); // hundredths, from the rounded points
  });
});

describe('SVG compaction', () => {
  it('drops what draws nothing or restates a default (and Vega’s labels inside the one image), and keeps the data marks findable', async () => {
    const { compactSvg } = await import('../../scripts/chart/render-svg.ts');
    const vega =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="100" height="50" viewBox="0 0 100 50">' +
      '<g fill="none" stroke-miterlimit="4" transform="translate(5,5)"><g class="mark-group role-frame root" role="graphics-object" aria-roledescription="group mark container"><g transform="translate(0,0)">' +
      '<path class="background" aria-hidden="true" d="M0,0h90v40h-90Z"/>' +
      '<g><g class="mark-rect role-mark marks" role="graphics-symbol" aria-roledescription="rect mark container" clip-path="url(#clip1)">' +
      '<path aria-label="a" d="M0,10h20v30h-20Z" fill="rgb(0, 114, 178)" opacity="1"/><path d="M30,20.004h20v19.996h-20Z" fill="rgb(0, 114, 178)" opacity="1"/></g>' +
      '<g class="mark-text role-axis-label" pointer-events="none"><text text-anchor="middle" transform="translate(10,48)" font-family="PT Sans" font-size="12px" fill="currentColor" opacity="1">0.5</text>' +
      '<text text-anchor="middle" transform="translate(40,48)" font-family="PT Sans" font-size="12px" fill="currentColor" opacity="0">1.0</text>' +
      '<text text-anchor="middle" transform="translate(70,48)" font-family="PT Sans" font-size="12px" fill="currentColor" opacity="1">1.5</text></g>' +
      '<path class="foreground" aria-hidden="true" d="" display="none"/></g></g></g></g>' +
      '<defs><clipPath id="clip1"><rect x="0" y="0" width="90" height="40"/></clipPath><clipPath id="clip2"><rect x="0" y="0" width="90" height="40"/></clipPath></defs></svg>';
    expect(compactSvg(vega)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">' +
        '<g fill="none" transform="translate(5,5)">' +
        '<g class="mark-rect" clip-path="url(#clip1)" fill="#0072b2"><path d="m0 10h20v30h-20z"/><path d="m30 20h20v20h-20z"/></g>' +
        '<g fill="currentColor" font-family="PT Sans" font-size="12px" text-anchor="middle"><text transform="translate(10,48)">0.5</text><text transform="translate(70,48)">1.5</text></g>' +
        '</g><defs><clipPath id="clip1"><rect width="90" height="40"/></clipPath></defs></svg>',
    );
  });

  it('leaves text alone, and what it cannot read', async () => {
    const { compactSvg } = await import('../../scripts/chart/render-svg.ts');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><g fill="none"><text fill="currentColor">1.23456 &amp; 0.50</text></g></svg>';
    expect(compactSvg(svg)).toBe(svg);
    expect(compactSvg("<svg width='1'><g></g></svg>")).toBe("<svg width='1'><g></g></svg>");
  });
});
