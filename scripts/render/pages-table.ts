/**
 * A ```pages block as HTML: the template's pages, one row per unit linked to its page, with the
 * block's figures; sortable by readers (data-sortable, scripts/browser/sort-table.ts), in the
 * block's order (or sorted by its `sort` column) without JavaScript.
 */
import { roundDecimal } from '../compute/round-decimal.ts';
import type { PageTable } from '../compute/compute-page-tables.ts';
import type { ComputedValue } from '../compute/compute-references.ts';
import { chartWords } from '../chart/chart-strings.ts';
import type { Language } from '../languages/language.ts';
import { formatInput, formatNumber } from '../languages/number-format.ts';
import { escapeHtml } from './escape.ts';
import { phraseOf } from './phrases.ts';
import { t } from './ui-strings.ts';

export function pagesTableHtml(table: PageTable, language: Language, id: string): string {
  const e = escapeHtml;
  const { block } = table;
  const sortColumn = block.sort === undefined ? undefined : block.sort - 1;
  const descending = block.order !== 'ascending';
  const rows = sortColumn === undefined ? table.rows : sortedRows(table.rows, sortColumn, descending);
  const ariaSort = (c: number) => (c === sortColumn ? ` aria-sort="${descending ? 'descending' : 'ascending'}"` : '');
  const head = `<tr><th scope="col">${e(chartWords(language).name)}</th>${block.columns.map((column, c) => `<th scope="col" class="num-col"${ariaSort(c)}>${e(column.label)}</th>`).join('')}</tr>`;
  const body = rows
    .map((row) => `<tr><th scope="row"><a href="${e(row.url)}">${e(row.name)}</a></th>${row.cells.map((cell) => cellHtml(cell, language)).join('')}</tr>`)
    .join('\n');
  const captionId = `${id}-caption`;
  return `<figure class="table-figure pages-table" id="${e(id)}">
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${e(captionId)}"><table class="data-table" data-sortable><caption id="${e(captionId)}">${e(block.title ?? '')}</caption><thead>${head}</thead><tbody>
${body}
</tbody></table></div>
</figure>`;
}

/** A cell: the value as the text would show it, its formula as a tooltip, its exact value for sorting. */
function cellHtml(cell: ComputedValue, language: Language): string {
  const e = escapeHtml;
  if (cell.value === null) return `<td class="num-col" data-value=""${cell.missing ? ` title="${e(cell.missing)}"` : ''}>${e(t(language, 'missing'))}</td>`;
  const text = phraseOf(cell, language) ?? formatNumber(cell.value, cell.decimals, language);
  const formula = cell.formula.length ? cell.formula.map((term) => (typeof term === 'number' ? formatInput(term, language) : term)).join('') : '';
  return `<td class="num-col" data-value="${e(roundDecimal(cell.value, Math.max(cell.decimals, 6)))}"${formula ? ` title="${e(`${formatNumber(cell.value, cell.decimals, language)} = ${formula}`)}"` : ''}>${e(text)}</td>`;
}

/** Rows by one column's value; units without a value last, in their own order. */
function sortedRows(rows: PageTable['rows'], column: number, descending: boolean): PageTable['rows'] {
  return [...rows].sort((a, b) => {
    const x = a.cells[column]?.value ?? null;
    const y = b.cells[column]?.value ?? null;
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return descending ? y - x : x - y;
  });
}
