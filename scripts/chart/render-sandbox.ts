/**
 * Charts whose spec an author wrote (`preset: raw`) render in a worker thread of their own, with
 * a memory limit and a time budget. A spec is data, but Vega's expression language can still ask
 * for a billion-row sequence or a gigabyte string, and that must end one chart with a message,
 * not the build with an out-of-memory abort or a hang. Jobs run one at a time; after a job that
 * broke its limits the worker is replaced for the next one.
 */
import { Worker } from 'node:worker_threads';
import type { RenderJob, RenderResult } from './render-job.ts';
import { workerSource } from './render-pool.ts';
import { CHART_LIMITS } from './spec-boundary.ts';

export interface RenderSandbox {
  run(job: RenderJob): Promise<RenderResult>;
  close(): Promise<void>;
}

export interface SandboxLimits {
  seconds: number;
  memoryMb: number;
}

interface Running {
  worker: Worker;
  /** Resolves when the worker has loaded Vega, Vega-Lite and the schema validator. */
  ready: Promise<void>;
}

export function renderSandbox(schemaDir?: string, limits: SandboxLimits = CHART_LIMITS): RenderSandbox {
  let running: Running | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Running => {
    const worker = new Worker(workerSource(), {
      eval: true,
      workerData: { schemaDir, announceReady: true },
      // Old generation is where a runaway array or string grows; young is V8's nursery.
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the chart sandbox exited with code ${code} while starting`)));
    });
    return { worker, ready };
  };

  const runOne = async (job: RenderJob): Promise<RenderResult> => {
    running ??= start();
    const { worker, ready } = running;
    await ready;
    return new Promise<RenderResult>((resolve) => {
      const cleanUp = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const fail = (problem: string, expected: string, fix: string) => {
        cleanUp();
        // A worker that broke a limit is not reused: its heap or its event loop is not to be trusted.
        if (running?.worker === worker) running = undefined;
        void worker.terminate();
        resolve({ ok: false, problem: `chart "${job.chart}" ${problem}`, expected, fix });
      };
      const onMessage = (message: { id?: number; result?: RenderResult; error?: string }) => {
        if (message.id !== 0) return;
        cleanUp();
        resolve(message.result ?? { ok: false, problem: `chart "${job.chart}" could not be drawn: ${message.error?.split('\n')[0] ?? 'unknown error'}`, expected: 'a spec Vega-Lite compiles and Vega renders', fix: 'correct the spec' });
      };
      const onError = (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          fail(`needed more than ${limits.memoryMb} MB to draw`, `a chart that draws in at most ${limits.memoryMb} MB`, 'plot fewer rows, or remove the transform or expression that generates rows or long strings (sequence, flatten, fold, pad, repeat)');
        } else {
          fail(`could not be drawn: ${error.message.split('\n')[0]}`, 'a spec Vega-Lite compiles and Vega renders', 'correct the spec');
        }
      };
      const onExit = (code: number) => fail(`stopped the chart renderer (exit code ${code})`, 'a spec Vega-Lite compiles and Vega renders', 'correct the spec');
      const timer = setTimeout(
        () => fail(`took longer than ${limits.seconds} s to draw`, `a chart that draws within ${limits.seconds} s`, 'plot fewer rows, or remove the transforms that generate rows (sequence, flatten, fold, density, loess)'),
        limits.seconds * 1000,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id: 0, job });
    });
  };

  return {
    run(job) {
      const result = queue.then(() => runOne(job));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      await running?.worker.terminate();
      running = undefined;
    },
  };
}
