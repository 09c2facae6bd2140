/**
 * The one rounding rule of the report: decimal, half away from zero, on the decimal value the
 * author's cells give. An indicator is computed in binary floating point, so 21.15 / 20 × 100
 * comes out as 105.74999999999999 and would be rounded down, while the same figure computed in
 * another order (21.15 × 100 / 20 = 105.75) is rounded up: a page would show two numbers for one
 * fact. Reading the value at 15 significant digits first, the precision a double holds exactly,
 * removes that noise (105.750000000000) before the rounding, so every order of computation and
 * every place that shows the number (text, tables, charts, descriptions, tooltips, CSV, notes)
 * gives the same digits.
 */

/** Significant digits a double represents exactly in decimal (DBL_DIG). */
const SIGNIFICANT = 15;

/**
 * `value` rounded to `decimals` decimals, as a plain decimal string ("-105.8", "0.0"), never in
 * exponent notation and never "-0".
 */
export function roundDecimal(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`);
  const negative = value < 0;
  // "1.23450000000000e+5" or "123450.000000000": digits and the position of the decimal point.
  const [mantissa = '0', exponentText] = Math.abs(value).toPrecision(SIGNIFICANT).split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + Number(exponentText ?? 0);
  // Make room so the point falls inside the digits, with `decimals` digits after it and one to round on.
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point + decimals + 1, '0');
  const kept = digits.slice(0, point + decimals);
  const roundUp = Number(digits[point + decimals]) >= 5;
  let result = roundUp ? increment(kept) : kept;
  const intLength = result.length - decimals;
  let text = `${result.slice(0, intLength).replace(/^0+(?=\d)/, '')}${decimals ? `.${result.slice(intLength)}` : ''}`;
  if (text.startsWith('.')) text = `0${text}`;
  result = text;
  return negative && /[1-9]/.test(result) ? `-${result}` : result;
}

/** `roundDecimal` as a number: the double nearest to the rounded decimal. */
export function roundNumber(value: number, decimals: number): number {
  return Number(roundDecimal(value, decimals));
}

/** Adds one to a string of decimal digits ("0999" → "1000"). */
function increment(digits: string): string {
  const out = digits.split('');
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== '9') {
      out[i] = String(Number(out[i]) + 1);
      return out.join('');
    }
    out[i] = '0';
  }
  return `1${out.join('')}`;
}
