import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { ChartError, ContentError, ReportErrors } from '../../scripts/errors.ts';
import { fixtureFiles, json, numericTable, page } from '../helpers/fixture-project.ts';

const chapter = (body: string, frontMatter = 'title: Harvest') => ({ 'content/en/01-harvest.md': page(frontMatter, body) });

describe('buildReport', () => {
  it('computes inline references from the tables and links each to its formula', async () => {
    const report = await buildReport(fixtureFiles(chapter('Cereals reached {=base-index(harvest.cereals, 2019, 2015)} % of 2015 ({=harvest.cereals.2019} thousand t).\n')));
    const html = report.pages.find((p) => p.slug === 'harvest')?.html ?? '';
    // 157.4 / 86.4 × 100 = 182.175… → 182.2
    expect(html).toContain('<a class="num" href="#calc-1" id="calc-ref-1" title="182.2 = 157.4 ÷ 86.4 × 100">182.2</a>');
    expect(html).toContain('>157.4</a>');
    expect(report.pages.find((p) => p.slug === 'harvest')?.calculations[0]?.html).toContain('Gross harvest</a>: Cereals, 2019, 2015');
  });

  it('formats numbers for Russian pages with a decimal comma', async () => {
    const report = await buildReport(fixtureFiles({ 'content/ru/01-harvest.md': page('title: Сбор', 'Индекс {=base-index(harvest.cereals, 2019, 2015)}.\n') }));
    expect(report.pages.find((p) => p.locale === 'ru')?.html).toContain('>182,2</a>');
  });

  it('computes a share against the total row and honours requested decimals', async () => {
    const report = await buildReport(fixtureFiles(chapter('{=share(harvest.sunflower, 2019)|2}\n')));
    // 38.7 / 196.1 × 100 = 19.734…
    expect(report.pages.find((p) => p.slug === 'harvest')?.html).toContain('>19.73</a>');
  });

  it('resolves named values from the front matter', async () => {
    const report = await buildReport(fixtureFiles(chapter('Index {=growth}.\n', 'title: H\nvalues:\n  growth: "chain-index(harvest.total, 2016)"')));
    // 222.4 / 93.6 × 100 = 237.606…
    expect(report.pages.find((p) => p.slug === 'harvest')?.html).toContain('>237.6</a>');
  });

  it('names the Markdown file and file line (front matter counted) of a reference to an unknown table', async () => {
    const error = await buildReport(fixtureFiles(chapter('Line one.\n\nSee {=harvests.cereals.2019}.\n', 'title: H\nsummary: S'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    const e = error as ContentError;
    expect(e.where).toBe('content/en/01-harvest.md:7');
    expect(e.message).toBe('{=harvests.cereals.2019}: unknown table "harvests"');
    expect(e.fix).toBe('did you mean "harvest"?');
  });

  it('reports an unknown row, an unknown period and an unknown indicator together', async () => {
    const error = await buildReport(fixtureFiles(chapter('{=harvest.wheat.2019}\n\n{=harvest.cereals.2020}\n\n{=index(harvest.cereals, 2019)}\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportErrors);
    expect((error as ReportErrors).errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '4: {=harvest.wheat.2019}: table "harvest" has no row "wheat"',
      '6: {=harvest.cereals.2020}: table "harvest" has no period "2020"',
      '8: {=index(harvest.cereals, 2019)}: unknown indicator "index"',
    ]);
  });

  it('renders a chart block to an inline SVG figure with number, accessible name and Data view', async () => {
    const report = await buildReport(fixtureFiles(chapter('```chart\nid: crops\ntitle: Cereals dominate\ntable: harvest\nrows: [cereals, sunflower]\n```\n\nSee {@fig:crops}.\n')));
    const html = report.pages.find((p) => p.slug === 'harvest')?.html ?? '';
    expect(html).toContain('<figure class="figure" id="fig-crops">');
    expect(html).toContain('<span class="figure-number">Figure 1.1.</span>');
    expect(html).toMatch(/<svg[^>]+role="img" aria-labelledby="fig-crops-svg-title" aria-describedby="fig-crops-svg-desc"><title id="fig-crops-svg-title">Cereals dominate<\/title>/);
    expect(html).toContain('<path'); // the line marks
    expect(html).toContain('<td>157.4</td>');
    expect(html).toContain('<a class="xref" href="/en/harvest/#fig-crops">Figure 1.1</a>');
  });

  it('names the file and line of a chart that refers to an unknown table', async () => {
    const error = await buildReport(fixtureFiles(chapter('Intro.\n\n```chart\nid: crops\ntitle: T\ntable: harvset\n```\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).where).toBe('content/en/01-harvest.md:6');
    expect((error as ChartError).message).toBe('chart "crops": unknown table "harvset"');
  });

  it('rejects an unknown chart preset with the line of the preset', async () => {
    const error = await buildReport(fixtureFiles(chapter('```chart\nid: crops\ntitle: T\ntable: harvest\npreset: pie\n```\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toBe('unknown chart preset "pie"');
    expect((error as ChartError).line).toBe(8);
  });

  it('rejects a raw Vega-Lite spec that encodes a field the data does not have', async () => {
    const spec = '  mark: bar\n  encoding:\n    x: {field: year, type: ordinal}\n    y: {field: value, type: quantitative}';
    const error = await buildReport(fixtureFiles(chapter(`\`\`\`chart\nid: raw\ntitle: T\ntable: harvest\npreset: raw\nspec:\n${spec}\n\`\`\`\n`))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartError);
    expect((error as ChartError).message).toBe('chart "raw" encodes field "year" (at encoding.x.field) that the data does not have');
  });

  it('rejects an invalid Vega-Lite spec', async () => {
    const error = await buildReport(fixtureFiles(chapter('```chart\nid: raw\ntitle: T\ntable: harvest\npreset: raw\nspec:\n  mark: {type: nonsense}\n```\n'))).catch((e: unknown) => e);
    expect((error as ChartError).message).toMatch(/^chart "raw" is not valid Vega-Lite/);
  });

  it('rejects a cross-reference to a missing figure', async () => {
    const error = await buildReport(fixtureFiles(chapter('See {@fig:nothing}.\n'))).catch((e: unknown) => e);
    expect((error as ContentError).message).toBe('{@fig:nothing} refers to a figure that does not exist');
    expect((error as ContentError).line).toBe(4);
  });

  it('escapes HTML from data and front matter and refuses javascript: links', async () => {
    const report = await buildReport(
      fixtureFiles(chapter('<script>alert(1)</script> [x](javascript:alert(1))\n\n```chart\nid: c\ntitle: "<img src=x onerror=alert(1)>"\ntable: harvest\n```\n')),
    );
    const html = report.pages.find((p) => p.slug === 'harvest')?.html ?? '';
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('inline functions across tables', () => {
  const area = numericTable('area', 'thousand ha', { cereals: { '2015': 100, '2016': 120, '2019': 130 } }, { title: 'Area', source: { ref: 'seed000' } });
  const volume = numericTable('volume', '% of previous year', { cereals: { '2015': 90, '2016': 150, '2019': 110 } }, { title: 'Volume', source: { ref: 'seed000' } });
  const render = async (body: string) => {
    const report = await buildReport(fixtureFiles({ 'data/area.json': json(area), 'data/volume.json': json(volume), ...chapter(body) }));
    return report.pages.find((p) => p.slug === 'harvest')?.html ?? '';
  };

  it('computes a yield from a harvest table and an area table in c/ha', async () => {
    // 157.4 thousand t × 10 / 130 thousand ha = 12.107… c/ha
    expect(await render('{=yield(harvest.cereals, area.cereals, 2019)}\n')).toContain('>12.1</a>');
  });

  it('chains annual indices and splits nominal growth into volume and price', async () => {
    // chained 2016–2019: 150 × 110 / 100 = 165.0; nominal 157.4 / 86.4 × 100 = 182.18…; price 182.18 / 165 × 100 = 110.41…
    const html = await render('{=cumulative-index(volume.cereals, 2019, 2015)} and {=implied-price-index(harvest.cereals, volume.cereals, 2019, 2015)}\n');
    expect(html).toContain('>165.0</a>');
    expect(html).toContain('>110.4</a>');
  });

  it('refuses to add values in different units', async () => {
    const error = await render('{=sum(harvest.cereals.2019, area.cereals.2019)}\n').catch((e: unknown) => e);
    expect((error as Error).message).toBe('{=sum(harvest.cereals.2019, area.cereals.2019)}: cannot add values in different units (thousand t, thousand ha)');
  });

  it('computes a percentage ratio of two cells', async () => {
    // 38.7 / 196.1 × 100 = 19.73…
    expect(await render('{=ratio(harvest.sunflower.2019, harvest.total.2019, 100)}\n')).toContain('>19.7</a>');
  });
});

describe('tables, citations and math in chapters', () => {
  const references = JSON.stringify([{ id: 'seed004', type: 'article-journal', title: 'Prospects', author: [{ family: 'Imashev', given: 'E.' }], issued: { 'date-parts': [[2016]] } }]);
  const render = async (body: string) => {
    const report = await buildReport(fixtureFiles({ 'data/references.json': references, ...chapter(body) }));
    return report.pages.find((p) => p.slug === 'harvest')?.html ?? '';
  };

  it('numbers a table block per chapter and resolves {@tab:…} to it', async () => {
    const html = await render('As {@tab:crops} shows.\n\n```table\nid: crops\ntable: harvest\nrows: [cereals, total]\ncolumns: ["2015", "2019"]\n```\n');
    expect(html).toContain('<a class="xref" href="/en/harvest/#tab-crops">Table 1.1</a>');
    expect(html).toContain('<figure class="table-figure" id="tab-crops">');
    expect(html).toContain('<span class="figure-number">Table 1.1.</span> Gross harvest');
    expect(html).toContain('<td class="num-col">86.4</td><td class="num-col">157.4</td>');
    expect(html).not.toContain('Sunflower');
  });

  it('renders an author–year citation linked to the bibliography', async () => {
    expect(await render('As shown [@seed004, Table 1].\n')).toContain('<span class="citation">(<a class="cite" href="/en/references/#ref-seed004">Imashev, 2016</a>, Table 1)</span>');
  });

  it('renders a narrative citation and translates the locator on Russian pages', async () => {
    expect(await render('As @seed004 shows, (e.g. @seed004) but not a@b.\n')).toContain('As <span class="citation"><a class="cite" href="/en/references/#ref-seed004">Imashev (2016)</a></span> shows, (e.g. <span class="citation">');
    const report = await buildReport(fixtureFiles({ 'data/references.json': references, 'content/ru/01-harvest.md': page('title: Сбор', 'См. [@seed004, Table 1].\n') }));
    expect(report.pages.find((p) => p.locale === 'ru')?.html).toContain('Imashev, 2016</a>, Таблица 1)');
  });

  it('stops on a citation of an unknown work with its line', async () => {
    const error = await render('Text.\n\nAs shown [@porter1990].\n').catch((e: unknown) => e);
    expect((error as ContentError).message).toBe('[@porter1990] cites a work that is not in the bibliography');
    expect((error as ContentError).line).toBe(6);
  });

  it('renders TeX as MathML and rejects invalid TeX with its line', async () => {
    expect(await render('The index $I = x_t / x_b \\cdot 100$ and $5 and $6.\n')).toMatch(/<math[^>]*>.*<mi>I<\/mi>/s);
    const error = await render('Bad $\\frac{1$ here.\n').catch((e: unknown) => e);
    expect((error as ContentError).message).toMatch(/^invalid TeX/);
  });

  it('rejects a table block for an unknown row', async () => {
    const error = await render('```table\nid: t\ntable: harvest\nrows: [wheat]\n```\n').catch((e: unknown) => e);
    expect((error as ContentError).message).toBe('table block "t": table "harvest" has no row "wheat"');
    expect((error as ContentError).line).toBe(4);
  });
});

describe('diagrams', () => {
  const diamond = {
    id: 'diamond',
    kind: 'text',
    title: 'Diamond',
    source: { ref: 'seed001' },
    columns: [{ id: 'meaning', label: 'Meaning' }],
    rows: ['Factors', 'Demand', 'Related industries', 'Rivalry', 'Government', 'Chance'].map((label, i) => ({ id: `n${i}`, label, cells: { meaning: `about ${label.toLowerCase()}` } })),
  };
  const render = async (body: string) => {
    const report = await buildReport(fixtureFiles({ 'data/diamond.json': json(diamond), ...chapter(body) }));
    return report.pages.find((p) => p.slug === 'harvest')?.html ?? '';
  };

  it('draws a diamond from a text table, numbered together with charts in document order', async () => {
    const html = await render('```chart\nid: crops\ntitle: Crops\ntable: harvest\n```\n\n```diagram\nid: porter\ntype: diamond\ntable: diamond\ntitle: The diamond\n```\n\nSee {@fig:porter}.\n');
    expect(html).toContain('<span class="figure-number">Figure 1.2.</span> <span class="figure-title">The diamond</span>');
    expect(html).toContain('class="diagram-node diamond-top" id="porter-n0"><p class="node-title">Factors</p>');
    expect(html).toMatch(/<ul class="diamond-outside"><li class="diagram-node" id="porter-n4"><p class="node-title">Government<\/p>/);
    expect(html).toContain('<a class="xref" href="/en/harvest/#fig-porter">Figure 1.2</a>');
  });

  it('draws numbered process steps written in the block', async () => {
    const html = await render('```diagram\nid: stages\ntype: process\ntitle: Stages\nsteps:\n  - title: Identify\n    text: Find the members.\n  - title: Map\n```\n');
    expect(html).toContain('<ol class="diagram diagram-process"><li class="diagram-node" id="stages-step-1"><p class="node-title">Identify</p><p class="node-detail">Find the members.</p></li>');
  });

  it('rejects a diagram of a column the table does not have, with its line', async () => {
    const error = await render('Intro.\n\n```diagram\nid: d\ntype: cards\ntable: diamond\ncolumns: [role]\ntitle: T\n```\n').catch((e: unknown) => e);
    expect((error as ContentError).message).toBe('diagram "d": table "diamond" has no column "role"');
    expect((error as ContentError).line).toBe(6);
  });
});
