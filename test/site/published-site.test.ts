/**
 * Checks on the published report (built once by test/global-setup.ts into .build/test-site):
 * every internal link and anchor resolves, every page carries the Content-Security-Policy, and
 * the HTML validates.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, type ConfigData, type Message } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../scripts/write/check-links.ts';
import { cspOf, htmlPages, SITE as site } from './site-pages.ts';
import { testSiteBuilt } from '../helpers/test-site.ts';

// The global setup builds the site while other files run.
await testSiteBuilt();

/**
 * html-validate's recommended rules, minus the ones that do not fit a generated report. Each
 * disabled rule says why.
 */
const VALIDATOR_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Chapter titles state a finding ("Sunflower's share of the harvest quadrupled", see the
    // authoring guide), and the <title> adds the report's name after it: a search-snippet length
    // heuristic, not a validity or accessibility rule.
    'long-title': 'off',
    // Wide tables scroll inside <div class="table-scroll" role="region" tabindex="0" aria-label=…>,
    // the established pattern for a keyboard-scrollable table; <section> would mean the same.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
};

/**
 * Rules the site still breaks, each with where the fix belongs. The test below fails when an entry
 * is no longer needed, so the list only shrinks.
 */
const KNOWN_ISSUES: Record<string, string> = {};

const built = existsSync(`${site}/index.html`);

describe.skipIf(!built)('the published site', () => {
  let pages: string[];
  beforeAll(() => {
    pages = htmlPages(site);
  });

  it('has every page of every language', () => {
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'en/index.html', 'ru/index.html', 'en/data/index.html', 'en/references/index.html']));
  });

  it('resolves every internal link and anchor', async () => {
    const broken = await findBrokenLinks(site);
    expect(broken.map((b) => `${b.page}: ${b.href}${b.anchor === undefined ? ' (no such page)' : ' (no such anchor)'}`)).toEqual([]);
  });

  it('sets one strict Content-Security-Policy in a meta tag on every page, before anything it governs', () => {
    const policies = new Set<string>();
    for (const page of pages) {
      const html = readFileSync(path.join(site, page), 'utf8');
      const csp = cspOf(html);
      expect(csp, `${page} has the CSP meta tag`).toBeDefined();
      policies.add(JSON.stringify([...(csp ?? [])]));
      const meta = html.indexOf('<meta http-equiv="Content-Security-Policy"');
      const firstResource = html.search(/<(link|script|style|img|svg)\b/);
      expect(meta < firstResource || firstResource < 0, `${page}: the CSP comes before the first resource`).toBe(true);
      // No inline script runs: the only inline <script> elements are JSON data blocks.
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) expect(script, page).toMatch(/type="application\/json"|src="\/assets\/js\//);
      expect(html, page).not.toMatch(/\sstyle="/);
    }
    expect(policies.size, 'every page has the same policy').toBe(1);
    const csp = new Map(JSON.parse([...policies][0] ?? '[]') as Array<[string, string[]]>);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    // Scripts and styles only from the site itself: no eval, no inline code, no other hosts.
    // ('wasm-unsafe-eval' lets the search index's WebAssembly compile; it does not allow eval().)
    for (const directive of ['script-src', 'style-src']) {
      const sources = csp.get(directive) ?? [];
      expect(sources, directive).toContain("'self'");
      expect(sources.filter((s) => s !== "'self'" && !(directive === 'script-src' && s === "'wasm-unsafe-eval'")), directive).toEqual([]);
    }
  });

  it('validates with html-validate (recommended rules)', async () => {
    const validator = new HtmlValidate(VALIDATOR_CONFIG);
    const found = new Map<string, Message & { page: string }>();
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(readFileSync(path.join(site, page), 'utf8'), page);
      for (const message of report.results.flatMap((r) => r.messages)) {
        if (!found.has(message.ruleId)) found.set(message.ruleId, { ...message, page });
        if (!(message.ruleId in KNOWN_ISSUES)) problems.push(`${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message} (${message.selector ?? ''})`);
      }
    }
    expect(problems).toEqual([]);
    // A known issue that no longer occurs must leave the list.
    expect(Object.keys(KNOWN_ISSUES).filter((rule) => !found.has(rule)), 'known issues that are fixed: remove them from KNOWN_ISSUES').toEqual([]);
  });
});
