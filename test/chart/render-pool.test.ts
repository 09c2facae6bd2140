/** Rendering in worker threads gives the same figures as rendering in the build's own thread. */
import { describe, expect, it } from 'vitest';
import { newStats } from '../../scripts/chart/chart-cache.ts';
import { POOL_THRESHOLD, poolSize } from '../../scripts/chart/pool-size.ts';
import { renderCharts } from '../../scripts/chart/render-charts.ts';
import { renderPool, type RenderPool } from '../../scripts/chart/render-pool.ts';
import { newSharingStats } from '../../scripts/chart/render-job.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadContent } from '../../scripts/load/load-content.ts';
import { createMarkdown } from '../../scripts/render/markdown.ts';
import { ChartError } from '../../scripts/errors.ts';
import { parsePages } from '../../scripts/validate/parse-pages.ts';
import { page } from '../helpers/fixture-project.ts';
import { ALL_TABLES } from './chart-fixtures.ts';
import { LANGUAGES } from '../helpers/languages.ts';

/** Every page chapter 1, its figures numbered in order. */
const ONE_CHAPTER = { chapter: () => 1, section: () => undefined, figure: (page: { figureOrder: string[] }, id: string) => `1.${page.figureOrder.indexOf(id) + 1}`, table: (_page: unknown, i: number) => `1.${i + 1}` };

const blocks = [
  'id: a\ntitle: A\ntable: harvest\npreset: line',
  'id: b\ntitle: B\ntable: indices\npreset: heatmap',
  'id: c\ntitle: C\ntable: matrix\npreset: matrix',
  'id: d\ntitle: D\ntable: harvest\npreset: dumbbell',
];

async function stage(body: string, workers: number, pool?: RenderPool) {
  const pages = parsePages(createMarkdown(), await loadContent(memoryFiles({ 'content/en/01-x.md': page('title: X', body) }), LANGUAGES.codes));
  const stats = newStats();
  const sharing = newSharingStats();
  const figures = await renderCharts(pages, ALL_TABLES(), ONE_CHAPTER, { cache: false, stats, sharing, workers, pool, languages: LANGUAGES });
  return { svgs: [...figures.values()].flat().map((f) => f.chart.svg), vega: [...figures.values()].flat().map((f) => f.chart.vega), stats, sharing };
}

describe('render pool', () => {
  it('renders the same SVGs in two worker threads', async () => {
    const body = blocks.map((b) => `\`\`\`chart\n${b}\n\`\`\`\n`).join('\n');
    const inThread = await stage(body, 1);
    const inWorkers = await stage(body, 2);
    expect(inWorkers.stats).toEqual({ rendered: 4, reused: 0 });
    expect(inWorkers.svgs).toEqual(inThread.svgs);
  });

  it('renders in workers started before the stage (as a build starts them), sends one shape to one worker, and closes them', async () => {
    // Three line charts of one shape (other rows) and a heatmap: with two workers, at least two of
    // the line charts meet in one worker, which compiles and parses their shape once.
    const lines = ['cereals', 'sunflower', 'total'].map((row, i) => `id: l${i}\ntitle: L\ntable: harvest\npreset: line\nrows: [${row}]`);
    const body = [...lines, blocks[1] as string].map((b) => `\`\`\`chart\n${b}\n\`\`\`\n`).join('\n');
    const inThread = await stage(body, 1);
    const started = renderPool(2);
    let closed = 0;
    const pool: RenderPool = { run: (job, shape) => started.run(job, shape), close: () => (closed++, started.close()) };
    const early = await stage(body, 2, pool);
    expect(early.svgs).toEqual(inThread.svgs);
    expect(early.vega).toEqual(inThread.vega);
    expect(early.sharing.rendered).toBe(4);
    expect(early.sharing.compile).toBeGreaterThanOrEqual(1);
    expect(early.sharing.dataflow).toBe(early.sharing.compile);
    expect(closed).toBe(1);
  });

  it('reports a chart\'s problem from a worker with its file and line', async () => {
    const bad = '```chart\nid: raw\ntitle: T\ntable: harvest\npreset: raw\nspec:\n  mark: bar\n  encoding:\n    x: {field: year, type: ordinal}\n```\n';
    const error = await stage(`\`\`\`chart\n${blocks[0]}\n\`\`\`\n\n${bad}`, 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toBe('chart "raw" encodes field "year" (at encoding.x.field) that the data does not have');
    expect((error as ChartError).where).toBe('content/en/01-x.md:11'); // the opening fence
  });
});

describe('a render pool whose workers stop', () => {
  const job = { chart: 'x' } as Parameters<RenderPool['run']>[0];

  it('fails every job, queued ones too, with why the workers stopped, and takes no more', async () => {
    // Each worker dies as it starts, as one that cannot load its code does.
    const pool = renderPool(2, undefined, 'throw new Error("cannot load the worker");');
    const jobs = Array.from({ length: 10 }, () => pool.run(job).then(() => 'rendered', (error: Error) => error.message));
    expect(await Promise.all(jobs)).toEqual(Array(10).fill('a chart render worker stopped: cannot load the worker'));
    await expect(pool.run(job)).rejects.toThrow('cannot load the worker');
    await pool.close();
  });

  it('fails the jobs of a worker that exits', async () => {
    const pool = renderPool(1, undefined, 'process.exit(3);');
    await expect(pool.run(job)).rejects.toThrow('a chart render worker stopped (exit code 3)');
    await pool.close();
  });
});

describe('poolSize', () => {
  it('uses workers only when enough charts miss the cache and there is more than one core', () => {
    expect(poolSize('auto', POOL_THRESHOLD - 1, 2)).toBe(1);
    expect(poolSize('auto', POOL_THRESHOLD, 2)).toBe(2);
    expect(poolSize('auto', 5000, 1)).toBe(1);
    expect(poolSize('auto', 5000, 16)).toBe(4);
    expect(poolSize(3, 0, 2)).toBe(3);
    expect(poolSize(undefined, 5000, 8)).toBe(1);
    expect(poolSize('auto', 100, 2, 100)).toBe(2);
  });
});
