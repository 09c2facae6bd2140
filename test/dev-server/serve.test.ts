/**
 * `npm start` under edits: the dev server runs in a fixture project; a bad edit to a data file is
 * reported in the terminal and on the page (div.build-error) while the server stays up and keeps
 * serving the last good version; the next good edit recovers. Every wait is bounded, and the
 * server is always stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureProjectOnDisk } from '../helpers/fixture-project.ts';

const cli = path.resolve(import.meta.dirname, '../../scripts/bin/report.js');
const base = path.resolve(import.meta.dirname, '../fixtures/bad-input/_base');

/** Polls `check` until it returns a value, or fails after `timeout` ms with `what`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeout = 30_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function get(url: string): Promise<{ status: number; body: string } | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    return { status: response.status, body: await response.text() };
  } catch {
    return undefined;
  }
}

describe('the dev server', () => {
  let server: ChildProcess | undefined;
  let root: string | undefined;

  afterAll(async () => {
    if (server?.pid !== undefined && server.exitCode === null) {
      // The server runs in its own process group: stop it and anything it started.
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      process.kill(-server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (server.exitCode === null && server.signalCode === null) process.kill(-server.pid, 'SIGKILL');
    }
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows a bad edit in the terminal and on the page without stopping, and recovers on the next good edit', async () => {
    root = fixtureProjectOnDisk({});
    cpSync(base, root, { recursive: true });
    const table = path.join(root, 'data/harvest.json');
    const good = readFileSync(table, 'utf8');

    let output = '';
    server = spawn(process.execPath, [cli, 'serve', '--port=0'], { cwd: root, detached: true, env: { ...process.env, TZ: 'UTC', FORCE_COLOR: '0' } });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await waitFor('the server to start', () => /Server at (http:\/\/\S+?)\/?\s/.exec(output)?.[1] ?? (server?.exitCode !== null ? Promise.reject(new Error(`the server exited:\n${output}`)) : undefined), 60_000);
    const chapter = `${url.replace('localhost', '127.0.0.1')}/en/harvest/`;

    // 1. The good project: the chapter with its computed number, no error banner.
    const first = await waitFor('the chapter', async () => ((await get(chapter))?.status === 200 ? get(chapter) : undefined));
    expect(first?.body).toContain('>182.2</a>');
    expect(first?.body).not.toContain('class="build-error"');

    // 2. A bad edit: a number written as text.
    const mark = output.length;
    writeFileSync(table, good.replace('"2016": 21.1', '"2016": "21,1"'));
    const broken = await waitFor('the error banner', async () => {
      const page = await get(chapter);
      return page?.body.includes('class="build-error"') ? page : undefined;
    });
    expect(broken.status).toBe(200);
    expect(broken.body).toContain('rows[1].values.2016'); // the message, on the page
    expect(broken.body).toContain('a value must be a number, got the string &quot;21,1&quot;');
    expect(broken.body).toContain('>182.2</a>'); // the last good version is still served
    await waitFor('the message in the terminal', () => (output.slice(mark).includes('a value must be a number') ? true : undefined), 10_000);
    expect(output.slice(mark)).toMatch(/the report was not rebuilt:\s+data\/harvest\.json:\d+:\d+ \(rows\[1\]\.values\.2016\): a value must be a number, got the string "21,1"/);
    expect(server.exitCode).toBeNull();

    // 3. The next good edit: the banner goes and the new number shows (160 ÷ 86.4 × 100 = 185.2).
    writeFileSync(table, good.replace('"2019": 157.4', '"2019": 160'));
    const recovered = await waitFor('recovery', async () => {
      const page = await get(chapter);
      return page && !page.body.includes('class="build-error"') && page.body.includes('>185.2</a>') ? page : undefined;
    });
    expect(recovered.status).toBe(200);
    expect(server.exitCode).toBeNull();

    // 4. A prose edit: that page alone is written again; the others are kept.
    const chapterFile = path.join(root, 'content/en/01-harvest.md');
    const beforeProse = output.length;
    writeFileSync(chapterFile, readFileSync(chapterFile, 'utf8').replace(/\n\n/, '\n\nA sentence added while the server ran.\n\n'));
    await waitFor('the edited text', async () => ((await get(chapter))?.body.includes('A sentence added while the server ran.') ? true : undefined));
    await waitFor('the rebuild line', () => (/rendered 1 of \d+ pages \(en\/harvest\)/.test(output.slice(beforeProse)) ? true : undefined), 10_000);
    // The dev server never writes the published folder.
    expect(existsSync(path.join(root, '_site'))).toBe(false);
  }, 150_000);
});
