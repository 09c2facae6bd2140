/**
 * Server-side rendering: a compiled Vega spec becomes an SVG string, with the page language's
 * number style and an accessible name and description. Coordinates are rounded and written
 * compactly to keep pages light (a chart is drawn at ~600 px, so a hundredth of a pixel is invisible).
 */
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { escapeHtml } from '../render/escape.ts';
import { vegaLocale } from '../languages/number-format.ts';
import type { NumberStyle } from '../languages/pack-schema.ts';
import { sealedLoader } from './sealed-loader.ts';

export interface SvgOptions {
  /** The page language's separators for Vega's number formats. */
  number: NumberStyle;
  /** Unique in the page: used for the ids of <title> and <desc>. */
  id: string;
  title: string;
  description: string;
}

export async function renderSvg(vegaSpec: object, options: SvgOptions): Promise<string> {
  // Expressions parsed to syntax trees for the interpreter (below).
  return renderRuntime(vega.parse(vegaSpec as vega.Spec, undefined, { ast: true }), options);
}

/** `renderSvg` from a parsed spec (`vega.parse` with `ast: true`): one parse can serve charts of one shape (parse-once.ts). */
export async function renderRuntime(runtime: vega.Runtime, options: SvgOptions): Promise<string> {
  const sealed = sealedLoader();
  const logged: string[] = [];
  // The expression interpreter rather than Vega's code generation (new Function): expressions
  // in an author's spec are evaluated as data, as in the browser (hydrate.ts).
  const view = new vega.View(runtime, {
    renderer: 'none',
    locale: vegaLocale(options.number),
    loader: sealed.loader,
    logger: collectingLogger(logged),
    expr: expressionInterpreter,
  } as unknown as ConstructorParameters<typeof vega.View>[1]);
  try {
    const svg = await view.toSVG();
    if (sealed.refused.length) throw new RenderRefusal(`the chart asked to load ${sealed.refused.map((u) => `"${u.slice(0, 80)}"`).join(', ')}, which charts may not do`);
    if (logged.length) throw new RenderRefusal(`Vega reported: ${logged.join('; ')}`);
    return accessibleSvg(scopeIds(compactSvg(svg), options.id), options);
  } finally {
    view.finalize();
  }
}

/** A render that finished but must not be published (it loaded something, or Vega logged an error). */
export class RenderRefusal extends Error {}

