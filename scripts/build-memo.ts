/**
 * What one process keeps from one build of a report to the next (the dev server's rebuilds): a
 * page whose Markdown did not change is not parsed again, and, while nothing else a page depends
 * on changed either, its figures and its rendered view are the previous build's.
 *
 * "Nothing else" is the build's context, one hash (`contextOf`):
 *   - every file the build read through the project's files (io.ts `recordingFiles`) except the
 *     pages' own Markdown: the configuration, the language packs it names, every table, the
 *     references, the geographies;
 *   - the settings that come from the environment (address, date, boundaries folder);
 *   - the outline of every page: its file, language, slug, order, front matter, unit and the ids
 *     of its figures and tables, which numbers, cross-references and citations read.
 * A different context drops every figure and view; a different page text drops that page's.
 *
 * The keys are the parsed pages themselves: a page parsed again is a new object, so nothing of its
 * previous text can be taken for it. A build that fails keeps nothing new (`commit`).
 */
import type { SourcePage } from './load/load-content.ts';
import { textMemo, type ObjectMemo, type TextMemo } from './cache/memo.ts';
import type { ParsedPage } from './validate/parse-pages.ts';
import type { Figure } from './chart/render-charts.ts';
import type { PageView } from './render/render-pages.ts';
import type { TableDefinition } from './validate/validate-table.ts';
import { canonicalJson, hashOf } from './cache/disk-memo.ts';

export interface BuildMemo {
  /** Chapters' front matter and body, and validated tables, by file and text; valid while the configuration is the same (`beginLoad`). */
  readonly sources: TextMemo<SourcePage>;
  readonly tables: TextMemo<TableDefinition>;
  /** Parsed pages by the hash of their source (parse-pages.ts). */
  readonly parsed: Map<string, ParsedPage>;
  readonly figures: ObjectMemo<ParsedPage, Figure[]>;
  readonly views: ObjectMemo<ParsedPage, PageView>;
  /** A value made from the whole report (the data appendix's tables), kept while the context is the same. */
  perContext<T>(name: string, make: () => T): T;
  /** Starts a build whose configuration (its files and settings) hashes to `config`: files loaded under another are dropped. */
  beginLoad(config: string): void;
  /** Then, once its pages are parsed, its `context`: the figures and views of another context are dropped. */
  begin(context: string): void;
  /** The build succeeded: parsed pages it did not use are dropped. */
  commit(used: readonly ParsedPage[]): void;
}

export function createBuildMemo(): BuildMemo {
  const sources = textMemo<SourcePage>();
  const tables = textMemo<TableDefinition>();
  const parsed = new Map<string, ParsedPage>();
  let config: string | undefined;
  let context: string | undefined;
  let figures = new WeakMap<ParsedPage, Figure[]>();
  let views = new WeakMap<ParsedPage, PageView>();
  let made = new Map<string, unknown>();
  return {
    sources,
    tables,
    parsed,
    figures: { get: (page) => figures.get(page), set: (page, value) => void figures.set(page, value) },
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
      figures = new WeakMap();
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
