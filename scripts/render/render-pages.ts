/**
 * Stage 5 (render): tokens whose numbers and charts are already computed become HTML. Nothing
 * here can fail on data any more, except a cross-reference to a figure that does not exist,
 * which is checked for every page before anything is rendered.
 */
import type MarkdownIt from 'markdown-it';
import type { Figure } from '../chart/render-charts.ts';
import { formatInput, formatNumber } from '../chart/locale.ts';
import type { ComputedValue } from '../compute/compute-references.ts';
import type { Tables } from '../compute/table-access.ts';
import { ContentError, throwIfAny, type ReportError } from '../errors.ts';
import type { References } from '../load/load-references.ts';
import { localize, type Locale } from '../validate/table-schema.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import { escapeHtml } from './escape.ts';
import { figureCsv, figureHtml, figureSvgFile } from './figure-html.ts';
import { VALUE_TOKEN, XREF_TOKEN, type InlineMeta, type Token } from './markdown.ts';
import { t } from './ui-strings.ts';

export interface Calculation {
  n: number;
  source: string;
  html: string;
}

export interface PageView {
  locale: Locale;
  slug: string;
  url: string;
  isHome: boolean;
  /** Chapter number, 0 for pages that are not chapters. */
  number: number;
  title: string;
  short: string;
  summary: string;
  file: string;
  html: string;
  findings: string[];
  calculations: Calculation[];
  figures: Array<{ anchor: string; number: string; title: string; csv: string; svg: string }>;
}

interface RenderEnv {
  locale: Locale;
  tables: Tables;
  pageUrl: string;
  references: References;
  calculations: Calculation[];
  bySource: Map<string, Calculation>;
  figures: ReadonlyMap<string, { url: string; number: string }>;
}

export function pageUrl(page: ParsedPage): string {
  return page.source.slug === 'index' ? `/${page.source.locale}/` : `/${page.source.locale}/${page.source.slug}/`;
}

export function isChapter(page: ParsedPage): boolean {
  return page.source.slug !== 'index' && page.source.frontMatter.chapter !== false;
}

function formulaHtml(value: ComputedValue, locale: string): string {
  const result = value.value === null ? t(locale, 'missing') : formatNumber(value.value, value.decimals, locale);
  if (value.formula.length === 0) return escapeHtml(value.note ? `${result} (${value.note})` : result);
  const terms = value.formula.map((term) => (typeof term === 'number' ? formatInput(term, locale) : term)).join('');
  return `${escapeHtml(result)} = ${escapeHtml(terms)}`;
}

function inputsHtml(value: ComputedValue, env: RenderEnv): string {
  const byRow = new Map<string, { table: string; row: string; periods: string[] }>();
  for (const input of value.inputs) {
    const key = `${input.table}\u0000${input.row}`;
    const entry = byRow.get(key) ?? { table: input.table, row: input.row, periods: [] };
    entry.periods.push(input.period);
    byRow.set(key, entry);
  }
  return [...byRow.values()]
    .map(({ table: id, row: rowId, periods }) => {
      const table = env.tables.get(id)?.table;
      const title = table ? localize(table.title, env.locale) : id;
      const row = table && 'unit' in table ? table.rows.find((r) => r.id === rowId) : undefined;
      const rowLabel = row ? localize(row.label, env.locale) : rowId;
      return `<a href="/${env.locale}/data/#table-${escapeHtml(id)}">${escapeHtml(title)}</a>: ${escapeHtml(rowLabel)}, ${escapeHtml(periods.join(', '))}`;
    })
    .join('; ');
}

