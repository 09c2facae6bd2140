/** Shared by the published-site tests: the site folder, its pages and the policy they must carry. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Built once by test/global-setup.ts. */
export { SITE } from '../helpers/test-site.ts';

/** The directives of the Content-Security-Policy a page sets in its meta tag, or undefined. */
export function cspOf(html: string): Map<string, string[]> | undefined {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (content === undefined) return undefined;
  return new Map(
    content
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Every HTML page under `dir`, relative, with forward slashes, sorted. */
export function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * The pages the browser tests open, of `pages` (file paths or URL paths): all of them, except that
 * of the pages one template made (`/en/regions/akmola/`, one level below their chapter's page) only
 * the first and the last in each folder are kept. A template's pages share their markup and scripts,
 * so two of them show what a browser makes of it; the static tests (published-site, links, HTML
 * validity, no English fallback) still read every page.
 */
export function browserSample(pages: readonly string[]): string[] {
  const byFolder = new Map<string, string[]>();
  for (const page of pages) {
    const segments = page.split('/').filter((s) => s !== '' && s !== 'index.html');
    if (segments.length < 3) continue;
    const folder = segments.slice(0, -1).join('/');
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), page]);
  }
  const dropped = new Set([...byFolder.values()].flatMap((group) => [...group].sort().slice(1, -1)));
  return pages.filter((page) => !dropped.has(page));
}
