/**
 * One language of a report, as every stage that writes for readers uses it: its code, the chain
 * of languages whose texts stand in for a missing one, and its complete pack (the generator's
 * pack for the language, the report's additions over it, and for anything still missing the
 * fallback languages' packs). Built once per build by `languageSet` (language-set.ts) and passed
 * down; nothing here is global, so two reports with different languages can build in one process.
 */
import { fillMessage, type LanguagePack } from './pack-schema.ts';

export interface Language {
  /** The language tag: folder name under content/, `lang` attribute, URL prefix. */
  readonly code: string;
  /**
   * Where a text missing in this language is taken from, in order, starting with the language
   * itself and ending with the report's source language.
   */
  readonly chain: readonly string[];
  /** The complete pack: every key of the generator's source pack has a message. */
  readonly pack: LanguagePack;
  /** The report's source language (this one, for the source language itself): what locators and class names are written in. */
  readonly source: Language;
  /** Memo for word sets built from the pack (chart words, check words), keyed by their builder. */
  readonly memo: Map<unknown, unknown>;
}

/** A language; `source` is the report's source language, or undefined when this is it. */
export function createLanguage(code: string, chain: readonly string[], pack: LanguagePack, source?: Language): Language {
  const language = { code, chain, pack, memo: new Map(), source: undefined as unknown as Language };
  language.source = source ?? language;
  return language;
}

/** A value built once per language from its pack (e.g. the chart words' functions). */
export function memoised<T>(language: Language, builder: (language: Language) => T): T {
  if (!language.memo.has(builder)) language.memo.set(builder, builder(language));
  return language.memo.get(builder) as T;
}

/** An interface string with its placeholders filled: `message(lang, 'ui', 'searchNone', {q})`. */
export function message(language: Language, section: 'ui' | 'chart' | 'checks', key: string, values: Readonly<Record<string, string | number>> = {}): string {
  const text = language.pack[section][key];
  if (text === undefined) throw new Error(`language pack "${language.code}" has no ${section} message "${key}"`);
  return fillMessage(text, values);
}

const YEAR = /^\d{4}$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** "in <period>" as the language puts it inside a sentence ("2019 жылы"); the period itself when it has no form. */
export function periodIn(language: Language, period: string): string {
  const forms = language.pack.periods;
  if (YEAR.test(period)) return forms?.inYear ? fillMessage(forms.inYear, { year: period }) : period;
  const month = MONTH.exec(period);
  const name = month && forms?.monthsIn ? forms.monthsIn[Number(month[2]) - 1] : undefined;
  return month && name && forms?.inMonth ? fillMessage(forms.inMonth, { year: month[1] ?? '', month: name }) : period;
}

/** A span of periods as a noun: "2015–2019", "2015–2019 жылдар" (years only get the language's form). */
export function periodSpan(language: Language, first: string, last: string): string {
  const form = language.pack.periods?.spanYears;
  return form && YEAR.test(first) && YEAR.test(last) ? fillMessage(form, { first, last }) : `${first}–${last}`;
}

/** A date (YYYY-MM-DD) as the language writes it: "1 July 2024", "1 июля 2024 г.", "2024 жылғы 1 шілде". */
export function formatDate(isoDate: string, language: Language): string {
  // Written from the pack rather than by Intl: browsers' ICU data lacks some languages (Debian's
  // Chromium prints "2024 M03 5" for one), and the build and the browser must agree.
  const [year = '', month = '1', day = '1'] = isoDate.split('-');
  const { pattern, months } = language.pack.date;
  return fillMessage(pattern, { day: String(Number(day)), month: months[Number(month) - 1] ?? month, year });
}

/** Ends a sentence with one full stop ("… 2024 г." already has one). */
export const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/**
 * A unit's label in the language ("thousand tonnes", "тыс. тонн"). A ratio of two units an
 * indicator made up ("ha per holding") is written from theirs ("га / хозяйство"); any other unit
 * without a label shows its id.
 */
export function unitLabel(unit: string, language: Language): string {
  const label = language.pack.units[unit];
  if (label !== undefined) return label;
  const ratio = /^(.+) per (.+)$/.exec(unit);
  const [a, b] = [ratio?.[1], ratio?.[2]];
  if (a !== undefined && b !== undefined && language.pack.units[a] !== undefined && language.pack.units[b] !== undefined) {
    return message(language, 'ui', 'unitPer', { a: language.pack.units[a] as string, b: language.pack.units[b] as string });
  }
  return unit;
}

/** The report's source language's code (what classes and ids are matched on). */
export function sourceOf(language: Language): string {
  return language.source.code;
}
