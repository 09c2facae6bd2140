/** Small in-memory and on-disk report projects for tests. */
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { memoryFiles } from '../../scripts/io.ts';

export const HARVEST_TABLE = {
  id: 'harvest',
  title: { en: 'Gross harvest', ru: 'Валовой сбор' },
  unit: 'thousand t',
  decimals: 1,
  source: { ref: 'seed000', locator: 'Table 2' },
  periods: ['2015', '2016', '2019'],
  rows: [
    { id: 'cereals', label: 'Cereals', role: 'component', values: { '2015': 86.4, '2016': 201.3, '2019': 157.4 } },
    { id: 'sunflower', label: 'Sunflower', role: 'component', values: { '2015': 7.2, '2016': 21.1, '2019': 38.7 } },
    { id: 'total', label: 'Total', role: 'total', values: { '2015': 93.6, '2016': 222.4, '2019': 196.1 } },
  ],
};

/** A small numeric table for tests: rows as `{ rowId: { period: value } }`, labels = ids. */
export const numericTable = (id: string, unit: string, rows: Record<string, Record<string, number>>, extra: object = {}) => ({
  id,
  title: id,
  unit,
  decimals: 1,
  source: { ref: 'x' },
  periods: Object.keys(Object.values(rows)[0] ?? {}),
  rows: Object.entries(rows).map(([rowId, values]) => ({ id: rowId, label: rowId, values })),
  ...extra,
});

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export function page(frontMatter: string, body: string): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

export function fixtureFiles(extra: Record<string, string | Uint8Array> = {}) {
  return memoryFiles({
    'data/harvest.json': json(HARVEST_TABLE),
    'content/en/index.md': page('title: Test report', 'Home.\n'),
    ...extra,
  });
}

/**
 * A real project folder: the generator's code, templates and dependencies linked from this
 * repository, content and data written fresh. Returns its path.
 */
export function fixtureProjectOnDisk(files: Record<string, string>): string {
  const repo = path.resolve(import.meta.dirname, '../..');
  const root = mkdtempSync(path.join(os.tmpdir(), 'report-fixture-'));
  for (const linked of ['scripts', 'templates', 'node_modules', '.eleventy.js', 'package.json', 'tsconfig.json']) {
    symlinkSync(path.join(repo, linked), path.join(root, linked));
  }
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
  return root;
}

export function copyDir(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
}
