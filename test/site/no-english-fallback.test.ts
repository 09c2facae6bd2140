/**
 * No English fallback on the Russian and Kazakh pages of the published report (built once by
 * test/global-setup.ts into .build/test-site). `localize()` shows the English text of anything
 * without a `ru`/`kk` translation, so a forgotten translation goes unnoticed in the build; this
 * test reads every page under /ru/ and /kk/ as a reader meets it and reports every run of
 * Latin-script words as `page: "text" (where: selector)`, so a failure says what to translate.
 *
 * What is read: text nodes (including hidden figure descriptions, calculation notes, table
 * captions and headers, SVG <title>/<desc>/<text> of charts, the page <title>), and the attributes
 * a reader meets: title, alt, aria-label, placeholder, the page description and Open Graph texts,
 * and the messages the search box shows from its data-* attributes.
 *
 * What is left out, and why: the References page's entries (a work is listed under its own
 * title, in its own language); <code>, <pre>, <kbd> (identifiers, not prose); <math> and KaTeX
 * (symbols); elements whose `lang` is not the page's (marked as another language on purpose:
 * the language switcher's "EN"); <blockquote> and <q> (quotations keep their original words);
 * <script>, <style> and <template> (not shown as text).
 *
 * In-text citations (links to /<lang>/references/#ref-…) are a category of their own, in tests of
 * their own: a work that data/references.json names in the page's language must be cited in it
 * ("Кокенова и др. (2020)"); the stricter test, every author in the page's script, is skipped
 * while works published in Latin script (Porter, Krugman) are cited as published.
 *
 * The reverse direction too: a Kazakh page must not show a Russian sentence (no Kazakh letter,
 * and a word such as «и», «в», «для» that Kazakh does not have).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveBoundariesDir } from '../../scripts/chart/boundaries-dir.ts';
import { htmlPages, SITE as site } from './site-pages.ts';
import { testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

/**
 * Names in the boundary files' credit: printed only under choropleths, so a site built without
 * boundary files (no ../shared/geo beside the project) draws tile grids and needs none of them.
 */
const BOUNDARY_CREDIT = new Set(['geokz', 'OCHA', 'HDX', 'COD-AB', 'CC BY 4.0']);
const HAS_BOUNDARIES = resolveBoundariesDir(path.resolve(import.meta.dirname, '../..'), process.env) !== undefined;

/**
 * Latin-script words a Russian or Kazakh page may show: names and symbols that are written in
 * Latin in those languages too. Each entry says why. Matched against whole words, case-sensitive.
 * An entry no page needs any more fails the last test, so the list only shrinks.
 */
const ALLOWED_WORDS: Record<string, string> = {
  CSV: 'a file format: the name of a download',
  JSON: 'a file format: the name of a download',
  SVG: 'a file format: the name of a download',
  FAOSTAT: 'the name of FAO’s statistical database, a source',
  QCL: 'the code of FAOSTAT’s crops and livestock domain, which the source lines name',
  Taldau: 'the name of the Bureau of National Statistics’ database, a source',
  ISIC: 'the UN classification of economic activities, by its international abbreviation in the Kazakh edition (Russian has МСОК); its section letters are codes',
  SWOT: 'the method’s name, written in Latin in Russian and Kazakh (SWOT-анализ, SWOT-талдау)',
  IT: 'written in Latin in Russian and Kazakh usage too, as in the Ekaterinburg programme’s «IT-кластер»',
  JavaScript: 'the name of the programming language the search needs',
  GitHub: 'the name of the code host whose repositories the data notes name (the repositories themselves as code)',
  Macrobulletin: 'the name of the project whose compilation of the Bureau’s tables two data notes cite',
  AMA: 'the UN Statistics Division’s National Accounts Main Aggregates database, by the abbreviation its workbook carries (a data note)',
  geokz: 'the name of the R package the map boundaries come from (credited under maps)',
  OCHA: 'the UN office whose boundary data the maps use (credited under maps)',
  HDX: 'the name of OCHA’s data exchange (credited under maps)',
  'COD-AB': 'the name of OCHA’s administrative-boundaries data set (credited under maps)',
};

