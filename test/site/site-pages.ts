/** Shared by the published-site tests: the site folder, its pages and the policy they must carry. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Built once by test/global-setup.ts. */
export const SITE = '.build/test-site';

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
