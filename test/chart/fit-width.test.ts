/**
 * A chart laid out again for a narrow screen (scripts/browser/fit-width.ts): the plot narrows by
 * what the screen lacks, down to MIN_PLOT_WIDTH, and a one-row legend wraps into columns; a chart
 * that fits, or whose width follows its data, is left as built.
 */
import { describe, expect, it } from 'vitest';
import type { Spec } from 'vega';
import { fitWidth, MIN_PLOT_WIDTH } from '../../scripts/browser/fit-width.ts';

const line: Spec = { width: 600, height: 300, marks: [] };

describe('fitWidth', () => {
  it('narrows the plot by what the screen lacks, keeping what is drawn beside it', () => {
    // 700 px drawn: 100 px of axes and labels beside a 600 px plot; 382 px available → a 282 px plot.
    expect(fitWidth(line, 700, 382)).toEqual({ ...line, width: 282 });
    // 953 px drawn (long direct labels): 382 − 353 would leave 29 px, so the plot keeps its minimum.
    expect(MIN_PLOT_WIDTH).toBe(220);
    expect(fitWidth(line, 953, 382).width).toBe(220);
  });

  it('leaves a chart that is drawn at 90 % of its size or more, or whose width is not one number', () => {
    expect(fitWidth(line, 700, 630)).toBe(line);
    expect(fitWidth(line, 700, 629).width).toBe(529);
    const heatmap: Spec = { signals: [{ name: 'x_step', value: 20 }, { name: 'width', update: "bandspace(domain('x').length, 0, 0) * x_step" }], marks: [] };
    expect(fitWidth(heatmap, 800, 382)).toBe(heatmap);
    expect(fitWidth({ ...line, signals: [{ name: 'width', value: 600 }] }, 800, 382).width).toBe(600);
    expect(fitWidth(line, Number.NaN, 382)).toBe(line);
    expect(fitWidth(line, 700, 0)).toBe(line);
  });

  it('wraps a one-row legend into as many 190 px columns as fit, and leaves other legends', () => {
    const bars: Spec = { ...line, legends: [{ fill: 'color', direction: 'horizontal' }, { fill: 'other', direction: 'vertical' }] };
    expect(fitWidth(bars, 749, 382).legends).toEqual([{ fill: 'color', direction: 'horizontal', columns: 2 }, { fill: 'other', direction: 'vertical' }]);
    expect(fitWidth(bars, 749, 150).legends?.[0]).toEqual({ fill: 'color', direction: 'horizontal', columns: 1 });
    expect(fitWidth({ ...bars, legends: [{ fill: 'color', direction: 'horizontal', columns: 4 }] }, 749, 382).legends?.[0]?.columns).toBe(4);
  });
});
