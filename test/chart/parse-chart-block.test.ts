import { describe, expect, it } from 'vitest';
import { ChartError } from '../../scripts/errors.ts';
import { parseChartBlock } from '../../scripts/chart/parse-chart-block.ts';

const parse = (yaml: string) => {
  try {
    return parseChartBlock(yaml, 'content/en/02-region.md', 10);
  } catch (error) {
    return error as ChartError;
  }
};

describe('parseChartBlock', () => {
  it('reads every preset\'s options', () => {
    const block = parseChartBlock('id: m\ntitle: T\ntable: t\npreset: map\nperiod: "2019"\nmidpoint: 1\nmap: tiles\n', 'f.md', 1);
    expect(block).toMatchObject({ preset: 'map', period: '2019', midpoint: 1, map: 'tiles' });
    expect(parseChartBlock('id: p\ntitle: T\ntable: t\npreset: portfolio\nx: "2021"\ny: {period: "2021", indicator: cagr, base: "2019"}\nsize: "2021"\n', 'f.md', 1).y).toEqual({ period: '2021', indicator: 'cagr', base: '2019' });
  });

  it('rejects an option of another preset, with its line', () => {
    const error = parse('id: c\ntitle: T\ntable: t\npreset: line\ncolumn: level\n');
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toBe('chart option column does not apply to preset "line"');
    expect((error as ChartError).line).toBe(14);
    expect((error as ChartError).expected).toBe('options of "line": id, title, subtitle, table, preset, description, height, rows, periods, transform, base, compare');
  });

  it('rejects an unknown option with its line', () => {
    const error = parse('id: c\ntitle: T\ntable: t\ncolour: red\n');
    expect((error as ChartError).message).toBe('unknown chart option colour');
    expect((error as ChartError).line).toBe(13);
  });

  it('rejects a measure that is neither a period nor a measure object', () => {
    const error = parse('id: p\ntitle: T\ntable: t\npreset: portfolio\nx: {indicator: cagr}\n');
    expect((error as ChartError).message).toMatch(/^chart option "x" is invalid/);
    expect((error as ChartError).line).toBe(14);
  });
});

describe('an interactive comparison in a chart block', () => {
  it('is an option of line and index charts only, with its line', () => {
    let error: unknown;
    try {
      parseChartBlock('id: c\ntitle: T\ntable: t\npreset: bar\ncompare: [north]\n', 'content/en/x.md', 10);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toContain('compare');
    expect((error as ChartError).line).toBe(14);
  });
});
