/**
 * `npm start`: the report at http://localhost:8080/, rebuilt on every save and reloaded in the
 * browser. Each rebuild is the same pipeline as `npm run build` (`buildReport`, then `writeSite`
 * into `.build/serve/`, never the published `_site/`), with what the previous one kept
 * (build-memo.ts; the first starts from the memo the last build wrote to `.cache/`): a page whose
 * text did not change is not parsed, charted or rendered again, and Eleventy writes only the pages
 * whose inputs changed (page-memo.ts). The search index is rebuilt, and the memo written for the
 * next process, after the page is shown, when no edit is waiting.
 *
 * A bad edit shows its error in the terminal and above every page, over the last good version;
 * the server stays up for the next good edit. Eleventy's dev server serves the folder and reloads
 * the browser (its client script is a file of the same origin: the pages' CSP allows it).
 */
import { existsSync, promises as fs } from 'node:fs';
import { watch } from 'chokidar';
import path from 'node:path';
import EleventyDevServer from '@11ty/eleventy-dev-server';
import type { Report } from '../build.ts';
import { buildReport } from '../build.ts';
import { memoVersion, readBuildMemo, writeBuildMemo } from '../build-memo-file.ts';
import { codeVersion } from '../cache/code-version.ts';
import { ReportError } from '../errors.ts';
import { diskEffects, diskFiles, type Logger } from '../io.ts';
import { loadConfig } from '../load/load-config.ts';
import { TEMPLATES_DIR } from '../generator-root.ts';
import { rebuildSummary } from './rebuild-summary.ts';
import { buildSearchIndex } from './search-index.ts';
import { writeSite } from './write-site.ts';

/** Edits closer together than this are one rebuild (an editor saving several files, a rename-and-write save). */
const SETTLE_MS = 40;

/** The search index is rebuilt after this long without an edit. */
const SEARCH_AFTER_MS = 2000;

/** The dev server's own folder, never the published one. */
const SERVE_DIR = '.build/serve';

