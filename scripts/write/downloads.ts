/** Files readers download: each table as CSV and JSON, each figure's data as CSV and the chart as SVG. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
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

/** Writes the downloads under the site folder, a folder at a time. */
export async function writeDownloads(files: Array<{ url: string; content: string }>, siteDir: string): Promise<void> {
  const byFolder = new Map<string, Array<{ url: string; content: string }>>();
  for (const file of files) {
    const folder = path.posix.dirname(file.url);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  for (const [folder, inFolder] of byFolder) {
    await fs.mkdir(path.join(siteDir, folder), { recursive: true });
    await Promise.all(inFolder.map((file) => fs.writeFile(path.join(siteDir, file.url), file.content)));
  }
}
