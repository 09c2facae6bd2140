/** The pages of the site built for the tests, as URL paths, and a two-at-a-time runner over them. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

export const SITE = '.build/test-site';

/** Every HTML page of a built site as a URL path (`/en/baiterek/`), sorted. */
export function pagePaths(site = SITE): string[] {
  return readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => `/${path.relative(site, entry.parentPath).split(path.sep).join('/')}/`.replace(/^\/+/, '/').replace(/\/+$/, '/'))
    .sort();
}

/** Runs `task` over `items`, `workers` at a time (the machine runs other test files too). */
export async function eachLimited<T>(items: T[], workers: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}
