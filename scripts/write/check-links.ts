/**
 * Every internal link and anchor of a written site resolves. Run by `writeSite` on the staging
 * folder before it is published, and by the tests on the published site: a link to a page that
 * does not exist (`[x](/en/nowhere/)`) or to an anchor the page does not have
 * (`[x](#no-such-anchor)`) stops the build with the Markdown file and line it was written on.
 *
 * The HTML is the generator's own output (double- or single-quoted attributes, escaped text), so a
 * small tag scanner is enough: no DOM, no dependency. External links (any URL with a scheme, or
 * `//host`) are not checked: the build stays offline.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../errors.ts';
import { closest } from '../suggest.ts';

/** One link whose target is missing. */
export interface BrokenLink {
  /** Output file the link is on, relative to the site folder: `en/harvest/index.html`. */
  page: string;
  /** The link as written in the HTML (entities decoded). */
  href: string;
  /** URL path of the target page: `/en/nowhere/`. */
  target: string;
  /** The missing anchor, decoded, when the page exists but the anchor does not. */
  anchor?: string;
  /** Ids the target page does have (for suggestions). */
  knownIds?: string[];
  /** URLs of the site's pages, when the target page is missing (for suggestions). */
  knownPages?: string[];
}

/** Where a page came from, so an error can name the file an author edits. */
export interface PageSource {
  /** URL of the page: `/en/harvest/`. */
  url: string;
  /** Markdown file, relative to the project root: `content/en/01-harvest.md`. */
  file: string;
}

/** Elements and the attribute that holds their link. */
const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  iframe: ['src'],
  use: ['href', 'xlink:href'],
};

/** One attribute: name, optionally `=` and a double-, single- or unquoted value (sticky: matched at lastIndex). */
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const ATTRIBUTE = /[\s/]*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

interface Tag {
  name: string;
  attributes: Map<string, string>;
}

