/** Ids inside a chart's SVG belong to its figure: the same chart renders the same bytes whatever was rendered before it. */
import { describe, expect, it } from 'vitest';
import * as vl from 'vega-lite';
import { renderSvg, scopeIds } from '../../scripts/chart/render-svg.ts';
import { lang } from '../helpers/languages.ts';

describe('scopeIds', () => {
  it('renames every id the SVG defines after the figure, in order, with the references to it', () => {
    const svg = '<svg><defs><clipPath id="clip7"><path d="M0 0h9v9H0z"/></clipPath><linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)"><path fill="url(#gradient_3)"/><use href="#clip7"/><a href="#elsewhere">x</a></g></svg>';
    expect(scopeIds(svg, 'fig-grp')).toBe(
      '<svg><defs><clipPath id="fig-grp-d1"><path d="M0 0h9v9H0z"/></clipPath><linearGradient id="fig-grp-d2"/></defs><g clip-path="url(#fig-grp-d1)"><path fill="url(#fig-grp-d2)"/><use href="#fig-grp-d1"/><a href="#elsewhere">x</a></g></svg>',
    );
    expect(scopeIds('<svg><path d="M0 0"/></svg>', 'fig-a')).toBe('<svg><path d="M0 0"/></svg>');
  });

  it('gives a clipped chart the same SVG whatever Vega rendered before it in this process', async () => {
    // A bar chart with a clipped mark and a gradient legend: both get process-wide Vega ids.
    const spec = vl.compile({
      data: { values: [{ x: 'a', y: 1 }, { x: 'b', y: 3 }] },
      mark: { type: 'bar', clip: true },
      encoding: { x: { field: 'x', type: 'nominal' }, y: { field: 'y', type: 'quantitative' }, color: { field: 'y', type: 'quantitative' } },
    } as vl.TopLevelSpec).spec;
    const options = { number: lang('en').pack.number, id: 'fig-bars', title: 'Bars', description: 'Two bars' };
    const first = await renderSvg(spec, options);
    await renderSvg(spec, { ...options, id: 'fig-other' });
    const again = await renderSvg(spec, options);
    expect(first).toMatch(/<clipPath id="fig-bars-d\d+"/);
    expect(first).toMatch(/<linearGradient id="fig-bars-d\d+"/);
    expect(again).toBe(first);
  });
});
