/**
 * A worker thread for the chart-stage benchmark: runs `runRenderJob` (scripts/chart/render-job.ts)
 * on the plain-JSON jobs the chart stage hands to its `run` hook, and posts the result back.
 * Started by bench/chart-stage.ts with tsx's loader, so it imports the TypeScript directly.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { root } = workerData as { root: string };
const { runRenderJob } = (await import(`${root}/scripts/chart/render-job.ts`)) as typeof import('../scripts/chart/render-job.ts');

parentPort?.on('message', async (message: { id: number; job: Parameters<typeof runRenderJob>[0] }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: await runRenderJob(message.job) });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
parentPort?.postMessage({ ready: true });
