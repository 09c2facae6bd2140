/**
 * The one configured markdown-it. Raw HTML is off (authors write Markdown; data and front matter
 * cannot smuggle in <script>), links go through markdown-it's URL validation (no `javascript:`),
 * and three report-specific pieces of syntax are added:
 *
 *   {=reference}     a computed number (see compute/reference-syntax.ts)
 *   {@fig:id}        a cross-reference to a figure ("Figure 3.2"), {@tab:id} to a table
 *   [@key, locator]  a citation of data/references.json ("Imashev (2016), Table 1")
 *   $x_t / x_b$      inline math (TeX, rendered to MathML); ```math for display math
 *   ```chart         a chart block (YAML, see chart/chart-block.ts)
 *   ```table         a table block (YAML, see render/table-block.ts)
 *
 * Parsing and rendering are separate calls: between them the compute and chart stages fill in
 * each token's `meta`, so rendering stays synchronous and never fails half-way.
 */
import MarkdownIt, { type PluginSimple } from 'markdown-it';
import anchor from 'markdown-it-anchor';
import footnote from 'markdown-it-footnote';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

export const VALUE_TOKEN = 'report_value';
export const XREF_TOKEN = 'report_xref';
export const CITE_TOKEN = 'report_cite';
export const MATH_TOKEN = 'report_math';
/** `{{`, `{%` or an unclosed `{=`: would print as text; the validate stage turns it into an error. */
export const UNRESOLVED_TOKEN = 'report_unresolved';

export interface InlineMeta {
  /** What the author wrote between the braces. */
  source: string;
  /** Offset in the inline content, turned into `line` after parsing. */
  offset: number;
  /** 0-based body line, set by the `report_lines` core rule. */
  bodyLine?: number;
}

export function slugify(text: string): string {
  const slug =
    text
      .toLowerCase()
      .normalize('NFKD')
      // Accents come off Latin letters only (café → cafe); in Cyrillic the mark is the letter
      // (й is not и), so it is recomposed.
      .replace(/(\p{Script=Latin})[\u0300-\u036f]+/gu, '$1')
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'section';
  // A heading that opens with a year ("2019 жылы …") would give an id starting with a digit,
  // which CSS selectors cannot name without escaping: such ids start with "h-".
  return /^\p{L}/u.test(slug) ? slug : `h-${slug}`;
}

function reportInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x7b /* { */) return false;
  const sigil = src[start + 1];
  // Runs after markdown-it's escape rule, so an escaped "\{{" never reaches here.
  if (sigil === '{' || sigil === '%') return unresolved(state, silent, start, 2);
  if (sigil !== '=' && sigil !== '@') return false;
  const end = src.indexOf('}', start + 2);
  const newline = src.indexOf('\n', start);
  if (end < 0 || (newline >= 0 && newline < end)) return unresolved(state, silent, start, 2);
  if (!silent) {
    const token = state.push(sigil === '=' ? VALUE_TOKEN : XREF_TOKEN, '', 0);
    const meta: InlineMeta = { source: src.slice(start + 2, end), offset: start };
    token.meta = meta;
  }
  state.pos = end + 1;
  return true;
}

/** `[@key]`, `[@key, Table 2]`, `[@a; @b]`: parsed here, checked against the bibliography later. */
function citation(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x5b /* [ */ || src.charCodeAt(start + 1) !== 0x40 /* @ */) return false;
  const end = src.indexOf(']', start);
  if (end < 0 || src.charCodeAt(end + 1) === 0x28 /* ( : a link */) return false;
  if (!silent) {
    const token = state.push(CITE_TOKEN, '', 0);
    const meta: InlineMeta = { source: src.slice(start + 1, end), offset: start };
    token.meta = meta;
  }
  state.pos = end + 1;
  return true;
}

/**
 * `@key` in running text is a narrative citation ("Imashev (2016) shows…"), as in Pandoc: an @ at
 * the start of a word followed by a key. `\@` writes a literal @.
 */
function narrativeCitation(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x40 /* @ */) return false;
  const before = start === 0 ? ' ' : (src[start - 1] ?? ' ');
  if (!/[\s(]/.test(before)) return false;
  const match = /^@([a-z][a-z0-9]*(?:-[a-z0-9]+)*)/.exec(src.slice(start));
  if (!match) return false;
  if (!silent) {
    const token = state.push(CITE_TOKEN, '', 0);
    const meta: InlineMeta & { narrative: true } = { source: match[0], offset: start, narrative: true };
    token.meta = meta;
  }
  state.pos = start + match[0].length;
  return true;
}

