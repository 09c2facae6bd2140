/**
 * `npm run pdf`: the whole report in one language as ONE PDF, printed by Chromium from the built
 * site with its print stylesheet (print.css, then pdf.css):
 *
 *   cover + contents ─┐
 *   home page         │ each printed to its own PDF (JavaScript off: the charts stay the
 *   chapter 1 … n     │ server-rendered inline SVG, so they are vector graphics in the PDF)
 *   references       ─┘
 *        │ count the pages of each part → print the contents again with the page numbers
 *        ▼
 *   merge (pdf-lib) → links: same-document anchors kept, links to a part of the PDF made internal,
 *   other site links pointed at the published site (REPORT_BASE_URL) → "n / N" stamped in the
 *   footer of every page but the cover → bookmarks, title, language → one file.
 *
 * Nothing here reads the clock: the PDF carries no creation date.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef, PDFString, StandardFonts, rgb, type PDFObject, type PDFPage } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ReportError } from '../errors.ts';
import { escapeHtml } from '../render/escape.ts';
import { t } from '../render/ui-strings.ts';
import type { Language } from '../languages/language.ts';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serveStatic } from './static-server.ts';

export interface PdfOptions {
  /** A built site folder (`npm run build`, or `build --out=DIR`). */
  site: string;
  /** The PDF to write. */
  out: string;
  /** Language of the edition (one of the report's, with its words). */
  language: Language;
  /** The published site's address, for links to pages that are not in the PDF (the data appendix). */
  baseUrl: string;
  /** Chromium to print with; default CHROMIUM_PATH or Debian's /usr/bin/chromium. */
  chromiumPath?: string;
  /** A running Chromium to print with instead (the tests share one); it is left running. */
  browser?: Browser;
  log?: (line: string) => void;
}

export interface PdfSection {
  /** Site path of the page printed: `/en/harvest/`. */
  url: string;
  title: string;
  /** Chapter number, 0 for the introduction and the references. */
  number: number;
  /** A page a chapter's template made: its section number ("7.3"); it is printed after its chapter, under it. */
  section?: string;
  /** 1-based page of the merged PDF the part starts on. */
  firstPage: number;
  pages: number;
}

export interface PdfResult {
  file: string;
  pages: number;
  sections: PdfSection[];
}

const MM = 72 / 25.4;
/** The footer's page number: where print.css's @bottom-right box put it (right margin 18 mm, bottom margin 20 mm). */
const FOOTER = { right: 18 * MM, baseline: 9 * MM, size: 8.5, color: rgb(0x55 / 255, 0x5b / 255, 0x66 / 255) };

interface Part {
  url: string;
  title: string;
  short: string;
  number: number;
  section?: string;
  appendix: boolean;
  pdf: PDFDocument;
}

/**
 * The pages a chapter's template made, in their order: the reading order's "next" links from the
 * chapter, while they lead to a page under it (/en/regions/ → /en/regions/akmola/ → …).
 */
async function templatedPages(site: string, chapterUrl: string): Promise<Array<{ url: string; section: string }>> {
  const found: Array<{ url: string; section: string }> = [];
  let url = chapterUrl;
  for (;;) {
    const html = await fs.readFile(path.join(site, url, 'index.html'), 'utf8').catch(() => '');
    const next = /<a class="pager-link pager-next" href="([^"]+)" rel="next">/.exec(html)?.[1];
    if (!next || !next.startsWith(chapterUrl) || next === chapterUrl || found.some((f) => f.url === next)) return found;
    const child = await fs.readFile(path.join(site, next, 'index.html'), 'utf8').catch(() => '');
    const section = /<p class="chapter-kicker">(?:<a [^>]*>[^<]*<\/a> · )?([\d.]+)<\/p>/.exec(child)?.[1] ?? '';
    found.push({ url: next, section });
    url = next;
  }
}

