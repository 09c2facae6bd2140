/** A chart as a figure: number, title, unit, SVG, source line, Data view and downloads. */
import type { Figure } from '../chart/render-charts.ts';
import { formatNumber } from '../chart/locale.ts';
import { escapeHtml, jsonForScript } from './escape.ts';
import { t } from './ui-strings.ts';
import { sourceLine } from './source-line.ts';
import type { References } from '../load/load-references.ts';

export function figureHtml(figure: Figure, locale: string, references: References, pageUrl: string): string {
  const { chart } = figure;
  const { data } = chart;
  const e = escapeHtml;
  const periods = data.periods;
  const valueOf = (key: string, period: string) => data.records.find((r) => r.key === key && r.period === period)?.value ?? null;
  const header = `<tr><th scope="col">${e(t(locale, 'series'))}</th>${periods.map((p) => `<th scope="col">${e(p)}</th>`).join('')}</tr>`;
  const body = data.series
    .map(([key, label]) => `<tr><th scope="row">${e(label)}</th>${periods.map((p) => {
      const v = valueOf(key, p);
      return `<td>${v === null ? '…' : e(formatNumber(v, data.decimals, locale))}</td>`;
    }).join('')}</tr>`)
    .join('');
  const base = `${pageUrl}${figure.anchor}`;
  return `<figure class="figure" id="${e(figure.anchor)}">
<figcaption class="figure-caption"><span class="figure-number">${e(t(locale, 'figure'))} ${e(figure.number)}.</span> <span class="figure-title">${e(chart.block.title)}</span><span class="figure-subtitle">${e(chart.subtitle)}</span></figcaption>
<div class="chart" data-chart="${e(figure.anchor)}">${chart.svg}</div>
<script type="application/json" class="chart-spec">${jsonForScript(chart.vega)}</script>
<p class="figure-source">${sourceLine(data.table, locale, references)}</p>
<details class="figure-data"><summary>${e(t(locale, 'data'))}</summary>
<div class="table-scroll"><table class="data-table"><caption>${e(chart.block.title)} (${e(chart.subtitle)})</caption><thead>${header}</thead><tbody>${body}</tbody></table></div>
</details>
<p class="figure-links"><a href="${e(base)}.csv" download>CSV</a> · <a href="${e(base)}.svg" download>SVG</a> · <a href="#${e(figure.anchor)}">${e(t(locale, 'permalink'))}</a></p>
</figure>`;
}

/** The plotted records as CSV: exactly what the chart and the Data view show. */
export function figureCsv(figure: Figure): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ['period,series,key,value', ...figure.chart.data.records.map((r) => [r.period, quote(r.series), r.key, r.value === null ? '' : String(r.value)].join(','))];
  return `${lines.join('\n')}\n`;
}

/** A standalone SVG file: the inline SVG uses currentColor, which needs a colour outside a page. */
export function figureSvgFile(figure: Figure): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${figure.chart.svg.replace('<svg ', '<svg color="#1a1a1a" ')}\n`;
}
