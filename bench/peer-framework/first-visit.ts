/**
 * What a first visit to one page downloads, measured in Debian's Chromium (playwright-core, never a
 * downloaded browser), for the peer benchmark (bench/peer.ts):
 *
 *   node --import tsx bench/peer-framework/first-visit.ts --site=DIR --page=/url/ --charts=SELECTOR
 *        [--count=3] [--shot=FILE.png] [--width=1280] [--height=800]
 *
 * The built site is served from 127.0.0.1 (`/a/b` also finds `a/b.html` and `a/b/index.html`, as
 * static hosts do for Framework's clean URLs). Every request to another host is refused and listed:
 * the machine is offline, so what such a page would fetch from elsewhere (e.g. Google Fonts) is
 * named but cannot be weighed. The page is loaded without any interaction (no scroll, no click), in
 * a fresh profile; after the network is idle and SELECTOR matches at least --count elements (the
 * charts), every response is weighed: raw bytes, and the bytes a server sends compressed (gzip level
 * 9, or the raw bytes when gzip does not make it smaller: fonts and images are compressed already).
 * Then a full-page screenshot. Prints one JSON line.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const site = path.resolve(option('site') ?? '_site');
const pagePath = option('page') ?? '/';
const selector = option('charts') ?? 'svg';
const count = Number(option('count') ?? 3);
const shot = option('shot');
const viewport = { width: Number(option('width') ?? 1280), height: Number(option('height') ?? 800) };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv',
  '.txt': 'text/plain',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

function fileFor(urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  const base = path.join(site, clean);
  if (!base.startsWith(site)) return undefined;
  for (const candidate of [base, `${base}.html`, path.join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

const server = http.createServer((request, response) => {
  const file = fileFor(request.url ?? '/');
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

interface Weighed {
  url: string;
  type: string;
  status: number;
  raw: number;
  sent: number;
}
const weighed: Weighed[] = [];
const pending: Array<Promise<void>> = [];
const remote: string[] = [];
const consoleErrors: string[] = [];

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
    remote.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text().slice(0, 300));
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error).slice(0, 300)));
  page.on('response', (response) => {
    const url = response.url();
    if (!url.startsWith(origin)) return;
    pending.push(
      response
        .body()
        .then((body) => {
          const gzip = gzipSync(body, { level: 9 }).length;
          weighed.push({ url: url.slice(origin.length), type: response.request().resourceType(), status: response.status(), raw: body.length, sent: Math.min(gzip, body.length) });
        })
        .catch(() => undefined),
    );
  });
  const started = performance.now();
  await page.goto(`${origin}${pagePath}`, { waitUntil: 'networkidle', timeout: 60_000 });
  let chartsFound = 0;
  try {
    await page.waitForFunction(([s, n]) => document.querySelectorAll(s as string).length >= (n as number), [selector, count] as const, { timeout: 30_000 });
  } catch {
    // reported below as the number found
  }
  chartsFound = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
  await page.waitForLoadState('networkidle');
  const loadedMs = performance.now() - started;
  await Promise.all(pending);
  const firstVisit = [...weighed];
  if (shot) await page.screenshot({ path: shot, fullPage: true });
  const categories: Record<string, { files: number; raw: number; sent: number }> = {};
  const category = (w: Weighed) => (w.type === 'document' ? 'html' : w.type === 'stylesheet' ? 'css' : w.type === 'script' ? 'js' : w.type === 'font' ? 'fonts' : 'other');
  for (const w of firstVisit) {
    const c = (categories[category(w)] ??= { files: 0, raw: 0, sent: 0 });
    c.files++;
    c.raw += w.raw;
    c.sent += w.sent;
  }
  const total = firstVisit.reduce((t, w) => ({ files: t.files + 1, raw: t.raw + w.raw, sent: t.sent + w.sent }), { files: 0, raw: 0, sent: 0 });
  console.log(JSON.stringify({ page: pagePath, viewport, chartsSelector: selector, chartsFound, loadedMs: Math.round(loadedMs), total, categories, remote: [...new Set(remote)], failed: firstVisit.filter((w) => w.status >= 400).map((w) => `${w.status} ${w.url}`), consoleErrors, requests: firstVisit.sort((a, b) => b.sent - a.sent) }));
} finally {
  await browser.close();
  server.close();
}
