/**
 * Vega-Lite compilation once per spec *shape*: a report's charts come from a few presets, and two
 * charts of the same shape differ only in the records under `data.values`. Compiling costs about
 * half of a chart's render, so each shape is compiled once per process and every chart of that
 * shape gets a copy of the result with its own records put back.
 *
 * Exactness rests on how Vega-Lite treats inline data: it copies `values` by reference into the
 * Vega data entry it assembles and otherwise looks at them only to merge two sources whose values
 * are deep-equal. So each inline array is swapped for a placeholder array (equal arrays for the
 * same placeholder, keeping the merges), the placeholders are found again in the compiled spec, and
 * the records go back there. Placeholders rather than a named data source: named data changes the
 * output (no `values`, the other sources renumbered), and the Vega spec the browser gets must be
 * the one a plain compile gives. Whatever this cannot place exactly is compiled as before.
 */
import type * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { compileWithWarnings, type Compiled } from './check-spec.ts';

/** A key no chart's records have: it marks a placeholder in the spec and in the compiled Vega. */
const SLOT = '\u0000compile-once-slot';

/**
 * Enough for a report's shapes to come round again: in the synthetic 500-chapter report a shape
 * recurs 600 charts later. An entry is a compiled spec of about 6 kB of JSON.
 */
const MAX_SHAPES = 1000;

export interface Shape {
  /** The compiled Vega spec with placeholders, as plain data (copied for each chart). */
  vega: { data: Array<{ values?: unknown }> };
  /** For each Vega data entry holding records: its index and the slot whose records go there. */
  entries: Array<{ index: number; slot: number }>;
  warnings: string[];
  /** The spec's JSON text cut at its placeholders, once asked for: `parts[i]`, slot `slots[i]`'s records, `parts[i + 1]`… */
  text?: { parts: string[]; slots: number[] } | 'plain';
}

/** One chart's compilation: its own, or its shape's with its records. */
export interface CompiledChart {
  warnings: string[];
  /** Whether the compilation was another chart's of the same shape. */
  reused: boolean;
  /** The compiled Vega spec with this chart's records (its own copy). */
  vega(): object;
  /** `JSON.stringify(vega())`, for the page. */
  vegaText(): string;
  /** The shape and this chart's records, slot by slot; none for a chart compiled on its own. */
  shared?: { shape: Shape; slots: unknown[][] };
}

/** `plain` marks a shape whose placeholders could not be placed exactly: compiled every time. */
const shapes = new Map<string, Shape | 'plain'>();
const stats = { compiled: 0, reused: 0, plain: 0 };

/** Vega-Lite compiles so far: `compiled` once per shape, `reused` copies, `plain` ordinary ones. */
export function compileStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Forgets every shape and resets the counts (tests). */
export function forgetShapes(): void {
  shapes.clear();
  stats.compiled = stats.reused = stats.plain = 0;
}

/** `compileWithWarnings`, with the compiled spec reused for every chart of the same shape. */
export function compileOnce(spec: TopLevelSpec, config: vl.Config): Compiled {
  const compiled = compileChart(spec, config);
  return { vega: compiled.vega(), warnings: compiled.warnings };
}

/**
 * The spec's shape: the same string for specs that differ only in their records (and then
 * compile to the same Vega with other records); undefined for a spec compiled on its own.
 */
export function shapeKey(spec: TopLevelSpec, config: vl.Config): string | undefined {
  const template = withPlaceholders(spec);
  return template ? `${keyOf(template.spec)}\u0000${keyOf(config)}` : undefined;
}

/** The chart's compilation, its shape's when another chart of that shape was compiled. */
export function compileChart(spec: TopLevelSpec, config: vl.Config): CompiledChart {
  const template = withPlaceholders(spec);
  if (!template) return plain(spec, config);
  const key = `${keyOf(template.spec)}\u0000${keyOf(config)}`;
  const known = shapes.get(key);
  if (known === 'plain') return plain(spec, config);
  if (known) {
    // Most recently used last, so the oldest shape is the one to drop.
    shapes.delete(key);
    shapes.set(key, known);
    stats.reused++;
    return sharedChart(known, template.slots, true);
  }
  let compiled: Compiled;
  try {
    compiled = compileWithWarnings(template.spec as TopLevelSpec, config);
  } catch {
    // Let the chart's own spec throw (or not) as it always did.
    remember(key, 'plain');
    return plain(spec, config);
  }
  const shape = placeSlots(compiled, template.placeholders);
  remember(key, shape ?? 'plain');
  if (!shape) return plain(spec, config);
  stats.compiled++;
  return sharedChart(shape, template.slots, false);
}

