/**
 * Stage 5 (render): the parsed pages become HTML, with what the earlier stages returned looked
 * up by token: each `{=…}`'s computed value, each chart block's figure, the numbers of figures and
 * tables. Nothing here can fail on data any more, except a cross-reference to a figure that does
 * not exist, which is checked for every page before anything is rendered.
 */
import type MarkdownIt from 'markdown-it';
import type { Figure } from '../chart/render-charts.ts';
import { formatInput, formatNumber } from '../languages/number-format.ts';
import type { Language } from '../languages/language.ts';
import type { LanguageSet } from '../languages/language-set.ts';
import type { ComputedValue, ComputedValues } from '../compute/compute-references.ts';
import type { Tables } from '../compute/table-access.ts';
import { ContentError, throwIfAny, type ReportError } from '../errors.ts';
import type { References } from '../load/load-references.ts';
import { localize, type Locale } from '../validate/table-schema.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import type { Numbering } from '../validate/numbering.ts';
import { figureAnchor } from '../validate/figure-anchor.ts';
import { escapeHtml } from './escape.ts';
import { figureCsv, figureHtml, figureSvgFile } from './figure-html.ts';
import { mathHtml } from './math-html.ts';
import { indicatorListHtml, type IndicatorListBlock } from './indicator-list.ts';
import { citationParts } from './cite-name.ts';
import { localizeLocator } from './source-line.ts';
import { isNumericTable } from '../validate/table-schema.ts';
import { CITE_TOKEN, MATH_TOKEN, VALUE_TOKEN, XREF_TOKEN, type InlineMeta, type Token } from './markdown.ts';
import type { TableBlock } from './table-block.ts';
import type { DiagramBlock } from './diagram-block.ts';
import { diagramHtml } from './diagram-html.ts';
import { tableHtml } from './table-views.ts';
import { phraseOf } from './phrases.ts';
import { pagesTableHtml } from './pages-table.ts';
import type { PageTable } from '../compute/compute-page-tables.ts';
import { numbered, t } from './ui-strings.ts';
import type { ObjectMemo } from '../cache/memo.ts';

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
  /** Set on a page published in a language it has not been translated into: the language of its text. */
  fallbackFrom?: Locale;
  /** Whether the page has a table readers can sort (it loads the script that sorts it). */
  sortable?: boolean;
  /** A page a template made: its section number ("7.3"), its chapter's slug, its unit, its place among its siblings. */
  section?: string;
  parent?: string;
  entity?: { id: string; name: string; index: number; count: number };
}

interface RenderEnv {
  language: Language;
  /** What the compute stage returned: every inline value, by its token. */
  values: ComputedValues;
  /** The chart stage's figure of each chart block, the number of each table and diagram block, by token. */
  blocks: ReadonlyMap<Token, RenderedBlock>;
  tables: Tables;
  pageUrl: string;
  references: References;
  calculations: Calculation[];
  bySource: Map<string, Calculation>;
  /** Cross-reference targets of this page: `fig:id` and `tab:id` (its own first, see `targetsOf`). */
  targets: ReadonlyMap<string, Target>;
}

interface Citation {
  key: string;
  locator?: string;
}

/** `@a, Table 2; @b` → [{key: a, locator: Table 2}, {key: b}] */
export function parseCitation(source: string): Citation[] {
  return source.split(';').map((part) => {
    const match = /^\s*@([\w-]+)\s*(?:,\s*(.+?))?\s*$/.exec(part);
    return match ? { key: match[1] ?? '', locator: match[2] } : { key: '' };
  });
}

export function pageUrl(page: ParsedPage): string {
  return page.source.slug === 'index' ? `/${page.source.locale}/` : `/${page.source.locale}/${page.source.slug}/`;
}


/** The value as the text shows it: a category's label, the number, or the "no data" sign. */
function shownValue(value: ComputedValue, language: Language): string {
  if (value.value === null) return t(language, 'missing');
  return value.label ?? formatNumber(value.value, value.decimals, language);
}

