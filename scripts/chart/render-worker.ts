/** A worker thread of the render pool (render-pool.ts) or the sandbox (render-sandbox.ts): runs render jobs it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { keepCompiledSchemaIn, schemaProblems } from './check-spec.ts';
import { runRenderJob, type RenderJob } from './render-job.ts';

const options = (workerData ?? {}) as { schemaDir?: string; announceReady?: boolean };
keepCompiledSchemaIn(options.schemaDir);
// The sandbox (render-sandbox.ts) times each job: the schema validator, which takes seconds to
// load, is loaded before the clock starts.
if (options.announceReady) {
  schemaProblems({});
  parentPort?.postMessage({ ready: true });
}

// The pool sends the next job before this one is done (render-pool.ts): run them one after the
// other, as they came, rather than interleaved.
let previous: Promise<unknown> = Promise.resolve();
parentPort?.on('message', (message: { id: number; job: RenderJob }) => {
  previous = previous.then(() =>
    runRenderJob(message.job).then(
      (result) => parentPort?.postMessage({ id: message.id, result }),
      (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    ),
  );
});