/**
 * Latin-script phrases a page may show as they are: names written in their own spelling, and a
 * source's English wording quoted in a note. Each says where and why.
 */
const ALLOWED_PHRASES: Array<[string, string]> = [
  ['CC BY 4.0', 'the name of the boundary data’s licence (credited under maps)'],
  ['Gross regional product.xlsx', 'kz-grp-by-region: the name of the file the figures were taken from, as the Bureau publishes it'],
  ['4-3 Output of agricultural, forestry and fishery production', 'kz-agri-output-by-region: the title of the compiled table the figures were taken from, quoted as it is written'],
  ['4-5 Population at the beginning of the year', 'kz-population-by-region: the title of the compiled table the figures were taken from, quoted as it is written'],
  ['Rossi-Hansberg', 'kz-grp-by-region: an author of the replication package the workbook was taken from, in the spelling of his publications'],
  ['Zhang', 'kz-grp-by-region: an author of the replication package the workbook was taken from, in the spelling of her publications'],
  ['Local GDP Estimates Around the World', 'kz-grp-by-region: the title of the work whose replication package holds the workbook, quoted'],
  ['Den Haag', 'cluster-definitions: the place of publication of a 1998 report, in its own spelling, to explain the source’s «Дэн Хааг»'],
  ['Otandykty Goldau', 'state-programmes-support-matrix: the source’s own Latin spelling of the programme’s name, quoted'],
  ['the case', 'cluster-porter-diamond: Kokenova et al.’s English wording, quoted in a note that compares it with the Russian'],
  ['sustainable strategy', 'cluster-porter-diamond: Kokenova et al.’s English wording, quoted in a note that compares it with the Russian'],
  ['conducting', 'cluster-policy-models: Kokenova et al.’s English word for the model Russian calls «дирижистская», quoted'],
];

/** Latin-script tokens that are symbols rather than words. Each pattern says why. */
const ALLOWED_PATTERNS: Array<[RegExp, string]> = [
  [/^[A-Za-z]$/, 'one letter is a symbol: a variable (n), a class or a unit of an example (A–F), a section code of ISIC (A–B), 3D'],
  [/^(EN|RU|KK)$/, 'the language switcher’s code of the page’s own language'],
];

/** Which allowlist entries some page needed, for the check that the lists only shrink. */
const used = new Set<string>();

/**
 * Not words at all: addresses (the "cite this figure" line ends with the figure's address) and
 * the {q}/{n} placeholders the search script fills in.
 */
