/**
 * Every preset, rendered from a few lines of a chart block: the SVG has its marks, its title as
 * accessible name and a description, and the Data view shows exactly the table's values.
 */
import { scheme } from 'vega';
import { describe, expect, it } from 'vitest';
import { DARK_INK, hex } from '../../scripts/chart/colour-scales.ts';
import { accessible, block, dataView, emptyDir, GEO_DIR, HAS_GEO, KZ_2019_IDS, markItems, marks, renderFigure, WKO_IDS } from './chart-fixtures.ts';

/** The harvest table's rows as the Data view prints them (one decimal). */
const HARVEST_VIEW = [
  ['Series', '2015', '2016', '2019'],
  ['Cereals', '86.4', '201.3', '157.4'],
  ['Sunflower', '7.2', '21.1', '38.7'],
];

describe('time-series presets', () => {
  it.each([
    ['line', 'line', 2],
    ['index', 'line', 2],
    ['bar', 'rect', 6],
    ['grouped-bar', 'rect', 6],
    ['stacked-bar', 'rect', 6],
    ['stacked-bar-100', 'rect', 6],
  ])('%s: draws %s marks, names the chart and shows the table in the Data view', async (preset, mark, items) => {
    const { svg, html } = await renderFigure(block({ id: 'crops', title: 'Cereals dominate', table: 'harvest', preset, rows: ['cereals', 'sunflower'] }));
    expect(accessible(svg, 'crops', 'Cereals dominate')).toBe(true);
    expect(markItems(svg, mark)).toBe(items);
    expect(dataView(html)).toEqual(HARVEST_VIEW);
  });

  it('index: draws the reference line at 100', async () => {
    const { svg } = await renderFigure(block({ id: 'idx', title: 'Index', table: 'harvest', preset: 'index', transform: 'base-index', base: '2015', rows: ['cereals'] }));
    expect(marks(svg, 'rule')).toBe(1);
    expect(svg).toContain('>100.0</text>'); // the axis label at the reference line
  });
});

describe('slope and dumbbell', () => {
  it('slope: one line per row between the two periods, labelled at both ends', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'slope', title: 'Sunflower climbed', table: 'harvest', preset: 'slope', periods: ['2015', '2019'], rows: ['cereals', 'sunflower'] }));
    expect(accessible(svg, 'slope', 'Sunflower climbed')).toBe(true);
    expect(markItems(svg, 'line')).toBe(2);
    expect(svg).toContain('>86.4</text>');
    expect(svg).toContain('>Sunflower  38.7</text>');
    expect(dataView(html)).toEqual([
      ['Series', '2015', '2019'],
      ['Cereals', '86.4', '157.4'],
      ['Sunflower', '7.2', '38.7'],
    ]);
    expect(figure.chart.description).toContain('Sunflower: 7.2 in 2015, 38.7 in 2019');
  });

  it('slope: defaults to the table\'s first and last periods and refuses three', async () => {
    const { html } = await renderFigure(block({ id: 'slope', title: 'T', table: 'harvest', preset: 'slope', rows: ['total'] }));
    expect(dataView(html)[0]).toEqual(['Series', '2015', '2019']);
    await expect(renderFigure(block({ id: 'slope', title: 'T', table: 'harvest', preset: 'slope', periods: ['2015', '2016', '2019'] }))).rejects.toThrow(
      'chart "slope": preset "slope" compares two periods, but 3 are given',
    );
  });

  it('dumbbell: a dot per period joined by a bar, rows sorted by the second period', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'db', title: 'Two years', table: 'harvest', preset: 'dumbbell', rows: ['sunflower', 'cereals'] }));
    expect(accessible(svg, 'db', 'Two years')).toBe(true);
    expect(markItems(svg, 'symbol')).toBe(4);
    expect(markItems(svg, 'rule')).toBe(2);
    // The Data view keeps the block's order; the chart sorts by value.
    expect(dataView(html)).toEqual([
      ['Series', '2015', '2019'],
      ['Sunflower', '7.2', '38.7'],
      ['Cereals', '86.4', '157.4'],
    ]);
    expect(svg.indexOf('>Cereals</text>')).toBeLessThan(svg.indexOf('>Sunflower</text>'));
    expect(figure.chart.description).toContain('Cereals: 86.4 in 2015, 157.4 in 2019');
  });
});