export async function writePdf(options: PdfOptions): Promise<PdfResult> {
  const { language } = options;
  const locale = language.code;
  const log = options.log ?? (() => undefined);
  const executable = options.chromiumPath ?? chromiumPath();
  if (!options.browser && !(await fs.stat(executable).then((s) => s.isFile(), () => false))) {
    throw new ReportError(`Chromium was not found at ${executable}`, {
      expected: 'a Chromium to print the PDF with',
      fix: "install Debian's package (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary",
    });
  }
  if (!(await fs.stat(path.join(options.site, locale, 'index.html')).then(() => true, () => false))) {
    throw new ReportError(`${options.site} has no ${locale}/index.html: it is not a built site in that language`, { fix: 'build the site first (npm run build), or run `npm run pdf` without --site to build one' });
  }
  const pdfCss = await fs.readFile(path.join(options.site, 'assets/css/pdf.css'), 'utf8');
  const server = await serveStatic(options.site);
  let launched: Browser | undefined;
  let context: BrowserContext | undefined;
  try {
    const browser = options.browser ?? (launched = await chromium.launch({ executablePath: executable, args: CHROMIUM_ARGS }));
    // JavaScript off: the charts stay the inline SVG the build wrote (vector in the PDF) and no
    // script changes the page between load and print.
    context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
    let front = '';
    await context.route(`${server.url}/assets/css/print.css`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n${pdfCss}` });
    });
    await context.route(`${server.url}/__pdf/front.html`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: front }));
    const page = await context.newPage();

    // What the report has, as its home page lists it.
    await page.goto(`${server.url}/${locale}/`, { waitUntil: 'load' });
    const reportTitle = (await page.locator('main h1').first().textContent())?.trim() ?? '';
    const summary = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
    const chapters = await page.locator('.chapter-nav-list a').evaluateAll((links) =>
      links.map((a) => ({ url: a.getAttribute('href') ?? '', number: Number(a.querySelector('.chapter-number')?.textContent ?? '0'), short: a.querySelector('.chapter-short')?.textContent?.trim() ?? '' })),
    );
    // A chapter whose template made pages is one part with sub-parts: the chapter, then its pages.
    const chapterParts: Array<{ url: string; number: number; short: string; section?: string; appendix: boolean }> = [];
    for (const chapter of chapters.filter((c) => c.number > 0)) {
      chapterParts.push({ ...chapter, appendix: false });
      for (const child of await templatedPages(options.site, chapter.url)) chapterParts.push({ url: child.url, number: 0, short: '', section: child.section, appendix: false });
    }
    const wanted = [
      { url: `/${locale}/`, number: 0, short: t(language, 'homeShort'), appendix: false },
      ...chapterParts,
      { url: `/${locale}/references/`, number: 0, short: t(language, 'references'), appendix: true },
    ];

    // Chromium names only the anchors its own document links to. So that a link from one part to
    // an anchor of another (a citation to the references) can jump inside the PDF, each part is
    // given hidden links to the anchors the other parts point at.
    const targets = await linkTargets(options.site, wanted.map((w) => w.url));
    await context.route(`${server.url}/**`, async (route) => {
      const url = new URL(route.request().url());
      const wantedIds = targets.get(url.pathname);
      if (route.request().resourceType() !== 'document' || !wantedIds) return route.fallback();
      const response = await route.fetch();
      const links = [...wantedIds].map((id) => `<a href="#${escapeHtml(id)}"></a>`).join('');
      await route.fulfill({ response, body: (await response.text()).replace('</main>', `<div hidden>${links}</div></main>`) });
    });

    // Two tabs print in turn: while one part prints, the next one loads and lays out.
    const parts: Part[] = [];
    const second = await context.newPage();
    let next = 0;
    await Promise.all(
      [page, second].map(async (tab) => {
        for (let i = next++; i < wanted.length; i = next++) {
          const item = wanted[i]!;
          log(`printing ${item.url}`);
          await load(tab, `${server.url}${item.url}`);
          const h1 = (await tab.locator('main h1').first().textContent())?.trim() ?? item.short;
          const title = item.number === 0 && !item.section ? item.short : h1;
          parts[i] = { ...item, title, pdf: await PDFDocument.load(await print(tab)) };
        }
      }),
    );
    await second.close();

    // The contents need their own page count before they can list page numbers: print them
    // with placeholders, then with the numbers (again if the count changed).
    let frontPdf: PDFDocument | undefined;
    let frontPages = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      let next = frontPages + 1;
      const starts = parts.map((part) => {
        const start = next;
        next += part.pdf.getPageCount();
        return frontPages === 0 ? 0 : start;
      });
      front = frontMatter({ language, title: reportTitle, summary, parts, starts, online: `${options.baseUrl}/${locale}/` });
      await load(page, `${server.url}/__pdf/front.html`);
      frontPdf = await PDFDocument.load(await print(page));
      if (frontPdf.getPageCount() === frontPages) break;
      frontPages = frontPdf.getPageCount();
    }
    if (!frontPdf) throw new Error('the cover was not printed');

    const merged = await merge(frontPdf, parts, { origin: server.url, baseUrl: options.baseUrl });
    merged.doc.setTitle(reportTitle, { showInWindowTitleBar: true });
    merged.doc.setSubject(summary);
    merged.doc.setLanguage(locale);
    merged.doc.setCreator('regional-report (scripts/write/pdf.ts)');
    merged.doc.setProducer('Chromium and pdf-lib');
    await stampPageNumbers(merged.doc);
    const bytes = await merged.doc.save({ useObjectStreams: true });
    await fs.mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
    await fs.writeFile(options.out, bytes);
    return { file: options.out, pages: merged.doc.getPageCount(), sections: merged.sections };
  } finally {
    await context?.close();
    await launched?.close();
    await server.close();
  }
}

/** Per part (site path), the anchors other parts link to, as written in their links. */
async function linkTargets(site: string, urls: string[]): Promise<Map<string, Set<string>>> {
  const targets = new Map(urls.map((url) => [url, new Set<string>()]));
  for (const url of urls) {
    const html = await fs.readFile(path.join(site, url, 'index.html'), 'utf8');
    for (const match of html.matchAll(/href="(\/[^"#]*)#([^"]+)"/g)) {
      if (match[1] !== url) targets.get(match[1]!)?.add(match[2]!.replace(/&amp;/g, '&'));
    }
  }
  return targets;
}

async function load(page: Page, url: string): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
  // A font the layout asks for late may still be arriving after the load event: wait for the
  // page's fonts, not for half a second of quiet network on every part.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

function print(page: Page): Promise<Buffer> {
  return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
}

/** The cover and the contents, as a page printed with the site's stylesheets (pdf.css styles it). */
function frontMatter(input: { language: Language; title: string; summary: string; parts: Part[]; starts: number[]; online: string }): string {
  const { language, parts, starts } = input;
  const locale = language.code;
  const rows = parts
    .map((part, i) => {
      const number = part.number > 0 ? `<span class="pdf-toc-number">${part.number}</span>` : part.section ? `<span class="pdf-toc-number">${escapeHtml(part.section)}</span>` : '<span class="pdf-toc-number"></span>';
      const short = part.number > 0 && part.short && part.short !== part.title ? `<span class="pdf-toc-short">${escapeHtml(part.short)}</span>` : '';
      const page = starts[i] ? String(starts[i]) : '000';
      // A chapter's templated pages: its sub-contents, indented under it.
      const kind = part.appendix ? ' class="pdf-toc-appendix"' : part.section ? ' class="pdf-toc-sub"' : '';
      return `<li${kind}><a href="${escapeHtml(part.url)}">${number}<span class="pdf-toc-title">${escapeHtml(part.title)}${short}</span><span class="pdf-toc-dots"></span><span class="pdf-toc-page">${page}</span></a></li>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(input.title)}</title>
<link rel="stylesheet" href="/assets/css/site.css">
<link rel="stylesheet" href="/assets/css/print.css" media="print">
</head>
<body class="pdf-front">
<section class="pdf-cover">
<h1 class="pdf-cover-title">${escapeHtml(input.title)}</h1>
<p class="pdf-cover-summary">${escapeHtml(input.summary)}</p>
<p class="pdf-cover-online">${escapeHtml(t(language, 'pdfOnline'))} <a href="${escapeHtml(input.online)}">${escapeHtml(input.online)}</a></p>
</section>
<nav class="pdf-toc">
<h2>${escapeHtml(t(language, 'pdfContents'))}</h2>
<ol>
${rows}
</ol>
</nav>
</body>
</html>
`;
}

interface LinkContext {
  origin: string;
  baseUrl: string;
}

/**
 * One document from the parts. Chromium writes a page's own anchors as named destinations
 * (`/Dest /calc-1`, listed in the catalog's /Dests): each part's names get a prefix (`p3:`) so
 * they stay apart, and a link to another part (`/en/references/#ref-x`) becomes a jump inside
 * the PDF. Links to pages the PDF does not have go to the published site.
 */
async function merge(front: PDFDocument, parts: Part[], links: LinkContext): Promise<{ doc: PDFDocument; sections: PdfSection[] }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const dests = doc.context.obj({});
  const partIndex = new Map(parts.map((part, i) => [part.url, i]));
  const names = new Map<string, PDFArray>();
  const sections: PdfSection[] = [];

  const add = async (source: PDFDocument, prefix: string): Promise<PDFPage[]> => {
    rewriteLinks(source, prefix, partIndex, links);
    const copied = await doc.copyPages(source, source.getPageIndices());
    copied.forEach((p) => doc.addPage(p));
    // The part's own named destinations, pointing at the copied pages.
    const sourceRefs = source.getPages().map((p) => p.ref);
    const sourceDests = source.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    for (const [name, value] of sourceDests?.entries() ?? []) {
      const dest = source.context.lookupMaybe(value, PDFArray);
      const target = dest?.get(0);
      const at = target instanceof PDFRef ? sourceRefs.findIndex((ref) => ref === target) : -1;
      const page = copied[at];
      if (!dest || !page) continue;
      const rest = dest.asArray().slice(1).map((item) => copyScalar(source, item));
      names.set(`${prefix}${name.decodeText()}`, doc.context.obj([page.ref, ...rest]) as PDFArray);
    }
    return copied;
  };

  await add(front, 'front:');
  for (const [i, part] of parts.entries()) {
    const copied = await add(part.pdf, `p${i}:`);
    const first = copied[0];
    if (!first) continue;
    names.set(`p${i}`, doc.context.obj([first.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]) as PDFArray);
    sections.push({ url: part.url, title: part.title, number: part.number, ...(part.section ? { section: part.section } : {}), firstPage: doc.getPageIndices().length - copied.length + 1, pages: copied.length });
  }
  // A link to an anchor no part has (a heading Chromium did not name) jumps to the part's start.
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      const dest = annot?.get(PDFName.of('Dest'));
      if (!annot || !(dest instanceof PDFName)) continue;
      if (names.has(dest.decodeText())) {
        annot.set(PDFName.of('Dest'), PDFName.of(shortName(dest.decodeText())));
        continue;
      }
      const part = /^(p\d+):/.exec(dest.decodeText())?.[1];
      if (part && names.has(part)) annot.set(PDFName.of('Dest'), PDFName.of(part));
      else annot.delete(PDFName.of('Dest'));
    }
  }
  // Sorted, so the file does not depend on the order Chromium listed the names in.
  const short = new Map([...names].map(([name, dest]) => [shortName(name), dest]));
  for (const name of [...short.keys()].sort()) dests.set(PDFName.of(name), short.get(name)!);
  doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));
  addOutline(doc, sections);
  return { doc, sections };
}

/** The longest name a PDF may have, in bytes (ISO 32000-1, annex C: implementation limits). */
const MAX_NAME_BYTES = 127;

/**
 * A destination's name, within the PDF's limit. Chromium names a destination after its anchor's
 * id, percent-encoded: six bytes for every letter outside ASCII, so a Cyrillic heading of about
 * twenty letters is already too long (poppler warns "name token is longer than what the
 * specification says it can be", and a reader may not find the jump). A name over the limit is
 * replaced by its part's prefix and a hash of the whole name, the same for every link to it.
 */
function shortName(name: string): string {
  if (Buffer.byteLength(name, 'utf8') <= MAX_NAME_BYTES) return name;
  const part = /^[^:]*:/.exec(name)?.[0] ?? '';
  return `${part}${createHash('sha256').update(name).digest('hex').slice(0, 32)}`;
}

function copyScalar(source: PDFDocument, item: PDFObject): PDFObject {
  const value = source.context.lookup(item);
  if (value instanceof PDFNumber) return PDFNumber.of(value.asNumber());
  if (value instanceof PDFName) return PDFName.of(value.decodeText());
  return PDFNull;
}

function rewriteLinks(source: PDFDocument, prefix: string, partIndex: Map<string, number>, links: LinkContext): void {
  for (const page of source.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const annot = annots!.lookupMaybe(i, PDFDict);
      if (!annot) continue;
      const dest = annot.get(PDFName.of('Dest'));
      if (dest instanceof PDFName) {
        annot.set(PDFName.of('Dest'), PDFName.of(`${prefix}${dest.decodeText()}`));
        continue;
      }
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString)?.decodeText();
      if (!action || !uri || !uri.startsWith(`${links.origin}/`)) continue;
      const url = new URL(uri);
      const target = partIndex.get(url.pathname);
      if (target === undefined) {
        // Not in the PDF (the data appendix, downloads): the page on the published site.
        action.set(PDFName.of('URI'), PDFString.of(`${links.baseUrl}${url.pathname}${url.search}${url.hash}`));
        continue;
      }
      // A jump to the part, or to the anchor in it (checked once every part is in: see merge).
      // Chromium names a destination by the id as a URL fragment (percent-encoded UTF-8), which
      // is how the URL parser gives the hash.
      const anchor = url.hash.slice(1);
      annot.delete(PDFName.of('A'));
      annot.set(PDFName.of('Dest'), PDFName.of(anchor ? `p${target}:${anchor}` : `p${target}`));
    }
  }
}

