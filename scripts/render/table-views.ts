/** Tables as the data appendix shows them: formatted cells, source line, notes, downloads. */
import { formatNumber } from '../chart/locale.ts';
import { roundDecimal, roundNumber } from '../compute/round-decimal.ts';
import type { Tables } from '../compute/table-access.ts';
import type { References } from '../load/load-references.ts';
import { isNumericTable, localize, type Locale, type Table } from '../validate/table-schema.ts';
import { unitLabel, type UnitId } from '../validate/units.ts';
import { escapeHtml } from './escape.ts';
import { shortCitation } from './cite-name.ts';
import { sourceLine } from './source-line.ts';
import { t } from './ui-strings.ts';

export interface TableView {
  id: string;
  file: string;
  /** Per locale: the table's HTML (caption, head, body, source, notes). */
  html: Record<string, string>;
  title: Record<string, string>;
  csv: string;
  json: string;
}

export function buildTableViews(tables: Tables, references: References, locales: Locale[]): TableView[] {
  return [...tables.values()]
    .sort((a, b) => a.table.id.localeCompare(b.table.id))
    .map(({ table, file, derived }) => ({
      id: table.id,
      file,
      html: Object.fromEntries(locales.map((locale) => [locale, tableHtml(table, locale, references)])),
      title: Object.fromEntries(locales.map((locale) => [locale, localize(table.title, locale)])),
      csv: tableCsv(table, derived !== undefined),
      json: `${JSON.stringify(derived ? roundedTable(table) : table, null, 2)}\n`,
    }));
}

export interface TableSubset {
  rows?: string[];
  /** Periods of a numeric table or column ids of a text table. */
  columns?: string[];
  /** Replaces the caption (HTML, already escaped): a table block's numbered caption. */
  captionHtml?: string;
  /** Unique in the page: names the caption that labels the scrollable region. */
  id?: string;
}

export function tableHtml(table: Table, locale: Locale, references: References, subset: TableSubset = {}): string {
  const e = escapeHtml;
  const pick = <T extends { id: string }>(rows: T[]) => (subset.rows ? subset.rows.map((id) => rows.find((r) => r.id === id)).filter((r): r is T => r !== undefined) : rows);
  let head: string;
  let body: string;
  let unit = '';
  if (isNumericTable(table)) {
    unit = table.unit === '% of base year' ? `${table.basePeriod ?? ''} = 100` : unitLabel(table.unit as UnitId, locale);
    const periods = subset.columns ?? table.periods;
    head = `<tr><th scope="col"><span class="visually-hidden">${e(t(locale, 'series'))}</span></th>${periods.map((p) => `<th scope="col" class="num-col">${e(p)}</th>`).join('')}</tr>`;
    body = pick(table.rows)
      .map((row) => `<tr${row.role === 'total' ? ' class="total-row"' : ''}><th scope="row">${e(localize(row.label, locale))}</th>${periods.map((p) => {
        const v = row.values[p];
        return v === null || v === undefined ? `<td class="num-col" title="${e(localize(row.missing?.[p], locale))}">…</td>` : `<td class="num-col">${e(formatNumber(v, table.decimals, locale))}</td>`;
      }).join('')}</tr>`)
      .join('');
  } else {
    const columns = subset.columns ? table.columns.filter((c) => subset.columns?.includes(c.id)) : table.columns;
    head = `<tr><th scope="col"><span class="visually-hidden">${e(t(locale, 'item'))}</span></th>${columns.map((c) => `<th scope="col">${e(localize(c.label, locale))}</th>`).join('')}</tr>`;
    body = pick(table.rows).map((row) => `<tr><th scope="row">${e(localize(row.label, locale))}</th>${columns.map((c) => {
      const cell = row.cells[c.id];
      const lang = c.lang && c.lang !== locale ? ` lang="${e(c.lang)}"` : '';
      if (cell === null || cell === undefined) return `<td${lang}></td>`;
      const text = localize(cell, locale);
      return `<td${lang}>${citationsHtml(text, locale, references) ?? e(text)}</td>`;
    }).join('')}</tr>`).join('');
  }
  const notes = [...(table.notes ?? []).map((n) => noteHtml(localize(n, locale))), ...(table.fixes ?? []).map((f) => `${e(fixedCell(table, f.path, locale))}: ${e(f.printed)} → ${e(String(f.corrected))}. ${noteHtml(localize(f.reason, locale))}`)];
  // The caption labels the scrollable region: unique per placement, even when a table is shown twice.
  const captionId = `${subset.id ?? `table-${table.id}`}-caption`;
  return `<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${e(captionId)}"><table class="data-table"><caption id="${e(captionId)}">${subset.captionHtml ?? e(localize(table.title, locale))}${unit ? ` <span class="table-unit">(${e(unit)})</span>` : ''}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="figure-source">${sourceLine(table, locale, references)}</p>${notes.length ? `<ul class="table-notes">${notes.map((n) => `<li>${e(t(locale, 'note'))}: ${n}</li>`).join('')}</ul>` : ''}`;
}

