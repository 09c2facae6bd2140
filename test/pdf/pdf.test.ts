/**
 * The PDF edition (`npm run pdf`, scripts/write/pdf.ts), printed from the site the tests built:
 * a cover, the contents with the page each part starts on, every chapter in order with all its
 * figures (charts as vector graphics, not pictures), "n / N" on every page but the cover, and
 * links that work inside the PDF. Checked by page count, extracted text (pdfjs-dist) and the
 * PDF's own objects (pdf-lib).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf, type PdfResult } from '../../scripts/write/pdf.ts';
import { hasChromium } from '../helpers/browser.ts';

const site = '.build/test-site';
const out = '.build/test-pdf/report-en.pdf';

/** Text without any whitespace: lines break differently in print than in the HTML. */
const squash = (text: string) => text.replace(/\s+/g, '');
/** Text with every run of whitespace one space. */
const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();

const decode = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe.skipIf(!hasChromium || !existsSync(`${site}/en/index.html`))('the PDF edition', () => {
  let result: PdfResult;
  /** Text of each page, 0-based. */
  const text: string[] = [];
  const images: number[] = [];
  const paths: number[] = [];

  beforeAll(async () => {
    result = await writePdf({ site, out, locale: 'en', baseUrl: 'https://example.org' });
    const data = new Uint8Array(readFileSync(out));
    const standardFontDataUrl = `${path.resolve('node_modules/pdfjs-dist/standard_fonts')}/`;
    const doc = await getDocument({ data, isEvalSupported: false, standardFontDataUrl }).promise;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
      const ops = await page.getOperatorList();
      images.push(ops.fnArray.filter((op) => op === OPS.paintImageXObject || op === OPS.paintInlineImageXObject).length);
      paths.push(ops.fnArray.filter((op) => op === OPS.constructPath).length);
    }
    await doc.destroy();
  }, 240_000);

  it('has a cover, the contents and every chapter in order, each starting on the page the contents give', () => {
    const home = readFileSync(`${site}/en/index.html`, 'utf8');
    const title = decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(home)?.[1] ?? '');
    const nav = /<ol class="chapter-nav-list">([\s\S]*?)<\/ol>/.exec(home)?.[1] ?? '';
    const chapterUrls = [...nav.matchAll(/<a href="(\/en\/[^"]+\/)"[^>]*><span class="chapter-number">\d+<\/span>/g)].map((m) => m[1]);
    expect(chapterUrls.length).toBeGreaterThanOrEqual(3);

    expect(text.length).toBe(result.pages);
    expect(squash(text[0]!)).toContain(squash(title));
    // Introduction, the chapters in order, the references.
    expect(result.sections.map((s) => s.url)).toEqual(['/en/', ...chapterUrls, '/en/references/']);
    expect(result.sections.filter((s) => s.number > 0).map((s) => s.number)).toEqual(chapterUrls.map((_, i) => i + 1));
    const contents = spaced(text[1]!);
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
    const doc = await PDFDocument.load(readFileSync(out));
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const names = new Set(dests.keys().map((k) => k.decodeText()));
    let internal = 0;
    const external: string[] = [];
    for (const page of doc.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let i = 0; i < (annots?.size() ?? 0); i++) {
        const annot = annots!.lookup(i, PDFDict);
        const dest = annot.get(PDFName.of('Dest'));
        if (dest instanceof PDFName) {
          internal++;
          expect(names.has(dest.decodeText()), dest.decodeText()).toBe(true);
        }
        const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
        if (uri) external.push(uri);
      }
    }
    expect(internal).toBeGreaterThan(50);
    expect(external.filter((uri) => /127\.0\.0\.1|localhost/.test(uri))).toEqual([]);
    expect(external.some((uri) => uri.startsWith('https://example.org/en/data/'))).toBe(true);
    // A bookmark for every part.
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined();
  });
});
