/**
 * A language pack: every word the generator itself says in one language (the site's interface,
 * chart axes and generated descriptions, the Data-quality page), and how that language writes
 * numbers, dates, periods and locators. The generator ships packs in `locales/`; a report adds a
 * language, or rewords one, with a pack of its own (report.config.json, `strings`), which may be
 * partial: what it lacks comes from the language's fallbacks.
 *
 * Messages are plain text with named placeholders, `{name}`, replaced as they are (no plural or
 * select syntax): a message that would need a condition is two keys (`mapOf`, `mapOfPeriod`).
 */
import { z } from 'zod';

/** A BCP 47 language tag as used in folders and `lang` attributes: "en", "kk", "pt-BR". */
export const LanguageTag = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en", "kk" or "pt-BR"');

const Message = z.string().min(1);
const Months = z.array(z.string().min(1)).length(12, 'twelve month names, January first');

export const NumberStyle = z
  .object({
    /** Decimal separator: "." (1,234.5) or "," (1 234,5). */
    decimal: z.string().min(1).max(3),
    /** Thousands separator; a no-break space where the language groups with spaces. */
    group: z.string().max(3),
    /** Minus sign: "−" (U+2212) sets negative numbers as typographers do. */
    minus: z.string().min(1).max(3).default('−'),
    /** Digits an integer part needs before it is grouped: 1 (1,234) or 2 (1234 but 12 345). */
    minimumGroupingDigits: z.number().int().min(1).max(3).default(1),
  })
  .strict();
export type NumberStyle = z.infer<typeof NumberStyle>;

/** How the language names periods inside sentences, for generated chart descriptions. */
export const PeriodForms = z
  .object({
    /** "in 2019" as this language says it, `{year}`: "2019 жылы". Default: the year as it is. */
    inYear: Message.optional(),
    /** "in December 2023", `{year}` and `{month}` (from `monthsIn`). Default: the period as it is. */
    inMonth: Message.optional(),
    /** Month names in the form `inMonth` needs. */
    monthsIn: Months.optional(),
    /** A span of years as a noun, `{first}`, `{last}`: "2015–2019 жылдар". Default: "{first}–{last}". */
    spanYears: Message.optional(),
  })
  .strict();

/** Numbered parts of a work ("Table 2", "p. 14"), `{n}` the number, for citations' locators. */
export const LocatorWords = z
  .object({ table: Message, tables: Message, figure: Message, figures: Message, page: Message, pages: Message, section: Message })
  .strict();

/**
 * How the language writes an ordinal number ("3rd", "3-е", "3-ші"): `pattern` with `{n}` and
 * `{suffix}`; the suffix is that of the longest of `suffixes`' keys the number's digits end with
 * ("11" before "1": 11th, 21st), else `otherwise`.
 */
export const OrdinalRules = z
  .object({
    pattern: Message,
    suffixes: z.record(z.string().regex(/^\d{1,3}$/, 'the last digits of a number, e.g. "1" or "11"'), z.string()),
    otherwise: z.string(),
  })
  .strict();
export type OrdinalRules = z.infer<typeof OrdinalRules>;

export const SearchHints = z
  .object({
    /** Latin letters readers type for letters of this language's script, e.g. {"i": "і"}. */
    lookalikes: z.record(z.string().length(1), z.string().min(1)).optional(),
    /** The script (Unicode script name) inside whose words the look-alikes are replaced: "Cyrillic". */
    lookalikesIn: z.string().regex(/^[A-Z][a-z]+$/, 'a Unicode script name such as "Cyrillic"').optional(),
  })
  .strict();

const Messages = z.record(z.string().min(1), Message);

const PackFields = {
  $schema: z.string().optional(),
  /** The language's own name, shown to readers choosing it: "Қазақша". */
  name: z.string().min(1),
  /** Which subset of the report's fonts a page in this language loads first: "latin", "cyrillic". */
  fontSubset: z.string().regex(/^[a-z-]+$/, 'a font subset name such as "latin" or "cyrillic"'),
  number: NumberStyle,
  /** Dates in citations: `{day} {month} {year}` with the month from `months`. */
  date: z.object({ pattern: Message, months: Months }).strict(),
  periods: PeriodForms.optional(),
  locators: LocatorWords,
  ordinals: OrdinalRules,
  /** Labels of units in axis titles and table headers, by unit id: {"thousand t": "thousand tonnes"}. */
  units: Messages,
  search: SearchHints.optional(),
  /** The site's interface (navigation, headings, search, the PDF). */
  ui: Messages,
  /** Chart axes, legends, descriptions and the figure's citation line. */
  chart: Messages,
  /** The Data-quality page's descriptions of consistency checks. */
  checks: Messages,
};

export const LanguagePack = z.object({ code: LanguageTag, ...PackFields }).strict();
export type LanguagePack = z.infer<typeof LanguagePack>;

/** What a report writes for a language: any part of a pack; the rest comes from the language's fallbacks. */
export const PartialLanguagePack = z
  .object({
    $schema: z.string().optional(),
    name: PackFields.name.optional(),
    fontSubset: PackFields.fontSubset.optional(),
    number: NumberStyle.partial().optional(),
    date: z.object({ pattern: Message.optional(), months: Months.optional() }).strict().optional(),
    periods: PeriodForms.optional(),
    locators: LocatorWords.partial().optional(),
    ordinals: OrdinalRules.optional(),
    units: Messages.optional(),
    search: SearchHints.optional(),
    ui: Messages.optional(),
    chart: Messages.optional(),
    checks: Messages.optional(),
  })
  .strict();
export type PartialLanguagePack = z.infer<typeof PartialLanguagePack>;

/** The placeholders of a message, in order: `"{a} in {pa}"` → ["a", "pa"]. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1] ?? '');
}

/** A message with its placeholders replaced; a placeholder without a value stays as written. */
export function fillMessage(message: string, values: Readonly<Record<string, string | number>>): string {
  return message.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
