/**
 * The one formatter of every number a reader sees, in the page language's style (its pack's
 * `number`): 182.2 (en), 182,2 (ru, kk); thousands grouped; a declared number of decimals. The
 * value is rounded once, by the report's rule (round-decimal.ts), and only then given the
 * language's separators, as text: nothing rounds it again in binary, and no ICU data decides the
 * separators (browsers ship ICU data for fewer languages than Node does). The browser's chart
 * tooltips use the same functions with the style the page carries.
 */
import { roundDecimal } from '../compute/round-decimal.ts';
import type { Language } from './language.ts';
import type { NumberStyle } from './pack-schema.ts';

export function formatNumber(value: number, decimals: number, language: Language): string {
  return formatDecimal(roundDecimal(value, decimals), language.pack.number);
}

/** An input number as the source has it (up to 6 decimals), for formulas. */
export function formatInput(value: number, language: Language): string {
  return formatInputIn(value, language.pack.number);
}

export function formatInputIn(value: number, style: NumberStyle): string {
  const decimals = Math.min(6, (String(value).split('.')[1] ?? '').length);
  return formatDecimal(roundDecimal(value, decimals), style);
}

/** A decimal string ("-1234.5") in a number style: "−1,234.5", "−1 234,5". */
export function formatDecimal(decimal: string, style: NumberStyle): string {
  const negative = decimal.startsWith('-');
  const [whole = '0', fraction] = (negative ? decimal.slice(1) : decimal).split('.');
  const grouped = whole.length >= 3 + style.minimumGroupingDigits ? whole.replace(/\B(?=(\d{3})+$)/g, style.group) : whole;
  return `${negative ? style.minus : ''}${grouped}${fraction === undefined ? '' : `${style.decimal}${fraction}`}`;
}

/** A number style as a d3-format locale, for Vega's axes, labels and tooltips. */
export function vegaLocale(style: NumberStyle): { number: object } {
  return { number: { decimal: style.decimal, thousands: style.group, grouping: [3], currency: ['', ''], minus: style.minus } };
}
