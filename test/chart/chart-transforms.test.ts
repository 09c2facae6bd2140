/** Chart transforms are the indicators with a series form (compute/indicators/, registry). */
import { describe, expect, it } from 'vitest';
import { chartData, isIndexScale } from '../../scripts/chart/chart-records.ts';
import { parseChartBlock } from '../../scripts/chart/parse-chart-block.ts';
import { ChartError } from '../../scripts/errors.ts';
import { table, tablesOf } from '../compute/indicators/worked-example.ts';
import { lang } from '../helpers/languages.ts';

const harvest = table('harvest', 'thousand t', { cereals: { '2015': 80, '2019': 100 }, sunflower: { '2015': 10, '2019': 25 }, total: { '2015': 90, '2019': 125 } }, { roles: { total: 'total' } });

describe('chart transforms from the registry', () => {
  it('plots a growth rate against the base period, in %', async () => {
    const tables = await tablesOf(harvest);
    const data = chartData({ table: 'harvest', rows: ['cereals', 'sunflower'], transform: 'growth-rate', base: '2015' }, tables, lang('en'));
    // cereals (100 ÷ 80 − 1) × 100 = 25; sunflower (25 ÷ 10 − 1) × 100 = 150; the base period: 0
    expect(data.records.map((r) => [r.key, r.period, r.value])).toEqual([['cereals', '2015', 0], ['cereals', '2019', 25], ['sunflower', '2015', 0], ['sunflower', '2019', 150]]);
    expect(data.unitText).toBe('%');
    expect(isIndexScale(data.table, 'growth-rate')).toBe(false);
  });

  it('plots a base index, a chain index without its first period, and shares as before', async () => {
    const tables = await tablesOf(harvest);
    expect(chartData({ table: 'harvest', rows: ['cereals'], transform: 'base-index' }, tables, lang('en')).records.map((r) => r.value)).toEqual([100, 125]);
    expect(chartData({ table: 'harvest', rows: ['cereals'], transform: 'chain-index' }, tables, lang('en')).records.map((r) => [r.period, r.value])).toEqual([['2019', 125]]);
    // 25 ÷ 125 × 100 = 20 (of the total row)
    expect(chartData({ table: 'harvest', rows: ['sunflower'], transform: 'share' }, tables, lang('ru')).records[1]?.value).toBe(20);
    expect(isIndexScale(chartData({ table: 'harvest', transform: 'chain-index' }, tables, lang('en')).table, 'chain-index')).toBe(true);
  });

  it('names the transforms there are when a block asks for another', () => {
    const error = (() => {
      try {
        return parseChartBlock('id: c\ntitle: T\ntable: t\ntransform: rank\n', 'f.md', 1);
      } catch (e) {
        return e as ChartError;
      }
    })() as ChartError;
    expect(error).toBeInstanceOf(ChartError);
    expect(error.message).toBe('chart option "transform" is invalid: Invalid option: expected one of "base-index"|"chain-index"|"growth-rate"|"share"');
    expect(error.line).toBe(4);
  });
});
