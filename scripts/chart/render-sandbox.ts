/**
 * Charts whose spec an author wrote (`preset: raw`) render in a child process of their own, with
 * a memory limit and a time budget. A spec is data, but Vega's expression language can still ask
 * for a billion-row sequence or a gigabyte string, and that must end one chart with a message,
 * not the build with an out-of-memory abort or a hang. A process, not a worker thread: a thread
 * past its heap limit usually ends alone, but an allocation too large for V8's last-resort headroom
 * (a long string being flattened) aborts the whole process it lives in, the build's. Jobs run one
 * at a time; after a job that broke its limits the process is replaced for the next one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
  worker: ChildProcess;
  /** What the process wrote to stderr: V8 says there why it aborted. */
  stderr: () => string;
  /** Resolves when the worker has loaded Vega, Vega-Lite and the schema validator. */
  ready: Promise<void>;
}

export function renderSandbox(schemaDir?: string, limits: SandboxLimits = CHART_LIMITS): RenderSandbox {
  let running: Running | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Running => {
    // Old generation is where a runaway array or string grows; young is V8's nursery.
    const worker = spawn(process.execPath, [`--max-old-space-size=${limits.memoryMb}`, '--max-semi-space-size=32', '-e', workerSource()], {
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced',
      env: { ...process.env, SANDBOX_OPTIONS: JSON.stringify({ schemaDir, announceReady: true }) },
    });
    let stderr = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 64_000) stderr += chunk.toString();
    });
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the chart sandbox exited with code ${code} while starting: ${stderr.trim().split('\n').at(-1) ?? ''}`)));
    });
    return { worker, ready, stderr: () => stderr };
  };

  const runOne = async (job: RenderJob): Promise<RenderResult> => {
    running ??= start();
    const { worker, ready, stderr } = running;
    await ready;
    return new Promise<RenderResult>((resolve) => {
      const cleanUp = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('close', onExit);
      };
      const fail = (problem: string, expected: string, fix: string) => {
        cleanUp();
        // A worker that broke a limit is not reused: its heap or its event loop is not to be trusted.
        if (running?.worker === worker) running = undefined;
        worker.kill('SIGKILL');
        resolve({ ok: false, problem: `chart "${job.chart}" ${problem}`, expected, fix });
      };
      const onMessage = (message: { id?: number; result?: RenderResult; error?: string }) => {
        if (message.id !== 0) return;
        cleanUp();
        resolve(message.result ?? { ok: false, problem: `chart "${job.chart}" could not be drawn: ${message.error?.split('\n')[0] ?? 'unknown error'}`, expected: 'a spec Vega-Lite compiles and Vega renders', fix: 'correct the spec' });
      };
      const outOfMemory = () => fail(`needed more than ${limits.memoryMb} MB to draw`, `a chart that draws in at most ${limits.memoryMb} MB`, 'plot fewer rows, or remove the transform or expression that generates rows or long strings (sequence, flatten, fold, pad, repeat)');
      const onError = (error: Error) => fail(`could not be drawn: ${error.message.split('\n')[0]}`, 'a spec Vega-Lite compiles and Vega renders', 'correct the spec');
      const onExit = (code: number | null, signal: string | null) => {
        if (/heap out of memory|heap limit/i.test(stderr())) outOfMemory();
        else fail(`stopped the chart renderer (${signal ?? `exit code ${code}`})`, 'a spec Vega-Lite compiles and Vega renders', 'correct the spec');
      };
      const timer = setTimeout(
        () => fail(`took longer than ${limits.seconds} s to draw`, `a chart that draws within ${limits.seconds} s`, 'plot fewer rows, or remove the transforms that generate rows (sequence, flatten, fold, density, loess)'),
        limits.seconds * 1000,
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      // 'close', not 'exit': V8's last words on stderr have been read by then.
      worker.on('close', onExit);
      worker.send({ id: 0, job });
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
      running?.worker.kill('SIGKILL');
      running = undefined;
    },
  };
}
