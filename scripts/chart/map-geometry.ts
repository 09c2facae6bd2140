/**
 * Plane geometry for maps, done once at build time so a map SVG stays small and the browser
 * needs no projection: longitude/latitude → an Albers equal-area conic fitted to the map's
 * extent, in pixels → Douglas–Peucker simplification (0.6 px) → coordinates rounded to a grid
 * (boundaries.ts: whole pixels). Rings that vanish at that scale (small islands) are dropped. Each
 * unit also gets a label point: the inside point farthest from its edges.
 *
 * Ring winding is kept as the boundary file has it (d3's convention: exterior rings clockwise
 * on the sphere); after the projection flips y, exterior rings and holes still wind in opposite
 * directions, which is all SVG's non-zero fill rule needs.
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
/** Polygons of one shape (a MultiPolygon's coordinates). */
export type Shape = PolygonCoords[];

export interface GeoFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: Shape } | { type: string; coordinates?: unknown } | null;
}

/** Polygons of a feature's geometry; other geometry types have none. */
export function featureShape(feature: GeoFeature): Shape {
  const g = feature.geometry;
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates as PolygonCoords];
  if (g.type === 'MultiPolygon') return g.coordinates as Shape;
  return [];
}

const RAD = Math.PI / 180;

/** Albers equal-area conic with standard parallels at 1/6 and 5/6 of the latitude span. */
export function albersFor(bounds: { west: number; east: number; south: number; north: number }): (p: Position) => Position {
  const span = bounds.north - bounds.south;
  const phi1 = (bounds.south + span / 6) * RAD;
  const phi2 = (bounds.north - span / 6) * RAD;
  const lambda0 = ((bounds.west + bounds.east) / 2) * RAD;
  const n = (Math.sin(phi1) + Math.sin(phi2)) / 2;
  const c = Math.cos(phi1) ** 2 + 2 * n * Math.sin(phi1);
  const rho = (phi: number) => Math.sqrt(Math.max(0, c - 2 * n * Math.sin(phi))) / n;
  const rho0 = rho(((bounds.south + bounds.north) / 2) * RAD);
  return ([lon, lat]) => {
    const r = rho(lat * RAD);
    const theta = n * (lon * RAD - lambda0);
    // y grows downwards, as on screen.
    return [r * Math.sin(theta), -(rho0 - r * Math.cos(theta))];
  };
}

export function boundsOf(shapes: Shape[]): { west: number; east: number; south: number; north: number } {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const shape of shapes) {
    for (const polygon of shape) {
      for (const ring of polygon) {
        for (const [x, y] of ring) {
          west = Math.min(west, x);
          east = Math.max(east, x);
          south = Math.min(south, y);
          north = Math.max(north, y);
        }
      }
    }
  }
  return { west, east, south, north };
}

/** Signed area (positive = clockwise on screen, y down). */
export function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j] as Position;
    const b = ring[i] as Position;
    sum += (a[0] * b[1] - b[0] * a[1]) / 2;
  }
  return sum;
}

function segmentDistance(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Douglas–Peucker on a closed ring; keeps first and last (the same point). */
export function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 4) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  // A closed ring's chord from first to last point is empty: split it at the farthest point first.
  const first = ring[0] as Position;
  let far = 1;
  let farDistance = -1;
  for (let i = 1; i < ring.length - 1; i++) {
    const d = Math.hypot((ring[i] as Position)[0] - first[0], (ring[i] as Position)[1] - first[1]);
    if (d > farDistance) {
      farDistance = d;
      far = i;
    }
  }
  keep[far] = 1;
  const stack: Array<[number, number]> = [
    [0, far],
    [far, ring.length - 1],
  ];
  while (stack.length) {
    const [from, to] = stack.pop() as [number, number];
    let index = -1;
    let max = tolerance;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance(ring[i] as Position, ring[from] as Position, ring[to] as Position);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([from, index], [index, to]);
    }
  }
  return ring.filter((_, i) => keep[i] === 1);
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A ring with its points moved to the nearest multiple of `grid` px, without repeated points. */
function snapRing(ring: Ring, grid: number): Ring {
  const snap = (v: number) => Math.round(Math.round(v / grid) * grid * 100) / 100;
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p: Position = [snap(x), snap(y)];
    const last = out.at(-1);
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/**
 * A shape in screen pixels, simplified, its points on a grid of `grid` px (a tenth by default).
 * Rings smaller than `minArea` px² are dropped, except a polygon's only exterior ring. A ring that
 * simplification would turn inside out keeps its detail.
 */
export function simplifyShape(shape: Shape, tolerance: number, minArea: number, grid = 0.1): Shape {
  const out: Shape = [];
  for (const polygon of shape) {
    const exterior = polygon[0];
    if (!exterior || Math.abs(ringArea(exterior)) < minArea) continue;
    const rings: PolygonCoords = [];
    for (const [i, ring] of polygon.entries()) {
      if (i > 0 && Math.abs(ringArea(ring)) < minArea) continue;
      let simple = snapRing(simplifyRing(ring, tolerance), grid);
      if (simple.length < 4 || Math.sign(ringArea(simple)) !== Math.sign(ringArea(ring))) simple = snapRing(ring, grid);
      if (simple.length < 4 || Math.sign(ringArea(simple)) !== Math.sign(ringArea(ring))) simple = snapRing(ring, 0.1);
      rings.push(simple);
    }
    out.push(rings);
  }
  // Keep at least the largest polygon of a unit that is small at this scale (a city).
  if (out.length === 0 && shape.length) {
    const largest = [...shape].sort((a, b) => Math.abs(ringArea(b[0] ?? [])) - Math.abs(ringArea(a[0] ?? [])))[0] as PolygonCoords;
    out.push(largest.slice(0, 1).map((ring) => snapRing(ring, 0.1)));
  }
  return out;
}

export function shapeArea(shape: Shape): number {
  return shape.reduce((sum, polygon) => sum + polygon.reduce((s, ring, i) => s + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0), 0);
}

function inside(p: Position, shape: Shape): boolean {
  let crossings = 0;
  for (const polygon of shape) {
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[i] as Position;
        const b = ring[j] as Position;
        if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) crossings++;
      }
    }
  }
  return crossings % 2 === 1;
}

function edgeDistance(p: Position, shape: Shape): number {
  let min = Infinity;
  for (const polygon of shape) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) min = Math.min(min, segmentDistance(p, ring[i - 1] as Position, ring[i] as Position));
    }
  }
  return min;
}

/** The inside point farthest from the edges (a coarse grid, then a finer one around the best). */
export function labelPoint(shape: Shape): { point: Position; radius: number } {
  const box = boundsOf([shape]);
  let best: { point: Position; radius: number } = { point: [(box.west + box.east) / 2, (box.south + box.north) / 2], radius: 0 };
  let cell = Math.max(box.east - box.west, box.north - box.south) / 24;
  let centre = best.point;
  for (let pass = 0; pass < 2 && cell > 0; pass++) {
    const span = pass === 0 ? 12 : 3;
    for (let i = -span; i <= span; i++) {
      for (let j = -span; j <= span; j++) {
        const p: Position = [centre[0] + i * cell, centre[1] + j * cell];
        if (!inside(p, shape)) continue;
        const radius = edgeDistance(p, shape);
        if (radius > best.radius) best = { point: p, radius };
      }
    }
    centre = best.point;
    cell /= 6;
  }
  return { point: [round1(best.point[0]), round1(best.point[1])], radius: best.radius };
}
