/** The pages of the site built for the tests, as URL paths, and a two-at-a-time runner over them. */
import { htmlPages, SITE } from '../site/site-pages.ts';

export { SITE };

/** Every HTML page of a built site as a URL path (`/en/baiterek/`), sorted. */
export function pagePaths(site = SITE): string[] {
  return htmlPages(site)
    .filter((file) => file === 'index.html' || file.endsWith('/index.html'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`)
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
