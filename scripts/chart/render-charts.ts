/**
 * Stage 4 (chart) for the whole report: every chart block of every page rendered to SVG, and
 * numbered per chapter ("Figure 3.2") so cross-references can be resolved in the render stage.
 */
import { throwIfAny, ReportError } from '../errors.ts';
import type { Tables } from '../compute/table-access.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import { renderChart, type RenderedChart } from './render-chart.ts';

export interface Figure {
  id: string;
  anchor: string;
  /** "3.2": chapter number and position in the chapter. */
  number: string;
  pageFile: string;
  chart: RenderedChart;
}

export const figureAnchor = (id: string) => `fig-${id}`;

export async function renderCharts(pages: ParsedPage[], tables: Tables, chapterNumber: (page: ParsedPage) => number): Promise<Map<ParsedPage, Figure[]>> {
  const errors: ReportError[] = [];
  const figures = new Map<ParsedPage, Figure[]>();
  for (const page of pages) {
    const list: Figure[] = [];
    for (const [i, site] of page.charts.entries()) {
      const anchor = figureAnchor(site.block.id);
      try {
        const chart = await renderChart(site.block, tables, { file: page.source.file, line: site.line, locale: page.source.locale, anchor });
        const figure: Figure = { id: site.block.id, anchor, number: `${chapterNumber(page)}.${i + 1}`, pageFile: page.source.file, chart };
        site.token.meta = { figure };
        list.push(figure);
      } catch (error) {
        if (error instanceof ReportError) errors.push(error);
        else throw error;
      }
    }
    figures.set(page, list);
  }
  throwIfAny(errors);
  return figures;
}