/** Bookmarks: one per part, in order; a chapter's templated pages nested under it (closed). */
function addOutline(doc: PDFDocument, sections: PdfSection[]): void {
  if (sections.length === 0) return;
  const context = doc.context;
  const outlineRef = context.nextRef();
  const pages = doc.getPages();
  // Top-level items, each with the sections nested under it.
  const tops: Array<{ section: PdfSection; ref: PDFRef; children: Array<{ section: PdfSection; ref: PDFRef }> }> = [];
  for (const section of sections) {
    const parent = tops.at(-1);
    if (section.section && parent && parent.section.number > 0) parent.children.push({ section, ref: context.nextRef() });
    else tops.push({ section, ref: context.nextRef(), children: [] });
  }
  const item = (section: PdfSection, parent: PDFRef) =>
    context.obj({
      Title: PDFHexString.fromText(section.number > 0 ? `${section.number}. ${section.title}` : section.section ? `${section.section}. ${section.title}` : section.title),
      Parent: parent,
      Dest: [pages[section.firstPage - 1]!.ref, 'XYZ', null, null, null],
    });
  const link = (list: Array<{ ref: PDFRef }>, i: number, dict: PDFDict) => {
    if (i > 0) dict.set(PDFName.of('Prev'), list[i - 1]!.ref);
    if (i < list.length - 1) dict.set(PDFName.of('Next'), list[i + 1]!.ref);
  };
  tops.forEach((top, i) => {
    const dict = item(top.section, outlineRef);
    link(tops, i, dict);
    if (top.children.length) {
      dict.set(PDFName.of('First'), top.children[0]!.ref);
      dict.set(PDFName.of('Last'), top.children[top.children.length - 1]!.ref);
      // Negative: closed, so the bookmarks show the chapters first.
      dict.set(PDFName.of('Count'), PDFNumber.of(-top.children.length));
      top.children.forEach((child, j) => {
        const childDict = item(child.section, top.ref);
        link(top.children, j, childDict);
        context.assign(child.ref, childDict);
      });
    }
    context.assign(top.ref, dict);
  });
  context.assign(outlineRef, context.obj({ Type: 'Outlines', First: tops[0]!.ref, Last: tops[tops.length - 1]!.ref, Count: tops.length }));
  doc.catalog.set(PDFName.of('Outlines'), outlineRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** "n / N" in every page's footer but the cover's. */
async function stampPageNumbers(doc: PDFDocument): Promise<void> {
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    if (i === 0) return;
    const text = `${i + 1} / ${pages.length}`;
    const width = font.widthOfTextAtSize(text, FOOTER.size);
    page.drawText(text, { x: page.getWidth() - FOOTER.right - width, y: FOOTER.baseline, size: FOOTER.size, font, color: FOOTER.color });
  });
}
