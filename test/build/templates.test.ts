/**
 * Templated chapters: one Markdown file written once, one page per unit, with the unit bound in
 * references, blocks, the title and the text; the table of the pages; the rule for a unit without
 * a value; the URL scheme and the numbering; and every error naming the template, its line and
 * the unit.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { memoryFiles, type ProjectFiles } from '../../scripts/io.ts';
import { json, page } from '../helpers/fixture-project.ts';

/** Three districts of a region that is not Kazakhstan; the third was formed in 2021. */
const GEOGRAPHY = {
  id: 'districts',
  title: 'Districts of Northland',
  unitWord: { en: ['district', 'districts'], ru: ['район', 'районов'] },
  tiles: { columns: 2, rows: 2 },
  units: [
    { id: 'fjordby', name: { en: 'Fjordby District', ru: 'Фьордбю' }, short: 'Fjordby', tile: [0, 0] },
    { id: 'skog', name: { en: 'Skog District', ru: 'Скуг' }, short: 'Skog', tile: [1, 0] },
    { id: 'havn', name: { en: 'Havn District', ru: 'Хавн' }, short: 'Havn', tile: [0, 1] },
  ],
};

const OUTPUT = {
  id: 'output',
  title: { en: 'Gross output by district', ru: 'Валовой выпуск по районам' },
  unit: 'thousand t',
  decimals: 1,
  source: { ref: 'office' },
  periods: ['2019', '2022'],
  rows: [
    { id: 'region', label: 'Northland', role: 'total', values: { 2019: 200, 2022: 230 } },
    // 120.5 / 100 × 100 − 100 = 20.5 % growth; rank 1 of 3 in 2022
    { id: 'fjordby', label: 'Fjordby', role: 'component', values: { 2019: 100, 2022: 120.5 } },
    // 78.3 / 80 × 100 − 100 = −2.125 → −2.1 %: a fall; rank 2
    { id: 'skog', label: 'Skog', role: 'component', values: { 2019: 80, 2022: 78.3 } },
    { id: 'havn', label: 'Havn', role: 'component', values: { 2019: null, 2022: 31.2 }, missing: { 2019: 'the district was formed in 2021' } },
  ],
};

const CHAPTER = `Every district has a page of its own.

\`\`\`pages
title: Districts by output
columns:
  - label: Output 2022, thousand t
    value: output.{district}.2022
  - label: Growth 2019–2022, %
    value: growth-rate(output.{district}, 2022, 2019)
sort: 1
\`\`\`
`;

const TEMPLATE = (extra = '') => `---
title: "{district.name}: output"
short: "{district.short}"
summary: Output of {district.name}.
repeat:
  geography: districts
---
Output of {district.name} in 2022: {=output.{district}.2022} thousand t, {=growth-rate(output.{district}, 2022, 2019)|change} since 2019.
It ranks {=rank(output.{district}, 2022)|rank} districts by output, {=rank(output.{district}, 2022)|ordinal} in the region.
${extra}
\`\`\`chart
id: output-trend
title: "{district.short} against the region"
table: output
rows: [{district}, region]
\`\`\`
`;

const RU_TEMPLATE = `---
title: "{district.name}: выпуск"
repeat:
  geography: districts
---
Выпуск района {district.name}: {=output.{district}.2022} тыс. т, {=growth-rate(output.{district}, 2022, 2019)|change}.
`;

