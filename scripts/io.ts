/**
 * Side effects behind one object, so the pipeline can be run against an in-memory project in
 * tests and against the real disk from the CLI.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ReportError } from './errors.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface ProjectFiles {
  /** Absolute path of the project root; every other path is relative to it. */
  readonly root: string;
  readFile(relativePath: string): Promise<Uint8Array>;
  /** Files directly under `relativeDir` (recursively when asked), relative to the root, sorted. */
  list(relativeDir: string, options?: { recursive?: boolean }): Promise<string[]>;
  exists(relativePath: string): Promise<boolean>;
}

/**
 * What a build may do besides computing (Observable Framework's BuildEffects): write caches, and
 * log. A build of an in-memory project gets none of it by default and writes nothing anywhere.
 */
export interface BuildEffects {
  /** Folder for caches (the project's `.cache/`); without one, nothing is kept between builds. */
  cacheDir?: string;
  logger: Logger;
  /** Settings read from the environment (REPORT_BASE_URL, SOURCE_DATE_EPOCH, REPORT_BOUNDARIES_DIR); default: the process's. */
  env?: NodeJS.ProcessEnv;
}

/** The effects of a build of the project at `root`: its `.cache/` folder and the console. */
export function diskEffects(root: string): BuildEffects {
  return { cacheDir: path.join(root, '.cache'), logger: consoleLogger };
}

export const consoleLogger: Logger = {
  info: (message) => console.log(message),
  warn: (message) => console.warn(`warning: ${message}`),
};

/** A logger that remembers what it was told, for tests that assert "exactly these warnings". */
export function memoryLogger(): Logger & { infos: string[]; warnings: string[] } {
  const infos: string[] = [];
  const warnings: string[] = [];
  return { infos, warnings, info: (m) => void infos.push(m), warn: (m) => void warnings.push(m) };
}

/**
 * The project on disk. Nothing an author writes makes the build read outside the project: a path
 * that leaves the root, or a symbolic link whose target is outside it, is refused with the link's
 * name, and links inside the project are read as the files they point to.
 */
export function diskFiles(root: string): ProjectFiles {
  const abs = (p: string) => path.join(root, p);
  let realRoot: string | undefined;
  const inside = async (relativePath: string): Promise<string> => {
    const file = abs(relativePath);
    realRoot ??= await fs.realpath(root);
    const real = await fs.realpath(file).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && (await isLink(file))) throw outside(relativePath, 'a link to a file that does not exist');
      throw error;
    });
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw outside(relativePath, `a link to ${real}`);
    return real;
  };
  return {
    root,
    readFile: async (p) => new Uint8Array(await fs.readFile(await inside(p))),
    exists: async (p) => fs.access(abs(p)).then(() => true, () => false),
    list: async (dir, options = {}) => {
      const entries = await fs.readdir(abs(dir), { withFileTypes: true, recursive: options.recursive ?? false }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        },
      );
      const files: string[] = [];
      for (const entry of entries) {
        const relative = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
        if (entry.isFile()) files.push(relative);
        // A link is listed if it is a file inside the project; anything else is refused by name.
        else if (entry.isSymbolicLink()) {
          const real = await inside(relative);
          if ((await fs.stat(real)).isFile()) files.push(relative);
        }
      }
      return files.sort();
    },
  };
}

function isLink(file: string): Promise<boolean> {
  return fs.lstat(file).then((stat) => stat.isSymbolicLink(), () => false);
}

function outside(relativePath: string, what: string): ReportError {
  return new ReportError(`${relativePath} is ${what}${what.includes('not exist') ? '' : ', outside the project'}`, {
    file: relativePath,
    expected: 'files inside the project folder (a report is built only from its own files)',
    fix: 'copy the file into the project instead of linking to it, or remove the link',
  });
}

/** An in-memory project for tests: paths relative to a virtual root. */
export function memoryFiles(files: Record<string, string | Uint8Array>, root = '/virtual'): ProjectFiles {
  const encoder = new TextEncoder();
  const norm = (p: string) => p.replace(/^\.\//, '').replace(/\/$/, '');
  return {
    root,
    readFile: async (p) => {
      const content = files[norm(p)];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return typeof content === 'string' ? encoder.encode(content) : content;
    },
    exists: async (p) => norm(p) in files || Object.keys(files).some((f) => f.startsWith(`${norm(p)}/`)),
    list: async (dir, options = {}) => {
      const prefix = norm(dir) === '' ? '' : `${norm(dir)}/`;
      return Object.keys(files)
        .filter((f) => f.startsWith(prefix) && (options.recursive || !f.slice(prefix.length).includes('/')))
        .sort();
    },
  };
}

/**
 * The project's files, remembering each file read outside `contentDir()` with a hash of its bytes:
 * what a build read besides its pages' Markdown, on which the dev server keeps results from one
 * build to the next (build-memo.ts).
 */
export function recordingFiles(files: ProjectFiles, contentDir: () => string): ProjectFiles & { reads(): string } {
  const reads = new Map<string, string>();
  return {
    root: files.root,
    list: (dir, options) => files.list(dir, options),
    exists: (p) => files.exists(p),
    async readFile(p) {
      const bytes = await files.readFile(p);
      if (!p.startsWith(`${contentDir()}/`)) reads.set(p, createHash('sha256').update(bytes).digest('hex'));
      return bytes;
    },
    reads: () => [...reads.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, hash]) => `${file}\0${hash}`).join('\n'),
  };
}
