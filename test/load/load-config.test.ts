/** report.config.json: defaults for a report without one, every setting read, every mistake named with its path and line. */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { memoryFiles, memoryLogger } from '../../scripts/io.ts';
import { loadConfig } from '../../scripts/load/load-config.ts';
import { t } from '../../scripts/render/ui-strings.ts';
import { json, page } from '../helpers/fixture-project.ts';

const config = (settings: unknown, extra: Record<string, string> = {}) => loadConfig(memoryFiles({ 'report.config.json': json(settings), 'content/en/index.md': page('title: A', 'Text.\n'), ...extra }), { env: {} });

describe('report configuration', () => {
  it('needs no file: the languages are the folders chapters are written in, the first the source', async () => {
    const files = memoryFiles({ 'content/ru/index.md': page('title: Доклад', 'Текст.\n'), 'content/en/index.md': page('title: Report', 'Text.\n') });
    const c = await loadConfig(files, { env: {} });
    expect(c.file).toBeUndefined();
    expect(c.languages.codes).toEqual(['en', 'ru']);
    expect(c.languages.source).toBe('en');
    expect(c.folders).toEqual({ content: 'content', data: 'data', geographies: 'data/geographies', output: '_site' });
    expect(c.baseUrl).toBe('https://example.org');
    expect(c.fonts.sans.family).toBe('PT Sans');
    expect(c.fonts.serif.family).toBe('PT Serif');
    // Each language's own subset and its extension: Latin for English, Cyrillic for Russian.
    expect(c.fonts.subsets).toEqual(['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext']);
    expect(c.units.has('thousand t')).toBe(true);
    expect(c.units.has('million tenge')).toBe(false);
  });

  it('reads languages, source, fallbacks, address, date, units, colours and folders', async () => {
    const c = await loadConfig(
      memoryFiles({
        'report.config.json': json({
          languages: ['ru', 'en'],
          sourceLanguage: 'ru',
          fallbacks: { en: [] },
          baseUrl: 'https://reports.example.org/',
          date: '2026-12-01',
          units: { 'thousand head': { kind: 'count', label: { ru: 'тыс. голов', en: 'thousand head' } } },
          colours: { sheep: '#009E73' },
          folders: { content: 'chapters', data: 'tables', output: 'public' },
        }),
        'chapters/ru/index.md': page('title: Доклад', 'Текст.\n'),
      }),
      { env: {} },
    );
    expect(c.languages.codes).toEqual(['ru', 'en']);
    expect(c.languages.get('en').chain).toEqual(['en', 'ru']);
    expect(c.baseUrl).toBe('https://reports.example.org');
    expect(c.date).toBe('2026-12-01');
    expect(c.units.kind('thousand head')).toBe('count');
    expect(c.languages.get('ru').pack.units['thousand head']).toBe('тыс. голов');
    expect(c.colours).toEqual({ sheep: '#009E73' });
    expect(c.folders).toEqual({ content: 'chapters', data: 'tables', geographies: 'tables/geographies', output: 'public' });
  });

  it('lets REPORT_BASE_URL and SOURCE_DATE_EPOCH override the address and stand in for the date', async () => {
    const files = memoryFiles({ 'report.config.json': json({ baseUrl: 'https://a.example.org' }), 'content/en/index.md': page('title: A', 'Text.\n') });
    const c = await loadConfig(files, { env: { REPORT_BASE_URL: 'https://b.example.org', SOURCE_DATE_EPOCH: '1719792000' } });
    expect(c.baseUrl).toBe('https://b.example.org');
    expect(c.date).toBe('2024-07-01');
  });

  it('takes a language pack file of the project for a language the generator does not ship', async () => {
    const c = await loadConfig(
      memoryFiles({
        'report.config.json': json({ languages: ['de'], strings: { de: 'strings/de.json' } }),
        'content/de/index.md': page('title: Bericht', 'Text.\n'),
        'strings/de.json': json({ name: 'Deutsch', ui: { references: 'Literatur' }, number: { decimal: ',', group: '.' } }),
      }),
      { env: {} },
    );
    expect(c.languages.codes).toEqual(['de']);
    expect(t(c.languages.get('de'), 'references')).toBe('Literatur');
    expect(c.warnings).toEqual([]);
  });

  it('warns when a language has no words at all, and builds with the source language\'s', async () => {
    const c = await config({ languages: ['en', 'fr'] }, { 'content/fr/index.md': page('title: Rapport', 'Texte.\n') });
    expect(c.warnings).toEqual(['fr: the generator has no words for this language and report.config.json gives none ("strings"): pages in it use en\'s interface']);
    expect(t(c.languages.get('fr'), 'references')).toBe('References');
  });

  it('names a misspelt setting, with its line', async () => {
    await expect(config({ langauges: ['en'] })).rejects.toMatchObject({ file: 'report.config.json', line: 2, column: 16, path: 'langauges', message: 'unknown setting "langauges"', fix: 'did you mean "languages"?' });
  });

  it('refuses a source language, fallback or strings entry that is not one of the report\'s languages', async () => {
    await expect(config({ languages: ['en'], sourceLanguage: 'ru' })).rejects.toMatchObject({ path: 'sourceLanguage', message: 'the source language "ru" is not one of the report\'s languages' });
    await expect(config({ languages: ['en'], fallbacks: { en: ['ru'] } })).rejects.toMatchObject({ path: 'fallbacks.en[0]', message: '"ru" is not one of the report\'s languages' });
    await expect(config({ languages: ['en'], strings: { de: { ui: {} } } })).rejects.toMatchObject({ path: 'strings.de', message: '"de" is not one of the report\'s languages' });
  });

  it('refuses chapters in a language folder the configuration does not list', async () => {
    await expect(config({ languages: ['en'] }, { 'content/ru/index.md': page('title: Доклад', 'Текст.\n') })).rejects.toMatchObject({
      message: 'chapters are written in "ru" (content/ru/), which is not a language of this report',
      file: 'report.config.json',
      path: 'languages',
      fix: 'add "ru" to "languages" in report.config.json, or rename the folder',
    });
  });

  it('checks a report\'s words: unknown messages (with the nearest key) and placeholders the message is not given', async () => {
    const error = await config({ strings: { en: { ui: { refrences: 'Works cited' }, chart: { change: '{series}: {a} in {year}' }, units: { 'thousand sheep': 'sheep' } } } }).catch((e: unknown) => e);
    expect(String((error as { format(): string }).format())).toBe(
      [
        'report.config.json:5:22 (strings.en.ui.refrences): unknown ui message "refrences"',
        '  expected: a key of the "ui" section of the generator\'s locales/en.json',
        '  fix: did you mean "references"?',
        '',
        'report.config.json:8:19 (strings.en.chart.change): message "change" uses {year}, which it is not given',
        '  expected: placeholders among {series}, {a}, {pa}, {paIn}, {b}, {pb}, {pbIn}',
        '  fix: remove {year} or use one of the listed placeholders',
        '',
        'report.config.json:11:27 (strings.en.units.thousand sheep): unknown unit "thousand sheep"',
        '  expected: one of the report\'s units: t, thousand t, ha, thousand ha, c/ha, % of previous year, % of base year, %, persons, thousand persons, count, ratio, score, % per year, percentage points, rank, percentile, kg per person, t per person',
        '  fix: correct the unit id, or define the unit under "units" in report.config.json',
      ].join('\n'),
    );
  });

  it('requires the source language in every text of the configuration', async () => {
    await expect(config({ languages: ['en', 'ru'], units: { 'thousand head': { kind: 'count', label: { ru: 'тыс. голов' } } } }, { 'content/ru/index.md': page('title: Доклад', 'Текст.\n') })).rejects.toMatchObject({
      path: 'units.thousand head.label',
      message: 'the text has no "en" version (the report\'s source language)',
    });
  });

  it('refuses an address that is not the root of a host', async () => {
    await expect(config({ baseUrl: 'https://example.org/reports/' })).rejects.toMatchObject({ file: 'report.config.json', path: 'baseUrl', message: '"baseUrl" in report.config.json must be the root of a host (the site links to /en/…, /ru/…), without a path: "https://example.org/reports/"' });
  });
});

