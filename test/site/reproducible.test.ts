/**
 * Reproducible builds: the real report's sources, copied into two separate project folders and
 * built at the same time — one in UTC, the other in Almaty time with the clock a year ahead, into
 * an output folder of another name — give byte-identical sites. Anything that reads the clock,
 * the time zone, the project path or the output folder's name, or depends on ordering or random
 * ids, shows up as a differing file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureProjectOnDisk } from '../helpers/fixture-project.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repo, 'scripts/cli.ts');
/** The report's sources: everything a build reads that is not the generator itself. */
const SOURCES = ['content', 'data', 'report.config.json'];

/** Preloaded into one build: `Date` runs 400 days ahead, so any wall-clock timestamp differs. */
const SHIFT_CLOCK = `
const shift = 400 * 24 * 3600 * 1000;
const RealDate = Date;
class ShiftedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
  static now() { return RealDate.now() + shift; }
}
globalThis.Date = ShiftedDate;
`;

function build(root: string, args: string[], env: Record<string, string>, preload: string[] = []): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), cli, 'build', ...args], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 170_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output });
    });
  });
}

function fingerprint(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file).split(path.sep).join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return files;
}

describe('reproducible builds', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('builds the same sources into byte-identical sites, whatever the clock, time zone, folder and output name', async () => {
    // Copy the sources first, so an edit made while the tests run cannot make the two differ.
    const [a, b] = [fixtureProjectOnDisk({}), fixtureProjectOnDisk({})] as [string, string];
    roots.push(a, b);
    for (const root of [a, b]) for (const dir of SOURCES) cpSync(path.join(repo, dir), path.join(root, dir), { recursive: true });
    writeFileSync(path.join(b, 'shift-clock.mjs'), SHIFT_CLOCK);

    const [first, second] = await Promise.all([
      build(a, [], { TZ: 'UTC' }),
      build(b, ['--out=public'], { TZ: 'Asia/Almaty', LANG: 'ru_RU.UTF-8' }, ['./shift-clock.mjs']),
    ]);
    expect(first.status, first.output).toBe(0);
    expect(second.status, second.output).toBe(0);

    const one = fingerprint(path.join(a, '_site'));
    const two = fingerprint(path.join(b, 'public'));
    expect([...two.keys()]).toEqual([...one.keys()]);
    const differing = [...one].filter(([file, hash]) => two.get(file) !== hash).map(([file]) => file);
    expect(differing, `files that differ between ${a}/_site and ${b}/public`).toEqual([]);
    expect(one.size).toBeGreaterThan(20);
  }, 180_000);
});
