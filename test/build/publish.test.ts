/**
 * The published folder is replaced only by a complete build: a failed build exits non-zero with
 * the author-facing message and leaves every byte of the previous _site/ as it was.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HARVEST_TABLE, fixtureProjectOnDisk, json, page } from '../helpers/fixture-project.ts';

const cli = path.resolve(import.meta.dirname, '../../scripts/bin/report.js');

function build(root: string, ...args: string[]) {
  return spawnSync(process.execPath, [cli, 'build', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = readFileSync(file).toString('base64');
  }
  return files;
}

describe('publishing', () => {
  const root = fixtureProjectOnDisk({
    'data/harvest.json': json(HARVEST_TABLE),
    // The table's source must be in the bibliography: the link check refuses a source line to a missing entry.
    'data/references.json': json([{ id: 'seed000', type: 'report', title: 'Seed report', issued: { 'date-parts': [[2020]] } }]),
    'content/en/index.md': page('title: Fixture report', 'Home.\n'),
    'content/en/01-harvest.md': page('title: Harvest', 'Index {=base-index(harvest.cereals, 2019, 2015)}.\n\n```chart\nid: crops\ntitle: Crops\ntable: harvest\n```\n'),
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes _site/ with the home page and the chapter with its chart', () => {
    const result = build(root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/built _site\/: 1 tables, 1 computed values, 1 charts \(\d rendered\), 0 checks \(0 findings\), 2 pages/);
    const chapter = readFileSync(path.join(root, '_site/en/harvest/index.html'), 'utf8');
    expect(chapter).toContain('>182.2</a>');
    expect(chapter.match(/<svg[^>]*class="chart-svg"/g)).toHaveLength(1);
    expect(readFileSync(path.join(root, '_site/index.html'), 'utf8')).toContain('Fixture report');
  });

  it('does nothing when nothing changed, and builds again after --force or a change to the published site', () => {
    expect(build(root).status).toBe(0);
    const before = snapshot(path.join(root, '_site'));
    const again = build(root);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^_site\/ is up to date: no source, data, template, code or setting changed since it was built \(\d+ files\)/);
    expect(snapshot(path.join(root, '_site'))).toEqual(before);
    expect(build(root, '--force').stdout).toMatch(/^built _site\/: 1 tables/m);
    // Someone edited the published site by hand: the next build puts it right.
    writeFileSync(path.join(root, '_site/en/harvest/index.html'), 'edited');
    const repaired = build(root);
    expect(repaired.stdout).toMatch(/^built _site\/: /m);
    expect(readFileSync(path.join(root, '_site/en/harvest/index.html'), 'utf8')).toContain('>182.2</a>');
  });

  it.each([
    ['malformed JSON', 'data/harvest.json', '{"id": "harvest",', /data\/harvest\.json:1:18: malformed JSON: property name in double quotes expected/],
    ['a string where a number belongs', 'data/harvest.json', json({ ...HARVEST_TABLE, rows: [{ ...HARVEST_TABLE.rows[0], values: { '2015': '86,4', '2016': 1, '2019': 2 } }] }), /rows\[0\]\.values\.2015\): a value must be a number, got the string "86,4"/],
    ['a reference to a missing value', 'content/en/01-harvest.md', page('title: Harvest', 'Index {=harvest.cereals.2030}.\n'), /content\/en\/01-harvest\.md:4: \{=harvest\.cereals\.2030\}: table "harvest" has no period "2030"/],
  ])('after %s, exits 1, explains, and leaves _site/ byte-identical', (_case, file, content, message) => {
    expect(build(root).status).toBe(0);
    const before = snapshot(path.join(root, '_site'));
    const original = readFileSync(path.join(root, file), 'utf8');
    writeFileSync(path.join(root, file), content);
    try {
      const result = build(root);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('nothing was published; _site/ is unchanged');
      expect(snapshot(path.join(root, '_site'))).toEqual(before);
    } finally {
      writeFileSync(path.join(root, file), original);
    }
  });
});
