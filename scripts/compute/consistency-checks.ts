/**
 * Stage 3 (compute) for data quality: every check declared on a table is run, and each result
 * says table, row, period, expected and actual. Failed `error` checks stop the build; failed
 * `finding` checks are published on the Data-quality page, linked to the chapter that discusses them.
 */
import { roundDecimal, roundNumber } from './round-decimal.ts';
import { DataError, throwIfAny } from '../errors.ts';
import { sourceText, type Check, type LocalizedText, type NumericTable, type StatedFigure } from '../validate/table-schema.ts';
import { baseIndex, chainIndex, cumulativeIndex, growthRate } from './indicators/index.ts';
import { wholeOf, type Tables } from './table-access.ts';

export interface CheckResult {
  table: string;
  file: string;
  /** Position of the check in the table's `checks`, for the JSON path in messages. */
  index: number;
  type: Check['type'];
  severity: Check['severity'];
  row?: string;
  period?: string;
  /** What the check expected (the printed figure, the total, the bounds). */
  expected: string;
  /** What the data give; null when an input is missing. */
  actual: number | null;
  difference?: number;
  /** null: not checked, because an input is missing (never counted as a pass or a failure). */
  passed: boolean | null;
  /** One line in plain words. */
  description: string;
  /** What the check as a whole tests, the same for all its results. */
  summary: string;
  /** The row (and figure) this result is about, short. */
  subject: string;
  /** The same facts as data, for the page to phrase in its own language (quality-view.ts). */
  detail: CheckDetail;
  discussedIn?: string;
  /** The author's note on the check or the printed figure, in every language it was written in. */
  note?: LocalizedText;
}

/** What a result is about, language-free: row ids (not labels) and plain numbers. */
export type CheckDetail =
  | { kind: 'sum'; total?: string; components: string[]; tolerance: number; relative: boolean }
  | { kind: 'stated'; row: string; indicator: StatedFigure['indicator']; period: string; base?: string; printed: number; recomputed: number | null; decimals: number }
  | { kind: 'share-sum'; tolerance: number }
  | { kind: 'range'; row: string; min?: number; max?: number };

const round = roundNumber;

/** The value a stated figure claims, recomputed from the table; null when an input is missing. */
export function recompute(table: NumericTable, rowId: string, figure: StatedFigure): number | null {
  const row = table.rows.find((r) => r.id === rowId);
  const at = (period: string | undefined) => (period === undefined ? null : (row?.values[period] ?? null));
  const base = figure.base ?? table.basePeriod ?? table.periods[0];
  switch (figure.indicator) {
    case 'value':
      return at(figure.period);
    case 'base-index':
      return baseIndex(at(figure.period), at(base), { table: table.id, row: rowId, period: base }).value;
    case 'growth-rate':
      return growthRate(at(figure.period), at(base), { table: table.id, row: rowId, period: base }).value;
    case 'chain-index': {
      const previous = table.periods[table.periods.indexOf(figure.period) - 1];
      return chainIndex(at(figure.period), at(previous), { table: table.id, row: rowId, period: previous }).value;
    }
    case 'cumulative-index': {
      const periods = table.periods.slice(table.periods.indexOf(base ?? '') + 1, table.periods.indexOf(figure.period) + 1);
      return cumulativeIndex(periods.map((p) => at(p)), { table: table.id, row: rowId, period: figure.period }).value;
    }
    case 'share': {
      const { total, components } = wholeOf(table);
      const whole = total ? (total.values[figure.period] ?? null) : components.reduce<number | null>((s, r) => (s === null || r.values[figure.period] == null ? null : s + (r.values[figure.period] ?? 0)), 0);
      const part = at(figure.period);
      return part === null || whole === null || whole === 0 ? null : (part / whole) * 100;
    }
  }
}

