/**
 * Render jobs in worker threads. A job is plain JSON in and out (render-job.ts), so a pool of
 * workers can check, compile and render charts in parallel; the chart stage takes it through its
 * `run` option. Each worker loads Vega, Vega-Lite and the compiled schema once (about a second),
 * so a pool pays off for reports with many charts that changed, not for a handful.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderResult } from './render-job.ts';

export interface RenderPool {
  /**
   * Renders a job in a worker. `shape`: the job's spec shape (compile-once.ts `shapeKey`): jobs of
   * one shape go to the worker that already compiled and parsed it, when it is free to take them.
   */
  run(job: RenderJob, shape?: string): Promise<RenderResult>;
  /** Ends the workers; again, it does nothing. */
  close(): Promise<void>;
}

/**
 * Packages a worker loads first (before it registers tsx, when it runs the TypeScript). Vega and
 * Vega-Lite are a hundred or so plain JavaScript modules: loaded through tsx's hooks (which run on a loader thread in Node 20) they
 * took about half of a worker's start; loaded first by Node itself, the modules that import them
 * later find them loaded.
 */
const PRELOADED = ['vega', 'vega-lite', 'vega-interpreter'];

/** The compiled render-worker.ts, when the generator runs compiled: scripts/bin/compiled-cli.js defines it. */
declare const COMPILED_RENDER_WORKER: string | undefined;

/**
 * A worker runs render-worker.ts compiled, as the command line does, or else the TypeScript: it
 * registers tsx's loader itself, then imports it (in Node 20, loaders given to a worker with
 * --import do not reach its first module).
 */
export function workerSource(): string {
  const packages = PRELOADED.map((name) => import.meta.resolve(name));
  const preload = `Promise.all(${JSON.stringify(packages)}.map((url) => import(url)))`;
  if (typeof COMPILED_RENDER_WORKER === 'string') return `${preload}.then(() => import(${JSON.stringify(COMPILED_RENDER_WORKER)}))`;
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./render-worker.ts', import.meta.url).href;
  return `${preload}.then(() => import(${JSON.stringify(api)})).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
}

/**
 * Jobs sent to a worker before it has answered: with two, the next job is already waiting when a
 * worker finishes one, so it never sits idle while the main thread dispatches.
 */
const JOBS_IN_FLIGHT = 2;

/**
 * How far down the queue a free worker looks for a job of a shape it knows before it takes the
 * first job: far enough to find one among a report's interleaved presets, near enough that the
 * queue's order still roughly holds.
 */
const LOOK_AHEAD = 64;

interface Task {
  id: number;
  job: RenderJob;
  shape?: string;
}

interface Thread {
  worker: Worker;
  /** Jobs sent and not answered. */
  busy: number;
  /** Shapes this worker has compiled and parsed (or is about to). */
  shapes: Set<string>;
}

/**
 * Which queued job a thread with a free slot takes (its index), within LOOK_AHEAD: the first of a
 * shape it knows, else the first of a shape no thread knows yet. A thread with nothing to do takes
 * the first job whatever its shape (no thread waits while there is a job); one that is still busy
 * leaves a shape another thread knows to that thread (-1), which will be free soon.
 */
export function pickTask(queue: ReadonlyArray<{ shape?: string }>, thread: Pick<Thread, 'busy' | 'shapes'>, threads: ReadonlyArray<Pick<Thread, 'shapes'>>): number {
  const limit = Math.min(queue.length, LOOK_AHEAD);
  let unknown = -1;
  for (let i = 0; i < limit; i++) {
    const shape = queue[i]?.shape;
    if (shape === undefined || thread.shapes.has(shape)) return i;
    if (unknown < 0 && !threads.some((other) => other.shapes.has(shape))) unknown = i;
  }
  if (unknown >= 0) return unknown;
  return thread.busy === 0 && queue.length ? 0 : -1;
}

/** `source`: what each worker runs (workerSource() but in tests of a worker that fails). */
export function renderPool(size: number, schemaDir?: string, source = workerSource()): RenderPool {
  const threads: Thread[] = [];
  const queue: Task[] = [];
  const pending = new Map<number, { resolve: (r: RenderResult) => void; reject: (e: Error) => void; thread?: Thread }>();
  let nextId = 0;
  let closed: Promise<void> | undefined;
  /** Why the last worker stopped, once none is left: every job then fails with it, and none waits. */
  let stopped: Error | undefined;

  // A worker that stops (it could not load its code, or ran out of memory) fails the jobs it had;
  // when none is left, every job still queued fails too, or the build would wait for them forever
  // (and, its event loop empty, end without a word).
  const fail = (thread: Thread, error: Error) => {
    const index = threads.indexOf(thread);
    if (index < 0) return;
    threads.splice(index, 1);
    for (const [id, entry] of pending) {
      if (entry.thread === thread) {
        pending.delete(id);
        entry.reject(error);
      }
    }
    if (threads.length > 0) return dispatch();
    stopped = error;
    for (const task of queue.splice(0)) {
      pending.get(task.id)?.reject(error);
      pending.delete(task.id);
    }
  };

  const dispatch = () => {
    for (const thread of threads) {
      while (thread.busy < JOBS_IN_FLIGHT && queue.length) {
        const i = pickTask(queue, thread, threads);
        if (i < 0) break;
        const task = queue.splice(i, 1)[0] as Task;
        if (task.shape !== undefined) thread.shapes.add(task.shape);
        const entry = pending.get(task.id);
        if (entry) entry.thread = thread;
        thread.busy++;
        thread.worker.postMessage({ id: task.id, job: task.job });
      }
    }
  };

  for (let i = 0; i < size; i++) {
    const thread: Thread = { worker: new Worker(source, { eval: true, workerData: { schemaDir } }), busy: 0, shapes: new Set() };
    thread.worker.on('message', (message: { id: number; result?: RenderResult; error?: string }) => {
      const entry = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) entry?.reject(new Error(`chart render worker failed: ${message.error}`));
      else if (message.result) entry?.resolve(message.result);
      thread.busy--;
      dispatch();
    });
    thread.worker.on('error', (error) => fail(thread, new Error(`a chart render worker stopped: ${error.message}`, { cause: error })));
    thread.worker.on('exit', (code) => {
      if (!closed) fail(thread, new Error(`a chart render worker stopped (exit code ${code})`));
    });
    threads.push(thread);
  }

  return {
    run(job, shape) {
      return new Promise<RenderResult>((resolve, reject) => {
        if (stopped) return reject(stopped);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        queue.push({ id, job, shape });
        dispatch();
      });
    },
    close() {
      closed ??= Promise.all(threads.map((t) => t.worker.terminate())).then(() => undefined);
      return closed;
    },
  };
}