function formulaHtml(value: ComputedValue, language: Language): string {
  const result = shownValue(value, language);
  if (value.formula.length === 0) return escapeHtml(value.note ? `${result} (${value.note})` : result);
  const terms = value.formula.map((term) => (typeof term === 'number' ? formatInput(term, language) : term)).join('');
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
      const title = table ? localize(table.title, env.language) : id;
      const row = table && 'unit' in table ? table.rows.find((r) => r.id === rowId) : undefined;
      const rowLabel = row ? localize(row.label, env.language) : rowId;
      return `<a href="/${env.language.code}/data/#table-${escapeHtml(id)}">${escapeHtml(title)}</a>: ${escapeHtml(rowLabel)}, ${escapeHtml(periods.join(', '))}`;
    })
    .join('; ');
}

function installRenderers(md: MarkdownIt): void {
  md.renderer.rules[VALUE_TOKEN] = (tokens, idx, _options, env: RenderEnv) => {
    const value = env.values.get(tokens[idx] as Token) as ComputedValue;
    let calc = env.bySource.get(value.source);
    const first = calc === undefined;
    if (!calc) {
      calc = { n: env.calculations.length + 1, source: value.source, html: `<span class="calc-formula">${formulaHtml(value, env.language)}</span> <span class="calc-inputs">${inputsHtml(value, env)}</span>${value.missing ? ` <span class="calc-missing">(${escapeHtml(value.missing)})</span>` : ''}` };
      env.calculations.push(calc);
      env.bySource.set(value.source, calc);
    }
    const text = value.value === null ? t(env.language, 'missing') : (phraseOf(value, env.language) ?? shownValue(value, env.language));
    const title = formulaHtml(value, env.language);
    return `<a class="num" href="#calc-${calc.n}"${first ? ` id="calc-ref-${calc.n}"` : ''} title="${title}">${escapeHtml(text)}</a>`;
  };
  md.renderer.rules[XREF_TOKEN] = (tokens, idx, _options, env: RenderEnv) => {
    const meta = tokens[idx]?.meta as InlineMeta;
    const target = env.targets.get(meta.source);
    if (!target) return '';
    const label = numbered(env.language, target.kind === 'figure' ? 'figureRef' : 'tableRef', target.number);
    return `<a class="xref" href="${escapeHtml(target.url)}">${escapeHtml(label)}</a>`;
  };
  md.renderer.rules[CITE_TOKEN] = (tokens, idx, _options, env: RenderEnv) => {
    const meta = tokens[idx]?.meta as InlineMeta & { narrative?: boolean };
    const link = (key: string, text: string) => `<a class="cite" href="/${env.language.code}/references/#ref-${escapeHtml(key)}">${escapeHtml(text)}</a>`;
    const citations = parseCitation(meta.source);
    if (meta.narrative) {
      // "Imashev (2016)": the name in the sentence, the year in brackets.
      const { key } = citations[0] ?? { key: '' };
      const item = env.references.get(key);
      const { who, year } = item ? citationParts(item, env.language) : { who: key, year: undefined };
      return `<span class="citation">${link(key, year ? `${who} (${year})` : who)}</span>`;
    }
    const parts = citations.map(({ key, locator }) => {
      const item = env.references.get(key);
      const { who, year } = item ? citationParts(item, env.language) : { who: key, year: undefined };
      return `${link(key, year ? `${who}, ${year}` : who)}${locator ? `, ${escapeHtml(localizeLocator(locator, env.language))}` : ''}`;
    });
    return `<span class="citation">(${parts.join('; ')})</span>`;
  };
  md.renderer.rules[MATH_TOKEN] = (tokens, idx) => mathHtml((tokens[idx]?.meta as InlineMeta).source, false);
  const defaultFence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env: RenderEnv, self) => {
    const token = tokens[idx] as Token;
    const meta = env.blocks.get(token);
    if (meta?.figure) return figureHtml(meta.figure, env.language, env.references, env.pageUrl);
    if (meta?.diagram) return diagramHtml(meta.diagram.block, meta.diagram.number, meta.diagram.block.table ? env.tables.get(meta.diagram.block.table)?.table : undefined, env.language, env.references);
    if (meta?.table) return tableBlockHtml(meta.table.block, meta.table.number, env);
    if (meta?.pages) return pagesTableHtml(meta.pages, env.language, `pages-${idx}`);
    if (meta?.indicators) return indicatorListHtml(meta.indicators, env.language);
    if (token.info.trim() === 'math') return `<div class="math-display">${mathHtml(token.content, true)}</div>`;
    return defaultFence ? defaultFence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
}