describe('heatmap and matrix', () => {
  it('heatmap: one coloured cell per value, labelled, diverging around 100 for an index table', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'heat', title: 'Volumes', table: 'indices', preset: 'heatmap' }));
    expect(accessible(svg, 'heat', 'Volumes')).toBe(true);
    expect(markItems(svg, 'rect')).toBe(6);
    for (const label of ['141.2', '88.9', '80.3', '100.1', '110.3', '111.4']) expect(svg).toContain(`>${label}</text>`);
    expect(dataView(html)).toEqual([
      ['Series', '2016', '2017', '2018'],
      ['Crop output', '141.2', '88.9', '80.3'],
      ['Livestock output', '100.1', '110.3', '111.4'],
    ]);
    // Each cell carries its colour (the spec names no value): diverging around 100, the farthest
    // value (141.2, 41.2 above) at the end of the palette's used part (0.95), 100.1 next to its
    // centre (0.5 + 0.45 × 0.1 / 41.2 = 0.5011), nearly neutral, with dark text.
    const cells = (JSON.parse(figure.chart.vega) as { data: Array<{ values?: Array<{ value: number; fill: string; ink: string }> }> }).data.flatMap((d) => d.values ?? []);
    const palette = scheme('blueorange') as (t: number) => string;
    const cell = (value: number) => cells.find((c) => c.value === value);
    expect(hex(cell(141.2)?.fill ?? '')).toBe(hex(palette(0.95)));
    expect(hex(cell(100.1)?.fill ?? '')).toBe(hex(palette(0.5011)));
    expect(cell(100.1)?.ink).toBe(DARK_INK);
    expect(svg).toContain(`fill="${hex(palette(0.95))}"`);
    expect(figure.chart.description).toContain('Highest: Crop output in 2016 (141.2). Lowest: Crop output in 2018 (80.3).');
  });

  it('matrix: a text table drawn as filled and empty cells, counted per row', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'mx', title: 'Which programme serves which purpose', table: 'matrix', preset: 'matrix' }));
    expect(accessible(svg, 'mx', 'Which programme serves which purpose')).toBe(true);
    // 3 programmes × 3 purposes (the period column is text, not a mark, and is left out).
    expect(markItems(svg, 'rect')).toBe(9);
    expect((svg.match(/fill-opacity="1"/g) ?? []).length).toBe(4);
    expect(dataView(html)).toEqual([
      ['Name', 'Sales growth', 'Investment growth', 'Digital competencies'],
      ['Industrial programme', '✓', '✓', ''],
      ['Export strategy', '✓', '', ''],
      ['Digital Kazakhstan', '', '', '✓'],
    ]);
    expect(figure.chart.description).toBe(
      'Which programme serves which purpose. 3 rows × 3 columns; 4 of 9 cells filled. Industrial programme: 2 of 3; Export strategy: 1 of 3; Digital Kazakhstan: 1 of 3.',
    );
  });

  it('matrix: draws the state programmes × purposes table of the report', async () => {
    const { readFileSync } = await import('node:fs');
    const { tablesOf } = await import('./chart-fixtures.ts');
    const table = JSON.parse(readFileSync('data/state-programmes-support-matrix.json', 'utf8')) as { rows: Array<{ id: string; cells: Record<string, unknown> }>; columns: unknown[] };
    const { svg, html } = await renderFigure(block({ id: 'support', title: 'Programmes', table: 'state-programmes-support-matrix', preset: 'matrix' }), { tables: tablesOf(table) });
    const ticks = table.rows.reduce((n, r) => n + Object.entries(r.cells).filter(([k, v]) => k !== 'period' && v !== null).length, 0);
    expect((svg.match(/fill-opacity="1"/g) ?? []).length).toBe(ticks);
    expect(dataView(html)).toHaveLength(table.rows.length + 1);
    expect(dataView(html)[0]).toHaveLength(table.columns.length); // every column but "period", plus the names
  });

  it('matrix: refuses a numeric table', async () => {
    await expect(renderFigure(block({ id: 'mx', title: 'T', table: 'harvest', preset: 'matrix' }))).rejects.toThrow('chart "mx": preset "matrix" draws a text table, but "harvest" holds numbers');
  });
});

