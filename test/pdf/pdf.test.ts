/**
 * The PDF edition (`npm run pdf`, scripts/write/pdf.ts), printed from the site the tests built:
 * a cover, the contents with the page each part starts on, every chapter in order with all its
 * figures (charts as vector graphics, not pictures), "n / N" on every page but the cover, and
 * links that work inside the PDF. Checked by page count, extracted text (pdfjs-dist) and the
 * PDF's own objects (pdf-lib). The Kazakh edition is printed from the same site: Kazakh titles,
 * contents and figure labels, and its letters (ә ө ү ұ қ ғ ң і) drawn with the embedded PT fonts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfOptions, type PdfResult } from '../../scripts/write/pdf.ts';
import { hasChromium, openChromium } from '../helpers/browser.ts';
import { lang } from '../helpers/languages.ts';
import { SITE as site, testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

const out = '.build/test-pdf/report-en.pdf';

/** `writePdf` with the run's shared Chromium (test/helpers/browser.ts) rather than one of its own. */
async function printPdf(options: PdfOptions): Promise<PdfResult> {
  const browser = await openChromium();
  try {
    return await writePdf({ ...options, browser });
  } finally {
    await browser.close();
  }
}

/** Text without any whitespace: lines break differently in print than in the HTML. */
const squash = (text: string) => text.replace(/\s+/g, '');

/**
 * A chapter and the pages its template made, in reading order: the chapter, then each page its
 * "next" link leads to while that page is under the chapter's address (/en/regions/akmola/ …).
 */
function withTemplatedPages(chapterUrl: string): string[] {
  const urls = [chapterUrl];
  for (;;) {
    const html = readFileSync(path.join(site, urls.at(-1)!, 'index.html'), 'utf8');
    const next = /<a class="pager-link pager-next" href="([^"]+)" rel="next">/.exec(html)?.[1];
    if (!next || !next.startsWith(chapterUrl) || urls.includes(next)) return urls;
    urls.push(next);
  }
}
/** Text with every run of whitespace one space. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

const decode = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** What a printed PDF holds, page by page (0-based). */
interface PrintedPdf {
  /** Text of each page, its runs joined by spaces. */
  text: string[];
  /**
   * Text of each page as it reads: runs joined as they follow each other on the line (the spaces
   * are runs of their own), a space at each line's end. A Kazakh word is often several runs: the
   * site's fonts come in subsets by Unicode range, and ә ө ү қ ғ ң һ are in the `cyrillic-ext`
   * subset, another embedded font than the rest of the word ("Қ" "аза" "қ" "стан").
   */
  flow: string[];
  images: number[];
  paths: number[];
  /** Each page's text runs with the font that draws them (its name without the subset tag: `PTSans-Regular`). */
  runs: Array<Array<{ font: string; str: string }>>;
}

async function readPdf(file: string): Promise<PrintedPdf> {
  const printed: PrintedPdf = { text: [], flow: [], images: [], paths: [], runs: [] };
  const data = new Uint8Array(readFileSync(file));
  const standardFontDataUrl = `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`;
  const doc = await getDocument({ data, isEvalSupported: false, standardFontDataUrl, fontExtraProperties: true }).promise;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    const content = await page.getTextContent();
    printed.text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    printed.flow.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : '')).join(''));
    printed.images.push(ops.fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject).length);
    printed.paths.push(ops.fnArray.filter((op) => op === OPS.constructPath).length);
    // The operator list has loaded the page's fonts, so their names can be looked up.
    printed.runs.push(
      content.items.flatMap((item) => {
        if (!('str' in item)) return [];
        const font = page.commonObjs.has(item.fontName) ? (page.commonObjs.get(item.fontName) as { name?: string }).name : undefined;
        return [{ font: (font ?? item.fontName).replace(/^[A-Z]{6}\+/, ''), str: item.str }];
      }),
    );
  }
  await doc.destroy();
  return printed;
}

/** Named destinations of a PDF, and every link's target: a name, or a URI. */
async function pdfLinks(file: string): Promise<{ names: Set<string>; internal: string[]; external: string[] }> {
  const doc = await PDFDocument.load(readFileSync(file));
  const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const names = new Set(dests.keys().map((k) => k.decodeText()));
  const internal: string[] = [];
  const external: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookup(i, PDFDict);
      const dest = annot.get(PDFName.of('Dest'));
      if (dest instanceof PDFName) internal.push(dest.decodeText());
      const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (uri) external.push(uri);
    }
  }
  return { names, internal, external };
}