function sharedChart(shape: Shape, slots: unknown[][], reused: boolean): CompiledChart {
  return {
    warnings: [...shape.warnings],
    reused,
    vega: () => withRecords(shape, slots),
    vegaText: () => {
      const text = (shape.text ??= cutText(shape));
      if (text === 'plain') return JSON.stringify(withRecords(shape, slots));
      const json = slots.map((records) => JSON.stringify(records));
      let out = text.parts[0] as string;
      for (const [i, slot] of text.slots.entries()) out += (json[slot] as string) + (text.parts[i + 1] as string);
      return out;
    },
    shared: { shape, slots },
  };
}

function withRecords(shape: Shape, slots: unknown[][]): object {
  const vega = copyData(shape.vega) as Shape['vega'];
  for (const { index, slot } of shape.entries) (vega.data[index] as { values: unknown }).values = slots[slot];
  return vega;
}

/**
 * The shape's JSON text cut where its placeholders are. A placeholder's text cannot occur inside
 * a string of the spec (its quote would be escaped there), so each match is a data entry's values.
 */
function cutText(shape: Shape): NonNullable<Shape['text']> {
  const json = JSON.stringify(shape.vega);
  const pattern = new RegExp(`\\[\\{${escapeRegExp(JSON.stringify(SLOT))}:(\\d+)\\}\\]`, 'g');
  const parts: string[] = [];
  const slots: number[] = [];
  let at = 0;
  for (const match of json.matchAll(pattern)) {
    parts.push(json.slice(at, match.index));
    slots.push(Number(match[1]));
    at = match.index + match[0].length;
  }
  parts.push(json.slice(at));
  return slots.length === shape.entries.length ? { parts, slots } : 'plain';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * JSON of a spec, told apart where JSON alone would not: a property set to undefined is not a
 * missing one to Vega-Lite, and NaN is not null.
 */
function keyOf(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === undefined) return `${SLOT}undefined`;
    if (typeof item === 'number' && (!Number.isFinite(item) || Object.is(item, -0))) return `${SLOT}${Object.is(item, -0) ? '-0' : String(item)}`;
    return item;
  });
}

function plain(spec: TopLevelSpec, config: vl.Config): CompiledChart {
  stats.plain++;
  const { vega, warnings } = compileWithWarnings(spec, config);
  return { warnings, reused: false, vega: () => vega, vegaText: () => JSON.stringify(vega) };
}

function remember(key: string, shape: Shape | 'plain'): void {
  shapes.set(key, shape);
  if (shapes.size > MAX_SHAPES) shapes.delete(shapes.keys().next().value as string);
}

interface Template {
  /** The spec with each inline array of records replaced by its slot's placeholder. */
  spec: unknown;
  /** The records of each slot (deep-equal arrays share a slot, as Vega-Lite merges them). */
  slots: unknown[][];
  placeholders: Array<Array<Record<string, number>>>;
}