/** Start tags of an HTML document, skipping comments, doctype and the content of script/style. */
export function* scanTags(html: string): Generator<Tag> {
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?' || html[lt + 1] === '/') {
      const end = html.indexOf('>', lt + 1);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const nameMatch = TAG_NAME.exec(html);
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    let j = lt + 1 + nameMatch[0].length;
    const attributes = new Map<string, string>();
    // Attributes: name, optionally = and a quoted or unquoted value, until '>'.
    while (j < html.length && html[j] !== '>') {
      ATTRIBUTE.lastIndex = j;
      const attr = ATTRIBUTE.exec(html);
      if (!attr || attr[0].length === 0) {
        j++;
        continue;
      }
      const attrName = attr[1]?.toLowerCase();
      if (attrName && !attributes.has(attrName)) attributes.set(attrName, decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? ''));
      j += attr[0].length;
    }
    i = j + 1;
    yield { name, attributes };
    if (name === 'script' || name === 'style') {
      const close = new RegExp(`</${name}`, 'ig');
      close.lastIndex = i;
      i = close.exec(html)?.index ?? html.length;
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A copy of a string that does not share memory with the string it was cut from: V8 keeps a whole
 * page's HTML alive for as long as any substring of it is, and the ids and links of every page are
 * kept until all pages are read (2,000 pages held that way took most of a gigabyte).
 */
const detached = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** What the link check needs of one page: the ids it has (anchors others may link to) and the links it holds. */
export interface PageAnchors {
  ids: string[];
  links: string[];
}

/** The ids and links of one HTML page. */
export function pageAnchors(html: string): PageAnchors {
  const ids = new Set<string>();
  const links: string[] = [];
  for (const tag of scanTags(html)) {
    const id = tag.attributes.get('id');
    if (id) ids.add(detached(id));
    const name = tag.attributes.get('name');
    if (tag.name === 'a' && name) ids.add(detached(name));
    for (const attribute of LINK_ATTRIBUTES[tag.name] ?? []) {
      const value = tag.attributes.get(attribute);
      if (value !== undefined) links.push(detached(value));
    }
  }
  return { ids: [...ids], links };
}

/** Every file of a site folder, relative to it, sorted. */
async function siteFiles(siteDir: string): Promise<string[]> {
  return (await fs.readdir(siteDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The ids and links of every HTML page of `siteDir`: those in `known` as given (pages the page
 * memo took from the previous build, read when they were written), the others read from disk.
 */
export async function collectAnchors(siteDir: string, known: ReadonlyMap<string, PageAnchors> = new Map()): Promise<Map<string, PageAnchors>> {
  const anchors = new Map<string, PageAnchors>();
  for (const file of (await siteFiles(siteDir)).filter((f) => f.endsWith('.html'))) {
    anchors.set(file, known.get(file) ?? pageAnchors(await fs.readFile(path.join(siteDir, file), 'utf8')));
  }
  return anchors;
}

type Resolved = { kind: 'invalid' } | { kind: 'external' } | { kind: 'internal'; pathname: string; target: string | undefined; anchor: string };

/** Every internal link of every HTML page in `siteDir` whose page or anchor does not exist (`anchors`: collected before, by default read now). */
export async function findBrokenLinks(siteDir: string, anchors?: ReadonlyMap<string, PageAnchors>): Promise<BrokenLink[]> {
  const files = await siteFiles(siteDir);
  const fileSet = new Set(files);
  const pages = anchors ?? (await collectAnchors(siteDir));
  const ids = new Map<string, Set<string>>();
  const links = new Map<string, string[]>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const found = pages.get(file) ?? { ids: [], links: [] };
    ids.set(file, new Set(found.ids));
    links.set(file, found.links);
  }

  /** The output file a URL path names, or undefined. */
  const fileFor = (urlPath: string): string | undefined => {
    const relative = safeDecode(urlPath).replace(/^\/+/, '');
    const candidates = relative === '' || relative.endsWith('/') ? [`${relative}index.html`] : [relative, `${relative}/index.html`];
    return candidates.find((c) => fileSet.has(c));
  };

  const knownPages = [...links.keys()].map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`);
  const broken: BrokenLink[] = [];
  // Every page links to every chapter (the navigation): a link written from the site's root
  // means the same on every page and is resolved once.
  const fromRoot = new Map<string, Resolved>();
  const resolve = (trimmed: string, pageUrl: string): Resolved => {
    let url: URL;
    try {
      url = new URL(trimmed, `http://site.invalid${pageUrl}`);
    } catch {
      return { kind: 'invalid' };
    }
    if (url.host !== 'site.invalid') return { kind: 'external' };
    return { kind: 'internal', pathname: url.pathname, target: fileFor(url.pathname), anchor: safeDecode(url.hash.slice(1)) };
  };
  for (const [page, pageLinks] of links) {
    const pageUrl = `/${page.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const href of pageLinks) {
      const trimmed = href.trim();
      // External (a scheme or //host), or nothing to check.
      if (trimmed === '' || trimmed === '#' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) continue;
      let resolved = trimmed.startsWith('/') ? fromRoot.get(trimmed) : undefined;
      if (!resolved) {
        resolved = resolve(trimmed, pageUrl);
        if (trimmed.startsWith('/')) fromRoot.set(trimmed, resolved);
      }
      if (resolved.kind === 'external') continue;
      if (resolved.kind === 'invalid') {
        broken.push({ page, href, target: trimmed, knownPages });
        continue;
      }
      const { pathname, target, anchor } = resolved;
      if (!target) {
        broken.push({ page, href, target: pathname, knownPages });
        continue;
      }
      // "#top" scrolls to the top of any page (HTML standard), even without such an element.
      if (anchor === '' || anchor.toLowerCase() === 'top' || !target.endsWith('.html')) continue;
      const targetIds = ids.get(target);
      if (!targetIds?.has(anchor)) broken.push({ page, href, target: pathname, anchor, knownIds: [...(targetIds ?? [])] });
    }
  }
  return broken;
}

/**
 * The broken links of a written site as author-facing errors: each names the Markdown file (and the
 * line where the link is written) of the page it is on, or the generated page when it has none.
 * Links that are broken in the same way on several pages (the English home page is written twice)
 * are reported once.
 */
export async function checkLinks(siteDir: string, pages: readonly PageSource[], readSource: (file: string) => Promise<string | undefined>, anchors?: ReadonlyMap<string, PageAnchors>): Promise<ContentError[]> {
  const broken = await findBrokenLinks(siteDir, anchors);
  const errors: ContentError[] = [];
  const seen = new Set<string>();
  const sourceTexts = new Map<string, string | undefined>();
  for (const link of broken) {
    const pageUrl = `/${link.page.replace(/(^|\/)index\.html$/, '$1')}`;
    // The English home page is also written as /index.html.
    const source = pages.find((p) => p.url === pageUrl) ?? (pageUrl === '/' ? pages.find((p) => p.url === '/en/') : undefined);
    const key = `${source?.file ?? link.page}\u0000${link.href}`;
    if (seen.has(key)) continue;
    seen.add(key);

    let line: number | undefined;
    if (source) {
      if (!sourceTexts.has(source.file)) sourceTexts.set(source.file, await readSource(source.file));
      line = findLine(sourceTexts.get(source.file), link.href);
    }
    // A link found on the page but not in its Markdown was generated (a source line, a nav link).
    const where = !source ? ` (on the generated page ${pageUrl})` : line === undefined ? ' (generated on this page, not written in its Markdown)' : '';
    if (link.anchor === undefined) {
      const pageUrls = (link.knownPages ?? []).filter((url) => url.endsWith('/') && url !== '/');
      const near = closest(link.target, pageUrls);
      errors.push(
        new ContentError(`broken link "${link.href}": the site has no page ${link.target}${where}`, {
          file: source?.file,
          line,
          path: source ? undefined : link.page,
          expected: `a page of this site, e.g. ${pageUrls.slice(0, 6).join(', ')}${pageUrls.length > 6 ? ', …' : ''}`,
          fix: near ? `did you mean "${near}"? Otherwise correct or remove the link` : 'correct the link or remove it (chapter URLs are /<language>/<file name without its number>/)',
        }),
      );
    } else if (/^\/[a-z]{2}\/references\/$/.test(link.target) && link.anchor.startsWith('ref-')) {
      // Entries of the References page are the works of data/references.json.
      const work = link.anchor.slice('ref-'.length);
      const near = closest(work, (link.knownIds ?? []).filter((id) => id.startsWith('ref-')).map((id) => id.slice('ref-'.length)));
      errors.push(
        new ContentError(`broken link "${link.href}": no work "${work}" in the bibliography${where}`, {
          file: source?.file,
          line,
          path: source ? undefined : link.page,
          expected: `"${work}" as the id of an entry of data/references.json (a table's "source.ref" or a citation names it)`,
          fix: `add the work to data/references.json, or correct the key${near ? ` (did you mean "${near}"?)` : ''}`,
        }),
      );
    } else {
      const near = closest(link.anchor, link.knownIds ?? []);
      errors.push(
        new ContentError(`broken link "${link.href}": page ${link.target} has no anchor "${link.anchor}"${where}`, {
          file: source?.file,
          line,
          path: source ? undefined : link.page,
          expected: 'the id of a heading, figure or table on that page (a heading "## Sown area" gets the anchor #sown-area)',
          fix: near ? `did you mean "#${near}"?` : 'correct the anchor or remove it',
        }),
      );
    }
  }
  return errors;
}

/** 1-based line of the source on which the link is written, trying the forms Markdown allows. */
function findLine(text: string | undefined, href: string): number | undefined {
  if (!text) return undefined;
  const forms = [...new Set([href, safeDecode(href), encodeURI(safeDecode(href))])];
  const lines = text.split('\n');
  for (const pattern of [(f: string) => `](${f}`, (f: string) => `](<${f}>`, (f: string) => `]: ${f}`, (f: string) => f]) {
    for (const form of forms) {
      const index = lines.findIndex((l) => l.includes(pattern(form)));
      if (index >= 0) return index + 1;
    }
  }
  return undefined;
}

