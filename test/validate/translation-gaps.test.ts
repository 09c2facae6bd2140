/** What one language lacks that another has: found at build time, warned about, listed for authors. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { memoryLogger } from '../../scripts/io.ts';
import { describeGap } from '../../scripts/validate/translation-gaps.ts';
import { HARVEST_TABLE, fixtureFiles, json, page } from '../helpers/fixture-project.ts';

const table = {
  ...structuredClone(HARVEST_TABLE),
  // Title in all three languages; the cereals label begun (en, ru) but not in Kazakh; the others English only.
  title: { en: 'Gross harvest', ru: 'Валовой сбор', kk: 'Жалпы түсім' },
  rows: [{ ...HARVEST_TABLE.rows[0], label: { en: 'Cereals', ru: 'Зерновые' } }, HARVEST_TABLE.rows[1], HARVEST_TABLE.rows[2]],
};

async function build() {
  const logger = memoryLogger();
  const report = await buildReport(
    fixtureFiles({
      'data/harvest.json': json(table),
      'report.config.json': json({ languages: ['en', 'ru', 'kk'] }),
      'content/ru/index.md': page('title: Тестовый доклад', 'Главная.\n'),
      'content/kk/index.md': page('title: Сынақ баяндамасы', 'Басты бет.\n'),
      'content/en/01-harvest.md': page('title: Harvest', 'Text.\n'),
      'content/ru/01-harvest.md': page('title: Урожай', 'Текст.\n'),
      'content/en/02-support.md': page('title: Support', 'Text.\n'),
    }),
    { logger },
  );
  return { report, logger };
}

describe('translation gaps', () => {
  it('lists each chapter a language lacks and each text translated into some languages but not all', async () => {
    const { report } = await build();
    expect(report.translationGaps.map(describeGap)).toEqual([
      'kk: no translation of content/en/01-harvest.md (it exists in en, ru)',
      'ru: no translation of content/en/02-support.md (it exists in en)',
      'kk: no translation of content/en/02-support.md (it exists in en)',
      'kk: data/harvest.json (rows[0].label) is translated into en, ru only',
    ]);
  });

  it('warns once, naming every gap, and builds', async () => {
    const { logger } = await build();
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]).toBe(
      [
        '4 translations missing (listed on the Data-quality page; readers see the text of the language it falls back to):',
        '  kk: no translation of content/en/01-harvest.md (it exists in en, ru)',
        '  ru: no translation of content/en/02-support.md (it exists in en)',
        '  kk: no translation of content/en/02-support.md (it exists in en)',
        '  kk: data/harvest.json (rows[0].label) is translated into en, ru only',
      ].join('\n'),
    );
  });

  it('finds none in a report whose languages are complete', async () => {
    const logger = memoryLogger();
    const report = await buildReport(fixtureFiles({ 'data/harvest.json': json({ ...table, title: 'Gross harvest', rows: HARVEST_TABLE.rows }) }), { logger });
    expect(report.translationGaps).toEqual([]);
    expect(logger.warnings).toEqual([]);
  });
});
