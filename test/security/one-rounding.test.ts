/**
 * One fact, one number (defect 6): the text, the chart's description and tooltip data, the
 * figure's Data view and CSV, and the table show the same digits, including values exactly
 * halfway at their last shown digit that binary arithmetic puts just below it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { roundDecimal } from '../../scripts/compute/round-decimal.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { json, numericTable, page } from '../helpers/fixture-project.ts';

const chapter = [
  'Index {=base-index(t.r, 2019, 2015)}; share {=share(t.r, 2019)|2} %.',
  '',
  '```chart',
  'id: index',
  'title: Index',
  'table: t',
  'rows: [r]',
  'transform: base-index',
  'base: "2015"',
  '```',
].join('\n');

async function figures(base: number, last: number, other: number) {
  const table = numericTable('t', 'thousand t', { r: { '2015': base, '2019': last }, q: { '2015': other, '2019': other } }, { decimals: 2 });
  const report = await buildReport(memoryFiles({ 'data/t.json': json(table), 'content/en/index.md': page('title: T', `${chapter}\n`) }));
  const home = report.pages.find((p) => p.slug === 'index');
  const html = home?.html ?? '';
  const text = /Index <a[^>]*>([^<]+)<\/a>; share <a[^>]*>([^<]+)<\/a>/.exec(html);
  const description = /<desc[^>]*>([^<]*)<\/desc>/.exec(html)?.[1] ?? '';
  const csv = home?.figures[0]?.csv ?? '';
  return { index: text?.[1], share: text?.[2], description, csv };
}

describe('one rounding on every surface', () => {
  it('shows 105.8 for cells 20.0 and 21.15 in the text, the description and the CSV', async () => {
    const shown = await figures(20, 21.15, 1);
    expect(shown.index).toBe('105.8');
    expect(shown.description).toContain('105.8 in 2019');
    expect(shown.csv).toContain('2019,r,r,105.8');
  });

  it('agrees for random cells (property)', async () => {
    const cell = fc.integer({ min: 1, max: 99_999 }).map((n) => n / 100);
    await fc.assert(
      fc.asyncProperty(cell, cell, cell, async (base, last, other) => {
        const shown = await figures(base, last, other);
        const index = roundDecimal((last / base) * 100, 1);
        expect(shown.index).toBe(Number(index).toLocaleString('en', { minimumFractionDigits: 1 }));
        expect(shown.description).toContain(`${shown.index} in 2019`);
        expect(shown.csv).toContain(`2019,r,r,${Number(index)}\n`);
        expect(shown.share).toBe(Number(roundDecimal((last / (last + other)) * 100, 2)).toLocaleString('en', { minimumFractionDigits: 2 }));
      }),
      { numRuns: 30, seed: 20261204 },
    );
  }, 120_000);
});
