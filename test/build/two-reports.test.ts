/**
 * One process, two reports: each is written with its own languages and words. Eleventy keeps
 * compiled layouts in a cache shared by its instances; the second report must not render with the
 * first one's filters (it did: "Error in Nunjucks Filter `t`").
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { diskFiles, memoryLogger } from '../../scripts/io.ts';
import { writeSite } from '../../scripts/write/write-site.ts';
import { fixtureProjectOnDisk, HARVEST_TABLE, json, page } from '../helpers/fixture-project.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const REFERENCES = json([{ id: 'seed000', type: 'article-journal', title: 'A study', author: [{ family: 'Imashev' }], issued: { 'date-parts': [[2016]] } }]);

async function write(files: Record<string, string>): Promise<string> {
  const root = fixtureProjectOnDisk({ 'data/references.json': REFERENCES, ...files });
  roots.push(root);
  const report = await buildReport(diskFiles(root), { logger: memoryLogger() });
  await writeSite(report, { root });
  return root;
}

describe('two reports built in one process', () => {
  it('write each with its own languages and words', async () => {
    const english = await write({ 'data/harvest.json': json(HARVEST_TABLE), 'content/en/index.md': page('title: First report', 'Home.\n'), 'content/en/01-harvest.md': page('title: Harvest', 'Cereals: {=harvest.cereals.2019} thousand t.\n') });
    const russian = await write({
      'report.config.json': json({ languages: ['ru'] }),
      'data/harvest.json': json(HARVEST_TABLE),
      'content/ru/index.md': page('title: Второй доклад', 'Главная.\n'),
      'content/ru/01-harvest.md': page('title: Урожай', 'Зерновые: {=harvest.cereals.2019} тыс. т.\n'),
    });
    const first = readFileSync(path.join(english, '_site/en/harvest/index.html'), 'utf8');
    const second = readFileSync(path.join(russian, '_site/ru/harvest/index.html'), 'utf8');
    expect(first).toContain('<a class="skip-link" href="#main">Skip to content</a>');
    expect(first).toContain('>157.4</a>');
    expect(second).toContain('<a class="skip-link" href="#main">Перейти к содержанию</a>');
    expect(second).toContain('>157,4</a>');
  });
});
