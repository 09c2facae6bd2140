/**
 * Stage 2 (validate) for prose: each chapter's Markdown is parsed into tokens once; chart blocks
 * and inline references are found and checked for syntax, with file lines for every error.
 */
import type MarkdownIt from 'markdown-it';
import Token from 'markdown-it/lib/token.mjs';
import { parseChartBlock } from '../chart/parse-chart-block.ts';
import type { ChartBlock } from '../chart/chart-block.ts';
import { ContentError, ReportError, throwIfAny } from '../errors.ts';
import type { SourcePage } from '../load/load-content.ts';
import { canonicalJson, hashOf } from '../cache/disk-memo.ts';
import { CITE_TOKEN, MATH_TOKEN, UNRESOLVED_TOKEN, VALUE_TOKEN, XREF_TOKEN, type InlineMeta } from '../render/markdown.ts';
import { parseTableBlock, type TableBlock } from '../render/table-block.ts';
import { parseDiagramBlock, type DiagramBlock } from '../render/diagram-block.ts';
import { parsePagesBlock, type PagesBlock } from '../render/pages-block.ts';
import { parseIndicatorListBlock, type IndicatorListBlock } from '../render/indicator-list.ts';

export interface ChartSite {
  token: Token;
  block: ChartBlock;
  /** File line of the opening fence. */
  line: number;
}

export interface DiagramSite {
  token: Token;
  block: DiagramBlock;
  line: number;
}

export interface TableSite {
  token: Token;
  block: TableBlock;
  line: number;
}

export interface PagesSite {
  token: Token;
  block: PagesBlock;
  line: number;
}

/** A ```indicators block: which indicators a methodology page lists. */
export interface IndicatorListSite {
  token: Token;
  block: IndicatorListBlock;
  line: number;
}

export interface InlineSite {
  token: Token;
  meta: InlineMeta;
  /** File line. */
  line: number;
}

export interface ParsedPage {
  source: SourcePage;
  tokens: Token[];
  /** Key findings, each parsed as a Markdown fragment. */
  findings: Token[][];
  charts: ChartSite[];
  diagrams: DiagramSite[];
  /** Figure ids (charts and diagrams) in document order: figures are numbered in this order. */
  figureOrder: string[];
  tables: TableSite[];
  /** ```pages blocks: the tables of a template's pages. */
  pageTables: PagesSite[];
  indicatorLists: IndicatorListSite[];
  values: InlineSite[];
  xrefs: InlineSite[];
  cites: InlineSite[];
  maths: InlineSite[];
  /** Template syntax or an unclosed reference: reported as errors. */
  unresolved: InlineSite[];
}

const INLINE_KINDS = { [VALUE_TOKEN]: 'values', [XREF_TOKEN]: 'xrefs', [CITE_TOKEN]: 'cites', [MATH_TOKEN]: 'maths', [UNRESOLVED_TOKEN]: 'unresolved' } as const;

/**
 * With `memo` (the dev server's, build-memo.ts), a page whose source is unchanged since an
 * earlier build of the process is that build's parsed page, not parsed again.
 */
export function parsePages(md: MarkdownIt, pages: SourcePage[], memo?: Map<string, ParsedPage>): ParsedPage[] {
  const errors: ReportError[] = [];
  const fresh: Array<[string, ParsedPage]> = [];
  const parsed = pages.map((source) => {
    const key = memo ? sourceKey(source) : '';
    const known = memo?.get(key);
    if (known) return known;
    const page = parsePage(md, source, errors);
    if (memo) fresh.push([key, page]);
    return page;
  });
  throwIfAny(errors);
  // Only a parse without errors is kept: a page with an error is reported again on every build.
  for (const [key, page] of fresh) memo?.set(key, page);
  return parsed;
}

/**
 * A parsed page read back from bytes (structured clone, v8.deserialize) has plain objects for its
 * tokens: they are given their class again, whose methods markdown-it's renderer calls. The
 * page's sites hold the same token objects, so they are restored with them.
 */
export function restoreTokens(page: ParsedPage): ParsedPage {
  const restore = (tokens: Token[] | null): void => {
    for (const token of tokens ?? []) {
      Object.setPrototypeOf(token, Token.prototype);
      restore(token.children);
    }
  };
  restore(page.tokens);
  page.findings.forEach(restore);
  return page;
}

