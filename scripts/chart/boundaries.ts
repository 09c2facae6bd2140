/**
 * Boundary files for choropleth maps. They are not part of the project (their licence asks for
 * credit, and they are large): the generator reads them from an optional folder, the environment
 * variable REPORT_BOUNDARIES_DIR (absolute, or relative to the project root), or else
 * `../shared/geo` beside the project when it exists. Without them maps are tile grids.
 *
 * Features are matched to the units of a geography (data/geographies/) by the code in one of the
 * geography's code properties, or by name when a feature has no code; a file is read and
 * projected once per process.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as vega from 'vega';
import { resolveBoundariesDir } from './boundaries-dir.ts';
import type { Geography } from './geographies.ts';
import { albersFor, boundsOf, featureShape, labelPoint, shapeArea, simplifyShape, type GeoFeature, type Position, type Shape } from './map-geometry.ts';

export { resolveBoundariesDir };

export interface UnitShape {
  id: string;
  shape: Shape;
  /** Area in px², to draw small units (a city inside its region) on top. */
  area: number;
  label: Position;
  /** Distance from the label point to the nearest edge, px: room for a label. */
  room: number;
}

export interface ProjectedMap {
  /** Absolute path of the boundary file: part of nothing that is published. */
  file: string;
  width: number;
  height: number;
  /** Every feature of the file: drawn under the data, so units without data stay visible. */
  features: Shape[];
  units: Map<string, UnitShape & { features: number[] }>;
}

const read = new Map<string, GeoFeature[]>();
const projected = new Map<string, ProjectedMap>();

/** The boundary file of a geography in `dir`, if there is one. */
export function boundaryFile(dir: string | undefined, geography: Geography): string | undefined {
  if (!dir || !geography.boundaries) return undefined;
  const geojson = path.join(dir, geography.boundaries.file);
  const topojson = geojson.replace(/\.geojson$/, '.topojson');
  return [geojson, topojson].find((file) => existsSync(file));
}

function readFeatures(file: string): GeoFeature[] {
  const stat = statSync(file);
  const key = `${file}\u0000${stat.size}\u0000${stat.mtimeMs}`;
  let features = read.get(key);
  if (!features) {
    const text = readFileSync(file, 'utf8');
    const json = JSON.parse(text) as { type?: string; features?: GeoFeature[]; objects?: Record<string, unknown> };
    if (json.type === 'Topology') {
      const object = Object.keys(json.objects ?? {})[0] ?? '';
      features = vega.read(json as unknown as string, { type: 'topojson', feature: object } as unknown as Parameters<typeof vega.read>[1]) as unknown as GeoFeature[];
    } else {
      features = json.features ?? [];
    }
    read.set(key, features);
  }
  return features;
}

function matches(feature: GeoFeature, unit: Geography['units'][number], match: { codeProperties: string[]; nameProperties: string[] }): boolean {
  const p = feature.properties ?? {};
  const code = match.codeProperties.map((key) => p[key]).find((value) => value !== undefined && value !== null);
  if (code !== undefined) return unit.codes.includes(String(code));
  const name = match.nameProperties.map((key) => p[key]).find((value) => typeof value === 'string');
  return typeof name === 'string' && unit.names.includes(name);
}

/**
 * The geography's boundary file projected to fit `width` (and at most `maxHeight`), with one
 * shape per unit that has features in the file.
 */
export function projectMap(file: string, geography: Geography, width: number, maxHeight: number): ProjectedMap {
  const stat = statSync(file);
  // The geography is the author's data: its units are part of the key, not only its id.
  const key = `${file}\u0000${stat.size}\u0000${stat.mtimeMs}\u0000${JSON.stringify([geography.units, geography.boundaries])}\u0000${width}\u0000${maxHeight}`;
  const cached = projected.get(key);
  if (cached) return cached;
  const features = readFeatures(file);
  const lonLat = features.map(featureShape);
  const project = albersFor(boundsOf(lonLat));
  const planar = lonLat.map((shape) => shape.map((polygon) => polygon.map((ring) => ring.map(project))));
  const box = boundsOf(planar);
  const pad = 2;
  const scale = Math.min((width - 2 * pad) / (box.east - box.west), (maxHeight - 2 * pad) / (box.north - box.south));
  const toScreen = ([x, y]: Position): Position => [pad + (x - box.west) * scale, pad + (y - box.south) * scale];
  const screen = planar.map((shape) => shape.map((polygon) => polygon.map((ring) => ring.map(toScreen))));
  // 0.6 px, and whole pixels: a chart is never drawn larger than its width in pixels (on paper,
  // about as large), so neither shows, and a map of a country takes a few KB.
  const simplified = screen.map((shape) => simplifyShape(shape, 0.6, 3, 1));
  // Labels are placed on the tenth-of-a-pixel outline, where they were before the outline was snapped.
  const fine = screen.map((shape) => simplifyShape(shape, 0.6, 3));
  const units: ProjectedMap['units'] = new Map();
  for (const unit of geography.units) {
    const match = geography.boundaries ?? { codeProperties: [], nameProperties: [] };
    const indices = features.flatMap((feature, i) => (matches(feature, unit, match) ? [i] : []));
    const shape = indices.flatMap((i) => simplified[i] ?? []);
    if (shape.length === 0) continue;
    const { point, radius } = labelPoint(indices.flatMap((i) => fine[i] ?? []));
    units.set(unit.id, { id: unit.id, shape, area: shapeArea(shape), label: point, room: radius, features: indices });
  }
  const map: ProjectedMap = {
    file,
    width: Math.ceil((box.east - box.west) * scale + 2 * pad),
    height: Math.ceil((box.north - box.south) * scale + 2 * pad),
    features: simplified,
    units,
  };
  projected.set(key, map);
  return map;
}
