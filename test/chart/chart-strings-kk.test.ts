/** The Kazakh chart words: dates, generated descriptions, axis titles and the citation line. */
import { describe, expect, it } from 'vitest';
import { chartWords, formatDate } from '../../scripts/chart/chart-strings.ts';
import type { ChartRecord } from '../../scripts/chart/chart-data.ts';
import { describeChart, describeHeatmap, describeMatrix, describePortfolio } from '../../scripts/chart/describe-chart.ts';
import { lang } from '../helpers/languages.ts';

const record = (key: string, series: string, period: string, value: number | null): ChartRecord => ({ key, series, period, value });

describe('Kazakh chart words', () => {
  it('are a set of their own, with every key the English set has', () => {
    const kk = chartWords(lang('kk'));
    expect(kk).not.toBe(chartWords(lang('ru')));
    expect(Object.keys(kk).sort()).toEqual(Object.keys(chartWords(lang('en'))).sort());
    expect(kk.series).toBe('Қатар');
    expect(kk.year).toBe('Жыл');
    expect(kk.cite).toBe('Суретке сілтеме жасау үлгісі');
  });

  it('write a date as "2024 жылғы 5 наурыз", the same on every runtime', () => {
    expect(formatDate('2024-03-05', lang('kk'))).toBe('2024 жылғы 5 наурыз');
    expect(formatDate('2024-07-01', lang('kk'))).toBe('2024 жылғы 1 шілде');
    const months = Array.from({ length: 12 }, (_, m) => formatDate(`2025-${String(m + 1).padStart(2, '0')}-28`, lang('kk')).replace('2025 жылғы 28 ', ''));
    expect(months).toEqual(['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']);
    // The other languages still go through Intl.
    expect(formatDate('2024-03-05', lang('en'))).toBe('5 March 2024');
    expect(formatDate('2024-03-05', lang('ru'))).toBe('5 марта 2024 г.');
  });

  it('describe a series without a suffix on any number', () => {
    const records = [record('crops', 'Өсімдік шаруашылығы', '2015', 120.5), record('crops', 'Өсімдік шаруашылығы', '2016', 98.1), record('crops', 'Өсімдік шаруашылығы', '2017', 182.2), record('crops', 'Өсімдік шаруашылығы', '2019', 150)];
    expect(describeChart('Өнім көлемі', 'млрд теңге', records, [['crops', 'Өсімдік шаруашылығы']], 1, lang('kk'))).toBe(
      'Өнім көлемі (млрд теңге). Кезең: 2015–2019 жылдар. Өсімдік шаруашылығы: 2015 жылы 120,5, ал 2019 жылы 150,0 (ең жоғары мәні: 2017 жылы 182,2, ең төменгі мәні: 2016 жылы 98,1).',
    );
  });

  it('count series and name a period that is not a year as it is', () => {
    const records = [record('a', 'Ақтөбе', '2020', 10), record('a', 'Ақтөбе', '2023-12', 12), record('b', 'Атырау', '2020', null)];
    expect(describeChart('Халық', 'мың адам', records, [['a', 'Ақтөбе'], ['b', 'Атырау']], 0, lang('kk'))).toBe(
      'Халық (мың адам). Қатарлар саны: 2; кезең: 2020–2023-12. Ақтөбе: 2020 жылы 10, ал 2023 жылғы желтоқсанда 12; Атырау: деректер жоқ.',
    );
  });

  it('describe a heatmap, a matrix and a portfolio', () => {
    const cells = [record('a', 'Бәйтерек', '2019', 5), record('b', 'Бөкей орда', '2019', 1)];
    expect(describeHeatmap('Өнім', 'т/га', cells, [['a', 'Бәйтерек'], ['b', 'Бөкей орда']], 0, lang('kk'))).toContain('Ең жоғары мән: Бәйтерек, 2019 жылы (5). Ең төменгі мән: Бөкей орда, 2019 жылы (1).');
    expect(describeMatrix('Қолдау шаралары', [{ label: 'Субсидиялар', filled: 3 }, { label: 'Кредиттер', filled: 1 }], 4, lang('kk'))).toBe(
      'Қолдау шаралары. 2 жол × 4 баған; толтырылған ұяшықтар: 4 (барлығы 8). Субсидиялар: 3 (барлығы 4); Кредиттер: 1 (барлығы 4).',
    );
    const axis = (title: string, value: number) => ({ title, decimals: 1, values: [{ label: 'Бәйтерек', value }, { label: 'Теректі', value: value / 2 }] });
    expect(describePortfolio('Портфель', axis('өсім', 12.4), axis('үлес', 30), axis('көлем', 7), lang('kk'))).toBe(
      'Портфель. Көпіршіктер саны: 2; көлденең осьте — өсім, тік осьте — үлес, көпіршік өлшемі — көлем. Ең жоғары мән (өсім): Бәйтерек (12,4). Ең жоғары мән (үлес): Бәйтерек (30,0). Ең жоғары мән (көлем): Бәйтерек (7,0).',
    );
  });

  it('title portfolio axes and cite a figure', () => {
    const kk = chartWords(lang('kk'));
    expect(kk.measureGrowth('2015', '2019')).toBe('2015–2019 жылдар аралығындағы өсім, %');
    expect(kk.measureCagr('2015', '2019')).toBe('2015–2019 жылдар аралығындағы орташа жылдық өсім, %');
    expect(kk.measureChange('2015', '2019', 'млн теңге')).toBe('2015–2019 жылдар аралығындағы өзгеріс, млн теңге');
    expect(kk.measureLq('2019')).toBe('локализация коэффициенті, 2019');
    // The noun comes from the geography (unitWord.kk), singular after a numeral as Kazakh has it.
    expect(kk.mapOf(12, 'өңір', '2019')).toBe('Карта: 12 өңір, 2019.');
    expect(kk.citation('Дәнді дақылдар', 'Сурет 1.1', 'Баяндама', formatDate('2024-07-01', lang('kk')), 'Imashev (2016), 2-кесте', '/kk/test/#fig-crops')).toBe(
      '«Дәнді дақылдар». Сурет 1.1 // Баяндама, 2024 жылғы 1 шілде. Дереккөз: Imashev (2016), 2-кесте. /kk/test/#fig-crops',
    );
  });
});
