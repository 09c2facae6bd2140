/**
 * Render jobs in worker threads. A job is plain JSON in and out (render-job.ts), so a pool of
 * workers can check, compile and render charts in parallel; the chart stage takes it through its
 * `run` option. Each worker loads Vega, Vega-Lite and the compiled schema once (about a second),
 * so a pool pays off for reports with many charts that changed, not for a handful.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderResult } from './render-job.ts';

export interface RenderPool {
  run(job: RenderJob): Promise<RenderResult>;
  close(): Promise<void>;
}

/**
 * A worker runs TypeScript: it registers tsx's loader itself, then imports render-worker.ts
 * (in Node 20, loaders given to a worker with --import do not reach its first module).
 */
export function workerSource(): string {
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
}

/**
 * Jobs sent to a worker before it has answered: with two, the next job is already waiting when a
 * worker finishes one, so it never sits idle while the main thread dispatches.
 */
const JOBS_IN_FLIGHT = 2;

export function renderPool(size: number, schemaDir?: string): RenderPool {
  const workers: Worker[] = [];
  /** One entry per free slot (a worker appears up to JOBS_IN_FLIGHT times). */
  const idle: Worker[] = [];
  const queue: Array<{ id: number; job: RenderJob }> = [];
  const pending = new Map<number, { resolve: (r: RenderResult) => void; reject: (e: Error) => void; worker?: Worker }>();
  let nextId = 0;

  const dispatch = () => {
    while (idle.length && queue.length) {
      const worker = idle.pop() as Worker;
      const task = queue.shift() as { id: number; job: RenderJob };
      const entry = pending.get(task.id);
      if (entry) entry.worker = worker;
      worker.postMessage(task);
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(workerSource(), { eval: true, workerData: { schemaDir } });
    worker.on('message', (message: { id: number; result?: RenderResult; error?: string }) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) entry?.reject(new Error(`chart render worker failed: ${message.error}`));
      else if (message.result) entry?.resolve(message.result);
      idle.push(worker);
      dispatch();
    });
    worker.on('error', (error) => {
      for (const [id, entry] of pending) {
        if (entry.worker === worker) {
          pending.delete(id);
          entry.reject(error);
        }
      }
    });
    workers.push(worker);
    for (let slot = 0; slot < JOBS_IN_FLIGHT; slot++) idle.push(worker);
  }

  return {
    run(job) {
      return new Promise<RenderResult>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, job });
        dispatch();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
