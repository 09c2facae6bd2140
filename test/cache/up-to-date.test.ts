/** The up-to-date check: a build with nothing changed does nothing; any change to what a build reads runs it. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inputsHash, publishedUpToDate, recordPublished } from '../../scripts/cache/up-to-date.ts';

let root: string;
const write = (file: string, content: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
};
const env = { REPORT_BOUNDARIES_DIR: 'geo' };

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'up-to-date-'));
  write('content/en/index.md', '---\ntitle: T\n---\nHome.\n');
  write('data/harvest.json', '{}');
  write('templates/pages.njk', '{{ view.html | safe }}');
  write('scripts/build.ts', 'export {};');
  write('geo/units.geojson', '{"type":"FeatureCollection","features":[]}');
  write('_site/en/index.html', '<p>Home.</p>');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('inputsHash', () => {
  it('is the same for the same files and settings', async () => {
    expect(await inputsHash(root, '_site', env, root)).toBe(await inputsHash(root, '_site', { ...env }, root));
  });

  it.each([
    ['a chapter', 'content/en/index.md', '---\ntitle: T\n---\nHome!\n'],
    ['a new chapter', 'content/en/02-new.md', '---\ntitle: N\n---\n'],
    ['a table', 'data/harvest.json', '{"id":1}'],
    ['a template', 'templates/pages.njk', '{{ view.html }}'],
    ['the code', 'scripts/build.ts', 'export const x = 1;'],
    ['the configuration', '.eleventy.js', 'export default () => ({});'],
    ['the lockfile (dependency versions)', 'package-lock.json', '{}'],
    ['a boundary file', 'geo/units.geojson', '{"type":"FeatureCollection","features":[{}]}'],
  ])('changes when %s changes', async (_what, file, content) => {
    const before = await inputsHash(root, '_site', env, root);
    write(file, content);
    expect(await inputsHash(root, '_site', env, root)).not.toBe(before);
  });

  it('changes with the settings a build reads and the output folder', async () => {
    const before = await inputsHash(root, '_site', env, root);
    expect(await inputsHash(root, '_site', { ...env, REPORT_BASE_URL: 'https://reports.example.kz' }, root)).not.toBe(before);
    expect(await inputsHash(root, '_site', { ...env, SOURCE_DATE_EPOCH: '1700000000' }, root)).not.toBe(before);
    expect(await inputsHash(root, 'public', env, root)).not.toBe(before);
  });

  it('ignores what a build does not read (the published site, caches)', async () => {
    const before = await inputsHash(root, '_site', env, root);
    write('_site/en/other.html', 'x');
    write('.cache/charts/ab/cd.json', '{}');
    write('README.md', 'notes');
    expect(await inputsHash(root, '_site', env, root)).toBe(before);
  });
});

describe('publishedUpToDate', () => {
  it('is true only for the recorded inputs and an untouched site', async () => {
    const inputs = await inputsHash(root, '_site', env, root);
    expect(await publishedUpToDate(root, '_site', inputs)).toBe(false);
    await recordPublished(root, '_site', inputs);
    expect(await publishedUpToDate(root, '_site', inputs)).toBe(1);
    expect(await publishedUpToDate(root, '_site', 'other inputs')).toBe(false);
  });

  it.each([
    ['a file is edited (same size)', () => write('_site/en/index.html', '<p>Hame.</p>')],
    ['a file is added', () => write('_site/en/extra.html', '')],
    ['a file is deleted', () => rmSync(path.join(root, '_site/en/index.html'))],
    ['the site is deleted', () => rmSync(path.join(root, '_site'), { recursive: true })],
  ])('is false once %s', async (_what, change) => {
    const inputs = await inputsHash(root, '_site', env, root);
    await recordPublished(root, '_site', inputs);
    // A later modification time even on a fast file system.
    utimesSync(path.join(root, '_site/en/index.html'), new Date(0), new Date(0));
    await recordPublished(root, '_site', inputs);
    change();
    expect(await publishedUpToDate(root, '_site', inputs)).toBe(false);
  });
});
