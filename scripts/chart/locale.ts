/** Number formats per page language, for Vega (d3-format locale definitions) and for prose. */

const NARROW_NBSP = '\u202f';
const NBSP = '\u00a0';

export function vegaLocale(locale: string): { number: object } {
  if (locale === 'ru' || locale === 'kk') {
    return { number: { decimal: ',', thousands: NBSP, grouping: [3], currency: ['', `${NBSP}₸`], minus: '−' } };
  }
  return { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ' ₸'], minus: '−' } };
}

const formatters = new Map<string, Intl.NumberFormat>();

/** 182.2 (en), 182,2 (ru, kk); thousands grouped; a declared number of decimals. */
export function formatNumber(value: number, decimals: number, locale: string): string {
  const key = `${locale}:${decimals}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'kk' ? 'ru' : locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formatters.set(key, format);
  }
  // Intl uses a narrow no-break space in Russian; a plain no-break space renders in every font.
  return format.format(value).replace(new RegExp(NARROW_NBSP, 'g'), NBSP).replace('-', '−');
}

/** An input number as the source has it (up to 6 decimals), for formulas. */
export function formatInput(value: number, locale: string): string {
  const decimals = Math.min(6, (String(value).split('.')[1] ?? '').length);
  return formatNumber(value, decimals, locale);
}
