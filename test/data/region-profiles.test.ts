/**
 * The profiles of Kazakhstan's regions (content/<lang>/07-regions/[region].md): the real report's
 * files, loaded, derived, computed and rendered in memory as scripts/build.ts does, for the pages
 * of chapter 7. The chart stage is left out (the charts of these pages are checked in the built
 * site, test/site/): what is checked here is what the pages say.
 *
 * The expected figures are computed by hand from ../shared/data (kz_grp_by_region_bns.json,
 * kz_agri_output_by_region_2019_2022.json, kz_population_by_region_2020_2023.json), which
 * test/data/reference-tables.test.ts checks the tables of data/ against.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computePageTables } from '../../scripts/compute/compute-page-tables.ts';
import { computeReferences } from '../../scripts/compute/compute-references.ts';
import { deriveTables } from '../../scripts/compute/derive-tables.ts';
import { loadReferences } from '../../scripts/load/load-references.ts';
import { createMarkdown } from '../../scripts/render/markdown.ts';
import { renderPages, type PageView } from '../../scripts/render/render-pages.ts';
import { numberPages } from '../../scripts/validate/numbering.ts';
import { parsePages } from '../../scripts/validate/parse-pages.ts';
import { reportConfig, reportDefinitions, reportFiles, reportPages } from '../helpers/real-report.ts';

/** The 17 regions of the 2018 division, in the order of the statistics bureau's tables. */
const REGIONS = ['akmola', 'aktobe', 'almaty-region', 'atyrau', 'west-kazakhstan', 'zhambyl', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'pavlodar', 'north-kazakhstan', 'east-kazakhstan', 'astana', 'almaty-city', 'shymkent', 'turkistan'];
const LANGUAGES = ['en', 'ru', 'kk'] as const;

/** Chapter 7 and its profiles in every language, rendered from the report's own files. */
async function renderRegionsChapter(): Promise<PageView[]> {
  const config = await reportConfig();
  const { languages } = config;
  const definitions = await reportDefinitions(config);
  const md = createMarkdown();
  const pages = parsePages(md, await reportPages(config));
  const numbering = numberPages(pages, languages.codes);
  const tables = deriveTables(definitions);
  const chapter = pages.filter((p) => p.source.slug === 'regions' || p.source.slug.startsWith('regions/'));
  const values = computeReferences(chapter, tables, languages);
  const pageTables = computePageTables(chapter, tables, languages);
  const references = await loadReferences(reportFiles(), `${config.folders.data}/references.json`);
  return renderPages(md, chapter, { values, pageTables, figures: new Map(), numbering, tables, references, languages });
}

/** A page's text as a reader reads it: tags dropped, entities of spaces as spaces, runs of space as one. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;|\u00a0|\u202f/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:)])/g, '$1')
    .replace(/\( /g, '(')
    .trim();

/** The cells of the profile table's row whose first cell is `label`. */
function row(page: PageView, label: string): string[] {
  const rows = [...page.html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => text(c[1] ?? '').trim()));
  const found = rows.find((cells) => cells[0] === label);
  if (!found) throw new Error(`${page.url}: no table row "${label}"`);
  return found.slice(1);
}

let pages: PageView[];
const page = (url: string) => {
  const found = pages.find((p) => p.url === url);
  if (!found) throw new Error(`no page ${url}`);
  return found;
};
const profiles = () => pages.filter((p) => p.parent === 'regions');

beforeAll(async () => {
  pages = await renderRegionsChapter();
});

