import { describe, expect, it } from 'vitest';
import { canonicalOf, headingsOf, hreflangOf, htmlText, pagerOf, readingOrder } from '../../scripts/eleventy/filters.ts';
import { siteBaseUrl } from '../../scripts/eleventy/report-plugin.ts';
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