function tableBlockHtml(block: TableBlock, number: string, env: RenderEnv): string {
  const table = env.tables.get(block.table)?.table;
  if (!table) return '';
  const anchor = `tab-${block.id}`;
  const caption = `<span class="figure-number">${escapeHtml(numbered(env.language, 'tableLabel', number))}.</span> ${escapeHtml(block.title ?? localize(table.title, env.language))}`;
  return `<figure class="table-figure" id="${escapeHtml(anchor)}">
${tableHtml(table, env.language, env.references, { rows: block.rows, columns: block.columns, captionHtml: caption, id: anchor })}
<p class="figure-links"><a href="/data/${escapeHtml(table.id)}.csv" download>CSV</a> · <a href="/data/${escapeHtml(table.id)}.json" download>JSON</a> · <a href="#${escapeHtml(anchor)}">${escapeHtml(t(env.language, 'permalink'))}</a></p>
</figure>`;
}

interface Target {
  url: string;
  number: string;
  kind: 'figure' | 'table';
  page: ParsedPage;
}

/**
 * What `{@fig:id}` on a page refers to: the page's own figure of that id; else the one figure of
 * that id in the page's language. An id several other pages use (the pages of a template all
 * have their own "trend" chart) is ambiguous there: left out, and named in the error.
 */
function targetsOf(page: ParsedPage, all: ReadonlyMap<string, Target[]>): Map<string, Target> {
  const targets = new Map<string, Target>();
  for (const [key, list] of all) {
    const own = list.find((t) => t.page === page);
    if (own) targets.set(key, own);
    else if (list.length === 1) targets.set(key, list[0] as Target);
  }
  return targets;
}