/** The spec's shape, or undefined when it has no records or they cannot be swapped out exactly. */
function withPlaceholders(spec: TopLevelSpec): Template | undefined {
  const arrays: unknown[][] = [];
  const slots: unknown[][] = [];
  const placeholders: Template['placeholders'] = [];
  const slotOf = (values: unknown[]): number => {
    arrays.push(values);
    const same = slots.findIndex((other) => sameJson(other, values));
    if (same >= 0) return same;
    slots.push(values);
    placeholders.push([{ [SLOT]: slots.length - 1 }]);
    return slots.length - 1;
  };
  let unsafe = false;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node === 'function' || typeof node === 'symbol' || typeof node === 'bigint') unsafe = true;
    if (node === null || typeof node !== 'object') return node;
    // A Date, a Map or a class instance would not survive the copy (nor the key) as it is.
    if (Object.getPrototypeOf(node) !== Object.prototype) unsafe = true;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) copy[key] = key === 'data' ? visitData(value) : visit(value);
    return copy;
  };
  const visitData = (data: unknown): unknown => {
    const values = data !== null && typeof data === 'object' && 'values' in data ? data.values : undefined;
    // An empty array and the sphere's own records stay in the shape: Vega-Lite's `data: null` and
    // sphere sources hold exactly these, and a placeholder would stop them merging.
    if (!Array.isArray(values) || values.length === 0 || isSphere(values)) return visit(data);
    if (Object.getPrototypeOf(data) !== Object.prototype) unsafe = true;
    const placeholder = placeholders[slotOf(values)];
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data as object)) copy[key] = key === 'values' ? placeholder : visit(value);
    return copy;
  };
  const shaped = visit(spec);
  if (unsafe || slots.length === 0) return undefined;
  // With two arrays or more, which ones Vega-Lite merges decides the shape; its deepEqual and
  // sameJson agree on plain JSON only.
  if (arrays.length > 1 && !arrays.every(isJsonData)) return undefined;
  return { spec: shaped, slots, placeholders };
}

/** Where each placeholder ended up in the compiled spec, or undefined if not only in data entries. */
function placeSlots(compiled: Compiled, placeholders: Template['placeholders']): Shape | undefined {
  const vega = compiled.vega as { data?: Array<{ values?: unknown }> };
  const entries: Shape['entries'] = [];
  (vega.data ?? []).forEach((entry, index) => {
    const slot = placeholders.findIndex((p) => p === entry.values);
    if (slot >= 0) entries.push({ index, slot });
  });
  const found = { slots: 0 };
  // A copy also drops the compiler's closures (signal getters hold the whole model).
  const copy = exactCopy(compiled.vega, found);
  // A placeholder anywhere else (copied, or kept outside `data`) could not be given its records.
  if (copy === NOT_PLAIN || found.slots !== entries.length) return undefined;
  return { vega: copy as Shape['vega'], entries, warnings: compiled.warnings };
}

const NOT_PLAIN = Symbol('not plain data');

/**
 * A deep copy that keeps everything Vega reads (undefined properties, NaN and -0 included), or
 * NOT_PLAIN. Vega-Lite's signal references are class instances whose `signal` is an own getter; the
 * copy (like JSON, like Vega) reads the getter and is a plain object with the same `signal`.
 * Counts the placeholders it meets.
 */
function exactCopy(value: unknown, found: { slots: number }): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint' ? NOT_PLAIN : value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const copy = value.map((item) => exactCopy(item, found));
    return copy.includes(NOT_PLAIN) ? NOT_PLAIN : copy;
  }
  // Nothing inherited but a constructor (no toJSON, no getters, no Map or Date internals).
  for (let proto = Object.getPrototypeOf(value); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    if (Object.getOwnPropertyNames(proto).some((name) => name !== 'constructor') || Object.getOwnPropertySymbols(proto).length) return NOT_PLAIN;
  }
  if (Object.getOwnPropertySymbols(value).length) return NOT_PLAIN;
  if (Object.hasOwn(value, SLOT)) found.slots++;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const itemCopy = exactCopy(item, found);
    if (itemCopy === NOT_PLAIN) return NOT_PLAIN;
    copy[key] = itemCopy;
  }
  return copy;
}

/** A deep copy of plain data (arrays, and objects of own enumerable properties). */
function copyData(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(copyData);
  const copy: Record<string, unknown> = {};
  for (const key in value) if (Object.hasOwn(value, key)) copy[key] = copyData((value as Record<string, unknown>)[key]);
  return copy;
}

function isSphere(values: unknown[]): boolean {
  return values.length === 1 && sameJson(values[0], { type: 'Sphere' });
}

/** Plain JSON: what Vega-Lite's deepEqual and this module's agree on. */
function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return !Number.isNaN(value);
  if (Array.isArray(value)) return value.every(isJsonData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  // Vega-Lite's deepEqual reads these before comparing keys.
  if (['constructor', 'valueOf', 'toString'].some((name) => Object.hasOwn(value, name))) return false;
  return Object.values(value).every(isJsonData);
}

/** Deep equality of plain JSON values, key order aside (as Vega-Lite compares them). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