describe('small multiples', () => {
  it('draws one panel per row on a shared scale', async () => {
    const { svg, html } = await renderFigure(block({ id: 'sm', title: 'Each crop', table: 'harvest', preset: 'small-multiples', rows: ['cereals', 'sunflower'], wrap: 2 }));
    expect(accessible(svg, 'sm', 'Each crop')).toBe(true);
    expect(markItems(svg, 'line')).toBe(2);
    expect(marks(svg, 'line')).toBe(2); // one line mark per panel
    expect(svg).toContain('>Cereals</text>');
    expect(svg).toContain('>Sunflower</text>');
    expect(dataView(html)).toEqual(HARVEST_VIEW);
  });
});

describe('portfolio', () => {
  const portfolio = {
    id: 'pf',
    title: 'Specialised and growing',
    table: 'regions',
    preset: 'portfolio',
    x: { period: '2019', indicator: 'location-quotient', within: 'regions-grp' },
    y: { period: '2022', indicator: 'growth-rate', base: '2019' },
    size: '2022',
    highlight: ['west-kazakhstan'],
    rows: ['akmola', 'west-kazakhstan', 'atyrau'],
  };

  it('places one bubble per unit by specialisation and growth, sized by output', async () => {
    const { svg, html, figure } = await renderFigure(block(portfolio));
    expect(accessible(svg, 'pf', 'Specialised and growing')).toBe(true);
    expect(markItems(svg, 'symbol')).toBe(3);
    expect(marks(svg, 'rule')).toBe(2); // LQ = 1, and Kazakhstan's growth
    expect(svg).toContain('>W. Kaz.</text>'); // territorial units get their short names
    // LQ of Akmola, 2019: (1000 / 10000) ÷ (17000 / 170000) = 1.00; growth (1100 ÷ 1000 − 1) × 100 = 10.0
    // West Kazakhstan: (1040 / 9600) ÷ 0.1 = 1.08; (1140 ÷ 1040 − 1) × 100 = 9.6. Atyrau: (1030 / 9700) ÷ 0.1 = 1.06; 9.7
    expect(dataView(html)).toEqual([
      ['Name', 'location quotient, 2019', 'growth 2019–2022, %', 'million tenge, 2022'],
      ['Region akmola', '1.00', '10.0', '1,100'],
      ['Region west-kazakhstan', '1.08', '9.6', '1,140'],
      ['Region atyrau', '1.06', '9.7', '1,130'],
    ]);
    expect(figure.chart.data.alsoTables.map((t) => t.id)).toEqual(['regions-grp']);
    expect(html).toContain('data/#table-regions-grp'); // both tables are sources
    expect(figure.chart.description).toContain('Highest location quotient, 2019: Region west-kazakhstan (1.08)');
  });

  it('asks for the measures it needs', async () => {
    await expect(renderFigure(block({ id: 'pf', title: 'T', table: 'regions', preset: 'portfolio', x: '2019' }))).rejects.toThrow('chart "pf": preset "portfolio" needs "y", "size"');
    await expect(renderFigure(block({ ...portfolio, x: { period: '2019', indicator: 'location-quotient' } }))).rejects.toThrow('"x": a location quotient needs "within"');
  });
});