/** Every problem the render stage can still find, found before anything is rendered. */
function checkPages(pages: ParsedPage[], tables: Tables, references: References, targets: Map<string, Map<string, Target[]>>): ReportError[] {
  const errors: ReportError[] = [];
  for (const page of pages) {
    const { file, locale } = page.source;
    const all = targets.get(locale) ?? new Map<string, Target[]>();
    const known = targetsOf(page, all);
    for (const xref of page.xrefs) {
      const several = all.get(xref.meta.source);
      if (!/^(fig|tab):[a-z0-9-]+$/.test(xref.meta.source)) {
        errors.push(new ContentError(`{@${xref.meta.source}} is not a cross-reference`, { file, line: xref.line, expected: '{@fig:figure-id} or {@tab:table-id}', fix: 'write {@fig: or {@tab: followed by the id of a chart or table block' }));
      } else if (!known.has(xref.meta.source) && several && several.length > 1) {
        errors.push(new ContentError(`{@${xref.meta.source}} could mean the ${xref.meta.source.startsWith('fig:') ? 'figure' : 'table'} of that id on ${several.length} pages`, { file, line: xref.line, expected: `an id used on one page only, or on this page: it is on ${several.map((t) => t.url.split('#')[0]).join(', ')}`, fix: 'give the block on this page, or the one meant, an id of its own' }));
      } else if (!known.has(xref.meta.source)) {
        const kind = xref.meta.source.startsWith('fig:') ? 'figure' : 'table';
        const ids = [...known.keys()].filter((k) => k.startsWith(xref.meta.source.slice(0, 4)));
        errors.push(new ContentError(`{@${xref.meta.source}} refers to a ${kind} that does not exist`, { file, line: xref.line, expected: `one of: ${ids.join(', ') || `(no ${kind}s in this language)`}`, fix: `use the id of a ${kind === 'figure' ? 'chart' : 'table'} block in this language` }));
      }
    }
    for (const cite of page.cites) {
      for (const { key } of parseCitation(cite.meta.source)) {
        const written = (cite.meta as { narrative?: boolean }).narrative ? cite.meta.source : `[${cite.meta.source}]`;
        if (!key) errors.push(new ContentError(`${written} is not a citation`, { file, line: cite.line, expected: '[@key] or [@key, Table 2] or [@a; @b]', fix: 'write @ before each key' }));
        else if (!references.has(key)) errors.push(new ContentError(`${(cite.meta as { narrative?: boolean }).narrative ? '@' + key : `[@${key}]`} cites a work that is not in the bibliography`, { file, line: cite.line, expected: 'an id of data/references.json', fix: `add the work to data/references.json, or use one of: ${[...references.keys()].slice(0, 10).join(', ')}…; for a literal @ write \\@` }));
      }
    }
    for (const math of page.maths) {
      try {
        mathHtml(math.meta.source, false);
      } catch (cause) {
        errors.push(new ContentError(`invalid TeX in $${math.meta.source}$: ${(cause as Error).message}`, { file, line: math.line, expected: 'TeX math KaTeX understands', fix: 'correct the formula (a literal dollar sign is written \\$)' }));
      }
    }
    for (const site of page.diagrams) {
      const { block } = site;
      if (!block.table) continue;
      const table = tables.get(block.table)?.table;
      if (!table || table.kind !== 'text') {
        errors.push(new ContentError(`diagram "${block.id}" draws table "${block.table}", which ${table ? 'is not a text table' : 'does not exist'}`, { file, line: site.line, expected: 'the id of a text table in data/', fix: 'correct "table:"' }));
        continue;
      }
      const columnIds = new Set(table.columns.map((c) => c.id));
      const rowIds = new Set(table.rows.map((r) => r.id));
      for (const id of block.columns ?? []) if (!columnIds.has(id)) errors.push(new ContentError(`diagram "${block.id}": table "${table.id}" has no column "${id}"`, { file, line: site.line, expected: `one of ${[...columnIds].join(', ')}`, fix: 'correct "columns:"' }));
      for (const id of block.rows ?? []) if (!rowIds.has(id)) errors.push(new ContentError(`diagram "${block.id}": table "${table.id}" has no row "${id}"`, { file, line: site.line, expected: `one of ${[...rowIds].join(', ')}`, fix: 'correct "rows:"' }));
    }
    for (const site of page.tables) {
      const table = tables.get(site.block.table)?.table;
      if (!table) {
        errors.push(new ContentError(`table block "${site.block.id}" shows table "${site.block.table}", which does not exist`, { file, line: site.line, expected: 'the id of a table in data/', fix: 'correct "table:"' }));
        continue;
      }
      const rowIds = new Set(table.rows.map((r) => r.id));
      const columnIds = new Set(isNumericTable(table) ? table.periods : table.columns.map((c) => c.id));
      for (const id of site.block.rows ?? []) if (!rowIds.has(id)) errors.push(new ContentError(`table block "${site.block.id}": table "${table.id}" has no row "${id}"`, { file, line: site.line, expected: `one of ${[...rowIds].join(', ')}`, fix: 'correct "rows:"' }));
      for (const id of site.block.columns ?? []) if (!columnIds.has(id)) errors.push(new ContentError(`table block "${site.block.id}": table "${table.id}" has no column "${id}"`, { file, line: site.line, expected: `one of ${[...columnIds].join(', ')}`, fix: 'correct "columns:"' }));
    }
  }
  return errors;
}

/** What the earlier stages returned, for the render stage to look up. */
export interface RenderInputs {
  values: ComputedValues;
  /** The tables of a template's pages (```pages blocks), by token. */
  pageTables: ReadonlyMap<Token, PageTable>;
  figures: ReadonlyMap<ParsedPage, Figure[]>;
  numbering: Numbering;
  tables: Tables;
  references: References;
  languages: LanguageSet;
  /** A page's view from an earlier build of this process, where still valid (build-memo.ts); each page's is kept there. */
  memo?: ObjectMemo<ParsedPage, PageView>;
}

type RenderedBlock = { figure?: Figure; table?: { block: TableBlock; number: string }; diagram?: { block: DiagramBlock; number: string }; pages?: PageTable; indicators?: IndicatorListBlock };