/** A page's source as one key: everything parsing reads. canonicalJson, not valueHash: front matter may hold dates, which JSON writes as text. */
const sourceKey = (source: SourcePage): string => hashOf(canonicalJson(source));

function parsePage(md: MarkdownIt, source: SourcePage, errors: ReportError[]): ParsedPage {
  const env = {};
  const tokens = md.parse(source.body, env);
  const findings = (source.frontMatter.findings ?? []).map((text) => md.parse(text, {}));
  const findingsLine = source.frontMatterLines.findings ?? 1;
  const page: ParsedPage = { source, tokens, findings, charts: [], diagrams: [], figureOrder: [], tables: [], pageTables: [], indicatorLists: [], values: [], xrefs: [], cites: [], maths: [], unresolved: [] };
  const collectInline = (list: Token[], lineOf: (meta: InlineMeta) => number) => {
    for (const block of list) {
      for (const child of block.children ?? []) {
        const kind = INLINE_KINDS[child.type as keyof typeof INLINE_KINDS];
        if (!kind) continue;
        const meta = child.meta as InlineMeta;
        page[kind].push({ token: child, meta, line: lineOf(meta) });
      }
    }
  };
  collectInline(tokens, (meta) => source.bodyLineOffset + (meta.bodyLine ?? 0) + 1);
  page.findings.forEach((fragment, i) => collectInline(fragment, () => findingsLine + 1 + i));
  for (const site of page.unresolved) {
    const template = site.meta.source === '{{' || site.meta.source === '{%';
    errors.push(
      new ContentError(template ? `template syntax "${site.meta.source}" in Markdown is not evaluated and would be printed as text` : `"${site.meta.source}" opens a reference that is not closed on the same line`, {
        file: source.file,
        line: site.line,
        expected: template ? 'a reference {=…}, a cross-reference {@fig:…}, or a ```chart / ```table block' : 'a reference closed by "}" on the same line, e.g. {=harvest.cereals.2019}',
        fix: template ? 'rewrite it with the report syntax (README, "Numbers in the text"); to show the braces as text, escape the first one: \\{{' : 'add the closing "}"',
      }),
    );
  }
  for (const token of tokens) {
    const kind = token.type === 'fence' ? token.info.trim().split(/\s+/)[0] : undefined;
    if (kind !== 'chart' && kind !== 'table' && kind !== 'diagram' && kind !== 'pages' && kind !== 'indicators') continue;
    const line = source.bodyLineOffset + (token.map?.[0] ?? 0) + 1;
    try {
      if (kind === 'indicators') {
        // Rendered from the descriptors; checked here so a wrong id stops the build with its line.
        page.indicatorLists.push({ token, block: parseIndicatorListBlock(token.content, source.file, line + 1), line });
      } else if (kind === 'chart') {
        const block = parseChartBlock(token.content, source.file, line + 1);
        page.charts.push({ token, block, line });
        page.figureOrder.push(block.id);
      } else if (kind === 'diagram') {
        const block = parseDiagramBlock(token.content, source.file, line + 1);
        page.diagrams.push({ token, block, line });
        page.figureOrder.push(block.id);
      } else if (kind === 'pages') page.pageTables.push({ token, block: parsePagesBlock(token.content, source.file, line + 1), line });
      else page.tables.push({ token, block: parseTableBlock(token.content, source.file, line + 1), line });
    } catch (error) {
      if (error instanceof ReportError) errors.push(error);
      else throw error;
    }
  }
  const ids = new Map<string, number>();
  for (const site of [...page.charts.map((c) => ({ ...c, prefix: 'figure' })), ...page.diagrams.map((d) => ({ ...d, prefix: 'figure' })), ...page.tables.map((t) => ({ ...t, prefix: 'table' }))]) {
    const key = `${site.prefix}:${site.block.id}`;
    const previous = ids.get(key);
    if (previous !== undefined) {
      errors.push(new ContentError(`${site.prefix} id "${site.block.id}" is used twice in this page (also line ${previous})`, { file: source.file, line: site.line, expected: `a unique id per ${site.prefix}`, fix: `rename one of the ${site.prefix}s` }));
    }
    ids.set(key, site.line);
  }
  return page;
}
