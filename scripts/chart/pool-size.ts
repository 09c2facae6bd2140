/**
 * How many chart workers a stage uses: its own module, so that deciding whether to start workers
 * early (early-pool.ts) does not load the chart stage, and Vega with it, before a build needs them.
 */
import { availableParallelism } from 'node:os';

/**
 * Charts to render before worker threads pay for their start-up: each loads Vega, Vega-Lite and
 * the schema validator (about a second). Measured on 2 cores (npm run bench): 2 workers were
 * 1.4× faster than one thread on 1,500 charts, and slower below about 300.
 */
export const POOL_THRESHOLD = 300;

export function poolSize(workers: number | 'auto' | undefined, misses: number, cores = availableParallelism(), threshold = POOL_THRESHOLD): number {
  if (workers === 'auto') return misses >= threshold && cores > 1 ? Math.min(cores, 4) : 1;
  return Math.max(1, Math.floor(workers ?? 1));
}

