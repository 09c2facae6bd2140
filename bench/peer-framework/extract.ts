/**
 * What the peer tools need from this project's own reading of the peer content, so every tool
 * shows the same numbers and draws the same charts: run in the peer project folder (untimed,
 * before any build), `node --import tsx <repo>/bench/peer-framework/extract.ts --out=FILE`.
 *
 * Stages 1–3 of the pipeline (load, validate, compute, as bench/chart-stage.ts runs them), then for
 * every page:
 *
 * - `values`: each inline reference `{=…}` as the text a reader sees (formatNumber, the page's
 *   language), keyed by what the author wrote between the braces;
 * - `charts`: each chart block's Vega-Lite spec over exactly its records, as the preset built it,
 *   with the theme it is compiled with (prepareFigure), its subtitle and generated description.
 *
 * Writes one JSON file: { locale, vegaLocale, theme, pages: [{ file, slug, values, charts }] }.
 */
import { writeFileSync } from 'node:fs';

const root = process.cwd();
const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6);
if (!out) throw new Error('extract.ts: --out=FILE is required');

const io = await import(`${root}/scripts/io.ts`);
const { loadTables } = await import(`${root}/scripts/load/load-tables.ts`);
const { loadContent } = await import(`${root}/scripts/load/load-content.ts`);
const { createMarkdown } = await import(`${root}/scripts/render/markdown.ts`);
const { parsePages } = await import(`${root}/scripts/validate/parse-pages.ts`);
const { deriveTables } = await import(`${root}/scripts/compute/derive-tables.ts`);
const { computeReferences } = await import(`${root}/scripts/compute/compute-references.ts`);
const { figureAnchor } = (await import(`${root}/scripts/validate/figure-anchor.ts`)) as typeof import('../../scripts/validate/figure-anchor.ts');
const { prepareFigure } = (await import(`${root}/scripts/chart/render-chart.ts`)) as typeof import('../../scripts/chart/render-chart.ts');
const { formatNumber, vegaLocale } = (await import(`${root}/scripts/languages/number-format.ts`)) as typeof import('../../scripts/languages/number-format.ts');
const { loadConfig } = (await import(`${root}/scripts/load/load-config.ts`)) as typeof import('../../scripts/load/load-config.ts');

interface Site {
  meta: { source: string };
  token: object;
}
interface ChartSite {
  block: Parameters<typeof prepareFigure>[0];
  line: number;
}
interface Page {
  source: { file: string; slug: string; locale: string };
  values: Site[];
  charts: ChartSite[];
}

const files = io.diskFiles(root);
const config = await loadConfig(files, {});
const { languages } = config;
const definitions = await loadTables(files, config.folders, { units: config.units, languages: languages.codes, sourceLanguage: languages.source });
const sources = await loadContent(files, languages.codes, config.folders.content);
const pages = parsePages(createMarkdown(), sources) as Page[];
const tables = deriveTables(definitions);
const computedValues = computeReferences(pages, tables, languages) as ReadonlyMap<object, { value: number | null; decimals: number }>;

let theme: unknown;
const result = pages.map((page) => {
  const { file, slug, locale } = page.source;
  const values: Record<string, string> = {};
  for (const site of page.values) {
    const computed = computedValues.get(site.token);
    if (!computed) throw new Error(`${file}: {=${site.meta.source}} was not computed`);
    values[site.meta.source] = computed.value === null ? '…' : formatNumber(computed.value, computed.decimals, languages.get(locale));
  }
  const charts = page.charts.map((site) => {
    const figure = prepareFigure(site.block, tables, { file, line: site.line, language: languages.get(locale), anchor: figureAnchor(site.block.id) }, {});
    theme ??= figure.job.theme;
    return { id: site.block.id, title: site.block.title, preset: site.block.preset, table: site.block.table, subtitle: figure.subtitle, description: figure.description, spec: figure.job.spec, records: figure.prepared.data.records.length };
  });
  return { file, slug, locale, values, charts };
});

writeFileSync(out, JSON.stringify({ locale: 'en', vegaLocale: vegaLocale(languages.get(languages.source).pack.number), theme, pages: result }));
console.log(JSON.stringify({ pages: result.length, charts: result.reduce((n, p) => n + p.charts.length, 0), values: result.reduce((n, p) => n + Object.keys(p.values).length, 0) }));
