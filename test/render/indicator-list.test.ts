import { describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { ContentError } from '../../scripts/errors.ts';
import { indicatorListHtml, listedIndicators } from '../../scripts/render/indicator-list.ts';
import { fixtureFiles, page } from '../helpers/fixture-project.ts';
import { lang } from '../helpers/languages.ts';

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the build to fail');
    },
    (e: unknown) => e as ContentError,
  );
const methodology = (locale: string, block: string) => ({ [`content/${locale}/05-methodology.md`]: page('title: Methodology', `Intro.\n\n\`\`\`indicators\n${block}\`\`\`\n`) });

describe('the ```indicators block of a methodology page', () => {
  it('lists one group with titles in the page language, formulas as MathML and notes', async () => {
    const report = await buildReport(fixtureFiles({ ...methodology('en', 'group: comparison\n'), ...methodology('ru', 'group: comparison\n') }));
    const en = report.pages.find((p) => p.locale === 'en' && p.slug === 'methodology')?.html ?? '';
    const ru = report.pages.find((p) => p.locale === 'ru' && p.slug === 'methodology')?.html ?? '';
    expect(en).toContain('<dl class="indicator-list">');
    expect(en).toContain('<dt>Rank <code>rank</code></dt>');
    expect(en).toContain('<dt>Percentile rank <code>percentile</code></dt>');
    expect(en).not.toContain('<code>base-index</code>');
    expect(en).toMatch(/<dd><div class="math-display"><span class="katex"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML" display="block">/);
    expect(en).toContain('<p>How many places a row moved among the rows of its table between two periods: positive = up, negative = down.</p>');
    expect(ru).toContain('<dt>Место (ранг) <code>rank</code></dt>');
    expect(ru).toContain('<dt>Изменение места <code>rank-change</code></dt>');
  });

  it('lists the indicators named, in that order, or every indicator', () => {
    expect(listedIndicators({ ids: ['share', 'base-index'] }).map((d) => d.id)).toEqual(['share', 'base-index']);
    expect(listedIndicators({})).toHaveLength(33);
    // escaped like every text of a page
    expect(indicatorListHtml({ ids: ['hhi'] }, lang('kk'))).toContain('<dt>Херфиндаль–Хиршман индексі <code>hhi</code></dt>');
  });

  it('stops the build at the line of an unknown indicator or group', async () => {
    const unknownId = await failure(buildReport(fixtureFiles(methodology('en', 'ids: [base-index, rnak]\n'))));
    expect(unknownId).toBeInstanceOf(ContentError);
    expect(unknownId.message).toBe('indicators block: unknown indicator "rnak"');
    expect(unknownId.where).toBe('content/en/05-methodology.md:7');
    expect(unknownId.fix).toBe('did you mean "rank"?');
    const unknownGroup = await failure(buildReport(fixtureFiles(methodology('en', 'group: growth\n'))));
    expect(unknownGroup.message).toMatch(/^indicators option "group" is invalid/);
    expect(unknownGroup.line).toBe(7);
  });
});

describe('comparisons and typologies in a page', () => {
  const grp = {
    id: 'grp',
    title: 'Output',
    unit: 'thousand t',
    decimals: 0,
    source: { ref: 'seed000' },
    periods: ['2022'],
    rows: [
      { id: 'country', label: 'Country', role: 'total', values: { '2022': 800 } },
      { id: 'north', label: 'North', values: { '2022': 300 } },
      { id: 'south', label: 'South', values: { '2022': 300 } },
      { id: 'east', label: 'East', values: { '2022': 200 } },
    ],
  };
  const typology = { kind: 'derived', id: 'typology', compute: 'rank-score', from: 'grp', indicators: [{ table: 'grp', better: 'higher' }], classes: [{ label: { en: 'High', ru: 'Высокий' }, min: 0 }, { label: { en: 'Low', ru: 'Низкий' } }], decimals: 2, title: { en: 'Typology', ru: 'Типология' }, source: { ref: 'seed000' } };
  const files = (body: string) => fixtureFiles({ 'data/grp.json': JSON.stringify(grp), 'data/typology.json': JSON.stringify(typology), 'content/ru/01-regions.md': page('title: Регионы', body) });

  it('shows a rank with its formula, and a class by its name in the page language', async () => {
    // rank: 300 = 300 > 200: north 1st (tied). Grades (mean 800 ÷ 3 = 266.67 ranks 3rd): north 3 − 1.5 = 1.5, east 3 − 4 = −1
    const report = await buildReport(files('Место {=rank(grp.north, 2022)}; класс {=rank-score(typology.north, 2022, class)}, {=rank-score(typology.east, 2022, class)}.\n'));
    const html = report.pages.find((p) => p.slug === 'regions')?.html ?? '';
    expect(html).toContain('title="1 = 1 + #{x_j &gt; x_i} = 1 + 0">1</a>');
    expect(html).toContain('title="Высокий = 1,5 ≥ 0">Высокий</a>');
    expect(html).toContain('>Низкий</a>');
  });
});