export function renderPages(md: MarkdownIt, pages: ParsedPage[], inputs: RenderInputs): PageView[] {
  const { figures, numbering, tables, references, pageTables } = inputs;
  installRenderers(md);
  const targets = new Map<string, Map<string, Target[]>>();
  const blocks = new Map<Token, RenderedBlock>();
  for (const page of pages) {
    const byKey = targets.get(page.source.locale) ?? new Map<string, Target[]>();
    const index = { set: (key: string, target: Omit<Target, 'page'>) => byKey.set(key, [...(byKey.get(key) ?? []), { ...target, page }]) };
    // The chart stage returns a page's figures in the order of its chart blocks; a page whose
    // view is kept has none, and is cross-referenced by its charts' numbers and anchors alone.
    const pageFigures = figures.get(page) ?? [];
    page.charts.forEach((site, i) => {
      const figure = pageFigures[i];
      if (figure) blocks.set(site.token, { figure });
      index.set(`fig:${site.block.id}`, { url: `${pageUrl(page)}#${figureAnchor(site.block.id)}`, number: numbering.figure(page, site.block.id), kind: 'figure' });
    });
    for (const site of page.diagrams) {
      const number = numbering.figure(page, site.block.id);
      blocks.set(site.token, { diagram: { block: site.block, number } });
      index.set(`fig:${site.block.id}`, { url: `${pageUrl(page)}#${figureAnchor(site.block.id)}`, number, kind: 'figure' });
    }
    for (const site of page.pageTables) {
      const table = pageTables.get(site.token);
      if (table) blocks.set(site.token, { pages: table });
    }
    for (const site of page.indicatorLists) blocks.set(site.token, { indicators: site.block });
    page.tables.forEach((site, i) => {
      const number = numbering.table(page, i);
      blocks.set(site.token, { table: { block: site.block, number } });
      index.set(`tab:${site.block.id}`, { url: `${pageUrl(page)}#tab-${site.block.id}`, number, kind: 'table' });
    });
    targets.set(page.source.locale, byKey);
  }
  // A kept view was checked when it was made, in the same context.
  const errors = checkPages(pages.filter((page) => !inputs.memo?.get(page)), tables, references, targets);
  throwIfAny(errors);

  return pages.map((page) => {
    const kept = inputs.memo?.get(page);
    if (kept) return kept;
    const view = renderPage(md, page, inputs, blocks, targets);
    inputs.memo?.set(page, view);
    return view;
  });
}

function renderPage(md: MarkdownIt, page: ParsedPage, { values, figures, numbering, tables, references, languages }: RenderInputs, blocks: ReadonlyMap<Token, RenderedBlock>, targets: ReadonlyMap<string, Map<string, Target[]>>): PageView {
  const url = pageUrl(page);
  const env: RenderEnv = {
    language: languages.get(page.source.locale),
    values,
    blocks,
    tables,
    pageUrl: url,
    references,
    calculations: [],
    bySource: new Map(),
    targets: targetsOf(page, targets.get(page.source.locale) ?? new Map()),
  };
  const findings = page.findings.map((tokens) => md.renderer.render(tokens, md.options, env));
  const html = md.renderer.render(page.tokens, md.options, env);
  const fm = page.source.frontMatter;
  return {
    locale: page.source.locale,
    slug: page.source.slug,
    url,
    isHome: page.source.slug === 'index',
    number: numbering.chapter(page),
    ...(page.pageTables.length ? { sortable: true } : {}),
    ...(page.source.entity
      ? { section: numbering.section(page), parent: page.source.entity.parent, entity: { id: page.source.entity.id, name: page.source.entity.name, index: page.source.entity.index, count: page.source.entity.count } }
      : {}),
    title: fm.title,
    short: fm.short ?? fm.title,
    summary: fm.summary ?? '',
    file: page.source.file,
    html,
    findings,
    calculations: env.calculations,
    figures: (figures.get(page) ?? []).map((f) => ({ anchor: f.anchor, number: f.number, title: f.chart.block.title, csv: figureCsv(f), svg: figureSvgFile(f) })),
  };
}
