/**
 * Lighthouse scores of a built site's pages, for the bench: serves the folder on 127.0.0.1
 * (scripts/write/static-server.ts) and scores each page with scripts/write/lighthouse.ts in
 * Debian's Chromium, one page after another. Run from a project folder whose `scripts` is the
 * generator's code:
 *
 *   node --import tsx bench/lighthouse-pages.ts SITE_DIR /en/ /en/baiterek/ [--desktop]
 *
 * Prints one JSON line: the scores per page and form factor.
 */
import path from 'node:path';

const root = process.cwd();
const args = process.argv.slice(2);
const desktop = args.includes('--desktop');
const [site = '_site', ...pages] = args.filter((a) => a !== '--desktop');

const { serveStatic } = (await import(`${root}/scripts/write/static-server.ts`)) as typeof import('../scripts/write/static-server.ts');
const { lighthouseScores } = (await import(`${root}/scripts/write/lighthouse.ts`)) as typeof import('../scripts/write/lighthouse.ts');

const server = await serveStatic(path.resolve(site));
try {
  const scores = [];
  for (const page of pages.length ? pages : ['/en/', '/en/baiterek/']) {
    const started = performance.now();
    const s = await lighthouseScores(`${server.url}${page}`, { formFactor: desktop ? 'desktop' : 'mobile' });
    scores.push({ page, formFactor: desktop ? 'desktop' : 'mobile', performance: s.performance, accessibility: s.accessibility, bestPractices: s.bestPractices, seo: s.seo, lost: s.lost.slice(0, 5), ms: Math.round(performance.now() - started) });
  }
  console.log(JSON.stringify({ scores }));
} finally {
  await server.close();
}
