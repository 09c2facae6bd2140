/**
 * The build memo between two runs of the command line: `npm run build` starts from what the
 * previous build kept (build-memo.ts), so after a prose edit it parses, charts and renders the
 * edited page only, as the dev server does. Without it, every build parses all chapters, prepares
 * every chart and renders every page's view again (about 4 s of 6.7 s for 500 chapters).
 *
 * One file, `.cache/build-memo.bin`, written after each build whose stages 1–5 succeeded. It is
 * read only by the same generator: its first record holds the code version (code-version.ts: the
 * generator's files, its lockfile and Node's version), and any other version, a damaged file or
 * none at all is an empty memo. Whether an entry still applies is then the memo's own rule, the
 * same as in one process: a page by the hash of its source, figures and views by the context.
 *
 * The records are v8-serialised one by one (a page's tokens, figures and view together), each
 * behind its length: the whole memo, for 2,000 chapters some hundred megabytes of views and SVG,
 * is never one buffer. An entry that cannot be serialised is left out, and made again next time.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { createBuildMemo, type BuildMemo, type MemoContents } from './build-memo.ts';
import { hashOf } from './cache/disk-memo.ts';
import { boundariesHash } from './cache/up-to-date.ts';
import { restoreTokens } from './validate/parse-pages.ts';

const FILE = 'build-memo.bin';

/** The layout of the records; a file of another layout is not read. */
const FORMAT = 1;

interface Header {
  format: number;
  version: string;
  config?: string;
  context?: string;
}

type Entry =
  | { kind: 'source'; key: string; value: MemoContents['sources'][number][1] }
  | { kind: 'table'; key: string; value: MemoContents['tables'][number][1] }
  | { kind: 'page'; value: MemoContents['pages'][number] }
  | { kind: 'made'; key: string; value: unknown };

/**
 * The version a memo of the report at `root` is written under: the generator's code version, and
 * the boundary files, which are read from outside the project (the memo checks its own entries
 * against the project's files).
 */
export async function memoVersion(root: string, codeVersion: string): Promise<string> {
  return hashOf(codeVersion, await boundariesHash(root));
}

/** The memo the previous build of this generator kept in `cacheDir`, or an empty one. */
export async function readBuildMemo(cacheDir: string | undefined, version: string): Promise<BuildMemo> {
  if (!cacheDir) return createBuildMemo();
  // The header first: a memo of another version (some hundred megabytes) is not read.
  const bytes = await readIf(path.join(cacheDir, FILE), (header) => header.format === FORMAT && header.version === version).catch(() => undefined);
  if (!bytes) return createBuildMemo();
  try {
    const [header, ...entries] = records(bytes);
    const { config, context } = header as Header;
    const kept: MemoContents = { config, context, sources: [], tables: [], pages: [], made: [] };
    for (const entry of entries as Entry[]) {
      if (entry.kind === 'source') kept.sources.push([entry.key, entry.value]);
      else if (entry.kind === 'table') kept.tables.push([entry.key, entry.value]);
      else if (entry.kind === 'made') kept.made.push([entry.key, entry.value]);
      else kept.pages.push({ ...entry.value, page: restoreTokens(entry.value.page) });
    }
    return createBuildMemo(kept);
  } catch {
    // A file cut short or written by something else: start empty, as on a first build.
    return createBuildMemo();
  }
}

/** The file's bytes if its header is `wanted`. */
async function readIf(file: string, wanted: (header: Header) => boolean): Promise<Buffer | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const length = Buffer.alloc(4);
    await handle.read(length, 0, 4, 0);
    // A header is a few hundred bytes: anything longer is not this file's.
    if (length.readUInt32LE() > 65536) return undefined;
    const header = Buffer.alloc(length.readUInt32LE());
    await handle.read(header, 0, header.length, 4);
    if (!wanted(v8.deserialize(header) as Header)) return undefined;
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Writes what `memo` keeps for the next build (atomically: a build stopped midway leaves the previous file). */
export async function writeBuildMemo(cacheDir: string, version: string, memo: BuildMemo): Promise<void> {
  const { config, context, sources, tables, pages, made } = memo.contents();
  const file = path.join(cacheDir, FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.mkdir(cacheDir, { recursive: true });
  const handle = await fs.open(temporary, 'w');
  try {
    const header: Header = { format: FORMAT, version, config, context };
    const entries: Array<() => Entry> = [
      ...sources.map(([key, value]) => () => ({ kind: 'source', key, value }) as const),
      ...tables.map(([key, value]) => () => ({ kind: 'table', key, value }) as const),
      ...pages.map((value) => () => ({ kind: 'page', value }) as const),
      ...made.map(([key, value]) => () => ({ kind: 'made', key, value }) as const),
    ];
    await handle.write(record(header)!);
    for (const entry of entries) {
      const bytes = record(entry());
      if (bytes) await handle.write(bytes);
    }
    await handle.close();
    await fs.rename(temporary, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** One record: its length (4 bytes), then its bytes; undefined for a value v8 cannot serialise (a function). */
function record(value: unknown): Buffer | undefined {
  let body: Buffer;
  try {
    body = v8.serialize(value);
  } catch {
    return undefined;
  }
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length);
  return Buffer.concat([length, body]);
}

function records(bytes: Buffer): unknown[] {
  const values: unknown[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    const length = bytes.readUInt32LE(offset);
    if (offset + 4 + length > bytes.length) throw new RangeError('record cut short');
    values.push(v8.deserialize(bytes.subarray(offset + 4, offset + 4 + length)));
    offset += 4 + length;
  }
  return values;
}
