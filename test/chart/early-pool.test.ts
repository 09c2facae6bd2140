/**
 * Chart workers started at the beginning of a build (early-pool.ts): only when the chart stage is
 * certain to want them, and always closed, also when the build stops before the chart stage.
 * Whether they are faster is measured in `npm run bench`, never here.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countChartBlocks, earlyPoolSize, withEarlyChartPool } from '../../scripts/chart/early-pool.ts';
import type { RenderPool } from '../../scripts/chart/render-pool.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const chapter = (...fences: string[]) => fences.map((f) => `${f}\nid: x\n\`\`\`\n`).join('\nText.\n\n');

/** A pool that records what happens to it. */
function fakePool(): RenderPool & { sizes: number[]; closed: number } {
  const pool = {
    sizes: [] as number[],
    closed: 0,
    run: () => Promise.reject(new Error('not used')),
    close: async () => void pool.closed++,
  };
  return pool;
}

describe('early chart workers', () => {
  it('counts chart blocks in the chapters, whatever the fence, and nothing else', async () => {
    const files = memoryFiles({
      'content/en/01-a.md': chapter('```chart', '~~~chart', '```` chart', '```table', '```js'),
      'content/ru/01-a.md': chapter('```chart', '    ```chart'),
      'data/notes.md': chapter('```chart'),
    });
    // 3 in English, 1 in Russian (four spaces of indent make a code block, not a fence).
    expect(await countChartBlocks(files)).toBe(4);
    expect(await countChartBlocks(memoryFiles({}))).toBe(0);
  });

  it('counts the chapters of the content folder the configuration names', async () => {
    const files = memoryFiles({ 'chapters/en/01-a.md': chapter('```chart', '```chart'), 'content/en/01-a.md': chapter('```chart') });
    expect(await countChartBlocks(files, 'chapters')).toBe(2);
    const sizes: number[] = [];
    const start = (size: number) => {
      sizes.push(size);
      return fakePool();
    };
    const build = async (pool: RenderPool | undefined) => (pool ? 'with workers' : 'without');
    // Threshold 2: the two charts under chapters/ start workers; the one under content/ would not.
    expect(await withEarlyChartPool(files, build, { contentDir: 'chapters', threshold: 2, cores: 2, start })).toBe('with workers');
    expect(await withEarlyChartPool(files, build, { threshold: 2, cores: 2, start })).toBe('without');
    expect(sizes).toEqual([2]);
  });

  it('starts workers only when at least the threshold of charts must miss the cache, on more than one core', () => {
    expect(earlyPoolSize(299, 0, 300, 2)).toBe(0);
    expect(earlyPoolSize(300, 0, 300, 2)).toBe(2);
    // 1,000 blocks and 800 cache entries: at most 800 hits, so at least 200 renders: too few.
    expect(earlyPoolSize(1000, 800, 300, 2)).toBe(0);
    expect(earlyPoolSize(1000, 700, 300, 2)).toBe(2);
    expect(earlyPoolSize(5000, 0, 300, 1)).toBe(0);
    expect(earlyPoolSize(5000, 0, 300, 16)).toBe(4);
  });

  it('reads the cache folder for its entries, and closes the workers after the build and after a failed one', async () => {
    const cacheDir = tempDir('early-pool');
    const files = memoryFiles({ 'content/en/01-a.md': chapter('```chart', '```chart', '```chart') });
    const pools: Array<ReturnType<typeof fakePool>> = [];
    const start = (size: number) => {
      const pool = fakePool();
      pool.sizes.push(size);
      pools.push(pool);
      return pool;
    };
    const options = { cacheDir, threshold: 3, cores: 2, start };
    expect(await withEarlyChartPool(files, async (pool) => (pool ? 'with workers' : 'without'), options)).toBe('with workers');
    expect(pools.map((p) => [p.sizes, p.closed])).toEqual([[[2], 1]]);
    await expect(withEarlyChartPool(files, () => Promise.reject(new Error('a table is invalid')), options)).rejects.toThrow('a table is invalid');
    expect(pools[1]?.closed).toBe(1);
    // One cache entry: at most one hit, two renders, below the threshold of 3.
    mkdirSync(path.join(cacheDir, 'charts', 'ab'), { recursive: true });
    writeFileSync(path.join(cacheDir, 'charts', 'ab', 'abcd.json'), '{}');
    expect(await withEarlyChartPool(files, async (pool) => (pool ? 'with workers' : 'without'), options)).toBe('without');
    expect(pools).toHaveLength(2);
  });
});