describe('map', () => {
  it.skipIf(!HAS_GEO)('choropleth: colours the units on the boundaries, credits them, names highest and lowest', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'wko', title: 'Districts', table: 'wko-values', preset: 'map' }), { boundariesDir: GEO_DIR });
    expect(accessible(svg, 'wko', 'Districts')).toBe(true);
    expect(markItems(svg, 'shape')).toBe(13);
    expect(svg.length).toBeLessThan(60_000);
    expect(html).toContain('Boundaries: geokz (A. Rodionov), CC BY 4.0, based on OCHA HDX COD-AB Kazakhstan.');
    expect(dataView(html)).toEqual([['Name', '2020'], ...WKO_IDS.map((id, i) => [`${id[0]?.toUpperCase()}${id.slice(1)} district`, ((i + 1) * 10.5).toFixed(1)])]);
    expect(figure.chart.description).toBe('Districts (million tenge, 2020). Map of 13 units, 2020. Highest: Chingirlau district (136.5); lowest: Uralsk district (10.5).');
  });

  it('tile grid: one tile per unit when no boundaries are available', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'wko', title: 'Districts', table: 'wko-values', preset: 'map' }), { boundariesDir: emptyDir() });
    expect(accessible(svg, 'wko', 'Districts')).toBe(true);
    expect(marks(svg, 'shape')).toBe(0);
    // 13 coloured tiles; the 2 spare places of the 5 × 3 grid stay empty
    expect(markItems(svg, 'rect')).toBe(13);
    expect(svg).toContain('>Baiterek</text>');
    expect(svg).toContain('>63.0</text>');
    expect(html).not.toContain('Boundaries:');
    expect(dataView(html)[6]).toEqual(['Baiterek district', '63.0']);
    expect(figure.chart.data.credits).toEqual([]);
  });

  it.skipIf(!HAS_GEO)('colours by the classes of a text table, a "High (…)" cell in class High', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'typ', title: 'Levels', table: 'classes', preset: 'map', column: 'level', classes: ['High', 'Average', 'Low'] }), { boundariesDir: GEO_DIR });
    expect(markItems(svg, 'shape')).toBe(13);
    expect(dataView(html)[6]).toEqual(['baiterek unit', 'High (third, after Uralsk and Burli)']);
    expect(figure.chart.description).toContain('High: uralsk unit, zhanakala unit, baiterek unit, kaztalovka unit, syrym unit, chingirlau unit; Average: burli unit');
    expect(figure.chart.data.records.find((r) => r.key === 'baiterek')?.className).toBe('High');
  });

  it.skipIf(!HAS_GEO)('diverges around 1 for a ratio and refuses units the 2018 boundaries do not have', async () => {
    const { figure } = await renderFigure(block({ id: 'kz', title: 'Regions', table: 'regions', preset: 'map', period: '2019', midpoint: 1, transform: 'share' }), { boundariesDir: GEO_DIR });
    expect(figure.chart.data.records).toHaveLength(KZ_2019_IDS.length);
    await expect(renderFigure(block({ id: 'kz', title: 'Regions', table: 'regions', preset: 'map', period: '2022' }), { boundariesDir: GEO_DIR })).rejects.toThrow(
      'chart "kz": the boundary file has no shape for abay',
    );
    // The tile grid has a place for Abay region.
    const tiles = await renderFigure(block({ id: 'kz', title: 'Regions', table: 'regions', preset: 'map', period: '2022', map: 'tiles' }), { boundariesDir: GEO_DIR });
    expect(tiles.svg).toContain('>Abay</text>');
  });

  it('refuses a choropleth without boundaries, and rows that are not units of a map', async () => {
    await expect(renderFigure(block({ id: 'm', title: 'T', table: 'wko-values', preset: 'map', map: 'choropleth' }), { boundariesDir: emptyDir() })).rejects.toThrow('chart "m": no boundary file for the map "wko-units"');
    await expect(renderFigure(block({ id: 'm', title: 'T', table: 'harvest', preset: 'map' }))).rejects.toThrow('chart "m": no map has units for the rows cereals, sunflower');
  });
});

describe('raw Vega-Lite', () => {
  it('gets the table injected as records', async () => {
    const spec = { mark: 'bar', encoding: { x: { field: 'period', type: 'ordinal' }, y: { field: 'value', type: 'quantitative' } } };
    const { svg, html } = await renderFigure(block({ id: 'raw', title: 'Raw', table: 'harvest', preset: 'raw', rows: ['cereals', 'sunflower'], spec }));
    expect(accessible(svg, 'raw', 'Raw')).toBe(true);
    expect(markItems(svg, 'rect')).toBe(6);
    expect(dataView(html)).toEqual(HARVEST_VIEW);
  });
});

describe('locale', () => {
  it('formats axes, labels, the Data view and the description for Russian pages', async () => {
    const { svg, html, figure } = await renderFigure(block({ id: 'heat', title: 'Индексы', table: 'indices', preset: 'heatmap' }), { locale: 'ru' });
    expect(svg).toContain('>141,2</text>');
    expect(dataView(html)[1]).toEqual(['Crop output', '141,2', '88,9', '80,3']);
    expect(figure.chart.description).toContain('Crop output: 141,2 в 2016 г., 80,3 в 2018 г.');
    expect(figure.chart.description).not.toContain('г..');
  });
});
