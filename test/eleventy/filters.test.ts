import { describe, expect, it } from 'vitest';
import { canonicalOf, chapterNavOf, headingsOf, NAV_AROUND, NAV_FULL_LIST, hreflangOf, htmlText, pagerOf, readingOrder } from '../../scripts/eleventy/filters.ts';
import { siteBaseUrl } from '../../scripts/load/load-config.ts';
import { ReportError } from '../../scripts/errors.ts';

const page = (locale: string, slug: string, number = 0, extra: object = {}) => ({ locale, slug, url: slug === 'index' ? `/${locale}/` : `/${locale}/${slug}/`, isHome: slug === 'index', number, short: slug, title: slug, ...extra });
const generated = (kind: string) => ['en', 'ru'].map((locale) => ({ locale, slug: kind, url: `/${locale}/${kind}/`, isHome: false, kind, title: kind }));

const report = {
  locales: ['en', 'ru'],
  pages: [page('en', 'index'), page('en', 'harvest', 1), page('en', 'prices', 2), page('ru', 'index'), page('ru', 'harvest', 1), page('ru', 'prices', 2, { fallbackFrom: 'en' })],
  dataPages: generated('data'),
  referencePages: generated('references'),
  qualityPages: generated('quality'),
  searchPages: generated('search'),
};

describe('reading order and previous/next links', () => {
  it('runs from the home page through the chapters to the appendices', () => {
    expect(readingOrder(report, 'en').map((p) => p.url)).toEqual(['/en/', '/en/harvest/', '/en/prices/', '/en/quality/', '/en/data/', '/en/references/']);
  });

  it('links a chapter to its neighbours, and the ends to one side only', () => {
    const harvest = pagerOf(report, report.pages[1]!);
    expect([harvest.previous?.url, harvest.next?.url]).toEqual(['/en/', '/en/prices/']);
    expect(pagerOf(report, report.pages[0]!).previous).toBeUndefined();
    expect(pagerOf(report, report.referencePages[0]!).next).toBeUndefined();
  });

  it('gives the search page no previous/next links', () => {
    expect(pagerOf(report, report.searchPages[0]!)).toEqual({});
  });
});

describe('canonical and hreflang links', () => {
  it('points a chapter shown in English under another language to the English original', () => {
    expect(canonicalOf(report.pages[5]!)).toBe('/en/prices/');
    expect(canonicalOf(report.pages[4]!)).toBe('/ru/harvest/');
  });

  it('lists only real translations, and none on a fallback or search page', () => {
    expect(hreflangOf(report, report.pages[1]!)).toEqual([
      { locale: 'en', url: '/en/harvest/' },
      { locale: 'ru', url: '/ru/harvest/' },
    ]);
    expect(hreflangOf(report, report.pages[2]!)).toEqual([{ locale: 'en', url: '/en/prices/' }]);
    expect(hreflangOf(report, report.pages[5]!)).toEqual([]);
    expect(hreflangOf(report, report.searchPages[1]!)).toEqual([]);
    expect(hreflangOf(report, report.dataPages[0]!).map((a) => a.url)).toEqual(['/en/data/', '/ru/data/']);
  });
});

describe('on-page contents', () => {
  it('lists the h2 sections the Markdown renderer wrote, as text', () => {
    const html = `<p>x</p><h2 id="yields"><a class="heading-anchor" href="#yields">Yields rose &amp; fell<sup class="footnote-ref"><a href="#fn1">[1]</a></sup></a></h2>
<h3 id="sub"><a class="heading-anchor" href="#sub">Not listed</a></h3><h2 id="урожай"><a class="heading-anchor" href="#урожай">Урожай <code>x&lt;y</code></a></h2>`;
    expect(headingsOf(html)).toEqual([
      { id: 'yields', text: 'Yields rose & fell' },
      { id: 'урожай', text: 'Урожай x<y' },
    ]);
  });

  it('drops the TeX source KaTeX keeps in MathML', () => {
    expect(htmlText('Index <math><semantics><mi>I</mi><annotation encoding="application/x-tex">I</annotation></semantics></math> rose')).toBe('Index I rose');
  });
});

describe('the site address (REPORT_BASE_URL)', () => {
  it('defaults to https://example.org and drops a trailing slash', () => {
    expect(siteBaseUrl(undefined)).toBe('https://example.org');
    expect(siteBaseUrl('')).toBe('https://example.org');
    expect(siteBaseUrl('https://reports.example.kz/')).toBe('https://reports.example.kz');
  });

  it('refuses an address that is not the root of an http(s) host', () => {
    for (const bad of ['reports.example.kz', 'ftp://example.org', 'https://example.org/clusters', 'https://example.org/?x=1']) {
      expect(() => siteBaseUrl(bad), bad).toThrow(ReportError);
    }
    expect(() => siteBaseUrl('https://example.org/clusters')).toThrow(/REPORT_BASE_URL must be the root of a host/);
  });
});

describe('the side navigation of a long report', () => {
  const chapters = (n: number) => Array.from({ length: n }, (_, i) => page('en', `c${i + 1}`, i + 1));
  const shown = (items: ReturnType<typeof chapterNavOf>) => items.map((item) => ('chapter' in item ? item.chapter.number : '…'));

  it(`lists every chapter up to ${NAV_FULL_LIST}`, () => {
    const pages = chapters(NAV_FULL_LIST);
    expect(shown(chapterNavOf(pages, pages[10]!))).toHaveLength(NAV_FULL_LIST);
  });

  it(`beyond, shows the first, the current one with ${NAV_AROUND} each side, the last, and links to the full list in the gaps`, () => {
    const pages = [page('en', 'index'), ...chapters(100)];
    expect(shown(chapterNavOf(pages, pages[50]!))).toEqual([1, '…', 46, 47, 48, 49, 50, 51, 52, 53, 54, '…', 100]);
    expect(chapterNavOf(pages, pages[50]!)[1]).toEqual({ allChapters: 100 });
    // No gap marker for a gap of nothing; none for one chapter either: it is shown.
    expect(shown(chapterNavOf(pages, pages[1]!))).toEqual([1, 2, 3, 4, 5, '…', 100]);
    expect(shown(chapterNavOf(pages, pages[6]!))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, '…', 100]);
    expect(shown(chapterNavOf(pages, pages[100]!))).toEqual([1, '…', 96, 97, 98, 99, 100]);
  });

  it('lists every chapter on the home page, the contents of the report', () => {
    const pages = [page('en', 'index'), ...chapters(100)];
    expect(shown(chapterNavOf(pages, pages[0]!))).toHaveLength(100);
  });
});