describe('the profiles of the regions of Kazakhstan', () => {
  it.each(LANGUAGES)('publishes the chapter at /%s/regions/ and a profile of each of the 17 regions of the 2018 division after it', (lang) => {
    expect(pages.filter((p) => p.locale === lang).map((p) => p.url)).toEqual([`/${lang}/regions/`, ...REGIONS.map((id) => `/${lang}/regions/${id}/`)]);
    // Abai, Zhetisu and Ulytau (formed in 2022) and South Kazakhstan (divided in 2018) have none.
    for (const id of ['abay', 'zhetisu', 'ulytau', 'south-kazakhstan']) expect(pages.some((p) => p.url.endsWith(`/${id}/`))).toBe(false);
  });

  it('names each region in full, in the language of its page', () => {
    expect(page('/en/regions/akmola/').title).toBe("Akmola Region: the economy and farming compared with Kazakhstan's other regions");
    expect(page('/ru/regions/akmola/').title).toBe('Экономика и сельское хозяйство: Акмолинская область в сравнении с другими регионами Казахстана');
    expect(page('/kk/regions/akmola/').title).toBe('Ақмола облысы: экономика мен ауыл шаруашылығы Қазақстанның басқа өңірлерімен салыстырғанда');
    expect(page('/ru/regions/astana/').title).toBe('Экономика и сельское хозяйство: город Астана в сравнении с другими регионами Казахстана');
    expect(page('/kk/regions/west-kazakhstan/').title).toMatch(/^Батыс Қазақстан облысы: /);
  });

  it('gives West Kazakhstan its figures, shares, growth and ranks, computed from the official statistics', () => {
    const wko = page('/en/regions/west-kazakhstan/');
    // GRP 2022 4,435,130.6 of 103,765,518.2 million tenge: 4,435,130.6 ÷ 103,765,518.2 × 100 = 4.274 → 4.3 %.
    // Six regions produced more: Almaty city 19,154,536.7, Atyrau 13,725,399.8, Astana 10,672,480.5,
    // Karaganda with Ulytau 7,278,059.2 + 1,609,739.8 = 8,887,799.0, East Kazakhstan with Abai
    // 3,916,818.1 + 2,383,753.4 = 6,300,571.5, Almaty region with Zhetisu 4,267,665.3 + 1,426,882.2 =
    // 5,694,547.5; Aktobe, next, produced 4,416,899.4: 7th of 17.
    // Growth: 4,435,130.6 ÷ 2,946,389.1 = 1.50528 → rose by 50.5 %; Kazakhstan 103,765,518.2 ÷ 69,532,626.5 = 1.49233 → 49.2 %.
    expect(text(wko.findings[0] ?? '')).toBe(
      "Gross regional product: 7th of 17. In 2022 the region produced 4,435,130.6 million tenge, 4.3 % of Kazakhstan’s gross domestic product. In current prices its GRP rose by 50.5 % from 2019 to 2022, 9th among the regions; in Kazakhstan as a whole it rose by 49.2 %.",
    );
    expect(row(wko, 'GRP, million tenge')).toEqual(['4,435,130.6', '103,765,518.2', '7th of 17']);
    expect(row(wko, 'Share of national GDP, %')).toEqual(['4.3', '', '']);
    // Per person, divided by the population on 1 January 2022: 4,435,130.6 × 10⁶ ÷ 683,327 = 6,490,495 tenge
    // = 6,490 thousand tenge; Kazakhstan 103,765,518.2 × 10⁶ ÷ 19,503,159 = 5,320 thousand tenge.
    // Four regions more: Atyrau 20,148, Almaty city 9,115, Astana 8,237, Karaganda with Ulytau 6,555: 5th.
    expect(row(wko, 'GRP per person, thousand tenge')).toEqual(['6,490', '5,320', '5th of 17']);
    expect(row(wko, 'Population on 1 January')).toEqual(['683,327', '19,503,159', '15th of 17']);
    // Agricultural output 300,486 of 9,521,002 million tenge = 3.156 → 3.2 %; 300,486 ÷ 171,297 = 1.75418 → 75.4 %;
    // Kazakhstan 9,521,002 ÷ 5,177,893 = 1.83878 → 83.9 %.
    expect(row(wko, 'Agricultural output, million tenge')).toEqual(['300,486', '9,521,002', '11th of 17']);
    expect(row(wko, 'Share of national agricultural output, %')).toEqual(['3.2', '', '']);
    expect(row(wko, 'Agricultural output growth 2019–2022, %')).toEqual(['75.4', '83.9', '6th of 17']);
    // 300,486 × 10⁶ ÷ 683,327 = 439,740 tenge → 439.7 thousand; Kazakhstan 9,521,002 × 10⁶ ÷ 19,503,159 = 488.2.
    expect(row(wko, 'Agricultural output per person, thousand tenge')).toEqual(['439.7', '488.2', '10th of 17']);
    // (300,486 ÷ 4,435,130.6) ÷ (9,521,002 ÷ 103,765,518.2) = 0.067751 ÷ 0.091755 = 0.738 → 0.74
    expect(row(wko, 'Agricultural intensity quotient')).toEqual(['0.74', '1.00', '11th of 17']);
    // (300,486 ÷ 683,327) ÷ (9,521,002 ÷ 19,503,159) = 0.43974 ÷ 0.48818 = 0.901 → 0.90
    expect(row(wko, 'Location quotient by population')).toEqual(['0.90', '1.00', '10th of 17']);
    // The number links to its formula with the actual inputs.
    expect(wko.html).toContain('title="6,490 = 4,435,130.6 × 10³ ÷ 683,327"');
  });

  it('gives Akmola region its figures and ranks in English, Russian and Kazakh', () => {
    // GRP 3,484,572.5 ÷ 1,933,580.2 = 1.80213: rose by 80.2 %, the fastest of the regions (Almaty region
    // with Zhetisu, second, 5,694,547.5 ÷ 3,246,080.4 = 1.754); 3,484,572.5 ÷ 103,765,518.2 = 3.358 → 3.4 %.
    const en = page('/en/regions/akmola/');
    expect(text(en.findings[0] ?? '')).toBe(
      "Gross regional product: 13th of 17. In 2022 the region produced 3,484,572.5 million tenge, 3.4 % of Kazakhstan’s gross domestic product. In current prices its GRP rose by 80.2 % from 2019 to 2022, 1st among the regions; in Kazakhstan as a whole it rose by 49.2 %.",
    );
    // 3,484,572.5 × 10⁶ ÷ 785,708 = 4,434,946 tenge → 4,435 thousand; 11th (Kyzylorda 2,936 … are lower).
    expect(row(en, 'GRP per person, thousand tenge')).toEqual(['4,435', '5,320', '11th of 17']);
    // Output 1,096,630 ÷ 490,923 = 2.23381 → 123.4 %; only Kostanay grew more (1,021,480 ÷ 399,032 = 2.560).
    expect(row(en, 'Agricultural output growth 2019–2022, %')).toEqual(['123.4', '83.9', '2nd of 17']);
    // 1,096,630 × 10⁶ ÷ 785,708 = 1,395,722 tenge → 1,395.7 thousand; North Kazakhstan (2,183.1) is first.
    expect(row(en, 'Agricultural output per person, thousand tenge')).toEqual(['1,395.7', '488.2', '2nd of 17']);
    // (1,096,630 ÷ 3,484,572.5) ÷ (9,521,002 ÷ 103,765,518.2) = 0.31471 ÷ 0.091755 = 3.430 → 3.43; North Kazakhstan 5.83.
    expect(row(en, 'Agricultural intensity quotient')).toEqual(['3.43', '1.00', '2nd of 17']);
    // (1,096,630 ÷ 785,708) ÷ 0.48818 = 1.39572 ÷ 0.48818 = 2.859 → 2.86
    expect(row(en, 'Location quotient by population')).toEqual(['2.86', '1.00', '2nd of 17']);
    expect(text(en.findings[3] ?? '')).toBe(
      'Weight of farming: 2nd of 17. The agricultural intensity quotient was 3.43 in 2022 (1 = the national ratio of agricultural output to gross product); the location quotient of agriculture by population was 2.86, 2nd among the regions.',
    );

    const ru = page('/ru/regions/akmola/');
    expect(text(ru.findings[0] ?? '')).toBe(
      'Валовой региональный продукт: 13-е место из 17. В 2022 г. ВРП региона составил 3 484 572,5 млн тенге, или 3,4 % валового внутреннего продукта Казахстана. Изменение ВРП в текущих ценах за 2019–2022 гг.: рост на 80,2 % (1-е место среди регионов; по Казахстану в целом — рост на 49,2 %).',
    );
    expect(row(ru, 'Коэффициент аграрной специализации')).toEqual(['3,43', '1,00', '2-е место из 17']);

    const kk = page('/kk/regions/akmola/');
    expect(text(kk.findings[0] ?? '')).toBe(
      'Жалпы өңірлік өнім: 13-ші орын (барлығы 17). 2022 жылы өңірдің жалпы өңірлік өнімі 3 484 572,5 млн теңге болды, бұл Қазақстанның ішкі жалпы өнімінің 3,4 %-ы. Ағымдағы бағамен 2019–2022 жылдардағы ЖӨӨ өзгерісі: 80,2 % өсім, өңірлер арасында 1-ші орын; жалпы Қазақстан бойынша — 49,2 % өсім.',
    );
    expect(row(kk, 'Жан басына шаққандағы ауыл шаруашылығы өнімі, мың теңге')).toEqual(['1 395,7', '488,2', '2-ші орын (барлығы 17)']);
  });

  it('puts the regions split in 2022 back together, so every year is on the same territory', () => {
    // East Kazakhstan on its 2018 territory: 2022 = 3,916,818.1 + Abai 2,383,753.4 = 6,300,571.5;
    // 2019, with Abai still inside it, 4,024,968.4: 6,300,571.5 ÷ 4,024,968.4 = 1.56537 → 56.5 %.
    const eko = page('/en/regions/east-kazakhstan/');
    expect(row(eko, 'GRP, million tenge')).toEqual(['6,300,571.5', '103,765,518.2', '5th of 17']);
    expect(row(eko, 'GRP growth 2019–2022, %')[0]).toBe('56.5');
    // Agricultural output 2022 = 549,666 + Abai 489,217 = 1,038,883.
    expect(row(eko, 'Agricultural output, million tenge')[0]).toBe('1,038,883');
    expect(eko.html).toContain('title="6,300,571.5 = 3,916,818.1 + 2,383,753.4"');
  });

  it('says changes and places in words that read right for every region, in every language', () => {
    expect(profiles()).toHaveLength(3 * 17);
    for (const p of profiles()) {
      const words = text([...p.findings, p.html].join(' '));
      // English ordinals: 1st, 2nd, 3rd, 11th, 12th, 13th, 21st …
      expect(words, p.url).not.toMatch(/\b(?:\d*[02-9])?1th\b|\b(?:\d*[02-9])?[23]th\b|\b1[123](?:st|nd|rd)\b/);
      // A rise is never negative, a fall never carries a minus.
      expect(words, p.url).not.toMatch(/(?:rose|fell) by [−-]|(?:рост|снижение) на [−-]|[−-]\d[\d ,]*% (?:өсім|төмендеу)/);
      expect(words, p.url).not.toMatch(/no data|нет данных|деректер жоқ/);
    }
    // Somewhere the words are a fall: Almaty city's agricultural output, 5,559 against 7,414 in 2019 (−25.0 %).
    expect(text(page('/en/regions/almaty-city/').findings[2] ?? '')).toContain('In current prices their output fell by 25.0 % from 2019 to 2022');
    expect(text(page('/ru/regions/almaty-city/').findings[2] ?? '')).toContain('снижение на 25,0 %');
    expect(text(page('/kk/regions/almaty-city/').findings[2] ?? '')).toContain('25,0 % төмендеу');
  });

  it.each(LANGUAGES)('lists the profiles on the chapter page (/%s/regions/) in a sortable table, largest GRP first', (lang) => {
    const chapter = page(`/${lang}/regions/`);
    expect(chapter.sortable).toBe(true);
    const links = [...chapter.html.matchAll(/<th scope="row"><a href="([^"]+)">/g)].map((m) => m[1]);
    expect(links).toHaveLength(17);
    expect(new Set(links)).toEqual(new Set(REGIONS.map((id) => `/${lang}/regions/${id}/`)));
    // Almaty city 19,154,536.7 > Atyrau 13,725,399.8 > Astana 10,672,480.5 million tenge.
    expect(links.slice(0, 3)).toEqual([`/${lang}/regions/almaty-city/`, `/${lang}/regions/atyrau/`, `/${lang}/regions/astana/`]);
  });

  it('links the profiles back to the comparison and the West Kazakhstan chapter, and that chapter to its profile', async () => {
    for (const lang of LANGUAGES) {
      const html = page(`/${lang}/regions/akmola/`).html;
      expect(html).toContain('href="../"');
      expect(html).toContain('href="../../region/"');
      expect(page(`/${lang}/regions/`).html).toContain('href="west-kazakhstan/"');
    }
    const files = reportFiles();
    for (const lang of LANGUAGES) {
      const chapter = new TextDecoder().decode(await files.readFile(`content/${lang}/02-region.md`));
      expect(chapter, lang).toContain('](../regions/west-kazakhstan/)');
    }
  });
});

describe.skipIf(!existsSync('../shared/data'))('the profiles against ../shared/data', () => {
  it('uses figures that are in the official files', async () => {
    const { readFileSync } = await import('node:fs');
    const grp = JSON.parse(readFileSync('../shared/data/kz_grp_by_region_bns.json', 'utf8')) as { rows: Array<{ kato_2digit: string | number | null; year: number; grp_mln: number }> };
    const cell = (kato: string, year: number) => grp.rows.find((r) => String(r.kato_2digit) === kato && r.year === year)?.grp_mln;
    // West Kazakhstan (27) and Akmola (11), 2019 and 2022, as the comments above use them.
    expect([cell('27', 2019), cell('27', 2022), cell('11', 2019), cell('11', 2022)]).toEqual([2946389.1, 4435130.6, 1933580.2, 3484572.5]);
    // East Kazakhstan (63) and Abai (10) in 2022.
    expect([cell('63', 2022), cell('10', 2022)]).toEqual([3916818.1, 2383753.4]);
  });
});
