/** Tables as the data appendix shows them: formatted cells, source line, notes, downloads. */
import { formatNumber } from '../languages/number-format.ts';
import { roundDecimal, roundNumber } from '../compute/round-decimal.ts';
import type { Tables } from '../compute/table-access.ts';
import type { References } from '../load/load-references.ts';
import { isNumericTable, localize, sourceText, type Table } from '../validate/table-schema.ts';
import { escapeHtml } from './escape.ts';
import { shortCitation } from './cite-name.ts';
import { sourceLine } from './source-line.ts';
import { noteHtml } from './note-html.ts';
import { t } from './ui-strings.ts';
import { unitLabel, type Language } from '../languages/language.ts';

export interface TableView {
  id: string;
  file: string;
  /** Per locale: the table's HTML (caption, head, body, source, notes). */
  html: Record<string, string>;
  title: Record<string, string>;
  csv: string;
  json: string;
}

export function buildTableViews(tables: Tables, references: References, languages: Language[]): TableView[] {
  const source = languages[0]?.source.code ?? 'en';
  return [...tables.values()]
    .sort((a, b) => a.table.id.localeCompare(b.table.id))
    .map(({ table, file, derived }) => ({
      id: table.id,
      file,
      html: Object.fromEntries(languages.map((language) => [language.code, tableHtml(table, language, references)])),
      title: Object.fromEntries(languages.map((language) => [language.code, localize(table.title, language)])),
      csv: tableCsv(table, derived !== undefined, source),
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

export function tableHtml(table: Table, language: Language, references: References, subset: TableSubset = {}): string {
  const e = escapeHtml;
  const pick = <T extends { id: string }>(rows: T[]) => (subset.rows ? subset.rows.map((id) => rows.find((r) => r.id === id)).filter((r): r is T => r !== undefined) : rows);
  let head: string;
  let body: string;
  let unit = '';
  if (isNumericTable(table)) {
    unit = table.unit === '% of base year' ? `${table.basePeriod ?? ''} = 100` : unitLabel(table.unit, language);
    const periods = subset.columns ?? table.periods;
    head = `<tr><th scope="col"><span class="visually-hidden">${e(t(language, 'series'))}</span></th>${periods.map((p) => `<th scope="col" class="num-col">${e(p)}</th>`).join('')}</tr>`;
    body = pick(table.rows)
      .map((row) => `<tr${row.role === 'total' ? ' class="total-row"' : ''}><th scope="row">${e(localize(row.label, language))}</th>${periods.map((p) => {
        const v = row.values[p];
        return v === null || v === undefined ? `<td class="num-col" title="${e(localize(row.missing?.[p], language))}">…</td>` : `<td class="num-col">${e(formatNumber(v, table.decimals, language))}</td>`;
      }).join('')}</tr>`)
      .join('');
  } else {
    const columns = subset.columns ? table.columns.filter((c) => subset.columns?.includes(c.id)) : table.columns;
    head = `<tr><th scope="col"><span class="visually-hidden">${e(t(language, 'item'))}</span></th>${columns.map((c) => `<th scope="col">${e(localize(c.label, language))}</th>`).join('')}</tr>`;
    body = pick(table.rows).map((row) => `<tr><th scope="row">${e(localize(row.label, language))}</th>${columns.map((c) => {
      const cell = row.cells[c.id];
      const lang = c.lang && c.lang !== language.code ? ` lang="${e(c.lang)}"` : '';
      if (cell === null || cell === undefined) return `<td${lang}></td>`;
      const text = localize(cell, language);
      return `<td${lang}>${citationsHtml(text, language, references) ?? e(text)}</td>`;
    }).join('')}</tr>`).join('');
  }
  // How the figures were taken (each source's note) comes first: a derived table says there how it is computed.
  const sourceNotes = [table.source, ...(table.alsoFrom ?? [])].flatMap((s) => (s.note === undefined ? [] : [noteHtml(localize(s.note, language), language, references)]));
  const notes = [...sourceNotes, ...(table.notes ?? []).map((n) => noteHtml(localize(n, language), language, references)), ...(table.fixes ?? []).map((f) => `${e(fixedCell(table, f.path, language))}: ${e(f.printed)} → ${e(String(f.corrected))}. ${noteHtml(localize(f.reason, language), language, references)}`)];
  // The caption labels the scrollable region: unique per placement, even when a table is shown twice.
  const captionId = `${subset.id ?? `table-${table.id}`}-caption`;
  const description = table.description === undefined ? '' : `<p class="table-description">${noteHtml(localize(table.description, language), language, references)}</p>\n`;
  return `${description}<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${e(captionId)}"><table class="data-table"><caption id="${e(captionId)}">${subset.captionHtml ?? e(localize(table.title, language))}${unit ? ` <span class="table-unit">(${e(unit)})</span>` : ''}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="figure-source">${sourceLine(table, language, references)}</p>${notes.length ? `<ul class="table-notes">${notes.map((n) => `<li>${e(t(language, 'note'))}: ${n}</li>`).join('')}</ul>` : ''}`;
}

/**
 * The cell a correction is about, as a reader names it: "Vegetables, 2018" for
 * `rows[3].values.2018`, the row and column labels for a text table's `rows[0].cells.years`; any
 * other path as written.
 */
function fixedCell(table: Table, path: string, language: Language): string {
  const match = /^rows\[(\d+)\]\.(values|cells)\.([\w-]+)$/.exec(path);
  const row = match ? table.rows[Number(match[1])] : undefined;
  if (!match || !row) return path;
  const column = isNumericTable(table) ? match[3] : table.columns.find((c) => c.id === match[3])?.label;
  return `${localize(row.label, language)}, ${column === undefined ? match[3] : localize(column, language)}`;
}

/**
 * A text cell that names works of the bibliography by their keys only ("seed001; seed004"), as
 * linked citations in the page language; undefined for any other text.
 */
function citationsHtml(text: string, language: Language, references: References): string | undefined {
  const items = text.split(';').map((key) => ({ key: key.trim(), item: references.get(key.trim()) }));
  if (items.some(({ item }) => item === undefined)) return undefined;
  return items.map(({ key, item }) => `<a href="/${language.code}/references/#ref-${escapeHtml(key)}">${escapeHtml(shortCitation(item!, language))}</a>`).join('; ');
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

/** Labels in the source language: the CSV is the same file whichever page links to it. */
function tableCsv(table: Table, computed: boolean, source: string): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  if (isNumericTable(table)) {
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : computed ? roundDecimal(v, table.decimals) : String(v));
    const lines = [['row', 'label', ...table.periods].join(','), ...table.rows.map((r) => [r.id, quote(sourceText(r.label, source)), ...table.periods.map((p) => cell(r.values[p]))].join(','))];
    return `${lines.join('\n')}\n`;
  }
  const lines = [['row', 'label', ...table.columns.map((c) => c.id)].join(','), ...table.rows.map((r) => [r.id, quote(sourceText(r.label, source)), ...table.columns.map((c) => quote(sourceText(r.cells[c.id] ?? undefined, source)))].join(','))];
  return `${lines.join('\n')}\n`;
}