/** A note as HTML: text in `backticks` is an identifier (a table or row id, a file name), shown as code. */
function noteHtml(text: string): string {
  return text
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('');
}

/**
 * The cell a correction is about, as a reader names it: "Vegetables, 2018" for
 * `rows[3].values.2018`, the row and column labels for a text table's `rows[0].cells.years`; any
 * other path as written.
 */
function fixedCell(table: Table, path: string, locale: Locale): string {
  const match = /^rows\[(\d+)\]\.(values|cells)\.([\w-]+)$/.exec(path);
  const row = match ? table.rows[Number(match[1])] : undefined;
  if (!match || !row) return path;
  const column = isNumericTable(table) ? match[3] : table.columns.find((c) => c.id === match[3])?.label;
  return `${localize(row.label, locale)}, ${column === undefined ? match[3] : localize(column, locale)}`;
}

/**
 * A text cell that names works of the bibliography by their keys only ("seed001; seed004"), as
 * linked citations in the page language; undefined for any other text.
 */
function citationsHtml(text: string, locale: string, references: References): string | undefined {
  const items = text.split(';').map((key) => ({ key: key.trim(), item: references.get(key.trim()) }));
  if (items.some(({ item }) => item === undefined)) return undefined;
  return items.map(({ key, item }) => `<a href="/${locale}/references/#ref-${escapeHtml(key)}">${escapeHtml(shortCitation(item!, locale))}</a>`).join('; ');
}

/**
 * A table as CSV. A source table's cells are written as the author wrote them; a computed
 * (derived) table's at its declared decimals, rounded by the report's one rule, so the download
 * has the digits the pages show rather than binary noise (105.74999999999999).
 */
/** A computed table with its values rounded as the pages show them, for the JSON download. */
function roundedTable(table: Table): Table {
  if (!isNumericTable(table)) return table;
  return { ...table, rows: table.rows.map((r) => ({ ...r, values: Object.fromEntries(Object.entries(r.values).map(([p, v]) => [p, v === null || v === undefined ? v : roundNumber(v, table.decimals)])) })) };
}

function tableCsv(table: Table, computed: boolean): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  if (isNumericTable(table)) {
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : computed ? roundDecimal(v, table.decimals) : String(v));
    const lines = [['row', 'label', ...table.periods].join(','), ...table.rows.map((r) => [r.id, quote(localize(r.label, 'en')), ...table.periods.map((p) => cell(r.values[p]))].join(','))];
    return `${lines.join('\n')}\n`;
  }
  const lines = [['row', 'label', ...table.columns.map((c) => c.id)].join(','), ...table.rows.map((r) => [r.id, quote(localize(r.label, 'en')), ...table.columns.map((c) => quote(localize(r.cells[c.id] ?? undefined, 'en')))].join(','))];
  return `${lines.join('\n')}\n`;
}
