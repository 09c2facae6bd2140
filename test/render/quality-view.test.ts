import { describe, expect, it } from 'vitest';
import { runChecks } from '../../scripts/compute/consistency-checks.ts';
import { deriveTables } from '../../scripts/compute/derive-tables.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';
import { qualityView } from '../../scripts/render/quality-view.ts';
import type { Locale } from '../../scripts/validate/table-schema.ts';
import { HARVEST_TABLE, json } from '../helpers/fixture-project.ts';
import { FOLDERS, lang, LANGUAGES, TABLE_RULES } from '../helpers/languages.ts';
import type { Language } from '../../scripts/languages/language.ts';

const table = {
  ...structuredClone(HARVEST_TABLE),
  rows: [
    // 38.7 / 7.2 × 100 = 537.5, printed as 537.4: a finding.
    { ...HARVEST_TABLE.rows[0], label: { en: 'Cereals', ru: 'Зерновые', kk: 'Дәнді дақылдар' } },
    { ...HARVEST_TABLE.rows[1], label: { en: 'Sunflower', ru: 'Подсолнечник', kk: 'Күнбағыс' }, stated: [{ indicator: 'base-index', period: '2019', base: '2015', value: 537.4, decimals: 1 }] },
    { ...HARVEST_TABLE.rows[2], label: { en: 'Total', ru: 'Итого', kk: 'Барлығы' } },
  ],
  checks: [
    { type: 'sum', tolerance: 0.05, severity: 'finding' },
    { type: 'stated', severity: 'finding' },
    { type: 'share-sum', tolerance: 0.1, severity: 'finding' },
    { type: 'range', min: 0, max: 100, severity: 'finding' },
  ],
};

async function view(locale: Locale) {
  const tables = deriveTables(await loadTables(memoryFiles({ 'data/harvest.json': json(table) }), FOLDERS, TABLE_RULES));
  const results = runChecks(tables, new Set(['harvest']), 'en');
  return qualityView(results, tables, LANGUAGES.all as Language[], lang(locale), new Set()).groups[0]!.results.map((r) => [r.description, r.period ?? '', r.expected, r.actualText]);
}

describe('Data-quality page, in the page language', () => {
  it('keeps the English texts', async () => {
    expect(await view('en')).toEqual([
      // 86.4 + 7.2 = 93.6, 201.3 + 21.1 = 222.4, 157.4 + 38.7 = 196.1
      ['Cereals + Sunflower = Total (tolerance 0.05): 3 of 3 passed', '', '', ''],
      ['figures printed in the source equal the recomputed values, within half a unit of their last digit: 0 of 1 passed', '', '', ''],
      ['Sunflower: base-index 2019 vs 2015', '2019', '537.4', '537.5'],
      // the components sum to 93.6, 222.4, 196.1, not 100 (the columns take the decimals of the expected figure: 100 → none, bounds → 2)
      ['shares sum to 100 (tolerance 0.1): 0 of 3 passed', '', '', ''],
      ['Σ shares', '2015', '100', '94'],
      ['Σ shares', '2016', '100', '222'],
      ['Σ shares', '2019', '100', '196'],
      // over 100: cereals 201.3 and 157.4, total 222.4 and 196.1; 5 of 9 values pass
      ['values within 0 … 100: 5 of 9 passed', '', '', ''],
      ['Cereals', '2016', '0 … 100', '201.30'],
      ['Cereals', '2019', '0 … 100', '157.40'],
      ['Total', '2016', '0 … 100', '222.40'],
      ['Total', '2019', '0 … 100', '196.10'],
    ]);
  });

  it('writes the checks in Russian', async () => {
    expect(await view('ru')).toEqual([
      ['Зерновые + Подсолнечник = Итого (допуск 0,05): выполнено 3 из 3', '', '', ''],
      ['напечатанные в источнике показатели совпадают с пересчитанными с точностью до половины единицы последнего знака: выполнено 0 из 1', '', '', ''],
      ['Подсолнечник: базисный индекс, 2019 к 2015', '2019', '537,4', '537,5'],
      ['сумма долей равна 100 (допуск 0,1): выполнено 0 из 3', '', '', ''],
      ['Σ долей', '2015', '100', '94'],
      ['Σ долей', '2016', '100', '222'],
      ['Σ долей', '2019', '100', '196'],
      ['значения в пределах 0 … 100: выполнено 5 из 9', '', '', ''],
      ['Зерновые', '2016', '0 … 100', '201,30'],
      ['Зерновые', '2019', '0 … 100', '157,40'],
      ['Итого', '2016', '0 … 100', '222,40'],
      ['Итого', '2019', '0 … 100', '196,10'],
    ]);
  });

  it('writes the checks in Kazakh', async () => {
    expect(await view('kk')).toEqual([
      ['Дәнді дақылдар + Күнбағыс = Барлығы (рұқсат етілген ауытқу: 0,05): 3 тексеруден өтті (барлығы 3)', '', '', ''],
      ['дереккөзде басылған көрсеткіштер қайта есептелген мәндерге соңғы таңбасының жарты бірлігі дәлдігімен тең: 0 тексеруден өтті (барлығы 1)', '', '', ''],
      ['Күнбағыс: базистік индекс, 2019; базалық кезең — 2015', '2019', '537,4', '537,5'],
      ['үлестердің қосындысы 100-ге тең (рұқсат етілген ауытқу: 0,1): 0 тексеруден өтті (барлығы 3)', '', '', ''],
      ['Σ үлестер', '2015', '100', '94'],
      ['Σ үлестер', '2016', '100', '222'],
      ['Σ үлестер', '2019', '100', '196'],
      ['мәндер 0 … 100 аралығында: 5 тексеруден өтті (барлығы 9)', '', '', ''],
      ['Дәнді дақылдар', '2016', '0 … 100', '201,30'],
      ['Дәнді дақылдар', '2019', '0 … 100', '157,40'],
      ['Барлығы', '2016', '0 … 100', '222,40'],
      ['Барлығы', '2019', '0 … 100', '196,10'],
    ]);
  });
});
