/**
 * The page memo: a page whose inputs did not change since the published site was written is not
 * rendered again; its file is taken from the published site into the new one (a hard link, or a
 * copy where links are refused). What every file was made from (output-keys.ts) is recorded in the
 * build cache, `.cache/pages/`, beside the file's size, modification time and inode: a file is
 * reused only if the published one is still exactly the one this record describes, so a site
 * edited by hand, replaced or half-deleted is rendered again where it differs.
 *
 * The record also keeps the ids and links each page holds, so the link check reads only the
 * pages written in this build (check-links.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { hashOf, writeAtomic } from '../cache/disk-memo.ts';
import type { PageAnchors } from './check-links.ts';
import type { OutputKey } from './output-keys.ts';

interface RecordedFile extends PageAnchors {
  key: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

interface MemoRecord {
  version: number;
  files: Record<string, RecordedFile>;
}

const VERSION = 1;

/** The published file as the record describes it: taken only while it is still that file. */
interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

export type ReusedFile = OutputKey & { anchors: PageAnchors; identity: FileIdentity };

const sameFile = (stat: FileIdentity | undefined, recorded: FileIdentity) => stat !== undefined && stat.size === recorded.size && stat.mtimeMs === recorded.mtimeMs && stat.ino === recorded.ino;

export interface WritePlan {
  /** Files Eleventy writes in this build. */
  render: OutputKey[];
  /** Files taken from the published site, with what the link check needs from them and the file the record describes. */
  reuse: ReusedFile[];
  /** Files the previous build wrote that this one does not (a page or download since removed). */
  stale: string[];
}

export interface PageMemo {
  /** What to render and what to reuse from `published`; with `force`, everything is rendered. */
  plan(keys: OutputKey[], options?: { force?: boolean }): Promise<WritePlan>;
  /** Records the files of the site just published (call after the swap). */
  save(keys: OutputKey[], anchors: ReadonlyMap<string, PageAnchors>): Promise<void>;
}

/** The memo of the site published at `published`, kept under `cacheDir` (none: nothing is reused or kept). */
export function pageMemo(cacheDir: string | undefined, published: string): PageMemo {
  const recordFile = cacheDir ? path.join(cacheDir, `${hashOf(path.resolve(published)).slice(0, 16)}.json`) : undefined;
  return {
    async plan(keys, { force = false } = {}) {
      const record = recordFile && !force ? await readRecord(recordFile) : undefined;
      if (!record) return { render: keys, reuse: [], stale: [] };
      const render: OutputKey[] = [];
      const reuse: WritePlan['reuse'] = [];
      await Promise.all(
        keys.map(async (output) => {
          const recorded = record.files[output.file];
          const stat = recorded?.key === output.key ? await fs.stat(path.join(published, output.file)).catch(() => undefined) : undefined;
          if (recorded && sameFile(stat, recorded)) {
            reuse.push({ ...output, anchors: { ids: recorded.ids, links: recorded.links }, identity: { size: recorded.size, mtimeMs: recorded.mtimeMs, ino: recorded.ino } });
          } else {
            render.push(output);
          }
        }),
      );
      const order = new Map(keys.map((k, i) => [k.file, i]));
      const byOrder = (a: OutputKey, b: OutputKey) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0);
      const current = new Set(keys.map((k) => k.file));
      return { render: render.sort(byOrder), reuse: reuse.sort(byOrder), stale: Object.keys(record.files).filter((file) => !current.has(file)).sort() };
    },
    async save(keys, anchors) {
      if (!recordFile) return;
      const files: MemoRecord['files'] = {};
      await Promise.all(
        keys.map(async (output) => {
          const stat = await fs.stat(path.join(published, output.file)).catch(() => undefined);
          if (!stat) return;
          const found = anchors.get(output.file) ?? { ids: [], links: [] };
          files[output.file] = { key: output.key, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, ids: found.ids, links: found.links };
        }),
      );
      // A record that cannot be written only costs time on the next build.
      await writeAtomic(recordFile, JSON.stringify({ version: VERSION, files } satisfies MemoRecord)).catch(() => undefined);
    },
  };
}

async function readRecord(file: string): Promise<MemoRecord | undefined> {
  try {
    const record = JSON.parse(await fs.readFile(file, 'utf8')) as MemoRecord;
    return record.version === VERSION && record.files ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Puts each reused file of `from` into `to` under the same path: a hard link (the new site shares
 * the file with the old one, which is deleted when the new one is published) or, where the file
 * system refuses links, a copy. A file is taken only while it is still the one the record
 * describes (another build may have published a new site since the plan was made). Returns the
 * files that could not be taken, to be rendered instead.
 */
export async function takeReused(files: readonly ReusedFile[], from: string, to: string): Promise<Set<string>> {
  const failed = new Set<string>();
  const folders = new Set(files.map((f) => path.dirname(path.join(to, f.file))));
  await Promise.all([...folders].map((dir) => fs.mkdir(dir, { recursive: true })));
  const statOf = (file: string) => fs.stat(file).catch(() => undefined);
  await Promise.all(
    files.map(async ({ file, identity }) => {
      const source = path.join(from, file);
      const target = path.join(to, file);
      try {
        await fs.link(source, target);
        if (sameFile(await statOf(target), identity)) return;
        await fs.rm(target, { force: true });
        failed.add(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || !sameFile(await statOf(source), identity)) {
          failed.add(file);
          return;
        }
        await fs.copyFile(source, target).catch(() => failed.add(file));
      }
    }),
  );
  return failed;
}
