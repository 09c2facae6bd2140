/**
 * What one build of a report keeps for the next (the dev server's rebuilds, and the command
 * line's through build-memo-file.ts): a page whose Markdown did not change is not parsed again,
 * and, while nothing else a page depends on changed either, its rendered view is the previous
 * build's, so its numbers are not computed nor its charts prepared again.
 *
 * "Nothing else" is the build's context, one hash (`contextOf`):
 *   - every file the build read through the project's files (io.ts `recordingFiles`) except the
 *     pages' own Markdown: the configuration, the language packs it names, every table, the
 *     references, the geographies;
 *   - the settings that come from the environment (address, date, boundaries folder);
 *   - the outline of every page: its file, language, slug, order, front matter, unit and the ids
 *     of its figures and tables, which numbers, cross-references and citations read.
 * A different context drops every view; a different page text drops that page's.
 *
 * The keys are the parsed pages themselves: a page parsed again is a new object, so nothing of its
 * previous text can be taken for it. A build that fails keeps nothing new (`commit`).
 *
 * `contents()` is what another process needs to start from it (`createBuildMemo(contents)`).
 */
import type { SourcePage } from './load/load-content.ts';
import { textMemo, type ObjectMemo, type TextMemo } from './cache/memo.ts';
import type { ParsedPage } from './validate/parse-pages.ts';
import type { PageView } from './render/render-pages.ts';
import type { TableDefinition } from './validate/validate-table.ts';
import { canonicalJson, hashOf } from './cache/disk-memo.ts';

export interface BuildMemo {
  /** Chapters' front matter and body, and validated tables, by file and text; valid while the configuration is the same (`beginLoad`). */
  readonly sources: TextMemo<SourcePage>;
  readonly tables: TextMemo<TableDefinition>;
  /** Parsed pages by the hash of their source (parse-pages.ts). */
  readonly parsed: Map<string, ParsedPage>;
  readonly views: ObjectMemo<ParsedPage, PageView>;
  /** A value made from the whole report (the data appendix's tables), kept while the context is the same. */
  perContext<T>(name: string, make: () => T): T;
  /** Starts a build whose configuration (its files and settings) hashes to `config`: files loaded under another are dropped. */
  beginLoad(config: string): void;
  /** Then, once its pages are parsed, its `context`: the views of another context are dropped. */
  begin(context: string): void;
  /** The build succeeded: parsed pages it did not use are dropped. */
  commit(used: readonly ParsedPage[]): void;
  /** Everything it keeps, as values another process can start from. */
  contents(): MemoContents;
}

/** A memo's entries, and the configuration and context they were made under. */
export interface MemoContents {
  config?: string;
  context?: string;
  sources: Array<[string, SourcePage]>;
  tables: Array<[string, TableDefinition]>;
  /** Each parsed page by its source's hash, with its view when the memo has one. */
  pages: Array<{ key: string; page: ParsedPage; view?: PageView }>;
  made: Array<[string, unknown]>;
}

export function createBuildMemo(kept?: MemoContents): BuildMemo {
  const sources = textMemo<SourcePage>(kept?.sources);
  const tables = textMemo<TableDefinition>(kept?.tables);
  const parsed = new Map<string, ParsedPage>(kept?.pages.map((entry) => [entry.key, entry.page]));
  let config = kept?.config;
  let context = kept?.context;
  let views = new WeakMap<ParsedPage, PageView>(kept?.pages.flatMap((entry) => (entry.view ? [[entry.page, entry.view] as const] : [])));
  let made = new Map<string, unknown>(kept?.made);
  return {
    sources,
    tables,
    parsed,
    views: { get: (page) => views.get(page), set: (page, value) => void views.set(page, value) },
    beginLoad(next) {
      if (next === config) return;
      config = next;
      sources.clear();
      tables.clear();
    },
    begin(next) {
      if (next === context) return;
      context = next;
      views = new WeakMap();
      made = new Map();
    },
    perContext<T>(name: string, make: () => T): T {
      if (!made.has(name)) made.set(name, make());
      return made.get(name) as T;
    },
    commit(used) {
      const keep = new Set(used);
      for (const [key, page] of parsed) if (!keep.has(page)) parsed.delete(key);
      sources.sweep();
      tables.sweep();
    },
    contents: () => ({
      config,
      context,
      sources: [...sources.entries()],
      tables: [...tables.entries()],
      pages: [...parsed].map(([key, page]) => ({ key, page, view: views.get(page) })),
      made: [...made],
    }),
  };
}

/** What every page's figures and view may read besides its own text (see the file comment). */
export function contextOf(reads: string, settings: unknown, pages: readonly ParsedPage[]): string {
  const outline = pages.map((page) => {
    const { body: _body, ...source } = page.source;
    return { source, figures: page.figureOrder, tables: page.tables.map((t) => t.block.id) };
  });
  return hashOf(reads, canonicalJson(settings), canonicalJson(outline));
}
