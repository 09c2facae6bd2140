/** A worker thread of the render pool (render-pool.ts): runs render jobs it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { keepCompiledSchemaIn } from './check-spec.ts';
import { runRenderJob, type RenderJob } from './render-job.ts';

keepCompiledSchemaIn((workerData as { schemaDir?: string } | undefined)?.schemaDir);

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