/** `$…$` with no space inside either dollar, and no digit right after the closing one ("$5 and $6" is not math). */
function inlineMath(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */ || /\s/.test(src[start + 1] ?? ' ')) return false;
  let end = start + 1;
  while ((end = src.indexOf('$', end)) >= 0) {
    if (src[end - 1] !== '\\' && !/\s/.test(src[end - 1] ?? ' ') && !/\d/.test(src[end + 1] ?? '')) break;
    end++;
  }
  if (end < 0) return false;
  if (!silent) {
    const token = state.push(MATH_TOKEN, '', 0);
    const meta: InlineMeta = { source: src.slice(start + 1, end), offset: start };
    token.meta = meta;
  }
  state.pos = end + 1;
  return true;
}

/** Keeps a computed number on the same line as the word or sign after it ("15.0 %", "182.2 thousand"). */
function noBreakAfterValues(state: StateCore): void {
  for (const block of state.tokens) {
    const children = block.children ?? [];
    children.forEach((child, i) => {
      const next = children[i + 1];
      if (child.type === VALUE_TOKEN && next?.type === 'text' && next.content.startsWith(' ')) next.content = `\u00a0${next.content.slice(1)}`;
    });
  }
}

function unresolved(state: StateInline, silent: boolean, start: number, length: number): boolean {
  if (!silent) {
    const token = state.push(UNRESOLVED_TOKEN, '', 0);
    const meta: InlineMeta = { source: state.src.slice(start, start + length), offset: start };
    token.meta = meta;
  }
  state.pos = start + length;
  return true;
}

/** Gives every report token the body line it stands on (markdown-it only maps block tokens). */
function reportLines(state: StateCore): void {
  for (const block of state.tokens) {
    if (!block.children || !block.map) continue;
    for (const child of block.children) {
      if (![VALUE_TOKEN, XREF_TOKEN, CITE_TOKEN, MATH_TOKEN, UNRESOLVED_TOKEN].includes(child.type)) continue;
      const meta = child.meta as InlineMeta;
      meta.bodyLine = block.map[0] + (block.content.slice(0, meta.offset).match(/\n/g)?.length ?? 0);
    }
  }
}

/**
 * markdown-it aligns table columns with `style="text-align:…"`, which a Content-Security-Policy
 * without 'unsafe-inline' styles blocks: use classes instead.
 */
function alignmentClasses(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type !== 'th_open' && token.type !== 'td_open') continue;
    const style = token.attrGet('style');
    const align = style ? /text-align:(left|right|center)/.exec(style)?.[1] : undefined;
    if (!align || !token.attrs) continue;
    token.attrs = token.attrs.filter(([name]) => name !== 'style');
    token.attrJoin('class', `align-${align}`);
  }
}

/** `## Heading {#stable-id}`: an explicit anchor that survives rewording the heading. */
function headingIds(state: StateCore): void {
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = state.tokens[i + 1];
    const match = inline?.content.match(/\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$/);
    if (!inline || !match) return;
    token.attrSet('id', match[1] ?? '');
    inline.content = inline.content.slice(0, match.index);
    const last = inline.children?.at(-1);
    if (last?.type === 'text') last.content = last.content.replace(/\s*\{#[a-z0-9-]+\}\s*$/, '');
  });
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: true });
  md.inline.ruler.before('emphasis', 'report_inline', reportInline);
  md.inline.ruler.before('link', 'report_cite', citation);
  md.inline.ruler.before('emphasis', 'report_narrative_cite', narrativeCitation);
  md.inline.ruler.before('escape', 'report_math', inlineMath);
  md.core.ruler.after('inline', 'report_lines', reportLines);
  md.core.ruler.push('alignment_classes', alignmentClasses);
  md.core.ruler.after('inline', 'heading_ids', headingIds);
  md.core.ruler.after('inline', 'no_break_after_values', noBreakAfterValues);
  // The footnote plugin's types target markdown-it's CommonJS typings; the runtime API is the same.
  md.use(footnote as unknown as PluginSimple);
  md.use(anchor, {
    slugify,
    level: [2, 3, 4],
    tabIndex: false,
    // The heading text is the permalink: focusable and read as the heading, unlike an aria-hidden "#".
    permalink: anchor.permalink.headerLink({ class: 'heading-anchor' }),
  });
  return md;
}

export type { Token };
