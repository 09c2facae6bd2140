/**
 * A chart as a figure: number, title, subtitle, the SVG (with its accessible name and
 * description), the source line of every table it reads and the credit of any boundary file,
 * a Data view of exactly the plotted values, CSV and SVG downloads, a permalink and a
 * "cite this figure" line. Interactive charts carry their compiled Vega spec for the browser. The generated description is also printed (hidden on screen: the SVG
 * carries it for screen readers; print.css shows it).
 */
import type { Figure } from '../chart/render-charts.ts';
import { chartWords, formatDate } from '../chart/chart-strings.ts';
import { recordsCsv } from '../chart/chart-data.ts';
import { formatNumber } from '../languages/number-format.ts';
import type { References } from '../load/load-references.ts';
import { shortCitation } from './cite-name.ts';
import { escapeHtml, scriptSafeJson } from './escape.ts';
import { localizeLocator, sourceLine } from './source-line.ts';
import { numbered, t } from './ui-strings.ts';
import type { Language } from '../languages/language.ts';

function dataTable(figure: Figure, language: Language): string {
  const e = escapeHtml;
  const { chart } = figure;
  const { view, decimals } = chart.data;
  const header = `<tr><th scope="col">${e(view.corner)}</th>${view.columns.map((c) => `<th scope="col">${e(c.label)}</th>`).join('')}</tr>`;
  const body = view.rows
    .map((row) => {
      const cells = row.cells.map((cell, i) => {
        if (cell === null) return `<td>…</td>`;
        if (typeof cell === 'string') return `<td class="text">${e(cell)}</td>`;
        return `<td>${e(formatNumber(cell, view.columns[i]?.decimals ?? decimals, language))}</td>`;
      });
      return `<tr><th scope="row">${e(row.label)}</th>${cells.join('')}</tr>`;
    })
    .join('');
  return `<table class="data-table"><caption>${e(chart.block.title)} (${e(chart.subtitle)})</caption><thead>${header}</thead><tbody>${body}</tbody></table>`;
}

/** "“Title”. Figure 1.2 in: Report, 1 July 2024. Source: Author (2021), Table 2. /en/page/#fig-id" */
export function citationText(figure: Figure, language: Language, references: References, pageUrl: string): string {
  const words = chartWords(language);
  const { data } = figure.chart;
  const sources = [data.table, ...data.alsoTables]
    .flatMap((table) => [table.source, ...(table.alsoFrom ?? [])])
    .map((source) => {
      const item = references.get(source.ref);
      return `${item ? shortCitation(item, language) : source.ref}${source.locator ? `, ${localizeLocator(source.locator, language)}` : ''}`;
    });
  const unique = [...new Set(sources)];
  const date = figure.citation.date ? formatDate(figure.citation.date, language) : undefined;
  return words.citation(figure.chart.block.title, numbered(language, 'figure', figure.number), figure.citation.report, date, unique.join('; '), `${pageUrl}#${figure.anchor}`);
}

export function figureHtml(figure: Figure, language: Language, references: References, pageUrl: string): string {
  const { chart } = figure;
  const { data } = chart;
  const e = escapeHtml;
  const base = `${pageUrl}${figure.anchor}`;
  const sources = [data.table, ...data.alsoTables].map((table) => sourceLine(table, language, references)).join(' ');
  const credits = data.credits.map((credit) => ` <span class="figure-credit">${e(credit)}.</span>`).join('');
  return `<figure class="figure" id="${e(figure.anchor)}">
<figcaption class="figure-caption"><span class="figure-number">${e(numbered(language, 'figure', figure.number))}.</span> <span class="figure-title">${e(chart.block.title)}</span><span class="figure-subtitle">${e(chart.subtitle)}</span></figcaption>
${chart.interactive ? `<div class="chart" data-chart="${e(figure.anchor)}" data-number="${e(JSON.stringify(language.pack.number))}">${chart.svg}</div>
<script type="application/json" class="chart-spec">${scriptSafeJson(chart.vega)}</script>` : `<div class="chart">${chart.svg}</div>`}
<p class="figure-description" hidden>${e(chart.description)}</p>
<p class="figure-source">${sources}${credits}</p>
<details class="figure-data"><summary>${e(t(language, 'data'))}</summary>
<div class="table-scroll">${dataTable(figure, language)}</div>
</details>
<p class="figure-links"><a href="${e(base)}.csv" download>CSV</a> · <a href="${e(base)}.svg" download>SVG</a> · <a href="${e(pageUrl)}#${e(figure.anchor)}">${e(t(language, 'permalink'))}</a></p>
<p class="figure-cite"><span class="figure-cite-label">${e(chartWords(language).cite)}:</span> ${e(citationText(figure, language, references, pageUrl))}</p>
</figure>`;
}

/** The plotted records as CSV: exactly what the chart and the Data view show. */
export function figureCsv(figure: Figure): string {
  return recordsCsv(figure.chart.data.records, figure.chart.data.csvFields);
}

/**
 * A standalone SVG file. The inline SVG uses currentColor, which needs a colour outside a page;
 * credits (a map's boundaries) are added below the chart, since the file travels without the page.
 */
export function figureSvgFile(figure: Figure): string {
  let svg = figure.chart.svg.replace('<svg ', '<svg color="#1a1a1a" ');
  const credits = figure.chart.data.credits;
  if (credits.length) {
    const size = /<svg[^>]* height="([\d.]+)"/.exec(svg);
    if (size) {
      const height = Number(size[1]);
      const extra = 14 * credits.length + 4;
      svg = svg
        .replace(/ height="[\d.]+" viewBox="0 0 ([\d.]+) [\d.]+"/, ` height="${height + extra}" viewBox="0 0 $1 ${height + extra}"`)
        .replace(/<\/svg>$/, `${credits.map((c, i) => `<text x="4" y="${height + 14 * (i + 1)}" font-family="sans-serif" font-size="10" fill="currentColor">${escapeHtml(c)}</text>`).join('')}</svg>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`;
}