function project(files: Record<string, string> = {}): ProjectFiles {
  return memoryFiles({
    'report.config.json': json({ languages: ['en', 'ru'] }),
    'data/geographies/districts.json': json(GEOGRAPHY),
    'data/output.json': json(OUTPUT),
    'data/references.json': json([{ id: 'office', type: 'dataset', title: 'District accounts' }]),
    'content/en/index.md': page('title: Northland', 'Home.\n'),
    'content/ru/index.md': page('title: Нортленд', 'Главная.\n'),
    'content/en/01-districts.md': page('title: The districts', CHAPTER),
    'content/en/01-districts/[district].md': TEMPLATE(),
    'content/ru/01-districts.md': page('title: Районы', 'Страницы районов.\n'),
    'content/ru/01-districts/[district].md': RU_TEMPLATE,
    ...files,
  });
}

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describe('a templated chapter', () => {
  it('publishes one page per unit at /<language>/<chapter>/<unit>/, numbered as sections of its chapter', async () => {
    const report = await buildReport(project());
    const en = report.pages.filter((p) => p.locale === 'en').map((p) => [p.url, p.number, p.section ?? '', p.title]);
    expect(en).toEqual([
      ['/en/', 0, '', 'Northland'],
      ['/en/districts/', 1, '', 'The districts'],
      ['/en/districts/fjordby/', 0, '1.1', 'Fjordby District: output'],
      ['/en/districts/skog/', 0, '1.2', 'Skog District: output'],
      ['/en/districts/havn/', 0, '1.3', 'Havn District: output'],
    ]);
    const ru = report.pages.filter((p) => p.locale === 'ru' && p.parent === 'districts').map((p) => [p.url, p.title]);
    expect(ru).toEqual([
      ['/ru/districts/fjordby/', 'Фьордбю: выпуск'],
      ['/ru/districts/skog/', 'Скуг: выпуск'],
      ['/ru/districts/havn/', 'Хавн: выпуск'],
    ]);
  });

  it('binds the unit in references, phrases, chart blocks and text, for each unit', async () => {
    const report = await buildReport(project());
    const fjordby = report.pages.find((p) => p.url === '/en/districts/fjordby/')!;
    const skog = report.pages.find((p) => p.url === '/en/districts/skog/')!;
    expect(text(fjordby.html)).toContain('Output of Fjordby District in 2022: 120.5 thousand t, rose by 20.5 % since 2019.');
    expect(text(skog.html)).toContain('Output of Skog District in 2022: 78.3 thousand t, fell by 2.1 % since 2019.');
    // Ranked among the three districts (not the region's total row): 120.5 > 78.3 > 31.2.
    expect(text(fjordby.html)).toContain('It ranks 1st of 3 districts by output, 1st in the region.');
    expect(text(skog.html)).toContain('It ranks 2nd of 3 districts by output, 2nd in the region.');
    expect(text(report.pages.find((p) => p.url === '/en/districts/havn/')!.html)).toContain('It ranks 3rd of 3 districts by output, 3rd in the region.');
    // Figures of a templated page are numbered within its section, titled for its unit.
    expect(fjordby.figures.map((f) => [f.number, f.title])).toEqual([['1.1.1', 'Fjordby against the region']]);
    expect(skog.figures.map((f) => [f.number, f.title])).toEqual([['1.2.1', 'Skog against the region']]);
    const ruSkog = report.pages.find((p) => p.url === '/ru/districts/skog/')!;
    expect(text(ruSkog.html)).toContain('Выпуск района Скуг: 78,3 тыс. т, снижение на 2,1 %.');
  });

  it('says on a unit\'s page that a value is missing, with the reason, instead of stopping', async () => {
    const report = await buildReport(project());
    const havn = report.pages.find((p) => p.url === '/en/districts/havn/')!;
    expect(text(havn.html)).toContain('Output of Havn District in 2022: 31.2 thousand t, no data since 2019.');
    expect(havn.calculations.map((c) => text(c.html))).toContainEqual(expect.stringContaining('(the district was formed in 2021)'));
  });

  it('stops the build where the template requires a value, naming the template, its line and the unit', async () => {
    const files = project({ 'content/en/01-districts/[district].md': TEMPLATE().replace('|change}', '|change|required}') });
    await expect(buildReport(files)).rejects.toMatchObject({
      file: 'content/en/01-districts/[district].md',
      line: 8,
      message: '{=growth-rate(output.havn, 2022, 2019)|change|required}: no value for district "havn", and the template requires one',
    });
  });

  it('says so when a unit has no row in a table, unless required', async () => {
    const withoutHavn = { ...OUTPUT, rows: OUTPUT.rows.filter((r) => r.id !== 'havn') };
    const report = await buildReport(project({ 'data/output.json': json(withoutHavn) }));
    const havn = report.pages.find((p) => p.url === '/en/districts/havn/')!;
    expect(text(havn.html)).toContain('Output of Havn District in 2022: no data thousand t');
    expect(havn.calculations.map((c) => text(c.html))).toContainEqual(expect.stringContaining('(Gross output by district: no figure for Havn District)'));
    const required = project({ 'data/output.json': json(withoutHavn), 'content/en/01-districts/[district].md': TEMPLATE().replace('{=output.{district}.2022}', '{=output.{district}.2022|required}') });
    await expect(buildReport(required)).rejects.toMatchObject({ file: 'content/en/01-districts/[district].md', line: 8, message: '{=output.havn.2022|required}: table "output" has no row "havn" (on the page of district "havn")' });
  });

  it('lists its pages in a sortable table of computed figures, sorted by the block\'s column', async () => {
    const report = await buildReport(project());
    const chapter = report.pages.find((p) => p.url === '/en/districts/')!;
    expect(chapter.sortable).toBe(true);
    const rows = [...chapter.html.matchAll(/<tr><th scope="row"><a href="([^"]+)">([^<]+)<\/a><\/th>(.*?)<\/tr>/g)].map((m) => [m[1], m[2], text(m[3] ?? '')]);
    // Sorted by 2022 output, largest first.
    expect(rows).toEqual([
      ['/en/districts/fjordby/', 'Fjordby District', '120.520.5'],
      ['/en/districts/skog/', 'Skog District', '78.3−2.1'],
      ['/en/districts/havn/', 'Havn District', '31.2no data'],
    ]);
    expect(chapter.html).toContain('<td class="num-col" data-value="-2.125000" title="−2.1 = (78.3 ÷ 80 − 1) × 100">−2.1</td>');
  });

  it('links each page\'s {@fig:…} to its own figure; a figure of that id on several other pages is ambiguous', async () => {
    const template = TEMPLATE('As {@fig:output-trend} shows.');
    const report = await buildReport(project({ 'content/en/01-districts/[district].md': template }));
    const skog = report.pages.find((p) => p.url === '/en/districts/skog/')!;
    expect(skog.html).toContain('As <a class="xref" href="/en/districts/skog/#fig-output-trend">Figure 1.2.1</a> shows.');
    const elsewhere = project({ 'content/en/01-districts/[district].md': template, 'content/en/02-notes.md': page('title: Notes', 'See {@fig:output-trend}.\n') });
    await expect(buildReport(elsewhere)).rejects.toMatchObject({
      file: 'content/en/02-notes.md',
      line: 4,
      message: '{@fig:output-trend} could mean the figure of that id on 3 pages',
    });
  });

  it('names the template, the line and the placeholder of a field a unit does not have', async () => {
    const files = project({ 'content/en/01-districts/[district].md': TEMPLATE('The {district.capital} is the largest town.') });
    await expect(buildReport(files)).rejects.toMatchObject({ file: 'content/en/01-districts/[district].md', line: 10, message: '{district.capital}: a unit has no "capital"' });
  });

  it('names a geography that does not exist, and a template without its chapter', async () => {
    await expect(buildReport(project({ 'content/en/01-districts/[district].md': TEMPLATE().replace('geography: districts', 'geography: distrcts') }))).rejects.toMatchObject({
      file: 'content/en/01-districts/[district].md',
      line: 5,
      message: 'the template repeats over geography "distrcts", which does not exist',
      fix: 'did you mean "districts"?',
    });
    const files = project();
    const orphan = memoryFiles({ ...Object.fromEntries(await Promise.all((await files.list('', { recursive: true })).filter((f) => f !== 'content/en/01-districts.md').map(async (f) => [f, new TextDecoder().decode(await files.readFile(f))]))) });
    await expect(buildReport(orphan)).rejects.toMatchObject({ message: 'the template\'s chapter "districts" does not exist in en' });
  });
});