describe.skipIf(!hasChromium || !existsSync(`${site}/en/index.html`))('the PDF edition', () => {
  let result: PdfResult;
  /** Text of each page, 0-based. */
  let text: string[] = [];
  let images: number[] = [];
  let paths: number[] = [];

  beforeAll(async () => {
    result = await printPdf({ site, out, language: lang('en'), baseUrl: 'https://example.org' });
    ({ text, images, paths } = await readPdf(out));
  }, 240_000);

  it('has a cover, the contents and every chapter in order, each starting on the page the contents give', () => {
    const home = readFileSync(`${site}/en/index.html`, 'utf8');
    const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(home)?.[1] ?? '');
    const nav = /<ol class="chapter-nav-list">([\s\S]*?)<\/ol>/.exec(home)?.[1] ?? '';
    const chapterUrls = [...nav.matchAll(/<a href="(\/en\/[^"]+\/)"[^>]*><span class="chapter-number">\d+<\/span>/g)].map((m) => m[1]);
    expect(chapterUrls.length).toBeGreaterThanOrEqual(3);

    expect(text.length).toBe(result.pages);
    expect(squash(text[0]!)).toContain(squash(title));
    // Introduction, the chapters in order (each followed by the pages its template made), the references.
    expect(result.sections.map((s) => s.url)).toEqual(['/en/', ...chapterUrls.flatMap((url) => withTemplatedPages(url!)), '/en/references/']);
    expect(result.sections.filter((s) => s.number > 0).map((s) => s.number)).toEqual(chapterUrls.map((_, i) => i + 1));
    // The contents run from page 2 to the page before the first part (two pages with chapter 7's profiles).
    const contents = spaced(text.slice(1, result.sections[0]!.firstPage - 1).join(' '));
    expect(contents.startsWith('Contents')).toBe(true);
    let previous = 2;
    for (const section of result.sections) {
      expect(section.firstPage, section.url).toBeGreaterThan(previous);
      previous = section.firstPage;
      // The contents name the part and the page it starts on…
      const at = contents.indexOf(spaced(section.title));
      expect(at, `${section.title} in the contents`).toBeGreaterThan(0);
      // The first number after the title (and the short title under it) is the page.
      expect(/(?:^|\s)(\d+)(?=\s|$)/.exec(contents.slice(at + spaced(section.title).length))?.[1], `page of ${section.title}`).toBe(String(section.firstPage));
      // …and that page opens it.
      const first = squash(text[section.firstPage - 1]!);
      if (section.number > 0) expect(first, `${section.title} on page ${section.firstPage}`).toContain(squash(section.title));
    }
    const last = result.sections.at(-1)!;
    expect(last.firstPage + last.pages - 1).toBe(result.pages);
  });

  it('prints every figure of every chapter, and its charts as vector graphics', () => {
    let figures = 0;
    for (const section of result.sections.filter((s) => s.number > 0)) {
      const html = readFileSync(path.join(site, section.url, 'index.html'), 'utf8');
      const pages = squash(text.slice(section.firstPage - 1, section.firstPage - 1 + section.pages).join(' '));
      for (const match of html.matchAll(/<figure class="figure[^"]*" id="([^"]+)">\s*<figcaption[^>]*><span class="figure-number">([^<]+)<\/span>\s*<span class="figure-title">([^<]*)<\/span>/g)) {
        figures++;
        expect(pages, `${section.url}#${match[1]}: its number`).toContain(squash(decode(match[2]!)));
        expect(pages, `${section.url}#${match[1]}: its title`).toContain(squash(decode(match[3]!)));
      }
      // A chapter with charts draws them: many paths, no pictures.
      if (html.includes('class="chart-svg"')) {
        const drawn = paths.slice(section.firstPage - 1, section.firstPage - 1 + section.pages).reduce((a, b) => a + b, 0);
        expect(drawn, `${section.url}: vector paths`).toBeGreaterThan(20);
      }
    }
    expect(figures).toBeGreaterThan(5);
    expect(images.reduce((a, b) => a + b, 0), 'raster images in the PDF').toBe(0);
    // The chart text (axis labels, direct labels) is text in the PDF, not pixels: an axis title of the Baiterek chapter.
    const baiterek = result.sections.find((s) => s.url === '/en/baiterek/')!;
    expect(text.slice(baiterek.firstPage - 1, baiterek.firstPage - 1 + baiterek.pages).join(' ')).toMatch(/million tenge/);
  });

  it('numbers every page but the cover "n / N" in the footer', () => {
    expect(text[0]).not.toMatch(new RegExp(`1 / ${result.pages}`));
    text.forEach((page, i) => {
      if (i > 0) expect(page.trim().endsWith(`${i + 1} / ${result.pages}`), `page ${i + 1}`).toBe(true);
    });
  });

  it('keeps every link working: jumps inside the PDF land on a named place, others go to the published site', async () => {
    const { names, internal, external } = await pdfLinks(out);
    for (const name of internal) expect(names.has(name), name).toBe(true);
    expect(internal.length).toBeGreaterThan(50);
    expect(external.filter((uri) => /127\.0\.0\.1|localhost/.test(uri))).toEqual([]);
    expect(external.some((uri) => uri.startsWith('https://example.org/en/data/'))).toBe(true);
    // A bookmark for every part.
    const doc = await PDFDocument.load(readFileSync(out));
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined();
  });
});

