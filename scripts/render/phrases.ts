/**
 * A computed value in words, as a reference asks with an option (`{=…|change}`), in the page
 * language's words (its pack's `ui` messages and `ordinals`), so a sentence written once reads
 * right for every unit a template repeats over and in every language: no "increased by −3 %",
 * no "1th".
 *
 *   |change    a signed change as a rise, a fall or no change: "rose by 3.2 %", "fell by 1.5 %"
 *   |ordinal   a position: "3rd", "3-е", "3-ші"
 *   |rank      a rank among the units compared: "3rd of 17", "joint 3rd of 17"
 *
 * The number inside a phrase is formatted by the one formatter at the value's decimals, and
 * whether a change is "none" is decided on those digits: 0.04 with one decimal did not change.
 */
import { roundDecimal } from '../compute/round-decimal.ts';
import type { ComputedValue } from '../compute/compute-references.ts';
import { fillMessage } from '../languages/pack-schema.ts';
import { unitLabel, type Language } from '../languages/language.ts';
import { formatNumber } from '../languages/number-format.ts';
import { t, tf } from './ui-strings.ts';

/** "3rd", "3-е", "3-ші": the language's ordinal of a whole number. */
export function ordinal(n: number, language: Language): string {
  const digits = String(Math.abs(Math.trunc(n)));
  const { pattern, suffixes, otherwise } = language.pack.ordinals;
  const ending = Object.keys(suffixes)
    .filter((end) => digits.endsWith(end))
    .sort((a, b) => b.length - a.length)[0];
  return fillMessage(pattern, { n: digits, suffix: ending === undefined ? otherwise : (suffixes[ending] ?? otherwise) });
}

/** The value in the words its reference asked for; undefined for a value without a phrase or without a value. */
export function phraseOf(value: ComputedValue, language: Language): string | undefined {
  if (!value.phrase || value.value === null) return undefined;
  switch (value.phrase) {
    case 'change': {
      const digits = roundDecimal(value.value, value.decimals);
      if (!/[1-9]/.test(digits)) return t(language, 'changeNone');
      const size = `${formatNumber(Math.abs(value.value), value.decimals, language)}${unitSuffix(value.unit, language)}`;
      return tf(language, value.value > 0 ? 'changeUp' : 'changeDown', { value: size });
    }
    case 'ordinal':
      return ordinal(value.value, language);
    case 'rank': {
      const count = value.rank?.of;
      const place = ordinal(value.value, language);
      if (count === undefined) return place;
      return tf(language, (value.rank?.tied ?? 1) > 1 ? 'rankOfTied' : 'rankOf', { ordinal: place, count: formatNumber(count, 0, language) });
    }
    default:
      return undefined;
  }
}

/** " %", " million tenge": the unit after a number in a phrase; nothing for ratios, ranks and bare counts. */
function unitSuffix(unit: string, language: Language): string {
  if (unit === '%' || unit === 'percentage points') return unit === '%' ? '\u00a0%' : `\u00a0${unitLabel(unit, language)}`;
  if (unit === '' || unit === 'ratio' || unit === 'rank' || unit === 'count' || unit === 'score') return '';
  return `\u00a0${unitLabel(unit, language)}`;
}
