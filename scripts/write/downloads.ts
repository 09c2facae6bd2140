/** Files readers download: each table as CSV and JSON, each figure's data as CSV and the chart as SVG. */
import type { Report } from '../build.ts';

export function siteDownloads(report: Report): Array<{ url: string; content: string }> {
  const files: Array<{ url: string; content: string }> = [];
  for (const table of report.tables) {
    files.push({ url: `/data/${table.id}.csv`, content: table.csv }, { url: `/data/${table.id}.json`, content: table.json });
  }
  for (const page of report.pages) {
    for (const figure of page.figures) {
      files.push({ url: `${page.url}${figure.anchor}.csv`, content: figure.csv }, { url: `${page.url}${figure.anchor}.svg`, content: figure.svg });
    }
  }
  return files;
}
