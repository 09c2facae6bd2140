/**
 * The dev server's edit loop, as an author sees it: `npm start` runs in a project; a chapter's
 * prose is edited on disk, and the clock runs from the write until the server answers that page
 * with the new sentence (polled every 20 ms over HTTP, so the time includes the file watcher, the
 * rebuild and the swap). Each round edits the same chapter with a new sentence.
 *
 * `node --import tsx bench/dev-server.ts <project> <chapter file> [rounds]` prints one JSON line;
 * bench/run.ts calls `measureDevServer`.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './figures.ts';
import { REPORT_COMMAND } from './synthetic.ts';

export interface DevServerTiming {
  /** Milliseconds from each write to the first response with the new text. */
  rounds: number[];
  medianMs: number;
  /** What the server said of each rebuild ("rebuilt in 0.84 s; rendered 1 of 506 pages …"). */
  lines: string[];
  /** The first build, as the server timed it. */
  startMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 20): Promise<T> {
  const end = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export async function measureDevServer(root: string, chapterFile: string, rounds = 5): Promise<DevServerTiming> {
  const started = performance.now();
  // As `npm start` runs it: the project's own copy (or link) of the generator.
  const server = spawn(process.execPath, [...REPORT_COMMAND.slice(1), 'serve', '--port=0'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    // Port 0: the system picks a free one, and the server says which.
    const origin = await until('the server to start', () => /Server at (http:\/\/\S+?)\/?\s/.exec(output)?.[1]?.replace('localhost', '127.0.0.1') ?? (server.exitCode !== null ? Promise.reject(new Error(`the server exited:\n${output}`)) : undefined), 300_000, 100);
    const startMs = performance.now() - started;
    const slug = path.basename(chapterFile, '.md').replace(/^\d+-/, '');
    const locale = chapterFile.split('/').at(-2);
    const url = `${origin}/${locale}/${slug}/`;
    const file = path.join(root, chapterFile);
    const original = readFileSync(file, 'utf8');
    const times: number[] = [];
    const mark = output.length;
    try {
      for (let round = 0; round < rounds; round++) {
        // An author reading the page between saves: the previous round's search index (built 2 s
        // after an edit, serve.ts) is done, and does not share the two cores with this rebuild.
        await sleep(Number(process.env.PAUSE_MS ?? 5000));
        const sentence = `Benchmark sentence ${round} ${Date.now()}.`;
        const body = original.replace(/\n\n/, `\n\n${sentence}\n\n`);
        const written = performance.now();
        writeFileSync(file, body);
        await until('the edited page', async () => {
          const response = await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
          return response && (await response.text()).includes(sentence) ? true : undefined;
        }, 60_000);
        times.push(performance.now() - written);
      }
    } finally {
      writeFileSync(file, original);
    }
    return { rounds: times, medianMs: median(times), lines: output.slice(mark).split('\n').filter((l) => l.includes('rebuilt in')), startMs };
  } finally {
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  }
}

if (import.meta.filename === process.argv[1]) {
  const [root = '.', chapter = '', rounds = '5'] = process.argv.slice(2);
  console.log(JSON.stringify(await measureDevServer(path.resolve(root), chapter, Number(rounds))));
}
