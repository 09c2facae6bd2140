/**
 * Stage 2 (validate) for prose: each chapter's Markdown is parsed into tokens once; chart blocks
 * and inline references are found and checked for syntax, with file lines for every error.
 */
import type MarkdownIt from 'markdown-it';
import { parseChartBlock } from '../chart/parse-chart-block.ts';
import type { ChartBlock } from '../chart/chart-block.ts';
import { ContentError, ReportError, throwIfAny } from '../errors.ts';
import type { SourcePage } from '../load/load-content.ts';
import { VALUE_TOKEN, XREF_TOKEN, type InlineMeta, type Token } from '../render/markdown.ts';

export interface ChartSite {
  token: Token;
  block: ChartBlock;
  /** File line of the opening fence. */
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
  values: InlineSite[];
  xrefs: InlineSite[];
}

export function parsePages(md: MarkdownIt, pages: SourcePage[]): ParsedPage[] {
  const errors: ReportError[] = [];
  const parsed = pages.map((source) => {
    const env = {};
    const tokens = md.parse(source.body, env);
    const findings = (source.frontMatter.findings ?? []).map((text) => md.parse(text, {}));
    const findingsLine = source.frontMatterLines.findings ?? 1;
    const page: ParsedPage = { source, tokens, findings, charts: [], values: [], xrefs: [] };
    const collectInline = (list: Token[], lineOf: (meta: InlineMeta) => number) => {
      for (const block of list) {
        for (const child of block.children ?? []) {
          if (child.type !== VALUE_TOKEN && child.type !== XREF_TOKEN) continue;
          const meta = child.meta as InlineMeta;
          (child.type === VALUE_TOKEN ? page.values : page.xrefs).push({ token: child, meta, line: lineOf(meta) });
        }
      }
    };
    collectInline(tokens, (meta) => source.bodyLineOffset + (meta.bodyLine ?? 0) + 1);
    page.findings.forEach((fragment, i) => collectInline(fragment, () => findingsLine + 1 + i));
    for (const token of tokens) {
      if (token.type !== 'fence' || token.info.trim().split(/\s+/)[0] !== 'chart') continue;
      const line = source.bodyLineOffset + (token.map?.[0] ?? 0) + 1;
      try {
        page.charts.push({ token, block: parseChartBlock(token.content, source.file, line + 1), line });
      } catch (error) {
        if (error instanceof ReportError) errors.push(error);
        else throw error;
      }
    }
    const ids = new Map<string, number>();
    for (const chart of page.charts) {
      const previous = ids.get(chart.block.id);
      if (previous !== undefined) {
        errors.push(new ContentError(`figure id "${chart.block.id}" is used twice in this page (also line ${previous})`, { file: source.file, line: chart.line, expected: 'a unique id per figure', fix: 'rename one of the figures' }));
      }
      ids.set(chart.block.id, chart.line);
    }
    return page;
  });
  throwIfAny(errors);
  return parsed;
}
