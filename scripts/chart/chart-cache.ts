/**
 * The chart cache: a chart whose spec and data did not change is not checked, compiled and
 * rendered again. The key is a hash of everything the SVG depends on: the Vega-Lite spec (with
 * its data inlined), the SVG's accessible name, description and ids, the theme, the locale, the
 * Vega and Vega-Lite versions, and the source of the chart code itself (scripts/chart/**), so an
 * entry can never be stale: anything that would change the output changes the key.
 *
 * Entries live under `.cache/charts/` (git-ignored), one JSON file each, written to a temporary
 * file and renamed, so a build interrupted half-way never leaves a truncated entry; an unreadable
 * entry counts as a miss.
 */
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { canonicalJson, packageVersion, sourceHash, writeAtomic } from '../cache/disk-memo.ts';

export interface RenderedSvg {
  /** The compiled Vega spec as JSON text, for the interactive version in the browser. */
  vega: string;
  svg: string;
}

export interface ChartCache {
  get(key: string): Promise<RenderedSvg | undefined>;
  set(key: string, value: RenderedSvg): Promise<void>;
}

/** Counts of the chart stage's work, for tests and the build summary (never timings). */
export interface ChartStats {
  /** Charts checked, compiled and rendered. */
  rendered: number;
  /** Charts taken from the cache. */
  reused: number;
}

export const newStats = (): ChartStats => ({ rendered: 0, reused: 0 });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function chartCodeHash(): string {
  const here = import.meta.dirname;
  // The chart stage, and the escaping render-svg.ts applies to the SVG's title and description.
  return sourceHash([...filesUnder(here), path.join(here, '../render/escape.ts')], here).slice(0, 16);
}

/** What produced an SVG besides its inputs: the renderer's versions and the chart code. */
export const RENDERER_VERSION = `vega ${packageVersion('vega')}; vega-lite ${packageVersion('vega-lite')}; chart code ${chartCodeHash()}`;

export { canonicalJson };

export function cacheKey(inputs: unknown, renderer = RENDERER_VERSION): string {
  return createHash('sha256').update(renderer).update('\0').update(canonicalJson(inputs)).digest('hex');
}

export function memoryCache(): ChartCache & { entries: Map<string, RenderedSvg> } {
  const entries = new Map<string, RenderedSvg>();
  return {
    entries,
    get: async (key) => entries.get(key),
    set: async (key, value) => void entries.set(key, value),
  };
}

/** Entries no build has used for this long are removed (charts since edited, removed or restyled). */
export const UNUSED_ENTRY_DAYS = 30;

export function diskCache(dir: string): ChartCache & { prune(now?: number): Promise<number>; count(): Promise<number> } {
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      try {
        const entry = JSON.parse(await fs.readFile(fileOf(key), 'utf8')) as { key?: string; vega?: unknown; svg?: string };
        if (entry.key !== key || typeof entry.svg !== 'string' || typeof entry.vega !== 'string') return undefined;
        // Used: its modification time says so, for prune().
        const now = new Date();
        await fs.utimes(fileOf(key), now, now).catch(() => undefined);
        return { vega: entry.vega, svg: entry.svg };
      } catch {
        return undefined;
      }
    },
    /** How many entries there are (none when the folder is missing). */
    async count() {
      const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json')).length;
    },
    /** Removes entries unused for UNUSED_ENTRY_DAYS; returns how many. */
    async prune(now = Date.now()) {
      let removed = 0;
      const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      for (const entry of entries) {
        if (!entry.isFile()) continue;
        const file = path.join(entry.parentPath, entry.name);
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && now - stat.mtimeMs > UNUSED_ENTRY_DAYS * 86_400_000) {
          await fs.rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
    async set(key, value) {
      // A cache that cannot be written only costs time on the next build.
      await writeAtomic(fileOf(key), JSON.stringify({ key, ...value })).catch(() => undefined);
    },
  };
}
