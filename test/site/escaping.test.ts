/**
 * Safe output: a report whose every text field (data, front matter, bibliography, chart and table
 * blocks, Markdown) carries markup, template syntax and script URLs is built with the real CLI.
 * Wherever that text lands — HTML text, attributes, SVG text, JSON in <script>, captions, notes,
 * CSV and SVG downloads — it arrives as text: no element, attribute or URL it tried to smuggle in
 * exists in the output, and in Chromium nothing runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, safeUrl } from '../../scripts/render/escape.ts';
import { createMarkdown } from '../../scripts/render/markdown.ts';
import { scanTags } from '../../scripts/write/check-links.ts';
import { hasChromium, openChromium } from '../helpers/browser.ts';
import { fixtureProjectOnDisk, json } from '../helpers/fixture-project.ts';
import { serveFolder } from '../helpers/static-server.ts';

/** Markup, an event handler, quotes of both kinds, an entity, template syntax and a script end. */
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&amp;{{ 7*7 }}{% raw %}</script><!--`;
/**
 * HOSTILE for Markdown text: `{{` and `{%` there stop the build (template syntax is never
 * evaluated), so Markdown escapes the first brace; the page still shows the same characters.
 */
const HOSTILE_MD = HOSTILE.replace('{{', '\\{{').replace('{%', '\\{%');
/** How HOSTILE reads once escaped for HTML. */
const ESCAPED = escapeHtml(HOSTILE);
const y = (text: string) => JSON.stringify(text); // a YAML double-quoted scalar

const TABLE = {
  id: 'evil',
  title: { en: HOSTILE, ru: HOSTILE },
  unit: 'thousand t',
  decimals: 1,
  source: { ref: 'evil-ref', locator: HOSTILE, note: HOSTILE },
  notes: [HOSTILE],
  fixes: [{ path: 'rows[0].values.2016', printed: HOSTILE, corrected: 2, reason: HOSTILE }],
  periods: ['2015', '2016'],
  rows: [
    { id: 'a', label: HOSTILE, role: 'component', values: { '2015': 1, '2016': 2 } },
    { id: 'b', label: 'Quoted "label", with a comma\nand a new line', role: 'component', values: { '2015': 3, '2016': null }, missing: { '2016': HOSTILE } },
  ],
};

const TEXT_TABLE = {
  id: 'evil-text',
  kind: 'text',
  title: HOSTILE,
  source: { ref: 'evil-ref' },
  columns: [{ id: 'what', label: HOSTILE }],
  rows: [
    { id: 'one', label: HOSTILE, cells: { what: HOSTILE } },
    { id: 'two', label: 'Two', cells: { what: 'Plain' } },
  ],
};

const REFERENCES = [
  { id: 'evil-ref', type: 'report', title: HOSTILE, author: [{ family: HOSTILE, given: 'A.' }], issued: { 'date-parts': [[2020]] }, publisher: HOSTILE, note: HOSTILE, URL: 'javascript:alert(1)' },
  { id: 'evil-doi', type: 'article-journal', title: 'T', 'container-title': HOSTILE, DOI: '10.1/"><script>alert(1)</script>', issued: { 'date-parts': [[2021]] } },
  { id: 'evil-url', type: 'webpage', title: 'U', URL: 'JaVaScRiPt:alert(1)', issued: { 'date-parts': [[2022]] } },
];

/** Every way Markdown can spell a script URL; all must come out as text or "#". */
const SCRIPT_LINKS = [
  '[a](javascript:alert(1))',
  '[b](JAVASCRIPT:alert(1))',
  '[d](&#106;avascript:alert(1))',
  '[e](vbscript:msgbox(1))',
  '[f](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<javascript:alert(1)>',
  '[g][evil]',
  '![i](javascript:alert(1))',
  '[k]( javascript:alert(1) )',
  '[l](javascript&colon;alert(1))',
  '[m](/en/ "title\\" onmouseover=alert(1) x=\\"")',
];
/**
 * Entity-encoded controls inside the scheme: markdown-it percent-encodes them, which makes a
 * harmless relative link (`java%09script:…`) — one the link check then refuses as broken.
 */
const ENCODED_CONTROL_LINKS = ['[c](java&#x09;script:alert(1))', '[j](jav&#x0A;ascript:alert(1))'];

const CHAPTER = `---
title: ${y(HOSTILE)}
short: ${y(HOSTILE)}
summary: ${y(HOSTILE)}
findings:
  - ${y(HOSTILE_MD)}
---
<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">raw</a>

${SCRIPT_LINKS.join('\n')}

[evil]: javascript:alert(1)

Value {=evil.a.2016}, missing {=evil.b.2016}, see {@fig:evil-chart}, {@tab:evil-table} and [@evil-ref, ${HOSTILE.replace(/[\]@;]/g, '')}].

Math: $\\href{javascript:alert(1)}{x}$ and $\\htmlClass{x}{y} < 1$.

## Heading ${HOSTILE_MD}

\`\`\`chart
id: evil-chart
title: ${y(HOSTILE)}
subtitle: ${y(HOSTILE)}
description: ${y(HOSTILE)}
table: evil
preset: bar
\`\`\`

\`\`\`chart
id: evil-line
title: ${y(HOSTILE)}
table: evil
\`\`\`

\`\`\`table
id: evil-table
table: evil
title: ${y(HOSTILE)}
\`\`\`

\`\`\`diagram
id: evil-process
type: process
title: ${y(HOSTILE)}
steps:
  - title: ${y(HOSTILE)}
    text: ${y(HOSTILE)}
\`\`\`

\`\`\`diagram
id: evil-cards
type: cards
title: ${y(HOSTILE)}
table: evil-text
\`\`\`

\`\`\`html
${HOSTILE}
\`\`\`
`;

const site = (root: string) => path.join(root, '_site');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A URL as a browser resolves its scheme: entities decoded, controls and spaces ignored, lowercase. */
function scheme(url: string): string {
  // eslint-disable-next-line no-control-regex
  return /^([a-z][a-z0-9+.-]*):/.exec(url.replace(/[\u0000-\u0020]/g, '').toLowerCase())?.[1] ?? '';
}

/** Minimal RFC 4180 reader, for checking what the CSV downloads hold. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('escaping and link sanitising', () => {
  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('keeps JSON inside <script> from ending the element or opening a comment, and parses back to the same value', () => {
    const value = { label: '</script><!--<script>', separators: '\u2028\u2029', amp: '&' };
    const embedded = jsonForScript(value);
    expect(embedded).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(embedded)).toEqual(value);
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'jav\u0001ascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
  ])('turns %j into "#"', (url) => {
    expect(safeUrl(url)).toBe('#');
  });

  it.each(['https://example.org/a?b=c', 'HTTP://example.org', 'mailto:a@example.org', '/en/data/', '#calc-1', 'data.csv', 'java&#x09;script:alert(1)'])('keeps %j (entities are escaped later, so the last one stays relative)', (url) => {
    expect(safeUrl(url)).toBe(url.trim());
  });

  it('renders no Markdown spelling of a script URL as a link or image with that scheme', () => {
    const html = createMarkdown().render(`${[...SCRIPT_LINKS, ...ENCODED_CONTROL_LINKS].join('\n\n')}\n\n[evil]: javascript:alert(1)\n`);
    const urls = [...scanTags(html)].flatMap((tag) => [tag.attributes.get('href'), tag.attributes.get('src')]).filter((u): u is string => u !== undefined);
    expect(urls.length).toBeGreaterThan(0); // the harmless ones are links
    for (const url of urls) expect(['javascript', 'vbscript', 'data', 'file'], url).not.toContain(scheme(url));
    expect([...scanTags(html)].some((tag) => [...tag.attributes.keys()].some((name) => name.startsWith('on')))).toBe(false);
  });
});

describe('a report full of hostile text', () => {
  let root: string;
  let build: ReturnType<typeof spawnSync>;
  let pages: string[];
  const read = (file: string) => readFileSync(path.join(site(root), file), 'utf8');

  beforeAll(() => {
    root = fixtureProjectOnDisk({
      'data/evil.json': json(TABLE),
      'data/evil-text.json': json(TEXT_TABLE),
      'data/references.json': json(REFERENCES),
      'content/en/index.md': `---\ntitle: ${y(HOSTILE)}\nsummary: ${y(HOSTILE)}\n---\nHome ${HOSTILE_MD}\n`,
      'content/en/01-evil.md': CHAPTER,
    });
    build = spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/bin/report.js'), 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    pages = existsSync(site(root)) ? listFiles(site(root)).filter((f) => f.endsWith('.html')) : [];
  });

  afterAll(() => {
    if (root && !process.env.KEEP_FIXTURE) rmSync(root, { recursive: true, force: true });
    else if (root) console.log(`fixture kept at ${root}`);
  });

  it('builds', () => {
    expect(build.status, String(build.stderr)).toBe(0);
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'en/index.html', 'en/evil/index.html', 'en/data/index.html', 'en/references/index.html']));
  });

  it('creates no element, event-handler attribute or script URL from the text', () => {
    expect(pages.length).toBeGreaterThan(4);
    const allowedScripts = [
      // The site's own bundles (charts, search), loaded from /assets/js/ and nothing else.
      (a: Map<string, string>) => a.get('type') === 'module' && /^\/assets\/js\/[a-z-]+\.js$/.test(a.get('src') ?? '') && a.size === 2,
      (a: Map<string, string>) => a.get('type') === 'application/json' && a.get('class') === 'chart-spec' && a.size === 2,
    ];
    for (const page of pages) {
      for (const tag of scanTags(read(page))) {
        const where = `${page}: <${tag.name} ${[...tag.attributes].map(([k, v]) => `${k}="${v}"`).join(' ')}>`;
        // The one <base> is the layout's, on the copy of the home page at the site's root: it points
        // at that page's own address, so the copy's relative links still work.
        const layoutBase = page === 'index.html' && tag.name === 'base' && /^\/[a-z]{2}\/$/.test(tag.attributes.get('href') ?? '') && tag.attributes.size === 1;
        if (!layoutBase) expect(['iframe', 'object', 'embed', 'base', 'style'], where).not.toContain(tag.name);
        if (tag.name === 'form') expect(tag.attributes.get('action') ?? '', where).toMatch(/^\/[a-z]{2}\/search\/$/); // the site's own search
        if (tag.name === 'meta') expect(tag.attributes.get('http-equiv') ?? '', where).not.toMatch(/refresh/i);
        if (tag.name === 'script') expect(allowedScripts.some((allowed) => allowed(tag.attributes)), where).toBe(true);
        if (tag.name === 'img') expect(tag.attributes.get('src') ?? '', where).toMatch(/^(\/|https:)/);
        for (const [name, value] of tag.attributes) {
          expect(name.startsWith('on'), where).toBe(false);
          if (['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'srcset'].includes(name)) {
            expect(['javascript', 'vbscript', 'data', 'file'], where).not.toContain(scheme(value));
          }
        }
      }
    }
  });

  it('shows the text, escaped, in the chapter, its title, navigation, description and findings', () => {
    const chapter = read('en/evil/index.html');
    expect(chapter).toContain(`<title>${ESCAPED} · ${ESCAPED}</title>`);
    expect(chapter).toContain(`<meta name="description" content="${ESCAPED}">`);
    expect(chapter).toContain(`<h1>${ESCAPED}</h1>`);
    // Raw HTML in Markdown is text.
    expect(chapter).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;');
    // Template syntax in content and data is never evaluated.
    expect(chapter).toContain('{{ 7*7 }}');
    expect(chapter).not.toContain('>49<');
    // (Markdown's typographer curls the quotes of body text; the markup is still text.)
    expect(read('en/index.html')).toContain('Home &lt;script&gt;alert(');
  });

  it('escapes text in figure captions, the Data view, source lines, table blocks and diagrams', () => {
    const chapter = read('en/evil/index.html');
    expect(chapter).toContain(`<span class="figure-title">${ESCAPED}</span>`);
    expect(chapter).toMatch(new RegExp(`<th scope="row">${ESCAPED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</th>`));
    // Every occurrence of the text in the chapter is the escaped one.
    const raw = chapter.split(HOSTILE).length - 1;
    expect(raw).toBe(0);
    expect(chapter.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(10);
  });

  it('escapes table titles, labels, notes, corrections, missing-value reasons and locators on the data page', () => {
    const data = read('en/data/index.html');
    expect(data.split(HOSTILE).length - 1).toBe(0);
    expect(data).toContain(`-caption">${ESCAPED}`);
    expect(data).toContain(`title="${ESCAPED}"`); // the reason for a missing value, in an attribute
    expect(data.split(ESCAPED).length - 1).toBeGreaterThanOrEqual(6);
  });

  it('escapes the bibliography and links no script URL', () => {
    const references = read('en/references/index.html');
    expect(references.split(HOSTILE).length - 1).toBe(0);
    expect(references).toContain('&#60;script&#62;alert(');
    expect(references).not.toMatch(/href="[^"]*javascript/i);
  });

  // Known bug, kept visible: scripts/render/bibliography.ts wraps URLs found in citation-js's
  // HTML in <a href="$1"> without escaping the quote citation-js leaves in a DOI or URL, so the
  // href ends early and the rest of the DOI becomes attributes. CSP blocks inline handlers, but
  // the markup is broken. When it is fixed, turn `it.fails` into `it`.
  it('keeps a DOI with a quote inside its href', () => {
    const entry = /<li id="ref-evil-doi">[\s\S]*?<\/li>/.exec(read('en/references/index.html'))?.[0] ?? '';
    const links = [...scanTags(entry)].filter((tag) => tag.name === 'a');
    expect(links.length).toBe(1);
    expect([...(links[0]?.attributes.keys() ?? [])]).toEqual(['href']);
    expect(links[0]?.attributes.get('href')).toBe('https://doi.org/10.1/"><script>alert(1)</script>');
  });

  it('escapes SVG text: titles, descriptions, axis and legend labels', () => {
    const chapter = read('en/evil/index.html');
    for (const svg of chapter.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain('<img');
    }
    expect(chapter).toMatch(new RegExp(`<title id="[^"]+">${ESCAPED.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</title>`));
    const files = listFiles(path.join(site(root), 'en/evil')).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      const svg = read(`en/evil/${file}`);
      expect(svg).not.toContain('<script');
      expect(svg).not.toContain(HOSTILE);
      expect(svg).toContain('&lt;script&gt;');
    }
  });

  it('embeds chart specs (tooltips included) as JSON that cannot end its <script> and parses back to the text', () => {
    const chapter = read('en/evil/index.html');
    const specs = [...chapter.matchAll(/<script type="application\/json" class="chart-spec">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(specs.length).toBeGreaterThanOrEqual(2);
    for (const spec of specs) {
      expect(spec).not.toMatch(/<|>/);
      expect(JSON.stringify(JSON.parse(spec))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    }
  });

  it('writes CSV downloads whose fields read back as exactly the labels', () => {
    const table = parseCsv(read('data/evil.csv'));
    expect(table[1]?.[1]).toBe(HOSTILE);
    expect(table[2]?.[1]).toBe('Quoted "label", with a comma\nand a new line');
    expect(table.every((row) => row.length === table[0]?.length)).toBe(true);
    // Downloads are written byte for byte as the report made them (no template newline added).
    expect(read('data/evil.csv').endsWith(',\n')).toBe(true);
    expect(read('data/evil.json')).toBe(json(JSON.parse(read('data/evil.json'))));
    const figure = listFiles(path.join(site(root), 'en/evil')).find((f) => f.endsWith('.csv'));
    const records = parseCsv(read(`en/evil/${figure}`));
    expect(records.map((r) => r[1])).toContain(HOSTILE);
    expect(records.every((row) => row.length === 4)).toBe(true);
  });

  describe.skipIf(!hasChromium)('in Chromium', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serveFolder>>;

    beforeAll(async () => {
      server = await serveFolder(site(root));
      browser = await openChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    it('runs nothing from the text on any page, even when hovering chart tooltips', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      for (const file of pages) {
        const page = await context.newPage();
        page.on('dialog', (dialog) => {
          problems.push(`${file}: a dialog opened: ${dialog.message()}`);
          void dialog.dismiss();
        });
        page.on('pageerror', (error) => problems.push(`${file}: ${error.message}`));
        await page.goto(`${server.url}/${file.replace(/index\.html$/, '')}`);
        const charts = page.locator('.chart[data-chart]');
        for (let i = 0; i < (await charts.count()); i++) {
          const chart = charts.nth(i);
          await chart.scrollIntoViewIfNeeded();
          await expect.poll(() => chart.getAttribute('data-interactive'), { timeout: 15_000 }).toBe('true');
          // Hover every mark: the tooltip shows the label as text.
          for (const mark of await chart.locator('svg path[aria-roledescription], svg .mark-rect path, svg .mark-symbol path').all()) {
            const box = await mark.boundingBox();
            if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
          }
        }
        const tooltip = page.locator('#vg-tooltip-element');
        if ((await tooltip.count()) > 0) expect(await tooltip.locator('img, script').count()).toBe(0);
        const injected = await page.evaluate(() => ({
          images: [...document.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x').length,
          scriptLinks: [...document.querySelectorAll('a[href]')].filter((a) => (a as HTMLAnchorElement).protocol === 'javascript:').length,
        }));
        expect(injected, file).toEqual({ images: 0, scriptLinks: 0 });
        await page.close();
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  });
});