describe('tables against the configuration', () => {
  const HARVEST = { id: 'harvest', title: { en: 'Harvest', kz: 'Өнім' }, unit: 'thousand head', decimals: 1, source: { ref: 'office' }, periods: ['2023'], rows: [{ id: 'sheep', label: 'Sheep', values: { 2023: 12.5 } }] };
  const project = (settings: unknown) =>
    memoryFiles({
      'report.config.json': json(settings),
      'data/harvest.json': json(HARVEST),
      'data/references.json': json([{ id: 'office', type: 'dataset', title: 'Accounts' }]),
      'content/en/index.md': page('title: A', 'Text.\n'),
    });

  it('accept a unit the report defines and refuse one it does not, and a language code that is no language (with the nearest)', async () => {
    const error = (await buildReport(project({})).catch((e: unknown) => e)) as { format(): string };
    expect(error.format()).toContain('data/harvest.json:7:11 (unit): unknown unit "thousand head"');
    expect(error.format()).toContain('fix: use one of the listed units, or define the unit under "units" in report.config.json');
    expect(error.format()).toContain('data/harvest.json:5:11 (title.kz): "kz" is not a language of this report');
    expect(error.format()).toContain('fix: did you mean "kk"? correct the language code, or add "kz" to "languages" in report.config.json');
    const logger = memoryLogger();
    const fixed = { ...HARVEST, title: { en: 'Harvest', kk: 'Өнім' } };
    const report = await buildReport(memoryFiles({ ...Object.fromEntries([]), 'report.config.json': json({ units: { 'thousand head': { kind: 'count', label: 'thousand head' } } }), 'data/harvest.json': json(fixed), 'data/references.json': json([{ id: 'office', type: 'dataset', title: 'Accounts' }]), 'content/en/index.md': page('title: A', 'Sheep: {=harvest.sheep.2023} thousand head.\n') }), { logger });
    expect(report.pages[0]?.html).toContain('>12.5</a>');
  });
});
