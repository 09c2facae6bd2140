/**
 * Results kept between builds under `.cache/`, keyed on a hash of everything that produced them
 * (inputs, library versions, the source of the code), so an entry is never stale: anything that
 * would change the result changes the key. Entries are written to a temporary name and renamed,
 * so an interrupted build never leaves half an entry; an unreadable entry is a miss.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** sha256 over parts added one at a time, each one delimited: `hashOf` for parts too large to hold all at once. */
export function partsHash(): { add(part: string | Buffer): void; hex(): string } {
  const hash = createHash('sha256');
  return {
    add: (part) => void hash.update(part).update('\0'),
    hex: () => hash.digest('hex'),
  };
}

/** sha256 over the parts, each one delimited, as hex. */
export function hashOf(...parts: Array<string | Buffer>): string {
  const hash = partsHash();
  for (const part of parts) hash.add(part);
  return hash.hex();
}

/**
 * JSON with object keys sorted, so equal values hash equally whatever order their keys were written
 * in. The same text as `JSON.stringify` with each object's keys sorted (toJSON, undefined, non-finite
 * numbers and all), written in one pass: every chart's records and every chapter go through it
 * on each build, and copying each object into a sorted one first took 2.4 times as long.
 */
export function canonicalJson(value: unknown): string {
  const text = jsonOf(value, '');
  // What JSON.stringify gives for a value it cannot write (undefined, a function), typed as it always was.
  return text as string;
}

/** An array index as JavaScript objects keep it: such keys always come first, in numeric order. */
const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (key: string) => INDEX.test(key) && Number(key) < 2 ** 32 - 1;

/** The order the sorted copy's keys had: index-like keys numerically, then the others by code unit. */
function sortedKeys(keys: readonly string[]): string[] {
  const sorted = [...keys].sort();
  if (!sorted.some(isIndex)) return sorted;
  return [...sorted.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...sorted.filter((k) => !isIndex(k))];
}

/**
 * The keys of the last object written, and their order: the records of a chart or a table all
 * have the same keys in the same order, so the sort and the quoting are done once per run of them.
 */
let lastKeys: string[] = [];
let lastOrder: { order: string[]; quoted: string[] } = { order: [], quoted: [] };

function keyOrder(record: object): { order: string[]; quoted: string[] } {
  const keys = Object.keys(record);
  if (keys.length === lastKeys.length && keys.every((key, i) => key === lastKeys[i])) return lastOrder;
  const order = sortedKeys(keys);
  lastKeys = keys;
  lastOrder = { order, quoted: order.map((key) => JSON.stringify(key)) };
  return lastOrder;
}

/** `value` (held under `key`) as canonical JSON, or undefined where JSON.stringify leaves it out. */
function jsonOf(value: unknown, key: string): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: (key: string) => unknown }).toJSON(key);
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        let out = '[';
        for (let i = 0; i < v.length; i++) out += `${i ? ',' : ''}${jsonOf(v[i], String(i)) ?? 'null'}`;
        return `${out}]`;
      }
      const record = v as Record<string, unknown>;
      const { order, quoted } = keyOrder(record);
      let out = '{';
      for (let i = 0; i < order.length; i++) {
        const item = jsonOf(record[order[i]!], order[i]!);
        if (item !== undefined) out += `${out.length > 1 ? ',' : ''}${quoted[i]!}:${item}`;
      }
      return `${out}}`;
    }
    case 'bigint':
      // Throws as JSON.stringify does.
      return JSON.stringify(v);
    default:
      return undefined;
  }
}

const isPlain = (value: object): boolean => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * A hash of JSON-like values (objects by sorted keys, so the order keys were written in does not
 * matter), fed to the hash piece by piece: a page's view of a hundred kilobytes is hashed without
 * first being copied into one JSON text. Strings are length-prefixed, so no two values collide by
 * concatenation.
 */
export function valueHash(...values: unknown[]): string {
  const hash = createHash('sha256');
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      hash.update(`s${value.length}:`);
      hash.update(value);
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      hash.update(`${typeof value === 'number' ? 'n' : 'b'}${String(value)};`);
    } else if (value === null || value === undefined) {
      hash.update(value === null ? 'z;' : 'u;');
    } else if (Array.isArray(value)) {
      hash.update(`a${value.length}[`);
      for (const item of value) walk(item);
      hash.update(']');
    } else if (value instanceof Map) {
      walk([...value.entries()]);
    } else if (typeof value === 'object' && isPlain(value)) {
      const keys = Object.keys(value).sort();
      hash.update(`o${keys.length}{`);
      for (const key of keys) {
        hash.update(`${key.length}:${key}`);
        walk((value as Record<string, unknown>)[key]);
      }
      hash.update('}');
    } else {
      // A class instance (a Date, a Set) has no own keys to walk: hashed as `{}`, two different
      // values would share a key, and a page would be kept that should have been written again.
      throw new TypeError(`valueHash: cannot hash a ${typeof value === 'object' ? (value.constructor?.name ?? 'object') : typeof value}`);
    }
  };
  for (const value of values) walk(value);
  return hash.digest('hex');
}

/** The installed version of a package, read from its package.json (without loading the package: some hide it from `exports`). */
export function packageVersion(name: string): string {
  for (const dir of require.resolve.paths(name) ?? []) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      // not installed at this level
    }
  }
  return 'not installed';
}

/** A hash of source files (their paths relative to `base`, and contents): e.g. the code that computes a cached result. */
export function sourceHash(files: string[], base: string): string {
  return hashOf(...files.flatMap((file) => [path.relative(base, file), readFileSync(file)]));
}

let temporaryCounter = 0;

/** Writes a file so that readers see the old content or the new, never a part. */
export async function writeAtomic(file: string, content: string | Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}-${++temporaryCounter}.tmp`;
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** `compute()`'s JSON result, from `dir/<key>.json` when a previous build stored it. */
export async function memoJson<T>(dir: string | undefined, key: string, compute: () => Promise<T> | T): Promise<T> {
  if (!dir) return compute();
  const file = path.join(dir, `${key}.json`);
  try {
    const entry = JSON.parse(await fs.readFile(file, 'utf8')) as { key?: string; value?: T };
    if (entry.key === key && entry.value !== undefined) return entry.value;
  } catch {
    // a miss
  }
  const value = await compute();
  // A cache that cannot be written only costs time on the next build.
  await writeAtomic(file, JSON.stringify({ key, value })).catch(() => undefined);
  return value;
}