export async function serve(root: string, port: number, logger: Logger = diskEffects(root).logger): Promise<{ close(): Promise<void> }> {
  const files = diskFiles(root);
  // The code this process runs: an edit to the generator's scripts needs a restart anyway.
  const version = await codeVersion();
  // It starts from what the last build kept (build-memo-file.ts), and keeps its own when the edits pause.
  const disk = diskEffects(root);
  const { cacheDir } = disk;
  const keptUnder = await memoVersion(root, version);
  const effects = { ...disk, logger, memo: await readBuildMemo(cacheDir, keptUnder) };
  let memoDirty = false;
  const outDir = SERVE_DIR;
  const output = path.join(root, SERVE_DIR);
  let last: Report | undefined;
  /** Rebuilds published so far; the search index is installed only over the pages it read. */
  let generation = 0;
  let searchDirty = false;

  /** One build at a time; an edit made during a build starts one more after it. */
  const rebuild = async (reason: string, force = false): Promise<void> => {
    const started = performance.now();
    try {
      const report = await buildReport(files, effects);
      const written = await writeSite(report, { root, outDir, force, codeVersion: version, ...(last ? { publish: 'in-place' } : {}) });
      if (last && written.written.some((file) => file.endsWith('.html'))) searchDirty = true;
      last = report;
      memoDirty = true;
      generation++;
      logger.info(`${reason}: rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s; ${rebuildSummary(written.rendered, written.reused)}`);
      server.reload({ files: written.written.map((file) => path.join(output, file)) });
    } catch (error) {
      const message = error instanceof ReportError ? error.format() : `unexpected error (in the generator or a template, not in content/ or data/): ${error instanceof Error ? error.message : String(error)}`;
      logger.warn(`the report was not rebuilt:\n${message}`);
      // The last good version, with the message above every page.
      if (last) await writeSite(last, { root, outDir, codeVersion: version, publish: 'in-place', error: message }).then(() => server.reload({ files: [] }), () => undefined);
    }
  };

  let running: Promise<void> = Promise.resolve();
  let pending: { reasons: Set<string>; force: boolean } | undefined;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (reason: string, force = false) => {
    pending ??= { reasons: new Set(), force: false };
    pending.reasons.add(reason);
    pending.force ||= force;
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const next = pending;
        pending = undefined;
        if (next) await rebuild([...next.reasons].filter((file) => existsSync(path.join(root, file))).slice(0, 3).join(', ') || 'a file removed', next.force);
      });
      void running.then(scheduleSearch);
    }, SETTLE_MS);
  };

  // The search index is built after a pause in the edits, beside the site (Pagefind re-reads every
  // page: a rebuild never waits for it), and swapped in if no rebuild was published meanwhile.
  let searchTimer: NodeJS.Timeout | undefined;
  let indexing = false;
  const scheduleSearch = () => {
    clearTimeout(searchTimer);
    if (searchDirty || memoDirty)
      searchTimer = setTimeout(() => {
        keepMemo();
        if (searchDirty) void refreshSearch();
      }, SEARCH_AFTER_MS);
  };
  // Between builds (the memo changes only during one), and a cache: a failed write costs the next build time only.
  const keepMemo = () => {
    if (!memoDirty || !cacheDir) return;
    memoDirty = false;
    running = running.then(() => writeBuildMemo(cacheDir, keptUnder, effects.memo).catch(() => undefined));
  };
  const refreshSearch = async () => {
    if (indexing || pending) return scheduleSearch();
    indexing = true;
    const read = generation;
    const aside = path.join(root, '.build', `serve-search-${process.pid}`);
    try {
      await fs.rm(aside, { recursive: true, force: true });
      await buildSearchIndex(output, { into: aside });
      running = running.then(async () => {
        if (generation !== read) return;
        const retired = `${aside}-old`;
        await fs.rm(retired, { recursive: true, force: true });
        await fs.rename(path.join(output, 'pagefind'), retired).catch(() => undefined);
        await fs.rename(aside, path.join(output, 'pagefind'));
        await fs.rm(retired, { recursive: true, force: true });
        searchDirty = false;
      });
      await running;
    } catch (error) {
      // A rebuild swapped the folder while Pagefind read it, or Pagefind failed: the next pause tries again.
      if (generation === read) logger.warn(`the search index was not rebuilt: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      indexing = false;
      scheduleSearch();
    }
  };

  const server = EleventyDevServer.getServer('report', output, { domDiff: false, logger: { info: logger.info, log: logger.info, error: logger.warn } });
  await rebuild('first build');
  scheduleSearch();
  if (!last) logger.warn('the first build failed: fix the error above and save; the server rebuilds on every save');
  server.serve(port);

  // What to watch: the report's folders (as its configuration names them, or the defaults when the
  // configuration does not load yet), its configuration and language packs, and the templates.
  const folders = last?.config.folders ?? (await loadConfig(files, { folderExists: existsSync }).then((config) => config.folders, () => undefined));
  const templates = path.relative(root, TEMPLATES_DIR);
  // The configuration and the language packs beside it (or in locales/).
  const rootFiles = (await fs.readdir(root)).filter((name) => name.endsWith('.json') && !name.startsWith('package'));
  // chokidar, not fs.watch: Node's recursive watch on Linux lost a file removed after an editor
  // had replaced it (save by rename), and the removed page stayed published.
  const watcher = watch([folders?.content ?? 'content', folders?.data ?? 'data', 'locales', 'report.config.json', ...rootFiles, templates], {
    cwd: root,
    ignoreInitial: true,
    // Hidden files are editors' and tools' (swap files, .DS_Store).
    ignored: (file: string) => path.basename(file).startsWith('.') && path.basename(file) !== '.',
  });
  watcher.on('all', (event, file) => {
    if (event === 'addDir' || event === 'unlinkDir') return;
    const relative = path.relative(root, path.resolve(root, file));
    schedule(relative, relative.startsWith(`${templates}${path.sep}`));
  });
  watcher.on('error', (error) => logger.warn(`the file watcher failed: ${error instanceof Error ? error.message : String(error)}`));

  return {
    async close() {
      clearTimeout(timer);
      clearTimeout(searchTimer);
      await watcher.close();
      await running;
      await server.close();
    },
  };
}