function runCheck(table: NumericTable, file: string, check: Check, index: number, source: string): CheckResult[] {
  const base = { table: table.id, file, index, type: check.type, severity: check.severity, discussedIn: check.discussedIn, note: check.note };
  // Rows as the source language names them: these texts are for authors (messages); readers get checkSubject's.
  const label = (rowId: string) => sourceText(table.rows.find((r) => r.id === rowId)?.label, source) || rowId;
  switch (check.type) {
    case 'sum': {
      const { total: totalRow, components: componentRows } = wholeOf(table);
      const totalId = check.total ?? totalRow?.id;
      const componentIds = check.components ?? componentRows.map((r) => r.id);
      if (!totalId) return [{ ...base, expected: 'a total row', actual: null, passed: false, description: 'no total row: mark one row "role": "total" or name it in the check', summary: 'sum', subject: '', detail: { kind: 'sum', components: componentIds, tolerance: check.tolerance, relative: check.relative ?? false } }];
      const summary = `${componentIds.map(label).join(' + ')} = ${label(totalId)} (tolerance ${check.tolerance}${check.relative ? ' of the total' : ''})`;
      return table.periods.map((period) => {
        const total = table.rows.find((r) => r.id === totalId)?.values[period] ?? null;
        const parts = componentIds.map((id) => table.rows.find((r) => r.id === id)?.values[period] ?? null);
        const sum = parts.some((p) => p === null) ? null : parts.reduce<number>((s, p) => s + (p ?? 0), 0);
        const difference = sum === null || total === null ? undefined : sum - total;
        const limit = check.relative && total !== null ? Math.abs(total) * check.tolerance : check.tolerance;
        const passed = difference === undefined ? null : Math.abs(difference) <= limit + 1e-9;
        return { ...base, row: totalId, period, expected: total === null ? 'missing' : String(total), actual: sum === null ? null : round(sum, 6), difference: difference === undefined ? undefined : round(difference, 6), passed, description: summary, summary, subject: label(totalId), detail: { kind: 'sum' as const, total: totalId, components: componentIds, tolerance: check.tolerance, relative: check.relative ?? false } };
      });
    }
    case 'stated':
      return table.rows.flatMap((row) =>
        (row.stated ?? []).map((figure) => {
          const actual = recompute(table, row.id, figure);
          const difference = actual === null ? undefined : actual - figure.value;
          const what = figure.base ? `${figure.indicator} ${figure.period} vs ${figure.base}` : `${figure.indicator} ${figure.period}`;
          const printed = roundDecimal(figure.value, figure.decimals);
          // The printed figure is right when it is the recomputed value rounded by the report's one
          // rule (half away from zero): the digits the page shows beside it are then the same.
          const recomputed = actual === null ? undefined : roundDecimal(actual, figure.decimals);
          return { ...base, row: row.id, period: figure.period, expected: printed, actual: actual === null ? null : round(actual, 6), difference: difference === undefined ? undefined : round(difference, 6), passed: recomputed === undefined ? null : recomputed === printed, description: `${label(row.id)}: printed ${what} = ${printed}; recomputed ${recomputed ?? 'n/a'}`, summary: 'figures printed in the source equal the recomputed values, within half a unit of their last digit', subject: `${label(row.id)}: ${what}`, detail: { kind: 'stated' as const, row: row.id, indicator: figure.indicator, period: figure.period, base: figure.base, printed: figure.value, recomputed: actual === null ? null : round(actual, 6), decimals: figure.decimals }, note: figure.note ?? base.note };
        }),
      );
    case 'share-sum':
      return table.periods.map((period) => {
        const values = wholeOf(table).components.map((r) => r.values[period] ?? null);
        const sum = values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
        const difference = sum === null ? undefined : sum - 100;
        return { ...base, period, expected: '100', actual: sum === null ? null : round(sum, 6), difference: difference === undefined ? undefined : round(difference, 6), passed: difference === undefined ? null : Math.abs(difference) <= check.tolerance + 1e-9, description: `shares sum to 100 (tolerance ${check.tolerance})`, summary: `shares sum to 100 (tolerance ${check.tolerance})`, subject: 'Σ shares', detail: { kind: 'share-sum' as const, tolerance: check.tolerance } };
      });
    case 'range': {
      const rows = check.rows ? table.rows.filter((r) => check.rows?.includes(r.id)) : table.rows;
      const bounds = `${check.min ?? '−∞'} … ${check.max ?? '∞'}`;
      return rows.flatMap((row) =>
        table.periods
          .filter((period) => row.values[period] !== null && row.values[period] !== undefined)
          .map((period) => {
            const value = row.values[period] as number;
            const passed = (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
            return { ...base, row: row.id, period, expected: bounds, actual: value, passed, description: `${label(row.id)} within ${bounds}`, summary: `values within ${bounds}`, subject: label(row.id), detail: { kind: 'range' as const, row: row.id, min: check.min, max: check.max } };
          }),
      );
    }
  }
}

export function runChecks(tables: Tables, pageSlugs: ReadonlySet<string>, source: string): CheckResult[] {
  const results: CheckResult[] = [];
  const errors: DataError[] = [];
  for (const { table, file } of [...tables.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    if (!('checks' in table) || !table.checks) continue;
    table.checks.forEach((check, index) => {
      if (check.discussedIn && !pageSlugs.has(check.discussedIn.split('#')[0] ?? '')) {
        errors.push(new DataError(`check ${index + 1} is discussed in "${check.discussedIn}", which is not a page of the report`, { file, path: `checks[${index}].discussedIn`, expected: `a chapter slug: ${[...pageSlugs].join(', ')}`, fix: 'correct the slug (the file name without its number and .md)' }));
      }
      for (const result of runCheck(table, file, check, index, source)) {
        results.push(result);
        if (result.passed === false && check.severity === 'error') {
          errors.push(new DataError(`check failed: ${result.description}${result.period ? ` in ${result.period}` : ''}: expected ${result.expected}, got ${result.actual ?? 'a missing value'}`, { file, path: `checks[${index}]`, expected: 'the check to pass (it is declared "severity": "error")', fix: 'correct the transcribed value, or declare the check a "finding" if the source itself is wrong and the report discusses it' }));
        }
      }
    });
  }
  throwIfAny(errors);
  return results;
}
