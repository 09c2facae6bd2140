/**
 * The page memo (scripts/write/page-memo.ts, output-keys.ts): after an edit, only the pages that
 * depend on it are rendered, the others are kept from the published site, and the site published
 * is byte for byte the one a full build (`force`) writes from the same sources.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { diskFiles, memoryLogger } from '../../scripts/io.ts';
import { writeSite, type WriteResult } from '../../scripts/write/write-site.ts';
import { fixtureProjectOnDisk, HARVEST_TABLE, json, page } from '../helpers/fixture-project.ts';

const root = fixtureProjectOnDisk({
  'report.config.json': json({ languages: ['en', 'ru'] }),
  'data/harvest.json': json(HARVEST_TABLE),
  'data/references.json': json([{ id: 'seed000', type: 'report', title: 'Seed report', issued: { 'date-parts': [[2020]] } }]),
  'content/en/index.md': page('title: Memo report', 'Home.\n'),
  'content/ru/index.md': page('title: Доклад', 'Главная.\n'),
  'content/en/01-harvest.md': page('title: Harvest', 'Cereals: {=harvest.cereals.2019} thousand t.\n'),
  'content/ru/01-harvest.md': page('title: Урожай', 'Зерновые: {=harvest.cereals.2019} тыс. т.\n'),
  // No Russian text: ru/yields/ shows the English one.
  'content/en/02-yields.md': page('title: Yields', 'Yields are discussed here.\n\n## Method\n\nA plain paragraph.\n'),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CODE = 'generator version A';

async function build(options: { outDir?: string; force?: boolean; codeVersion?: string } = {}): Promise<WriteResult> {
  const report = await buildReport(diskFiles(root), { logger: memoryLogger() });
  return writeSite(report, { root, codeVersion: CODE, ...options });
}

/** Every file of a site folder, relative path → bytes (base64, so a difference prints short). */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file).split(path.sep).join('/')] = readFileSync(file).toString('base64');
  }
  return files;
}

/** The files that differ between two site folders (missing on one side included). */
function differences(a: string, b: string): string[] {
  const [left, right] = [tree(a), tree(b)];
  return [...new Set([...Object.keys(left), ...Object.keys(right)])].filter((file) => left[file] !== right[file]).sort();
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(root, file), change(readFileSync(path.join(root, file), 'utf8')));
const site = (...parts: string[]) => path.join(root, '_site', ...parts);

// Eight pages per language (home, 2 chapters, data quality, data, references, search) + the root copy of en's home.
const PAGES = 2 * 7 + 1;

describe('page memo', () => {
  it('renders every page the first time', async () => {
    const first = await build();
    expect(first.rendered).toHaveLength(PAGES);
    expect(first.reused).toBe(0);
  });

  it('after a prose edit to one chapter, renders that chapter and its fallback copy only, and publishes what a full build writes', async () => {
    const kept = statSync(site('en/harvest/index.html')).ino;
    edit('content/en/02-yields.md', (text) => text.replace('A plain paragraph.', 'A plain paragraph, edited.'));
    const second = await build();
    expect(second.rendered).toEqual(['en/yields', 'ru/yields']);
    expect(second.reused).toBe(PAGES - 2);
    expect(readFileSync(site('en/yields/index.html'), 'utf8')).toContain('A plain paragraph, edited.');
    expect(readFileSync(site('ru/yields/index.html'), 'utf8')).toContain('A plain paragraph, edited.');
    // Kept, not written again: the published file is the previous build's.
    expect(statSync(site('en/harvest/index.html')).ino).toBe(kept);

    const full = await build({ outDir: '_full', force: true });
    expect(full.rendered).toHaveLength(PAGES);
    expect(differences(site(), path.join(root, '_full'))).toEqual([]);
  });

  it('after a table edit, renders the pages that show it (the chapters citing it, the data appendix) and no other', async () => {
    edit('data/harvest.json', (text) => text.replace('"2019": 157.4', '"2019": 158.4').replace('"2019": 196.1', '"2019": 197.1'));
    const third = await build();
    expect(third.rendered).toEqual(['en/harvest', 'ru/harvest', 'en/data', 'ru/data']);
    expect(readFileSync(site('en/harvest/index.html'), 'utf8')).toContain('>158.4</a>');
    await build({ outDir: '_full', force: true });
    expect(differences(site(), path.join(root, '_full'))).toEqual([]);
  });

  it('renders every page when the generator changes, and when the published page is not the one recorded', async () => {
    const newCode = await build({ codeVersion: 'generator version B' });
    expect(newCode.rendered).toHaveLength(PAGES);
    // A published page edited by hand is written again, not kept.
    writeFileSync(site('en/harvest/index.html'), 'edited by hand');
    const repaired = await build({ codeVersion: 'generator version B' });
    expect(repaired.rendered).toEqual(['en/harvest']);
    expect(readFileSync(site('en/harvest/index.html'), 'utf8')).toContain('>158.4</a>');
  });

  it("in place (the dev server's folder), writes only the changed files over the previous ones and removes what the build no longer has", async () => {
    const dev = (options: { force?: boolean } = {}) => build({ outDir: '_dev', codeVersion: 'generator version B', ...options });
    await dev();
    const kept = statSync(path.join(root, '_dev/en/harvest/index.html')).ino;
    edit('content/en/02-yields.md', (text) => text.replace('A plain paragraph, edited.', 'A plain paragraph, edited in place.'));
    const report = await buildReport(diskFiles(root), { logger: memoryLogger() });
    const inPlace = await writeSite(report, { root, outDir: '_dev', codeVersion: 'generator version B', publish: 'in-place' });
    expect(inPlace.rendered).toEqual(['en/yields', 'ru/yields']);
    expect(statSync(path.join(root, '_dev/en/harvest/index.html')).ino).toBe(kept);
    // A chapter removed: its pages and its fallback copy go.
    rmSync(path.join(root, 'content/en/02-yields.md'));
    const removed = await writeSite(await buildReport(diskFiles(root), { logger: memoryLogger() }), { root, outDir: '_dev', codeVersion: 'generator version B', publish: 'in-place' });
    expect(removed.rendered.length).toBeGreaterThan(0);
    await build({ outDir: '_full', force: true, codeVersion: 'generator version B' });
    // Every page and download as a full build writes them; the search index is still the first
    // build's (in place, the index is the caller's: the dev server builds a new one when the edits pause).
    expect(differences(path.join(root, '_dev'), path.join(root, '_full')).filter((file) => !file.startsWith('pagefind/'))).toEqual([]);
    expect(existsSync(path.join(root, '_dev/en/yields'))).toBe(false);
  });
});
