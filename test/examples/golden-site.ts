/**
 * Whole-site golden files, as Observable Framework's test/build-test.ts keeps them: a report
 * project is built into a temporary folder and every file of the published site that the report
 * decides is compared, byte for byte, with a committed copy.
 *
 * Left out of the comparison, because they are the generator's or its dependencies' bytes rather
 * than the report's, and change with an upgrade rather than with the report: `assets/` (fonts,
 * the stylesheet and browser scripts the generator bundles with esbuild, the favicon) and
 * `pagefind/` (the search index, written by Pagefind's own binary). Everything else is compared:
 * every HTML page (with its inline SVG charts), the figures' SVG and CSV downloads, the tables'
 * CSV and JSON downloads, sitemap.xml and robots.txt.
 *
 * Each report is built by the `report` command in a process of its own, exactly as an author
 * builds it: two reports written by one process are not independent (Eleventy keeps compiled
 * layouts in a module-level cache, so the second report's pages would get the first one's
 * filters). The builds run two at a time.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'scripts/bin/report.js');

/** Folders of the published site that are not the report's own bytes (see above). */
export const IGNORED = ['assets/', 'pagefind/'];

/**
 * The settings a build reads from the environment, fixed: the same sources give the same bytes on
 * every machine, whatever its clock, time zone, locale or shell.
 */
const GOLDEN_ENV = { SOURCE_DATE_EPOCH: '1735689600', REPORT_BASE_URL: 'https://example.org', TZ: 'UTC', LANG: 'C.UTF-8' };

/** What a project folder holds that is not a source: never copied into the temporary build. */
const NOT_SOURCES = new Set(['_site', '.build', '.cache', 'node_modules']);

export interface BuiltSite {
  /** Relative path (with "/") → bytes, for every compared file. */
  files: Map<string, Buffer>;
  /** What the build said, without timings and cache counts: its summary and every warning. */
  log: string;
}

/**
 * Builds the project at `source` with `report build`, from a copy in a temporary folder, so the
 * project's own folder gets no .build/, .cache/ or _site/. The copy's .cache/ is `cacheDir`
 * (kept between runs: chart and bibliography entries are keyed by all that made them).
 */
export async function buildCopy(source: string, cacheDir: string): Promise<BuiltSite> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'golden-'));
  try {
    for (const entry of readdirSync(source)) {
      if (!NOT_SOURCES.has(entry)) cpSync(path.join(source, entry), path.join(root, entry), { recursive: true });
    }
    mkdirSync(cacheDir, { recursive: true });
    symlinkSync(cacheDir, path.join(root, '.cache'));
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('REPORT_') && name !== 'SOURCE_DATE_EPOCH'));
    const { status, stdout, stderr } = await run(process.execPath, [BIN, 'build', '--force'], { cwd: root, env: { ...env, ...GOLDEN_ENV } });
    if (status !== 0) throw new Error(`report build failed in a copy of ${path.relative(REPO, source)} (exit ${status}):\n${stderr}\n${stdout}`);
    // "built public/: 7 tables, … 25 charts (3 rendered), …, 129 files in 8.1 s": the output folder is the configured one;
    // the cache count, the file count (Pagefind's and the assets' files included) and the time are left out.
    const summary = /^built (.+?)\/: (.*) in [\d.]+ s$/m.exec(stdout);
    if (!summary) throw new Error(`report build did not print its summary:\n${stdout}`);
    const output = summary[1] ?? '_site';
    const log = [`built ${output}/: ${(summary[2] ?? '').replace(/ \(\d+ rendered\)/, '').replace(/, \d+ files$/, '')}`, ...stderr.split('\n').filter((line) => line.startsWith('warning:'))].join('\n');
    return { files: readTree(path.join(root, output)), log: `${log}\n` };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `tasks` with at most `limit` at a time; each result when its task ends. */
export function limited<T>(tasks: Array<() => Promise<T>>, limit: number): Array<Promise<T>> {
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running -= 1;
    queue.shift()?.();
  };
  return tasks.map(
    (task) =>
      new Promise<T>((resolve, reject) => {
        const start = () => {
          running += 1;
          task().then(resolve, reject).finally(next);
        };
        if (running < limit) start();
        else queue.push(start);
      }),
  );
}

/** Every compared file under `dir`, sorted. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !IGNORED.some((prefix) => file.startsWith(prefix)))
    .sort();
  for (const file of paths) files.set(file, readFileSync(path.join(dir, file)));
  return files;
}

export interface Difference {
  file: string;
  kind: 'changed' | 'new' | 'missing';
}

/** The files that differ between the golden copy and the build, in path order. */
export function compareTrees(golden: Map<string, Buffer>, actual: Map<string, Buffer>): Difference[] {
  const names = [...new Set([...golden.keys(), ...actual.keys()])].sort();
  const differences: Difference[] = [];
  for (const file of names) {
    const [expected, got] = [golden.get(file), actual.get(file)];
    if (expected === undefined) differences.push({ file, kind: 'new' });
    else if (got === undefined) differences.push({ file, kind: 'missing' });
    else if (!expected.equals(got)) differences.push({ file, kind: 'changed' });
  }
  return differences;
}

/** Replaces the folder `dir` with exactly these files. */
export function writeTree(dir: string, files: Map<string, Buffer>): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [file, bytes] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
}
