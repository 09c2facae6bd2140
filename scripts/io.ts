/**
 * Side effects behind one object, so the pipeline can be run against an in-memory project in
 * tests and against the real disk from the CLI.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

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

export function diskFiles(root: string): ProjectFiles {
  const abs = (p: string) => path.join(root, p);
  return {
    root,
    readFile: async (p) => new Uint8Array(await fs.readFile(abs(p))),
    exists: async (p) => fs.access(abs(p)).then(() => true, () => false),
    list: async (dir, options = {}) => {
      const entries = await fs.readdir(abs(dir), { withFileTypes: true, recursive: options.recursive ?? false }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        },
      );
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
    },
  };
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