function installRenderers(md: MarkdownIt): void {
  md.renderer.rules[VALUE_TOKEN] = (tokens, idx, _options, env: RenderEnv) => {
    const meta = tokens[idx]?.meta as InlineMeta & { computed: ComputedValue };
    const value = meta.computed;
    let calc = env.bySource.get(value.source);
    const first = calc === undefined;
    if (!calc) {
      calc = { n: env.calculations.length + 1, source: value.source, html: `<span class="calc-formula">${formulaHtml(value, env.locale)}</span> <span class="calc-inputs">${inputsHtml(value, env)}</span>${value.missing ? ` <span class="calc-missing">(${escapeHtml(value.missing)})</span>` : ''}` };
      env.calculations.push(calc);
      env.bySource.set(value.source, calc);
    }
    const text = value.value === null ? t(env.locale, 'missing') : formatNumber(value.value, value.decimals, env.locale);
    const title = formulaHtml(value, env.locale);
    return `<a class="num" href="#calc-${calc.n}"${first ? ` id="calc-ref-${calc.n}"` : ''} title="${title}">${escapeHtml(text)}</a>`;
  };
  md.renderer.rules[XREF_TOKEN] = (tokens, idx, _options, env: RenderEnv) => {
    const meta = tokens[idx]?.meta as InlineMeta;
    const target = env.figures.get(meta.source.replace(/^fig:/, ''));
    return target ? `<a class="xref" href="${escapeHtml(target.url)}">${escapeHtml(t(env.locale, 'figureRef'))} ${escapeHtml(target.number)}</a>` : '';
  };
  const defaultFence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env: RenderEnv, self) => {
    const token = tokens[idx] as Token;
    const figure = (token.meta as { figure?: Figure } | null)?.figure;
    if (figure) return figureHtml(figure, env.locale, env.references, env.pageUrl);
    return defaultFence ? defaultFence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

export function renderPages(md: MarkdownIt, pages: ParsedPage[], figures: ReadonlyMap<ParsedPage, Figure[]>, tables: Tables, references: References, chapterNumber: (page: ParsedPage) => number): PageView[] {
  installRenderers(md);
  const figureIndex = new Map<string, Map<string, { url: string; number: string }>>();
  for (const page of pages) {
    const index = figureIndex.get(page.source.locale) ?? new Map<string, { url: string; number: string }>();
    for (const figure of figures.get(page) ?? []) index.set(figure.id, { url: `${pageUrl(page)}#${figure.anchor}`, number: figure.number });
    figureIndex.set(page.source.locale, index);
  }
  const errors: ReportError[] = [];
  for (const page of pages) {
    for (const xref of page.xrefs) {
      const match = /^fig:([a-z0-9-]+)$/.exec(xref.meta.source);
      const known = figureIndex.get(page.source.locale);
      if (!match) {
        errors.push(new ContentError(`{@${xref.meta.source}} is not a cross-reference`, { file: page.source.file, line: xref.line, expected: '{@fig:figure-id}', fix: 'write {@fig: followed by the id of a chart block' }));
      } else if (!known?.has(match[1] ?? '')) {
        errors.push(new ContentError(`{@${xref.meta.source}} refers to a figure that does not exist`, { file: page.source.file, line: xref.line, expected: `one of: ${[...(known?.keys() ?? [])].map((id) => `fig:${id}`).join(', ') || '(no figures yet)'}`, fix: 'use the id of a chart block in this language' }));
      }
    }
  }
  throwIfAny(errors);

  return pages.map((page) => {
    const url = pageUrl(page);
    const env: RenderEnv = {
      locale: page.source.locale,
      tables,
      pageUrl: url,
      references,
      calculations: [],
      bySource: new Map(),
      figures: figureIndex.get(page.source.locale) ?? new Map(),
    };
    const findings = page.findings.map((tokens) => md.renderer.render(tokens, md.options, env));
    const html = md.renderer.render(page.tokens, md.options, env);
    const fm = page.source.frontMatter;
    return {
      locale: page.source.locale,
      slug: page.source.slug,
      url,
      isHome: page.source.slug === 'index',
      number: chapterNumber(page),
      title: fm.title,
      short: fm.short ?? fm.title,
      summary: fm.summary ?? '',
      file: page.source.file,
      html,
      findings,
      calculations: env.calculations,
      figures: (figures.get(page) ?? []).map((f) => ({ anchor: f.anchor, number: f.number, title: f.chart.block.title, csv: figureCsv(f), svg: figureSvgFile(f) })),
    };
  });
}
