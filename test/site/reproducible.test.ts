/**
 * Reproducible builds: the real report built twice gives byte-identical sites. One is the site
 * test/global-setup.ts built in this repository (UTC, into .build/test-site, with the caches of
 * earlier builds); the other is built here from a copy of its sources in another folder, cold, in
 * Almaty time with the clock a year ahead and a Russian locale, into an output folder of another
 * name. Anything that reads the clock, the time zone, the project path or the output folder's
 * name, or depends on ordering, random ids or what the caches held, shows up as a differing file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveBoundariesDir } from '../../scripts/chart/boundaries-dir.ts';
import { inputsHash, projectSettings, publishedUpToDate } from '../../scripts/cache/up-to-date.ts';
import { fixtureProjectOnDisk } from '../helpers/fixture-project.ts';
import { SITE } from './site-pages.ts';
import { testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

const repo = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repo, 'scripts/bin/report.js');
const CONFIG_FILE = 'report.config.json';

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
    const child = spawn(process.execPath, [...preload.flatMap((p) => ['--import', p]), cli, 'build', ...args], { cwd: root, env: { ...process.env, ...env } });
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
    // The shared site must be what the repository's sources build now: an edit made while the
    // tests run would make the two differ for a reason of its own.
    const log = existsSync('.build/test-site.log') ? readFileSync('.build/test-site.log', 'utf8') : 'no log';
    expect(await publishedUpToDate(repo, SITE, await inputsHash(repo, SITE)), `${SITE} is not the build of the current sources (changed since the run began?):\n${log}`).not.toBe(false);
    const root = fixtureProjectOnDisk({});
    roots.push(root);
    // The report's sources: everything a build reads that is not the generator itself (its
    // folders, its configuration and the language packs that names), as the up-to-date check lists them.
    const settings = await projectSettings(repo);
    const sources = [...settings.folders, ...settings.files, ...(existsSync(path.join(repo, CONFIG_FILE)) ? [CONFIG_FILE] : [])];
    for (const source of sources) cpSync(path.join(repo, source), path.join(root, source), { recursive: true });
    writeFileSync(path.join(root, 'shift-clock.mjs'), SHIFT_CLOCK);
    // The boundary files the repository's build drew its maps from (../shared/geo beside it), wherever this copy is.
    const boundaries = resolveBoundariesDir(repo, process.env, settings.boundaries);

    const second = await build(root, ['--out=public'], { TZ: 'Asia/Almaty', LANG: 'ru_RU.UTF-8', ...(boundaries ? { REPORT_BOUNDARIES_DIR: boundaries } : {}) }, ['./shift-clock.mjs']);
    expect(second.status, second.output).toBe(0);

    const one = fingerprint(path.join(repo, SITE));
    const two = fingerprint(path.join(root, 'public'));
    expect([...two.keys()]).toEqual([...one.keys()]);
    const differing = [...one].filter(([file, hash]) => two.get(file) !== hash).map(([file]) => file);
    expect(differing, `files that differ between ${SITE} and ${root}/public`).toEqual([]);
    expect(one.size).toBeGreaterThan(20);
  }, 180_000);
});
