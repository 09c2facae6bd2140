/**
 * A worker of the render pool (render-pool.ts, a thread) or of the sandbox (render-sandbox.ts, a
 * child process): runs the render jobs it is sent, one at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keepCompiledSchemaIn, schemaProblems } from './check-spec.ts';
import { runRenderJob, type RenderJob } from './render-job.ts';

type Message = { id: number; job: RenderJob };

/** The thread's port, or the child process's IPC channel (its options in SANDBOX_OPTIONS). */
const channel = parentPort
  ? { options: workerData as unknown, send: (message: unknown) => parentPort?.postMessage(message), onMessage: (listener: (message: Message) => void) => parentPort?.on('message', listener) }
  : { options: JSON.parse(process.env.SANDBOX_OPTIONS ?? '{}') as unknown, send: (message: unknown) => process.send?.(message), onMessage: (listener: (message: Message) => void) => process.on('message', listener) };

const options = (channel.options ?? {}) as { schemaDir?: string; announceReady?: boolean };
keepCompiledSchemaIn(options.schemaDir);
// The sandbox (render-sandbox.ts) times each job: the schema validator, which takes seconds to
// load, is loaded before the clock starts.
if (options.announceReady) {
  schemaProblems({});
  channel.send({ ready: true });
}

// The pool sends the next job before this one is done (render-pool.ts): run them one after the
// other, as they came, rather than interleaved.
let previous: Promise<unknown> = Promise.resolve();
channel.onMessage((message) => {
  previous = previous.then(() =>
    runRenderJob(message.job).then(
      (result) => channel.send({ id: message.id, result }),
      (error: unknown) => channel.send({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    ),
  );
});