/** Vega's errors and warnings, kept for the chart's message instead of printed to the console. */
function collectingLogger(into: string[]): object {
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => {
      into.push(args.map(String).join(' '));
      return logger;
    },
    warn: (...args: unknown[]) => {
      into.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * The SVG Vega writes, made smaller without changing the picture: numbers in attributes to two
 * decimals at most and written as short as SVG allows, paths as relative segments, and nothing
 * that draws nothing or restates a default. Of Vega's classes only the mark type of data marks
 * ("mark-line", "mark-rect", "mark-shape"…) is kept: enough for tests and stylesheets to find the
 * marks. The whole SVG is one image with a title and description (role="img" makes everything in
 * it presentational), so Vega's per-mark roles, labels and aria-hidden flags inside it go too.
 *
 * Input it does not recognise as plain elements with double-quoted attributes is returned with
 * only the regular-expression steps applied.
 */
export function compactSvg(svg: string): string {
  const root = parseSvg(svg);
  if (!root) return svg.replace(/ role="graphics-[a-z-]+"/g, '').replace(/ aria-roledescription="[^"]*"/g, '');
  compactTree(root, { fill: 'black', stroke: 'none', strokeWidth: '1' }, true);
  hoistShared(root);
  unwrapGroups(root);
  dedupeClipPaths(root);
  if (!mentions(root, 'xlink:')) root.attrs.delete('xmlns:xlink');
  root.attrs.delete('version');
  return serialise(root);
}

interface SvgElement {
  name: string;
  attrs: Map<string, string>;
  children: SvgNode[];
}
type SvgNode = SvgElement | string;
const isElement = (node: SvgNode): node is SvgElement => typeof node !== 'string';

/** Elements with double-quoted attributes and text, as Vega's SVG renderer writes them; else undefined. */
function parseSvg(svg: string): SvgElement | undefined {
  const top: SvgElement = { name: '#document', attrs: new Map(), children: [] };
  const stack = [top];
  const end = svg.length;
  let at = 0;
  // A scanner (not a regular expression over the whole text: this runs on every chart).
  while (at < end) {
    const parent = stack[stack.length - 1] as SvgElement;
    if (svg.charCodeAt(at) !== LT) {
      const next = svg.indexOf('<', at);
      const stop = next < 0 ? end : next;
      parent.children.push(svg.slice(at, stop));
      at = stop;
      continue;
    }
    let i = at + 1;
    const closing = svg.charCodeAt(i) === SLASH;
    if (closing) i++;
    if (!isLetter(svg.charCodeAt(i))) return undefined;
    const nameStart = i;
    while (i < end && isNameChar(svg.charCodeAt(i))) i++;
    const name = svg.slice(nameStart, i);
    const attrs = new Map<string, string>();
    // Attributes: each after white space, name="value" (no quote or '<' in the value).
    for (;;) {
      const spaceStart = i;
      while (i < end && isSpace(svg.charCodeAt(i))) i++;
      if (i === spaceStart || !isNameChar(svg.charCodeAt(i))) break;
      const attrStart = i;
      while (i < end && isNameChar(svg.charCodeAt(i))) i++;
      const attrName = svg.slice(attrStart, i);
      if (svg.charCodeAt(i) !== EQUALS || svg.charCodeAt(i + 1) !== QUOTE) return undefined;
      const valueStart = i + 2;
      const quote = svg.indexOf('"', valueStart);
      if (quote < 0) return undefined;
      const value = svg.slice(valueStart, quote);
      if (value.includes('<')) return undefined;
      attrs.set(attrName, value);
      i = quote + 1;
    }
    const selfClosing = svg.charCodeAt(i) === SLASH;
    if (selfClosing) i++;
    if (svg.charCodeAt(i) !== GT) return undefined;
    at = i + 1;
    if (closing) {
      if (parent.name !== name || stack.length === 1) return undefined;
      stack.pop();
    } else {
      const element: SvgElement = { name, attrs, children: [] };
      parent.children.push(element);
      if (!selfClosing) stack.push(element);
    }
  }
  const root = top.children[0];
  if (stack.length !== 1 || top.children.length !== 1 || !root || !isElement(root) || root.name !== 'svg') return undefined;
  return root;
}

const [LT, GT, SLASH, EQUALS, QUOTE] = ['<', '>', '/', '=', '"'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `[\w:-]`. */
const isNameChar = (c: number) => isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 45;
/** `\s` of a JavaScript regular expression. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)));

/** Whether `serialise(element)` would contain `text` (a name, a value or a run of text holding it). */
function mentions(element: SvgElement, text: string): boolean {
  if (element.name.includes(text)) return true;
  for (const [name, value] of element.attrs) if (name.includes(text) || value.includes(text)) return true;
  let run = '';
  for (const child of element.children) {
    if (!isElement(child)) {
      run += child;
      continue;
    }
    if (run.includes(text) || mentions(child, text)) return true;
    run = '';
  }
  return run.includes(text);
}

function serialise(node: SvgNode): string {
  if (!isElement(node)) return node;
  let attrs = '';
  for (const [name, value] of node.attrs) attrs += ` ${name}="${value}"`;
  return node.children.length ? `<${node.name}${attrs}>${node.children.map(serialise).join('')}</${node.name}>` : `<${node.name}${attrs}/>`;
}

/** Attributes whose numbers are coordinates, sizes or opacities (not ids, colours or text). */
const NUMERIC = new Set(['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'dx', 'dy', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'fill-opacity', 'opacity', 'font-size', 'points']);
/** Presentation attributes that children inherit. */
const INHERITED = ['fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-opacity', 'stroke-width', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin', 'stroke-miterlimit', 'font-family', 'font-size', 'font-style', 'font-weight', 'text-anchor', 'paint-order'];
/** Shapes that draw nothing without a fill or a stroke. */
const SHAPES = new Set(['path', 'rect', 'line', 'circle', 'ellipse', 'polygon', 'polyline']);

interface Inherited {
  fill: string;
  stroke: string;
  strokeWidth: string;
}

/** Drops what draws nothing or restates a default; returns false when the element itself goes. */
function compactTree(element: SvgElement, inherited: Inherited, isRoot = false): boolean {
  const attrs = element.attrs;
  if (attrs.get('display') === 'none' || attrs.get('opacity') === '0') return false;
  if (!isRoot) {
    attrs.delete('aria-hidden');
    // Vega labels some parts in English whatever the chart's language ("Title text 'Wheat'" on a
    // facet's header); inside role="img" no one reads them, and the chart's own title and
    // description say it in the page's language.
    attrs.delete('aria-label');
    if (attrs.get('role')?.startsWith('graphics-')) attrs.delete('role');
  }
  attrs.delete('aria-roledescription');
  const cls = attrs.get('class');
  if (cls !== undefined && !isRoot) {
    const mark = /^(mark-[a-z]+) role-mark\b/.exec(cls)?.[1];
    if (mark) attrs.set('class', mark);
    else attrs.delete('class');
  }
  // Nothing in the static SVG responds to the pointer: the interactive view replaces it.
  attrs.delete('pointer-events');
  for (const [name, value] of attrs) {
    if (NUMERIC.has(name)) attrs.set(name, name === 'd' ? compactPath(value) : shortNumbers(value));
    else if (name === 'fill' || name === 'stroke') attrs.set(name, shortColour(value));
  }
  if (attrs.get('opacity') === '1') attrs.delete('opacity');
  if (attrs.get('stroke-miterlimit') === '4') attrs.delete('stroke-miterlimit');
  if (/^translate\(0(?:[, ]0)?\)$/.test(attrs.get('transform') ?? '')) attrs.delete('transform');
  // Not on text: a tspan without x continues the line instead of starting at 0.
  if (SHAPES.has(element.name)) for (const name of ['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy']) if (attrs.get(name) === '0') attrs.delete(name);
  const here: Inherited = { fill: attrs.get('fill') ?? inherited.fill, stroke: attrs.get('stroke') ?? inherited.stroke, strokeWidth: attrs.get('stroke-width') ?? inherited.strokeWidth };
  if (attrs.get('stroke-width') === inherited.strokeWidth) attrs.delete('stroke-width');
  if (SHAPES.has(element.name)) {
    if (here.fill === 'none' && here.stroke === 'none') return false;
    if (element.name === 'path' && !attrs.get('d')) return false;
  }
  element.children = element.children.filter((child) => !isElement(child) || compactTree(child, here));
  // An empty group draws nothing (clip paths and definitions are not groups).
  return !(element.name === 'g' && element.children.length === 0);
}

/**
 * An inherited attribute that every child element of a group sets to the same value is set once
 * on the group: each child (and what it contains) still gets the same value.
 */
function hoistShared(element: SvgElement): void {
  for (const child of element.children) if (isElement(child)) hoistShared(child);
  if (element.name !== 'g') return;
  const kids = element.children.filter(isElement);
  if (kids.length < 2 || element.children.length !== kids.length) return;
  for (const name of INHERITED) {
    const value = kids[0]?.attrs.get(name);
    if (value === undefined || element.attrs.has(name) || !kids.every((k) => k.attrs.get(name) === value)) continue;
    for (const k of kids) k.attrs.delete(name);
    element.attrs.set(name, value);
  }
}

/** A group without attributes is only its children. */
function unwrapGroups(element: SvgElement): void {
  const children: SvgNode[] = [];
  for (const child of element.children) {
    if (!isElement(child)) children.push(child);
    else {
      unwrapGroups(child);
      if (child.name === 'g' && child.attrs.size === 0) children.push(...child.children);
      else children.push(child);
    }
  }
  element.children = children;
}

/** One clip path for each distinct shape (Vega writes one per mark), and none that nothing uses. */
function dedupeClipPaths(root: SvgElement): void {
  const same = new Map<string, string>();
  const rename = new Map<string, string>();
  const visit = (element: SvgElement) => {
    element.children = element.children.filter((child) => {
      if (!isElement(child)) return true;
      if (child.name === 'clipPath') {
        const id = child.attrs.get('id');
        const shape = child.children.map(serialise).join('');
        const first = same.get(shape);
        if (id === undefined) return true;
        if (first === undefined) same.set(shape, id);
        else {
          rename.set(id, first);
          return false;
        }
        return true;
      }
      visit(child);
      return true;
    });
  };
  visit(root);
  const used = new Set<string>();
  const relink = (element: SvgElement) => {
    const clip = /^url\(#([^)]+)\)$/.exec(element.attrs.get('clip-path') ?? '')?.[1];
    if (clip !== undefined) {
      const id = rename.get(clip) ?? clip;
      used.add(id);
      element.attrs.set('clip-path', `url(#${id})`);
    }
    for (const child of element.children) if (isElement(child)) relink(child);
  };
  relink(root);
  const prune = (element: SvgElement) => {
    element.children = element.children.filter((child) => !isElement(child) || child.name !== 'clipPath' || used.has(child.attrs.get('id') ?? ''));
    for (const child of element.children) if (isElement(child)) prune(child);
    element.children = element.children.filter((child) => !isElement(child) || child.name !== 'defs' || child.children.length > 0);
  };
  prune(root);
}

/** A number rounded to hundredths, written as short as SVG reads it: "0.50" → ".5", "-0.25" → "-.25". */
export function shortNumber(v: number): string {
  const rounded = Math.round(v * 100) / 100;
  if (rounded === 0) return '0';
  const text = String(rounded);
  if (text.startsWith('0.')) return text.slice(1);
  if (text.startsWith('-0.')) return `-${text.slice(2)}`;
  return text;
}

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi;
const ONE_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
/** Every number in an attribute value written short; most values are one number. */
const shortNumbers = (value: string) => (ONE_NUMBER.test(value) ? shortNumber(Number(value)) : value.replace(NUMBER, (n) => shortNumber(Number(n))));

/** rgb(r, g, b) as #rrggbb, except the greys the dark-mode stylesheet matches by their hex value. */
function shortColour(value: string): string {
  const m = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(value);
  if (!m) return value;
  const hex = `#${[m[1], m[2], m[3]].map((c) => Number(c).toString(16).padStart(2, '0')).join('')}`;
  return hex === '#000000' || hex === '#555555' ? value : hex;
}

const COMMANDS = new Set('MmLlHhVvZzCcSsQqTtAa');
const STRAIGHT = new Set('MmLlHhVvZz');

/**
 * Path data as commands, each with its numbers; undefined unless the data, white space around it
 * aside, is nothing but commands (a letter, then anything up to the next letter).
 */
function pathCommands(d: string): Array<{ command: string; numbers: number[] }> | undefined {
  let first = 0;
  while (first < d.length && !COMMANDS.has(d.charAt(first))) first++;
  // Only white space before the first command and none after the last one's text.
  if (d.slice(first) !== d.trim()) return undefined;
  const commands: Array<{ command: string; numbers: number[] }> = [];
  for (let at = first; at < d.length; ) {
    let next = at + 1;
    while (next < d.length && !COMMANDS.has(d.charAt(next))) next++;
    const numbers: number[] = [];
    const args = d.slice(at + 1, next);
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(args); m; m = NUMBER.exec(args)) numbers.push(Number(m[0]));
    commands.push({ command: d.charAt(at), numbers });
    at = next;
  }
  return commands;
}

/** Path data written with the fewest separators: "l1 -2 0.5 0.5" → "l1-2 .5.5". */
class PathWriter {
  text = '';
  private last = '';
  private number = '';
  command(letter: string): void {
    this.text += letter;
    this.last = letter;
    this.number = '';
  }
  /** Numbers for the command `letter`, its letter left out after the same command ("l" also after "m"). */
  numbers(letter: string, values: number[]): void {
    // A move always has its letter: a second pair after "m" would be a line.
    if (letter === 'm' || (letter !== this.last && !(letter === 'l' && this.last === 'm'))) this.command(letter);
    else this.last = letter;
    for (const v of values) {
      const n = shortNumber(v);
      const joins = this.number === '' || n.startsWith('-') || (n.startsWith('.') && this.number.includes('.'));
      this.text += (joins ? '' : ' ') + n;
      this.number = n;
    }
  }
}

/**
 * Path data in the fewest characters that draw the same points. A path of straight segments
 * (M, L, H, V, Z in either case) becomes relative: each point from the one before ("l.7-1.2"
 * instead of "L431.6,208.3"), horizontal and vertical steps as "h" and "v", the command letter
 * written once for a run of points, and no last segment back to the start before a "z" (which
 * draws it). Any other path keeps its commands with its numbers shortened.
 */
export function compactPath(d: string): string {
  const parsed = pathCommands(d);
  if (!parsed) return d;
  const out = new PathWriter();
  if (parsed.some(({ command }) => !STRAIGHT.has(command))) {
    for (const { command, numbers } of parsed) {
      out.command(command);
      if (numbers.length) out.numbers(command, numbers);
    }
    return out.text;
  }
  // Absolute points, rounded to hundredths as they will be drawn.
  const round = (v: number) => Math.round(v * 100) / 100;
  const points: Array<{ move: boolean; x: number; y: number } | 'z'> = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  const arity: Record<string, number> = { m: 2, l: 2, h: 1, v: 1 };
  for (const { command, numbers } of parsed) {
    const lower = command.toLowerCase();
    if (lower === 'z') {
      if (numbers.length) return d;
      points.push('z');
      [x, y] = start;
      continue;
    }
    const n = arity[lower] as number;
    if (numbers.length === 0 || numbers.length % n !== 0) return d;
    for (let i = 0; i < numbers.length; i += n) {
      // The first "m" of a path is absolute whatever its case; its further pairs are not.
      const relative = command === lower && !(i === 0 && points.length === 0);
      const a = numbers[i] as number;
      const b = numbers[i + 1] as number;
      if (lower !== 'v') x = round(relative ? x + a : a);
      if (lower === 'v') y = round(relative ? y + a : a);
      else if (lower !== 'h') y = round(relative ? y + b : b);
      const move = lower === 'm' && i === 0;
      if (move) start = [x, y];
      points.push({ move, x, y });
    }
  }
  x = 0;
  y = 0;
  start = [0, 0];
  for (const [i, point] of points.entries()) {
    if (point === 'z') {
      out.command('z');
      [x, y] = start;
      continue;
    }
    const dx = round(point.x - x);
    const dy = round(point.y - y);
    if (point.move) {
      out.numbers('m', [dx, dy]);
      start = [point.x, point.y];
    } else if (points[i + 1] === 'z' && point.x === start[0] && point.y === start[1]) {
      // "z" draws the segment back to the start.
    } else if (dy === 0) out.numbers('h', [dx]);
    else if (dx === 0) out.numbers('v', [dy]);
    else out.numbers('l', [dx, dy]);
    x = point.x;
    y = point.y;
  }
  return out.text;
}

/**
 * Vega numbers its clip paths and gradients with counters shared by the whole process ("clip1",
 * "gradient_0"), so the same chart gets different ids depending on what was rendered before it,
 * and two charts on one page, rendered in different threads or builds (one from the cache), can
 * both define "clip1": the browser would then clip the second with the first's shape. Every id
 * the SVG defines is renamed after the figure and numbered in order of appearance.
 */
export function scopeIds(svg: string, figureId: string): string {
  const rename = new Map<string, string>();
  for (const [, id] of svg.matchAll(/ id="([^"]+)"/g)) {
    if (id !== undefined && !rename.has(id)) rename.set(id, `${figureId}-d${rename.size + 1}`);
  }
  if (rename.size === 0) return svg;
  return svg
    .replace(/ id="([^"]+)"/g, (_whole, id: string) => ` id="${rename.get(id) ?? id}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (rename.has(id) ? `url(#${rename.get(id)})` : whole))
    .replace(/ (xlink:)?href="#([^"]+)"/g, (whole, xlink: string | undefined, id: string) => (rename.has(id) ? ` ${xlink ?? ''}href="#${rename.get(id)}"` : whole));
}

function accessibleSvg(svg: string, { id, title, description }: SvgOptions): string {
  const titleId = `${id}-svg-title`;
  const descId = `${id}-svg-desc`;
  return svg.replace(
    /^<svg([^>]*)>/,
    (_m, attrs: string) =>
      `<svg${attrs.replace(/ class="[^"]*"/, '')} class="chart-svg" role="img" aria-labelledby="${titleId}" aria-describedby="${descId}">` +
      `<title id="${titleId}">${escapeHtml(title)}</title><desc id="${descId}">${escapeHtml(description)}</desc>`,
  );
}
