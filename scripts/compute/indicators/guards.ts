/**
 * Checks and small builders shared by the indicators: input validation, the division-by-zero error
 * naming table, row and period, missing-value results and formula pieces. Pure, no I/O.
 */
import { IndicatorError } from '../../errors.ts';
import { MISSING_TERM, type Component, type Computed, type Term, type Where } from './types.ts';

/** ` in table "t", row "r", period "p"` for the parts of `where` that are known, or ''. */
export function describeWhere(where?: Where): string {
  const parts: string[] = [];
  if (where?.table !== undefined) parts.push(`table "${where.table}"`);
  if (where?.row !== undefined) parts.push(`row "${where.row}"`);
  if (where?.period !== undefined) parts.push(`period "${where.period}"`);
  return parts.length > 0 ? ` in ${parts.join(', ')}` : '';
}

/** The error for a divisor that is 0. `what` names the divisor, e.g. 'base value'. */
export function divisionByZero(what: string, where?: Where, fix?: string): IndicatorError {
  return new IndicatorError(`division by zero: ${what} is 0${describeWhere(where)}`, {
    file: where?.file,
    expected: `a non-zero ${what}`,
    fix:
      fix ??
      `check the ${what} in the data table; if it really is 0 this indicator is undefined for it, so use one that does not divide by it (e.g. absolute change)`,
  });
}

/** The error for an input that cannot be used. */
export function invalidInput(problem: string, where: Where | undefined, expected: string, fix: string): IndicatorError {
  return new IndicatorError(`invalid input: ${problem}${describeWhere(where)}`, { file: where?.file, expected, fix });
}

/**
 * The result of an indicator as a finite number: inputs at the edge of what a double holds can
 * overflow to Infinity or NaN, which must be refused, never printed.
 */
export function finiteResult(value: number, what: string, where?: Where): number {
  if (Number.isFinite(value)) return value;
  throw new IndicatorError(`the ${what} is too large to compute (${String(value)})${describeWhere(where)}`, {
    file: where?.file,
    expected: 'inputs of ordinary magnitude',
    fix: 'check the values in the data table: one is probably mistyped by several orders of magnitude',
  });
}

/** Throws unless `value` is a finite number or null. */
export function checkNumber(name: string, value: number | null, where?: Where): void {
  if (value === null) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidInput(
      `${name} is ${typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value)}`,
      where,
      `${name} as a finite number, or null when the figure is missing`,
      'correct the cell in the data table (a missing figure is null with a reason, never 0 or text)',
    );
  }
}

/** Throws unless `value` is a finite non-negative number or null. */
export function checkNonNegative(name: string, value: number | null, where?: Where, why?: string): void {
  checkNumber(name, value, where);
  if (value !== null && value < 0) {
    throw invalidInput(
      `${name} is negative (${value})`,
      where,
      `${name} ≥ 0${why ? ` (${why})` : ''}`,
      'correct the sign in the data table, or use an indicator that accepts negative values (e.g. absolute change)',
    );
  }
}

/** Throws when a list the indicator needs is empty. */
export function checkNotEmpty(name: string, list: readonly unknown[], where?: Where): void {
  if (!Array.isArray(list) || list.length === 0) {
    throw invalidInput(`${name} is empty`, where, `at least one ${name.replace(/s$/, '')}`, `pass the ${name} to the indicator`);
  }
}

/** Throws when two units that must agree differ (only when both are stated). */
export function checkSameUnit(aName: string, a: string | undefined, bName: string, b: string | undefined, where?: Where): void {
  if (a !== undefined && b !== undefined && a !== b) {
    throw new IndicatorError(`unit mismatch: ${aName} is in "${a}" but ${bName} is in "${b}"${describeWhere(where)}`, {
      file: where?.file,
      expected: `${aName} and ${bName} in the same unit`,
      fix: 'convert one of them first, or pick two series measured on the same basis',
    });
  }
}

/** Validates a list of components: unique keys, finite or null values, optionally non-negative. */
export function checkComponents(name: string, components: readonly Component[], where?: Where, nonNegative = true): void {
  checkNotEmpty(name, components, where);
  const seen = new Set<string>();
  for (const c of components) {
    if (seen.has(c.key)) {
      throw invalidInput(`${name} has "${c.key}" twice`, where, 'each key once', `remove or rename the duplicate "${c.key}"`);
    }
    seen.add(c.key);
    if (nonNegative) checkNonNegative(`${name} "${c.key}"`, c.value, where);
    else checkNumber(`${name} "${c.key}"`, c.value, where);
  }
}

/** The reason a result is missing, e.g. 'base value is missing'. Call it when some input is null. */
export function missingReason(inputs: ReadonlyArray<readonly [name: string, value: number | null]>): string {
  const names = inputs.filter(([, v]) => v === null).map(([n]) => n);
  if (names.length === 0) return 'an input is missing';
  if (names.length === 1) return `${names[0]} is missing`;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} are missing`;
}

/** A result whose value could not be computed. */
export function missingResult(unit: string, formula: Term[], missing: string): Computed {
  return { value: null, unit, formula, missing };
}

/** A number for a formula, or the missing sign. */
export function term(value: number | null): Term {
  return value ?? MISSING_TERM;
}

/** Up to this many terms a sum or product is written out in full; beyond it, abbreviated. */
export const MAX_LISTED_TERMS = 8;

/** `[a, ' + ', b, ' + ', c]`, or `['Σ of 12 <what>']` when the list is long. */
export function sumTerms(values: readonly (number | null)[], what: string): Term[] {
  if (values.length > MAX_LISTED_TERMS) return [`Σ of ${values.length} ${what}`];
  const out: Term[] = [];
  values.forEach((v, i) => {
    if (i > 0) out.push(' + ');
    out.push(term(v));
  });
  return out;
}

/** Sum of finite numbers (callers have already checked there is no null). */
export function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

const SUPERSCRIPT: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻', '.': '·' };

/** 12 → '¹²', for exponents written inside a formula. */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((ch) => SUPERSCRIPT[ch] ?? ch)
    .join('');
}

/** Throws when two lists of components do not have the same keys. */
export function checkSameKeys(aName: string, a: readonly Component[], bName: string, b: readonly Component[], where?: Where): void {
  const aKeys = new Set(a.map((c) => c.key));
  const bKeys = new Set(b.map((c) => c.key));
  const onlyA = [...aKeys].filter((k) => !bKeys.has(k));
  const onlyB = [...bKeys].filter((k) => !aKeys.has(k));
  if (onlyA.length > 0 || onlyB.length > 0) {
    const parts: string[] = [];
    if (onlyA.length > 0) parts.push(`only in ${aName}: ${onlyA.map((k) => `"${k}"`).join(', ')}`);
    if (onlyB.length > 0) parts.push(`only in ${bName}: ${onlyB.map((k) => `"${k}"`).join(', ')}`);
    throw invalidInput(
      `${aName} and ${bName} do not list the same components (${parts.join('; ')})`,
      where,
      `the same keys in ${aName} and ${bName}`,
      'align the two lists (same sectors or regions, same spelling)',
    );
  }
}

/** A scale factor that is a power of ten, as a formula operator: ' × 10 ÷ ' for a factor of 10, ' × 10⁴ ÷ ' for 10 000, ' × 10⁻² ÷ ' for 0.01. */
export function powerOfTenTerm(factor: number, after: string): string {
  const exp = Math.round(Math.log10(factor));
  return exp === 0 ? after : ` × 10${exp === 1 ? '' : superscript(exp)}${after}`;
}
