/**
 * Chart workers started at the beginning of a build rather than at the chart stage. A worker takes
 * about a second to load its code (tsx, Vega, Vega-Lite); started first, that second passes while
 * the build thread loads, validates and computes, and the workers are ready when the first chart
 * is. They start only when the chart stage is certain to want them: the report has so many chart
 * blocks that, even if every entry in the chart cache were one of them, at least POOL_THRESHOLD
 * charts would have to be rendered (a cold build, or a report that grew). Otherwise the stage
 * decides after its cache lookup, as it always did.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ProjectFiles } from '../io.ts';
import { diskCache } from './chart-cache.ts';
import { poolSize, POOL_THRESHOLD } from './pool-size.ts';
import { renderPool, type RenderPool } from './render-pool.ts';

export interface EarlyPoolOptions {
  /** Folder of the build's caches (`.cache/`): the chart cache under `charts/`, the schema validator under `vega-lite/`. */
  cacheDir?: string;
  /** Folder of the chapters (report.config.json `folders.content`). Default `content`. */
  contentDir?: string;
  /** Charts that must miss the cache before workers start early. Default POOL_THRESHOLD. */
  threshold?: number;
  cores?: number;
  /** Starts the workers (default: render-pool.ts). */
  start?: (size: number, schemaDir: string | undefined) => RenderPool;
}

/** A chart block's opening fence in Markdown (``` or ~~~, info string "chart"). */
const CHART_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*chart\b/gm;

/** Chart blocks in the report's chapters, counted in the Markdown (the pages are not parsed yet). */
export async function countChartBlocks(files: ProjectFiles, contentDir = 'content'): Promise<number> {
  const paths = (await files.list(contentDir, { recursive: true }).catch(() => [])).filter((p) => p.endsWith('.md'));
  const texts = await Promise.all(paths.map((p) => files.readFile(p).then((bytes) => new TextDecoder().decode(bytes), () => '')));
  return texts.reduce((n, text) => n + (text.match(CHART_FENCE)?.length ?? 0), 0);
}

/** Workers to start now for `blocks` chart blocks when the cache holds `cached` entries: 0 unless the stage will surely use them. */
export function earlyPoolSize(blocks: number, cached: number, threshold = POOL_THRESHOLD, cores = availableParallelism()): number {
  const size = poolSize('auto', blocks - cached, cores, threshold);
  return size > 1 ? size : 0;
}

/**
 * Runs `build` with chart workers already starting when the report will need them (`undefined`
 * otherwise). The chart stage closes them when it is done; this closes them if the build stops
 * on an error before.
 */
export async function withEarlyChartPool<T>(files: ProjectFiles, build: (pool: RenderPool | undefined) => Promise<T>, options: EarlyPoolOptions = {}): Promise<T> {
  const [blocks, cached] = await Promise.all([countChartBlocks(files, options.contentDir), options.cacheDir ? diskCache(path.join(options.cacheDir, 'charts')).count() : 0]);
  const size = earlyPoolSize(blocks, cached, options.threshold, options.cores);
  const pool = size ? (options.start ?? renderPool)(size, options.cacheDir ? path.join(options.cacheDir, 'vega-lite') : undefined) : undefined;
  try {
    return await build(pool);
  } finally {
    await pool?.close();
  }
}