describe.skipIf(!hasChromium || !existsSync(`${site}/kk/index.html`))('the Kazakh PDF edition', () => {
  const kkOut = '.build/test-pdf/report-kk.pdf';
  let result: PdfResult;
  let printed: PrintedPdf;
  const kazakhLetters = 'әөүұқғңһіӘӨҮҰҚҒҢҺІ';

  beforeAll(async () => {
    result = await printPdf({ site, out: kkOut, language: lang('kk'), baseUrl: 'https://example.org' });
    printed = await readPdf(kkOut);
  }, 240_000);

  it('has the Kazakh title, the contents («Мазмұны») listing every chapter by its Kazakh title with its page, and a plausible length', async () => {
    const text = printed.flow;
    const home = readFileSync(`${site}/kk/index.html`, 'utf8');
    const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(home)?.[1] ?? '');
    expect(title).toMatch(/[әөүұқғңі]/);
    const nav = /<ol class="chapter-nav-list">([\s\S]*?)<\/ol>/.exec(home)?.[1] ?? '';
    const chapterUrls = [...nav.matchAll(/<a href="(\/kk\/[^"]+\/)"[^>]*><span class="chapter-number">\d+<\/span>/g)].map((m) => m[1]);
    expect(chapterUrls.length).toBeGreaterThanOrEqual(3);

    expect(squash(text[0]!)).toContain(squash(title));
    expect(result.sections.map((s) => s.url)).toEqual(['/kk/', ...chapterUrls.flatMap((url) => withTemplatedPages(url!)), '/kk/references/']);
    // The introduction and the references under their Kazakh names; each chapter under the title of its Kazakh page.
    expect(result.sections[0]!.title).toBe('Кіріспе');
    expect(result.sections.at(-1)!.title).toBe('Әдебиеттер');
    for (const section of result.sections.filter((s) => s.number > 0)) {
      const page = readFileSync(path.join(site, section.url, 'index.html'), 'utf8');
      expect(spaced(section.title)).toBe(spaced(decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page)?.[1] ?? '')));
    }
    const contents = spaced(text.slice(1, result.sections[0]!.firstPage - 1).join(' '));
    expect(contents.startsWith('Мазмұны'), contents.slice(0, 40)).toBe(true);
    expect(contents).not.toMatch(/\b(Contents|Introduction|References|Содержание|Введение)\b/);
    let previous = 2;
    for (const section of result.sections) {
      expect(section.firstPage, section.url).toBeGreaterThan(previous);
      previous = section.firstPage;
      const at = contents.indexOf(spaced(section.title));
      expect(at, `${section.title} in the contents`).toBeGreaterThan(0);
      expect(/(?:^|\s)(\d+)(?=\s|$)/.exec(contents.slice(at + spaced(section.title).length))?.[1], `page of ${section.title}`).toBe(String(section.firstPage));
      if (section.number > 0) expect(squash(text[section.firstPage - 1]!), `${section.title} on page ${section.firstPage}`).toContain(squash(section.title));
    }
    // Every page is a part's (the cover and contents, then the parts end to end), numbered "n / N".
    expect(text.length).toBe(result.pages);
    const last = result.sections.at(-1)!;
    expect(last.firstPage + last.pages - 1).toBe(result.pages);
    for (const section of result.sections.filter((s) => s.number > 0)) expect(section.pages, section.url).toBeGreaterThanOrEqual(3);
    expect(result.pages).toBeGreaterThan(40);
    // Seven chapters and the seventeen regional profiles of chapter 7.
    expect(result.pages).toBeLessThan(400);
    text.forEach((page, i) => {
      if (i > 0) expect(page.trim().endsWith(`${i + 1} / ${result.pages}`), `page ${i + 1}`).toBe(true);
    });
    const doc = await PDFDocument.load(readFileSync(kkOut));
    expect(doc.getTitle()).toBe(title);
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString, PDFHexString).decodeText()).toBe('kk');
  });

  it('labels figures the Kazakh way, number first ("3.1-сурет"), and prints every figure of every chapter', () => {
    const text = printed.flow;
    let figures = 0;
    for (const section of result.sections.filter((s) => s.number > 0)) {
      const html = readFileSync(path.join(site, section.url, 'index.html'), 'utf8');
      const pages = squash(text.slice(section.firstPage - 1, section.firstPage - 1 + section.pages).join(' '));
      for (const match of html.matchAll(/<figure class="figure[^"]*" id="([^"]+)">\s*<figcaption[^>]*><span class="figure-number">([^<]+)<\/span>\s*<span class="figure-title">([^<]*)<\/span>/g)) {
        figures++;
        const label = decode(match[2]!);
        expect(label, `${section.url}#${match[1]}`).toMatch(new RegExp(`^${section.number}\\.\\d+-сурет\\.?$`));
        expect(pages, `${section.url}#${match[1]}: its number`).toContain(squash(label));
        expect(pages, `${section.url}#${match[1]}: its title`).toContain(squash(decode(match[3]!)));
      }
    }
    expect(figures).toBeGreaterThan(5);
    const baiterek = result.sections.find((s) => s.url === '/kk/baiterek/')!;
    expect(squash(text.slice(baiterek.firstPage - 1, baiterek.firstPage - 1 + baiterek.pages).join(' '))).toContain('3.1-сурет');
    expect(text.join(' ')).not.toMatch(/\b(Figure|Fig\.|рис\.|Рисунок) \d+\.\d+/);
  });

  it('draws the Kazakh letters with the embedded PT Sans and PT Serif (outside formulas)', () => {
    const isPt = (font: string) => /^PT(Sans|Serif)-/.test(font);
    const drawnBy = (fonts: (font: string) => boolean) => new Set(printed.runs.flat().filter((r) => fonts(r.font)).flatMap((r) => [...r.str]));
    const pt = drawnBy(isPt);
    // Every letter of the Kazakh alphabet beyond the Russian one that the report uses (no word has һ).
    for (const letter of 'әөүұқғңі') expect(pt.has(letter), letter).toBe(true);
    const used = new Set([...printed.flow.join('')].filter((c) => kazakhLetters.includes(c)));
    for (const letter of used) expect(pt.has(letter), letter).toBe(true);
    // Headings are PT Serif, text PT Sans: both with Kazakh letters.
    expect([...drawnBy((f) => f.startsWith('PTSerif-'))].filter((c) => kazakhLetters.includes(c)).length).toBeGreaterThan(5);
    expect([...drawnBy((f) => f.startsWith('PTSans-'))].filter((c) => kazakhLetters.includes(c)).length).toBeGreaterThan(5);
    // Another font draws a Kazakh letter only in a formula's text (MathML <mtext>, set in the
    // system's math font): on the pages of a part whose formulas have Kazakh words.
    const withFormulaText = result.sections.filter((s) => /<mtext>[^<]*[әөүұқғңһі]/i.test(readFileSync(path.join(site, s.url, 'index.html'), 'utf8')));
    const formulaPages = new Set(withFormulaText.flatMap((s) => Array.from({ length: s.pages }, (_, i) => s.firstPage - 1 + i)));
    printed.runs.forEach((runs, i) => {
      const other = runs.filter((r) => !isPt(r.font) && [...r.str].some((c) => kazakhLetters.includes(c)));
      if (!formulaPages.has(i)) expect(other.map((r) => `${r.font}: ${r.str}`), `page ${i + 1}`).toEqual([]);
    });
  });

  it('keeps its links working, with every destination name within the PDF limit of 127 bytes (anchors of Kazakh headings are long)', async () => {
    const { names, internal, external } = await pdfLinks(kkOut);
    for (const name of internal) expect(names.has(name), name).toBe(true);
    for (const name of names) expect(Buffer.byteLength(name), name).toBeLessThanOrEqual(127);
    expect(internal.length).toBeGreaterThan(50);
    expect(external.filter((uri) => /127\.0\.0\.1|localhost/.test(uri))).toEqual([]);
    expect(external.some((uri) => uri.startsWith('https://example.org/kk/data/'))).toBe(true);
  });
});
