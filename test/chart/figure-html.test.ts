/** The figure around a chart: permalink, downloads, source and credits, and the citation line. */
import { describe, expect, it } from 'vitest';
import { editionDate } from '../../scripts/load/load-config.ts';
import { figureCsv, figureSvgFile } from '../../scripts/render/figure-html.ts';
import { block, GEO_DIR, HAS_GEO, renderFigure } from './chart-fixtures.ts';

const crops = block({ id: 'crops', title: 'Cereals dominate', table: 'harvest', rows: ['cereals', 'sunflower'] });

describe('figure', () => {
  it('has its number, a permalink and CSV and SVG downloads', async () => {
    const { html } = await renderFigure(crops);
    expect(html).toContain('<figure class="figure" id="fig-crops">');
    expect(html).toContain('<span class="figure-number">Figure 1.1.</span>');
    expect(html).toContain('<a href="/en/test/fig-crops.csv" download>CSV</a> · <a href="/en/test/fig-crops.svg" download>SVG</a> · <a href="/en/test/#fig-crops">Link</a>');
    expect(html).toContain('<p class="figure-source">Source: <a href="/en/references/#ref-seed000">Imashev (2016)</a>, Table 2.');
  });

  it('prints the generated description for print, hidden on screen', async () => {
    const { html, figure } = await renderFigure(crops);
    expect(html).toContain(`<p class="figure-description" hidden>${figure.chart.description}</p>`);
  });

  it('cites title, figure, report, date and source', async () => {
    const { html } = await renderFigure(crops, { date: '2024-07-01' });
    expect(html).toContain(
      '<p class="figure-cite"><span class="figure-cite-label">Cite this figure:</span> “Cereals dominate”. Figure 1.1 in: Test report, 1 July 2024. Source: Imashev (2016), Table 2. /en/test/#fig-crops</p>',
    );
    const ru = await renderFigure(crops, { date: '2024-07-01', locale: 'ru' });
    // The locator is in the page language too, as in the source line under the chart.
    expect(ru.html).toContain('«Cereals dominate». Рисунок 1.1 в: Test report, 1 июля 2024 г. Источник: Imashev (2016), Таблица 2. /ru/test/#fig-crops');
    // Kazakh puts the number before the word: "1.1-сурет", "2-кесте".
    const kk = await renderFigure(crops, { date: '2024-07-01', locale: 'kk' });
    expect(kk.html).toContain('<span class="figure-number">1.1-сурет.</span>');
    expect(kk.html).toContain('Imashev (2016), 2-кесте.');
  });

  it('leaves the date out when none is configured', async () => {
    const { html } = await renderFigure(crops);
    expect(html).toContain('Figure 1.1 in: Test report. Source:');
  });

  it('takes the edition date from configuration or SOURCE_DATE_EPOCH, never the clock', () => {
    expect(editionDate('2025-01-31', { SOURCE_DATE_EPOCH: '0' })).toEqual({ date: '2025-01-31' });
    expect(editionDate(undefined, { SOURCE_DATE_EPOCH: '1719792000' })).toEqual({ date: '2024-07-01' });
    expect(editionDate(undefined, {})).toEqual({});
    expect(editionDate(undefined, { SOURCE_DATE_EPOCH: 'yesterday' })).toEqual({});
  });

  it('downloads the plotted records as CSV', async () => {
    const { figure } = await renderFigure(crops);
    expect(figureCsv(figure)).toBe('period,series,key,value\n2015,Cereals,cereals,86.4\n2016,Cereals,cereals,201.3\n2019,Cereals,cereals,157.4\n2015,Sunflower,sunflower,7.2\n2016,Sunflower,sunflower,21.1\n2019,Sunflower,sunflower,38.7\n');
  });

  it.skipIf(!HAS_GEO)('puts a map\'s boundary credit into the downloaded SVG too', async () => {
    const { figure } = await renderFigure(block({ id: 'wko', title: 'Districts', table: 'wko-values', preset: 'map' }), { boundariesDir: GEO_DIR });
    const file = figureSvgFile(figure);
    expect(file).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg color="#1a1a1a" /);
    expect(file).toContain('>Boundaries: geokz (A. Rodionov), CC BY 4.0, based on OCHA HDX COD-AB Kazakhstan</text></svg>');
    const height = Number(/<svg[^>]* height="([\d.]+)"/.exec(figure.chart.svg)?.[1]);
    expect(file).toContain(` height="${height + 18}" viewBox="0 0 `);
  });

  it('escapes text from tables and blocks in the Data view', async () => {
    const { html } = await renderFigure(block({ id: 'x', title: '<b>bold</b>', table: 'harvest', rows: ['cereals'] }));
    expect(html).not.toContain('<b>bold</b>');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });
});

describe('interactive version', () => {
  it('ships the Vega spec of a chart, not of a map, with the page language\'s number style for its tooltips', async () => {
    const chart = await renderFigure(crops);
    expect(chart.html).toContain('<div class="chart" data-chart="fig-crops" data-number="{&quot;decimal&quot;:&quot;.&quot;,&quot;group&quot;:&quot;,&quot;,&quot;minus&quot;:&quot;−&quot;,&quot;minimumGroupingDigits&quot;:1}"><svg');
    const ru = await renderFigure(crops, { locale: 'ru' });
    expect(ru.html).toContain('data-number="{&quot;decimal&quot;:&quot;,&quot;,&quot;group&quot;:&quot;\u00a0&quot;,&quot;minus&quot;:&quot;−&quot;,&quot;minimumGroupingDigits&quot;:1}"');
    expect(chart.html).toContain('<script type="application/json" class="chart-spec">');
    const map = await renderFigure(block({ id: 'wko', title: 'Districts', table: 'wko-values', preset: 'map' }), { boundariesDir: GEO_DIR });
    expect(map.html).toContain('<div class="chart"><svg');
    expect(map.html).not.toContain('chart-spec');
  });
});