const NOT_WORDS = /https?:\/\/\S+|(?<![\p{L}\p{N}])\/[\w./#-]+|\{[a-z]+\}/gu;

/** data-* attributes that hold values for scripts, never text a reader sees. */
const MACHINE_DATA_ATTRIBUTES = new Set(['data-pagefind-ignore', 'data-chart', 'data-search', 'data-number', 'data-lookalikes', 'data-lookalikes-in', 'data-value', 'data-sortable', 'data-shown', 'data-max']);
/** Attributes a reader meets as text (besides data-* messages and <meta> content). */
const TEXT_ATTRIBUTES = ['title', 'alt', 'aria-label', 'placeholder'];
/** <meta> elements whose content is shown to readers (search results, link previews). */
const TEXT_META = new Set(['description', 'og:title', 'og:description', 'og:site_name', 'twitter:title', 'twitter:description']);
/** Elements whose content is not prose in the page's language. */
const SKIPPED_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp', 'math', 'blockquote', 'q', 'script', 'style', 'template']);
/** Elements whose text is one unit for the Russian-in-Kazakh check. */
const BLOCKS = new Set(['p', 'li', 'td', 'th', 'caption', 'figcaption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd', 'title', 'desc', 'text', 'summary', 'label', 'button', 'option', 'legend']);

/** A Latin letter, with the accents of names (Müller, Łódź); not × and ÷, which sit among them. */
const LATIN = 'A-Za-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
/** A run of Latin-script words joined by spaces, digits and punctuation (but no Cyrillic). */
const LATIN_RUN = new RegExp(`[${LATIN}][${LATIN}0-9'’.\\-]*(?:[\\s,;:()/&+–—%-]+[${LATIN}0-9][${LATIN}0-9'’.\\-]*)*`, 'gu');
const LATIN_WORD = new RegExp(`[${LATIN}][${LATIN}'’\\-]*[${LATIN}]|[${LATIN}]`, 'gu');

/** Letters Kazakh has and Russian does not. */
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;
/**
 * Russian words that are not Kazakh words (Kazakh has "не" 'what', "от" 'fire', "из" 'trace',
 * "да" and "млн", so those are not on the list).
 */
const RUSSIAN_ONLY_WORDS = new Set(['и', 'в', 'во', 'на', 'для', 'это', 'что', 'по', 'при', 'или', 'как', 'также', 'который', 'которые', 'была', 'было', 'были', 'года', 'году', 'тыс', 'с', 'к', 'о', 'об', 'из-за', 'между', 'после', 'только']);

interface HtmlNode {
  type: string;
  data?: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
  parent?: HtmlNode | null;
}

interface Finding {
  page: string;
  text: string;
  where: string;
  /** The text around it, when the finding is part of a longer text. */
  context?: string;
  /** A citation's key in data/references.json. */
  ref?: string;
}

const built = existsSync(`${site}/index.html`);

/** Whether a Latin word is a name or symbol the allowlists accept. */
function allowed(word: string): boolean {
  if (word in ALLOWED_WORDS) {
    used.add(word);
    return true;
  }
  const pattern = ALLOWED_PATTERNS.find(([p]) => p.test(word));
  if (pattern) used.add(String(pattern[0]));
  return pattern !== undefined;
}

/** Runs of Latin-script words in `text` that hold at least one word not on the allowlists. */
function englishRuns(text: string): string[] {
  const runs: string[] = [];
  const prose = ALLOWED_PHRASES.reduce((rest, [phrase]) => {
    const parts = rest.split(phrase);
    if (parts.length > 1) used.add(phrase);
    return parts.join(' ');
  }, text.replace(NOT_WORDS, ' '));
  for (const match of prose.matchAll(LATIN_RUN)) {
    const run = match[0].replace(/[\s,;:()/&+–—%.-]+$/u, '');
    const words = run.match(LATIN_WORD) ?? [];
    if (words.some((word) => !allowed(word))) runs.push(run);
  }
  return runs;
}

/** Sentences of `text` that read as Russian: no Kazakh letter, and a word Kazakh does not have. */
function russianSentences(text: string): string[] {
  return text
    .split(/(?<![\s(]\p{L})(?<=[.!?;])\s+|\s+—\s+|\n/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => {
      if (KAZAKH_LETTERS.test(sentence)) return false;
      const words = sentence.toLowerCase().match(/[а-яё]+(?:-[а-яё]+)?/gu) ?? [];
      return words.length >= 2 && words.some((word) => RUSSIAN_ONLY_WORDS.has(word));
    });
}

/** A short selector naming an element and two of its ancestors: `figure#fig-x > figcaption`. */
function selectorOf(node: HtmlNode): string {
  const parts: string[] = [];
  for (let current: HtmlNode | null | undefined = node; current && parts.length < 3; current = current.parent) {
    if (current.type !== 'tag' && current.type !== 'script' && current.type !== 'style') continue;
    const id = current.attribs?.id ? `#${current.attribs.id}` : '';
    const cls = !id && current.attribs?.class ? `.${current.attribs.class.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
    parts.unshift(`${current.name}${id}${cls}`);
    if (id) break;
  }
  return parts.join(' > ');
}

/** Whether an element's content is left out (see the top of this file). */
function skipped(node: HtmlNode, pageLang: string, inheritedLang: string, isReferencesPage: boolean): boolean {
  const name = node.name ?? '';
  if (SKIPPED_ELEMENTS.has(name)) return true;
  const cls = node.attribs?.class ?? '';
  if (/\bkatex\b/.test(cls)) return true;
  if (isReferencesPage && name === 'ol' && /\bbibliography\b/.test(cls)) return true;
  const lang = node.attribs?.lang ?? inheritedLang;
  return lang.split('-')[0] !== pageLang;
}

interface PageText {
  /** English runs outside citations. */
  english: Finding[];
  /** In-text citations (links to the References page) in Latin script. */
  citations: Finding[];
  /** On Kazakh pages: sentences that read as Russian. */
  russian: Finding[];
  /** Chapters published as the English fallback. */
  fallbackChapters: Finding[];
}

/** Everything a reader meets on one page, sorted into the categories the tests check. */
function readPage(page: string, html: string): PageText {
  const document = parseDocument(html) as unknown as HtmlNode;
  const pageLang = page.split('/')[0]!;
  const isReferencesPage = page.startsWith(`${pageLang}/references/`);
  const result: PageText = { english: [], citations: [], russian: [], fallbackChapters: [] };
  const note = (list: Finding[], text: string, where: string, whole?: string, ref?: string) => {
    if (list.some((f) => f.text === text && f.where === where)) return;
    const context = whole?.replace(/\s+/gu, ' ').trim();
    list.push({ page, text, where, ...(context && context !== text ? { context: around(context, text) } : {}), ...(ref ? { ref } : {}) });
  };

  /** The readable text inside an element, without the parts left out. */
  const textOf = (node: HtmlNode, lang: string): string => {
    if (node.type === 'text') return node.data ?? '';
    if (node.type !== 'tag' || skipped(node, pageLang, lang, isReferencesPage)) return '';
    return (node.children ?? []).map((child) => textOf(child, node.attribs?.lang ?? lang)).join(node.name === 'text' ? ' ' : '');
  };

  /** Walks the tree; returns the element's readable text, for the block check. */
  const walk = (node: HtmlNode, lang: string): string => {
    if (node.type === 'text') {
      const text = node.data ?? '';
      for (const run of englishRuns(text)) note(result.english, run, selectorOf(node.parent ?? node), text);
      return text;
    }
    if (node.type !== 'tag' && node.type !== 'root') return '';
    const name = node.name ?? '';
    if (name === 'article' && node.attribs?.lang && node.attribs.lang !== pageLang) note(result.fallbackChapters, `chapter in ${node.attribs.lang}`, selectorOf(node));
    if (node.type === 'tag' && skipped(node, pageLang, lang, isReferencesPage)) return '';
    const here = node.attribs?.lang ?? lang;
    for (const [attribute, value] of Object.entries(node.attribs ?? {})) {
      const readable =
        TEXT_ATTRIBUTES.includes(attribute) ||
        (attribute.startsWith('data-') && !MACHINE_DATA_ATTRIBUTES.has(attribute)) ||
        (name === 'meta' && attribute === 'content' && TEXT_META.has(node.attribs?.name ?? node.attribs?.property ?? ''));
      if (!readable) continue;
      for (const run of englishRuns(value)) note(result.english, run, `${selectorOf(node)} [${attribute}]`, value);
      if (pageLang === 'kk') for (const sentence of russianSentences(value)) note(result.russian, sentence, `${selectorOf(node)} [${attribute}]`);
    }
    // A citation, and a chart's text broken into lines (<tspan>s), are read as one text.
    const citation = name === 'a' ? /\/references\/#ref-([^"'\s]+)/.exec(node.attribs?.href ?? '')?.[1] : undefined;
    if (citation !== undefined || name === 'text') {
      const text = textOf(node, lang);
      const list = citation === undefined ? result.english : result.citations;
      for (const run of englishRuns(text)) note(list, run, selectorOf(node), text, citation);
      if (pageLang === 'kk' && name === 'text') for (const sentence of russianSentences(text)) note(result.russian, sentence, selectorOf(node));
      return text;
    }
    const text = (node.children ?? []).map((child) => walk(child, here)).join('');
    if (pageLang === 'kk' && BLOCKS.has(name)) {
      for (const sentence of russianSentences(text.replace(/\s+/gu, ' '))) note(result.russian, sentence, selectorOf(node));
      return ' ';
    }
    return text;
  };
  walk(document, pageLang);
  return result;
}

/** Up to 60 characters either side of `part` in `text`. */
function around(text: string, part: string): string {
  const at = Math.max(0, text.indexOf(part));
  const start = Math.max(0, at - 60);
  const end = Math.min(text.length, at + part.length + 60);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

const format = (findings: Finding[]) => findings.map((f) => `${f.page}: "${f.text}" (where: ${f.where})${f.context ? ` in "${f.context}"` : ''}`);

describe.skipIf(!built)('Russian and Kazakh pages show no English fallback', () => {
  const read: PageText[] = [];
  let usedByPages = new Set<string>();
  beforeAll(() => {
    const pages = htmlPages(site).filter((page) => page.startsWith('ru/') || page.startsWith('kk/'));
    for (const page of pages) read.push(readPage(page, readFileSync(path.join(site, page), 'utf8')));
    usedByPages = new Set(used);
  });

  it('reads every Russian and Kazakh page', () => {
    expect(read.length).toBeGreaterThanOrEqual(20);
  });

  it('publishes every chapter in the page language', () => {
    expect(format(read.flatMap((p) => p.fallbackChapters))).toEqual([]);
  });

  it('shows no English words outside quotations, code, formulas, names and the bibliography', () => {
    expect(format(read.flatMap((p) => p.english))).toEqual([]);
  });

  it('shows no Russian sentence on a Kazakh page', () => {
    expect(format(read.flatMap((p) => p.russian))).toEqual([]);
  });

  it('cites in the page’s script every work data/references.json names in that language', () => {
    const references = JSON.parse(readFileSync('data/references.json', 'utf8')) as Array<{ id: string; translations?: Record<string, unknown> }>;
    const named = new Set(references.flatMap((item) => Object.keys(item.translations ?? {}).map((locale) => `${locale}:${item.id}`)));
    expect(format(read.flatMap((p) => p.citations).filter((f) => named.has(`${f.page.split('/')[0]}:${f.ref}`)))).toEqual([]);
  });

  // Works whose bibliography entry has no Russian or Kazakh names (Porter, Marshall, Krugman…) are
  // cited as published, in Latin: a name in its own script, like the entry it links to.

  it('needs every entry of its allowlists', () => {
    const entries = [...Object.keys(ALLOWED_WORDS), ...ALLOWED_PHRASES.map(([phrase]) => phrase), ...ALLOWED_PATTERNS.map(([pattern]) => String(pattern))];
    const needed = entries.filter((entry) => HAS_BOUNDARIES || !BOUNDARY_CREDIT.has(entry));
    expect(needed.filter((entry) => !usedByPages.has(entry)), 'no page needs these any more: remove them').toEqual([]);
  });
});

describe('the English and Russian detectors', () => {
  it('find English runs but accept names and symbols', () => {
    expect(englishRuns('1-кесте, Table 5 and the text after it.')).toEqual(['Table 5 and the text after it']);
    expect(englishRuns('Дереккөз: FAOSTAT, Taldau; CSV, SVG')).toEqual([]);
    expect(englishRuns('i2019 / i2015 × 100; /kk/baiterek/#fig-x; «{q}» бойынша {n} бет')).toEqual([]);
    expect(englishRuns('(as printed in the source)')).toEqual(['as printed in the source']);
  });

  it('find Russian sentences without flagging Kazakh ones', () => {
    expect(russianSentences('Данные по району и области.')).toEqual(['Данные по району и области.']);
    expect(russianSentences('Ауданның деректері. Бұл не?')).toEqual([]);
    expect(russianSentences('Экономика мен аграрлық сектор')).toEqual([]);
  });
});
