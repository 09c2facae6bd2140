/** Number formats per page language, for Vega (d3-format locale definitions) and for prose. */
import { roundDecimal } from '../compute/round-decimal.ts';

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

export function vegaLocale(locale: string): { number: object } {
  if (locale === 'ru' || locale === 'kk') {
    return { number: { decimal: ',', thousands: NBSP, grouping: [3], currency: ['', `${NBSP}₸`], minus: '−' } };
  }
  return { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' ₸'], minus: '−' } };
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * 182.2 (en), 182,2 (ru, kk); thousands grouped; a declared number of decimals. The one formatter
 * of every number a reader sees: rounded once, by the report's rule (round-decimal.ts), and only
 * then given the language's separators: Intl formats the decimal string as it is, without
 * rounding it again in binary.
 */
export function formatNumber(value: number, decimals: number, locale: string): string {
  const key = `${locale}:${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    // Kazakh writes numbers as Russian does (1 234,5). Node's ICU knows that for 'kk'; Chromium's
    // ICU formats 'kk' as English (1,234.5), so the browser's tooltips would disagree with the page.
    format = new Intl.NumberFormat(locale === 'kk' ? 'ru' : locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, format);
  }
  // Intl uses a narrow no-break space in Russian; a plain no-break space renders in every font.
  // Intl takes a decimal string as an exact value (ECMA-402 NumberFormat v3, Node 20 and every current browser).
  const exact = roundDecimal(value, decimals) as unknown as number;
  return format.format(exact).replace(new RegExp(NARROW_NBSP, 'g'), NBSP).replace('-', '−');
}

/** An input number as the source has it (up to 6 decimals), for formulas. */
export function formatInput(value: number, locale: string): string {
  const decimals = Math.min(6, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, decimals, locale);
}
