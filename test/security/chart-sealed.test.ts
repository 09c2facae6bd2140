/**
 * Charts get their data only from the report's tables: a spec that names a file, a URL, an image
 * or a link is refused with the JSON path of the field, and nothing is read or fetched. A
 * loopback server counts every connection the build makes; it must see none.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../scripts/build.ts';
import { renderSvg, RenderRefusal } from '../../scripts/chart/render-svg.ts';
import { runRenderJob } from '../../scripts/chart/render-job.ts';
import { THEME } from '../../scripts/chart/theme.ts';
import { countingServer, rawChartProject, reportMessage, testCacheDir } from './helpers.ts';
import { lang } from '../helpers/languages.ts';

let server: Awaited<ReturnType<typeof countingServer>>;
beforeAll(async () => {
  server = await countingServer();
});
afterAll(() => server.close());

const build = (spec: string) => reportMessage(buildReport(rawChartProject(spec), { cacheDir: testCacheDir }));
const passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0]?.split(':')[0] ?? 'root';

describe('a chart spec loads nothing', () => {
  it('refuses a layer that reads a local file (defect 2), naming the JSON path', async () => {
    const message = await build('  layer:\n    - data: {url: /etc/passwd, format: {type: tsv}}\n      mark: text\n      encoding: {text: {field: root}}');
    expect(message).toContain('content/en/01-harvest.md:6 (spec.layer[0].data.url): chart "probe": the spec asks to load "/etc/passwd"');
    expect(message).toContain("fix: put the data in a table under data/ and name it in the block's `table:`");
    expect(message).not.toContain(`${passwd}:x:`);
  });

  it('refuses a file:// URL in a lookup source', async () => {
    const message = await build('  mark: point\n  transform:\n    - lookup: key\n      from: {data: {url: "file:///etc/passwd"}, key: a, fields: [b]}\n  encoding:\n    x: {field: period, type: ordinal}');
    expect(message).toContain('(spec.transform[0].from.data.url): chart "probe": the spec asks to load "file:///etc/passwd"');
  });

  it('refuses a URL on the loopback interface and opens no connection (defect 3)', async () => {
    const before = server.connections();
    const message = await build(`  layer:\n    - data: {url: "http://127.0.0.1:${server.port}/x.csv"}\n      mark: point`);
    expect(message).toContain(`(spec.layer[0].data.url): chart "probe": the spec asks to load "http://127.0.0.1:${server.port}/x.csv"`);
    expect(server.connections()).toBe(before);
  });

  const spellings = (port: number) => [
    `HTTP://127.0.0.1:${port}/x.csv`,
    `//127.0.0.1:${port}/x.csv`,
    ` http://127.0.0.1:${port}/x.csv`,
    `http://[::ffff:127.0.0.1]:${port}/x.csv`,
    `http://localhost:${port}/x.csv`,
    'data:text/csv;base64,YSxiCjEsMgo=',
    '../../../../etc/passwd',
    'data/harvest.json',
    'x.csv',
  ];
  it('refuses every other spelling of a URL or path: upper case, protocol-relative, padded, IPv6, data:, relative', async () => {
    const before = server.connections();
    for (const url of spellings(server.port)) {
      const message = await build(`  data: {url: ${JSON.stringify(url)}}\n  mark: point`);
      expect(message, url).toContain('(spec.data.url): chart "probe": the spec asks to load');
    }
    expect(server.connections()).toBe(before);
  });

  it('refuses image marks and their URLs', async () => {
    const message = await build(`  mark: {type: image, width: 20, height: 20}\n  encoding:\n    url: {value: "http://127.0.0.1:${server.port}/a.png"}\n    x: {field: period, type: ordinal}`);
    expect(message).toContain('(spec.mark.type): chart "probe": image marks load pictures from files or the network');
    expect(message).toContain('(spec.encoding.url): chart "probe": the spec loads pictures or data from URLs ("url")');
  });

  it('refuses links on marks instead of crashing in the SVG renderer (defect 4)', async () => {
    const message = await build('  mark: point\n  encoding:\n    x: {field: period, type: ordinal}\n    y: {field: value, type: quantitative}\n    href: {field: series}');
    expect(message).toContain('content/en/01-harvest.md:6 (spec.encoding.href): chart "probe": the spec turns marks into links ("href")');
    const markLink = await build('  mark: {type: point, href: "http://example.org/"}\n  encoding:\n    x: {field: period, type: ordinal}');
    expect(markLink).toContain('(spec.mark.href): chart "probe": the spec asks to load "http://example.org/"');
  });
});

describe('Vega itself is sealed, whatever reaches it', () => {
  const svgOptions = { number: lang('en').pack.number, id: 'fig-x', title: 'T', description: 'D' };

  it('loads no data URL of a compiled Vega spec and fails the render', async () => {
    const before = server.connections();
    const spec = { width: 100, height: 100, data: [{ name: 'd', url: `http://127.0.0.1:${server.port}/x.csv`, format: { type: 'csv' } }, { name: 'f', url: '/etc/passwd', format: { type: 'tsv' } }], marks: [{ type: 'text', from: { data: 'f' }, encode: { enter: { text: { field: 'root' } } } }] };
    const error = await renderSvg(spec, svgOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderRefusal);
    expect((error as Error).message).toContain(`the chart asked to load "http://127.0.0.1:${server.port}/x.csv", "/etc/passwd", which charts may not do`);
    expect(server.connections()).toBe(before);
  });

  it('loads no image and keeps no link of a compiled spec, and does not crash', async () => {
    const before = server.connections();
    const spec = {
      width: 100,
      height: 100,
      marks: [
        { type: 'image', encode: { enter: { url: { value: `http://127.0.0.1:${server.port}/a.png` }, width: { value: 10 }, height: { value: 10 } } } },
        { type: 'symbol', encode: { enter: { href: { value: `http://127.0.0.1:${server.port}/link` }, x: { value: 5 }, y: { value: 5 } } } },
      ],
    };
    const error = await renderSvg(spec, svgOptions).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderRefusal);
    expect((error as Error).message).toContain(`/a.png`);
    expect((error as Error).message).toContain(`/link`);
    expect(server.connections()).toBe(before);
  });

  it('turns a job whose spec slipped past the block check into a failed result, not an exception', async () => {
    const job = { chart: 'x', spec: { data: { values: [{ a: 1 }] }, layer: [{ data: { url: '/etc/hostname' }, mark: 'point' }] } as never, fields: ['a'], theme: THEME, svg: svgOptions, checkSchema: false };
    const result = await runRenderJob(job);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? '' : result.problem).toContain('chart "x" could not be drawn: the chart asked to load "/etc/hostname", which charts may not do');
  });
});
