/**
 * Lighthouse scores of one page (performance, accessibility, best practices, SEO), measured in
 * Debian's Chromium through chrome-launcher, for the bench (`npm run bench`) to report.
 *
 *   import { lighthouseScores } from '../scripts/write/lighthouse.ts';
 *   const scores = await lighthouseScores('http://127.0.0.1:8080/en/harvest/');
 *
 * By hand, on a built site (served on 127.0.0.1 with gzip, as a host would):
 *   npx tsx scripts/write/lighthouse.ts [_site] [/en/ /en/harvest/ …] [--desktop]
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';
import { serveStatic } from './static-server.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseScores {
  url: string;
  /** 0–100 per category; null when Lighthouse could not score it. */
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** Audits that cost points, worst first: what to fix. */
  lost: Array<{ category: string; id: string; title: string; score: number }>;
}

export interface LighthouseOptions {
  /** Lighthouse's default is a throttled mid-range phone; 'desktop' uses its desktop preset. */
  formFactor?: 'mobile' | 'desktop';
}

export async function lighthouseScores(url: string, options: LighthouseOptions = {}): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: ['--headless=new', ...CHROMIUM_ARGS], logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, options.formFactor === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => {
      const value = categories[id]?.score;
      return typeof value === 'number' ? Math.round(value * 100) : null;
    };
    const lost = CATEGORIES.flatMap((category) =>
      (categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => ({ category, id: ref.id, audit: audits[ref.id] }))
        .filter((a): a is { category: (typeof CATEGORIES)[number]; id: string; audit: NonNullable<typeof a.audit> } => a.audit !== undefined && typeof a.audit.score === 'number' && a.audit.score < 1)
        .map((a) => ({ category: a.category, id: a.id, title: a.audit.title, score: a.audit.score ?? 0 })),
    ).sort((a, b) => a.score - b.score);
    return { url, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'), lost };
  } finally {
    chrome.kill();
  }
}

/** By hand: serve a built site and print the scores of its pages. */
async function main(args: string[]): Promise<void> {
  const desktop = args.includes('--desktop');
  const rest = args.filter((a) => a !== '--desktop');
  const site = rest.find((a) => !a.startsWith('/')) ?? '_site';
  const pages = rest.filter((a) => a.startsWith('/'));
  const server = await serveStatic(path.resolve(site));
  try {
    for (const page of pages.length > 0 ? pages : ['/en/']) {
      const s = await lighthouseScores(`${server.url}${page}`, { formFactor: desktop ? 'desktop' : 'mobile' });
      console.log(`${page}: performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s.bestPractices}, SEO ${s.seo} (${desktop ? 'desktop' : 'mobile'})`);
      for (const audit of s.lost.slice(0, 8)) console.log(`  ${audit.category}: ${audit.id} ${Math.round(audit.score * 100)} — ${audit.title}`);
    }
  } finally {
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
