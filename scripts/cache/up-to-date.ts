/**
 * `npm run build` when nothing changed: every file the build reads (content/, data/, templates/,
 * scripts/, the configuration, the dependency lockfile, the boundary files) and every setting it
 * reads from the environment are hashed; if the hash is the one recorded when the published folder
 * was last written, and that folder still holds exactly the files it was written with (same
 * names, sizes and modification times), the build has nothing to do. Any difference, a missing
 * record or `--force` runs the whole pipeline, whose own caches (charts, bibliography, search
 * index) are keyed the same way. The record lives in `.cache/published/`, not in the site.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { resolveBoundariesDir } from '../chart/boundaries-dir.ts';
import { GENERATOR_ROOT } from '../generator-root.ts';
import { hashOf, writeAtomic } from './disk-memo.ts';

/** Files of the report project whose contents decide the output, besides its content and data folders. */
const PROJECT_FILES = ['package.json', 'package-lock.json', 'report.config.json'];
/** And of the generator (the same folder for this repository; elsewhere for an installed generator). */
export const GENERATOR_FOLDERS = ['templates', 'scripts', 'locales'];
export const GENERATOR_FILES = ['.eleventy.js', 'package.json', 'package-lock.json'];
/** Settings the build reads from the environment (canonical links, edition date, maps). */
const INPUT_ENV = ['REPORT_BASE_URL', 'SOURCE_DATE_EPOCH', 'REPORT_BOUNDARIES_DIR'];

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}

/** A hash of everything a build of `root` into `outDir` reads, with the generator in `generator`. */
export async function inputsHash(root: string, outDir: string, env: NodeJS.ProcessEnv = process.env, generator = GENERATOR_ROOT): Promise<string> {
  const settings = await projectSettings(root);
  const boundaries = await boundaryFiles(root, env, settings);
  const folders = [...settings.folders.map((dir) => path.join(root, dir)), ...GENERATOR_FOLDERS.map((dir) => path.join(generator, dir))];
  const files = [
    ...new Set([
      ...(await Promise.all(folders.map((dir) => filesUnder(dir)))).flat(),
      ...[...PROJECT_FILES, ...settings.files].map((file) => path.join(root, file)),
      ...GENERATOR_FILES.map((file) => path.join(generator, file)),
      ...boundaries.files,
    ]),
  ];
  const parts: Array<string | Buffer> = [process.version, path.resolve(root, outDir), ...INPUT_ENV.map((name) => `${name}=${env[name] ?? ''}`)];
  for (const file of files) {
    parts.push(path.relative(root, file), await fs.readFile(file).catch(() => 'missing'));
  }
  return hashOf(...parts);
}

/**
 * A hash of the boundary files the build of `root` would read for its maps: files outside the
 * project, which a memo keyed on the project's own files (build-memo.ts) does not see change.
 */
export async function boundariesHash(root: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { dir, files } = await boundaryFiles(root, env, await projectSettings(root));
  const contents = await Promise.all(files.map((file) => fs.readFile(file).catch(() => 'missing')));
  return hashOf(dir, ...files.flatMap((file, i) => [path.relative(dir, file), contents[i] as Buffer | string]));
}

/** The boundary folder a build of `root` reads its maps from ('' for none), and its files. */
async function boundaryFiles(root: string, env: NodeJS.ProcessEnv, settings: { boundaries?: string }): Promise<{ dir: string; files: string[] }> {
  const dir = resolveBoundariesDir(root, env, settings.boundaries) ?? '';
  return { dir, files: dir ? await filesUnder(dir) : [] };
}

/**
 * What report.config.json says about where the build reads: read leniently, without the
 * pipeline (a config the build would refuse only changes the hash, and the build reports it).
 */
export async function projectSettings(root: string): Promise<{ folders: string[]; files: string[]; boundaries?: string }> {
  let config: { folders?: { content?: unknown; data?: unknown }; strings?: Record<string, unknown>; boundaries?: unknown } = {};
  try {
    config = JSON.parse(await fs.readFile(path.join(root, 'report.config.json'), 'utf8')) ?? {};
  } catch {
    // no configuration, or not readable: the defaults
  }
  const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
  return {
    folders: [text(config.folders?.content, 'content'), text(config.folders?.data, 'data')],
    files: Object.values(config.strings ?? {}).filter((entry): entry is string => typeof entry === 'string'),
    ...(typeof config.boundaries === 'string' ? { boundaries: config.boundaries } : {}),
  };
}

interface PublishedRecord {
  inputs: string;
  /** Every file of the published folder: [relative path, size, mtime in ms]. */
  files: Array<[string, number, number]>;
}

async function listing(dir: string): Promise<PublishedRecord['files']> {
  const files = await filesUnder(dir);
  return Promise.all(
    files.map(async (file) => {
      const stat = await fs.stat(file);
      return [path.relative(dir, file), stat.size, stat.mtimeMs] as [string, number, number];
    }),
  );
}

const recordFile = (root: string, outDir: string) => path.join(root, '.cache', 'published', `${hashOf(path.resolve(root, outDir)).slice(0, 16)}.json`);

/** Whether `outDir` is what a build of these inputs wrote, untouched since: the number of files, or false. */
export async function publishedUpToDate(root: string, outDir: string, inputs: string): Promise<number | false> {
  let record: PublishedRecord;
  try {
    record = JSON.parse(await fs.readFile(recordFile(root, outDir), 'utf8')) as PublishedRecord;
  } catch {
    return false;
  }
  if (record.inputs !== inputs) return false;
  const now = await listing(path.resolve(root, outDir));
  if (now.length === 0 || JSON.stringify(now) !== JSON.stringify(record.files)) return false;
  return now.length;
}

/** Records that `outDir` now holds the build of these inputs (call after it was published). */
export async function recordPublished(root: string, outDir: string, inputs: string): Promise<void> {
  const record: PublishedRecord = { inputs, files: await listing(path.resolve(root, outDir)) };
  await writeAtomic(recordFile(root, outDir), JSON.stringify(record)).catch(() => undefined);
}
