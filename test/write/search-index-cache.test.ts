/** The search index is built once per set of pages: the same pages reuse it byte for byte; any page change rebuilds it. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../scripts/write/search-index.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
const cacheDir = path.join(work, 'cache');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(name: string, pages: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `<!DOCTYPE html><html lang="en"><head><title>${text}</title></head><body><main data-pagefind-body><p>${text}</p></main></body></html>`);
  }
  return dir;
}

function indexFiles(dir: string): Record<string, string> {
  const root = path.join(dir, 'pagefind');
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(root, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString('base64')]),
  );
}

describe('search index cache', () => {
  const pages = { 'en/index.html': 'Sunflower harvest', 'en/yields/index.html': 'Cereal yields in Baiterek' };

  it('reuses the index built from the same pages, byte for byte', async () => {
    const first = site('a', pages);
    expect(await buildSearchIndex(first, { cacheDir })).toMatchObject({ pages: 2, reused: false });
    const second = site('b', pages);
    const again = await buildSearchIndex(second, { cacheDir });
    expect(again).toMatchObject({ pages: 2, reused: true });
    expect(indexFiles(second)).toEqual(indexFiles(first));
  });

  it('builds it again when a page changes, and without a cache', async () => {
    const changed = site('c', { ...pages, 'en/yields/index.html': 'Potato yields in Baiterek' });
    expect(await buildSearchIndex(changed, { cacheDir })).toMatchObject({ reused: false });
    expect(indexFiles(changed)).not.toEqual(indexFiles(path.join(work, 'a')));
    expect(await buildSearchIndex(site('d', pages))).toMatchObject({ reused: false });
  });

  it('builds it again when a cache entry is damaged', async () => {
    for (const entry of readdirSync(cacheDir)) rmSync(path.join(cacheDir, entry, 'files'), { recursive: true, force: true });
    const dir = site('e', pages);
    expect(await buildSearchIndex(dir, { cacheDir })).toMatchObject({ pages: 2, reused: false });
    expect(indexFiles(dir)).toEqual(indexFiles(path.join(work, 'a')));
  });
});

describe('search index cache size', () => {
  it('keeps the four most recent indexes', async () => {
    const own = path.join(work, 'pruned-cache');
    for (let i = 0; i < 6; i++) await buildSearchIndex(site(`p${i}`, { 'en/index.html': `Report edition ${i}` }), { cacheDir: own });
    expect(readdirSync(own)).toHaveLength(4);
    // The latest is among them.
    expect(await buildSearchIndex(site('p5-again', { 'en/index.html': 'Report edition 5' }), { cacheDir: own })).toMatchObject({ reused: true });
  });
});
