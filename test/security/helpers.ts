/** What the security tests share: a loopback server that counts what reaches it, and raw-chart chapters. */
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ReportError } from '../../scripts/errors.ts';
import { fixtureFiles, page } from '../helpers/fixture-project.ts';

/** A TCP listener on 127.0.0.1 that accepts and counts connections (HTTP or anything else) and answers nothing useful. */
export async function countingServer(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\ncontent-length: 14\r\n\r\nsecret,leaked\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A one-chapter project whose chapter holds a `preset: raw` chart with `spec` (YAML, indented two spaces). */
export function rawChartProject(spec: string, extra: Record<string, string> = {}) {
  return fixtureFiles({ 'content/en/01-harvest.md': page('title: Harvest', `Intro.\n\n\`\`\`chart\nid: probe\ntitle: Probe\ntable: harvest\npreset: raw\nspec:\n${spec}\n\`\`\`\n`), ...extra });
}

/** The author-facing message of a failed build, or throws if the build did not fail with a ReportError. */
export async function reportMessage(build: Promise<unknown>): Promise<string> {
  const outcome = await build.then(
    () => 'built',
    (error: unknown) => error,
  );
  if (!(outcome instanceof ReportError)) throw new Error(`expected a ReportError, got ${outcome instanceof Error ? (outcome.stack ?? outcome.message) : String(outcome)}`);
  return outcome.format();
}

/** Caches for tests that render author specs: outside the repository and the working directory. */
export const testCacheDir = path.join(os.tmpdir(), 'report-security-test-cache');
