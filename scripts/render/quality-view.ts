/** The Data-quality page's model: every declared check, grouped by table, failures and gaps listed one by one. */
import { formatNumber } from '../languages/number-format.ts';
import type { CheckDetail, CheckResult } from '../compute/consistency-checks.ts';
import { checkWords } from './check-strings.ts';
import type { Tables } from '../compute/table-access.ts';
import { localize } from '../validate/table-schema.ts';
import { sourceOf, type Language } from '../languages/language.ts';

export type CheckStatus = 'passed' | 'finding' | 'error' | 'not-checked';

export interface QualityRow {
  status: CheckStatus;
  /** The first line of a check: what it tests and how many results passed. */
  summary: boolean;
  description: string;
  period?: string;
  expected: string;
  actualText: string;
  differenceText: string;
  note?: string;
  discussedIn?: string;
  /** `/en/harvest/#data-notes`: the chapter in this language, or in the source language until it is translated. */
  discussedUrl?: string;
}

export interface QualityView {
  total: number;
  passed: number;
  findings: number;
  notChecked: number;
  groups: Array<{ table: string; title: Record<string, string>; results: QualityRow[] }>;
}

function decimalsOf(text: string): number {
  return /^-?\d+(?:\.(\d+))?$/.test(text) ? (text.split('.')[1]?.length ?? 0) : 2;
}

/** An input number (a tolerance, a bound) with the decimals it was written with, up to 6. */
const inputNumber = (value: number, language: Language) => formatNumber(value, Math.min(6, (String(value).split('.')[1] ?? '').length), language);

/** What a check as a whole tests, in the page's language. */
export function checkSummary(detail: CheckDetail, tables: Tables, table: string, language: Language): string {
  const words = checkWords(language);
  const label = (rowId: string) => localize(tables.get(table)?.table.rows.find((r) => r.id === rowId)?.label, language) || rowId;
  switch (detail.kind) {
    case 'sum':
      return detail.total === undefined ? words.noTotal : words.sum(detail.components.map(label).join(' + '), label(detail.total), inputNumber(detail.tolerance, language), detail.relative);
    case 'stated':
      return words.stated;
    case 'share-sum':
      return words.shareSum(inputNumber(detail.tolerance, language));
    case 'range':
      return words.range(`${detail.min === undefined ? '−∞' : inputNumber(detail.min, language)} … ${detail.max === undefined ? '∞' : inputNumber(detail.max, language)}`);
  }
}

/** The row (and figure) one result is about, in the page's language. */
export function checkSubject(detail: CheckDetail, tables: Tables, table: string, language: Language): string {
  const words = checkWords(language);
  const label = (rowId: string) => localize(tables.get(table)?.table.rows.find((r) => r.id === rowId)?.label, language) || rowId;
  switch (detail.kind) {
    case 'sum':
      return detail.total === undefined ? '' : label(detail.total);
    case 'stated':
      return words.statedSubject(label(detail.row), words.indicator(detail.indicator), detail.period, detail.base);
    case 'share-sum':
      return words.shares;
    case 'range':
      return label(detail.row);
  }
}

export function qualityView(checks: CheckResult[], tables: Tables, languages: Language[], language: Language, pageUrls: ReadonlySet<string>): QualityView {
  const chapterUrl = (slug: string) => (pageUrls.has(`/${language.code}/${slug}/`) ? `/${language.code}/${slug}/` : `/${sourceOf(language)}/${slug}/`);
  const groups = new Map<string, QualityView['groups'][number]>();
  const summaries = new Map<string, CheckResult[]>();
  for (const result of checks) {
    const group = groups.get(result.table) ?? { table: result.table, title: Object.fromEntries(languages.map((l) => [l.code, localize(tables.get(result.table)?.table.title, l)])), results: [] };
    groups.set(result.table, group);
    const key = `${result.table}\u0000${result.index}`;
    summaries.set(key, [...(summaries.get(key) ?? []), result]);
  }
  for (const results of summaries.values()) {
    const first = results[0] as CheckResult;
    const group = groups.get(first.table) as QualityView['groups'][number];
    const passed = results.filter((r) => r.passed === true).length;
    // One line for what passed, then every result that did not.
    group.results.push({ status: passed === results.length ? 'passed' : 'finding', summary: true, description: checkWords(language).passedOf(checkSummary(first.detail, tables, first.table, language), passed, results.length), note: results.some((r) => r.passed === false) ? localize(first.note, language) || undefined : undefined, expected: '', actualText: '', differenceText: '' });
    for (const r of results.filter((x) => x.passed !== true)) {
      const decimals = decimalsOf(r.expected);
      const [slug, anchor] = (r.discussedIn ?? '').split('#');
      group.results.push({
        status: r.passed === null ? 'not-checked' : r.severity === 'error' ? 'error' : 'finding',
        description: checkSubject(r.detail, tables, r.table, language),
        summary: false,
        period: r.period,
        expected: /^-?\d+(\.\d+)?$/.test(r.expected) ? formatNumber(Number(r.expected), decimals, language) : r.expected,
        actualText: r.actual === null ? '…' : formatNumber(r.actual, decimals, language),
        differenceText: r.difference === undefined ? '' : formatNumber(r.difference, decimals, language),
        note: localize(r.note, language) !== localize(first.note, language) ? localize(r.note, language) || undefined : undefined,
        discussedIn: r.discussedIn,
        discussedUrl: r.discussedIn ? `${chapterUrl(slug ?? '')}${anchor ? `#${anchor}` : ''}` : undefined,
      });
    }
  }
  return {
    total: checks.length,
    passed: checks.filter((c) => c.passed === true).length,
    findings: checks.filter((c) => c.passed === false).length,
    notChecked: checks.filter((c) => c.passed === null).length,
    groups: [...groups.values()],
  };
}
