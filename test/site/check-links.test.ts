/** The link check (scripts/write/check-links.ts) on small hand-written sites. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLinks, findBrokenLinks, scanTags } from '../../scripts/write/check-links.ts';

const dirs: string[] = [];
function siteWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'links-'));
  dirs.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const page = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

describe('scanTags', () => {
  it('reads attributes in any quoting, decodes entities, and skips comments and script content', () => {
    const tags = [...scanTags(`<!-- <a href="/commented"> --><a href='/single' id=bare>x</a><script type="application/json">{"a": "<a href=\\"/in-json\\">"}</script><a href="/x?a=1&amp;b=&#50;" data-x="a > b">`)];
    expect(tags.map((t) => [t.name, Object.fromEntries(t.attributes)])).toEqual([
      ['a', { href: '/single', id: 'bare' }],
      ['script', { type: 'application/json' }],
      ['a', { href: '/x?a=1&b=2', 'data-x': 'a > b' }],
    ]);
  });
});

describe('findBrokenLinks', () => {
  it('accepts pages, files, anchors (Cyrillic ones percent-encoded), relative links, #top and external links', async () => {
    const site = siteWith({
      'index.html': page('<a href="/en/">en</a> <a href="/data/t.csv">csv</a> <a href="https://example.org/nowhere">ext</a> <a href="mailto:a@b.c">m</a> <a href="#top">top</a> <a href="#">#</a>'),
      'en/index.html': page('<h2 id="посевная-площадь">S</h2><a href="#%D0%BF%D0%BE%D1%81%D0%B5%D0%B2%D0%BD%D0%B0%D1%8F-%D0%BF%D0%BB%D0%BE%D1%89%D0%B0%D0%B4%D1%8C">a</a> <a href="../data/t.csv">rel</a> <a href="/en">no slash</a> <a href="chapter/#x">sub</a>'),
      'en/chapter/index.html': page('<p id="x">x</p><a href="../#посевная-площадь">up</a>'),
      'data/t.csv': 'a,b\n',
    });
    expect(await findBrokenLinks(site)).toEqual([]);
  });

  it('reports a missing page, a missing anchor on this and on another page, and a missing asset', async () => {
    const site = siteWith({
      'index.html': page('<a href="/en/nowhere/">1</a> <a href="#nothing">2</a> <a href="/en/#sown-aera">3</a> <img src="/assets/missing.svg" alt="">'),
      'en/index.html': page('<h2 id="sown-area">S</h2>'),
    });
    const broken = await findBrokenLinks(site);
    expect(broken.map((b) => [b.href, b.target, b.anchor])).toEqual([
      ['/en/nowhere/', '/en/nowhere/', undefined],
      ['#nothing', '/', 'nothing'],
      ['/en/#sown-aera', '/en/', 'sown-aera'],
      ['/assets/missing.svg', '/assets/missing.svg', undefined],
    ]);
  });
});

describe('checkLinks', () => {
  it('names the Markdown file and line where the link is written, suggests the near anchor, and reports the English home page once', async () => {
    const site = siteWith({
      'index.html': page('<a href="/en/#sown-aera">x</a>'),
      'en/index.html': page('<h2 id="sown-area">S</h2><a href="/en/#sown-aera">x</a>'),
    });
    const source = '---\ntitle: Home\n---\nIntro.\n\nSee [the area](/en/#sown-aera).\n';
    const errors = await checkLinks(site, [{ url: '/en/', file: 'content/en/index.md' }], async () => source);
    expect(errors.map((e) => e.format())).toEqual([
      'content/en/index.md:6: broken link "/en/#sown-aera": page /en/ has no anchor "sown-aera"\n' +
        '  expected: the id of a heading, figure or table on that page (a heading "## Sown area" gets the anchor #sown-area)\n' +
        '  fix: did you mean "#sown-area"?',
    ]);
  });

  it('names the generated page when a link has no Markdown source, and a missing bibliography entry as such', async () => {
    const site = siteWith({
      'en/data/index.html': page('<a href="/en/references/#ref-seed001">r</a> <a href="/en/data/#table-harvset">t</a><h2 id="table-harvest">T</h2>'),
      'en/references/index.html': page('<li id="ref-seed000">A</li>'),
    });
    const errors = await checkLinks(site, [], async () => undefined);
    expect(errors.map((e) => e.format())).toEqual([
      'en/data/index.html: broken link "/en/references/#ref-seed001": no work "seed001" in the bibliography (on the generated page /en/data/)\n' +
        '  expected: "seed001" as the id of an entry of data/references.json (a table\'s "source.ref" or a citation names it)\n' +
        '  fix: add the work to data/references.json, or correct the key (did you mean "seed000"?)',
      'en/data/index.html: broken link "/en/data/#table-harvset": page /en/data/ has no anchor "table-harvset" (on the generated page /en/data/)\n' +
        '  expected: the id of a heading, figure or table on that page (a heading "## Sown area" gets the anchor #sown-area)\n' +
        '  fix: did you mean "#table-harvest"?',
    ]);
  });
});
