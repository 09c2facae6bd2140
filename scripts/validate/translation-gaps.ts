/**
 * What one language of the report lacks that another has: a chapter written in some languages
 * only, or a text in a table translated into some of the report's languages but not all. Listed
 * for authors (build warning, Data-quality page); readers get the English text in its place.
 */
import type { LoadedTable } from '../load/load-tables.ts';
import type { SourcePage } from '../load/load-content.ts';
import { LOCALES, type Locale } from './table-schema.ts';

export interface TranslationGap {
  /** The language that lacks the text. */
  locale: Locale;
  kind: 'chapter' | 'text';
  /** The file that has it: the chapter in another language, or the table. */
  file: string;
  /** For a text: its JSON path in the table, e.g. `rows[3].label`. */
  path?: string;
  /** The languages it exists in. */
  present: Locale[];
}

const isLocale = (key: string): key is Locale => (LOCALES as readonly string[]).includes(key);

/** `{en, ru}`-shaped values: objects whose keys are all languages and that hold English. */
function localizedTexts(value: unknown, path: string, found: Array<{ path: string; present: Locale[] }>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => localizedTexts(item, `${path}[${i}]`, found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.includes('en') && keys.every(isLocale) && keys.every((k) => typeof (value as Record<string, unknown>)[k] === 'string')) {
    found.push({ path, present: keys.filter(isLocale) });
    return;
  }
  for (const [key, child] of Object.entries(value)) localizedTexts(child, path ? `${path}.${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}` : key, found);
}

export function findTranslationGaps(pages: readonly SourcePage[], tables: ReadonlyMap<string, LoadedTable>, locales: readonly Locale[]): TranslationGap[] {
  const gaps: TranslationGap[] = [];
  const bySlug = new Map<string, SourcePage[]>();
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page]);
  for (const versions of bySlug.values()) {
    const present = LOCALES.filter((locale) => versions.some((p) => p.locale === locale));
    for (const locale of locales) {
      if (present.includes(locale)) continue;
      const original = versions.find((p) => p.locale === 'en') ?? versions[0]!;
      gaps.push({ locale, kind: 'chapter', file: original.file, present });
    }
  }
  for (const { table, file, derived } of tables.values()) {
    const texts: Array<{ path: string; present: Locale[] }> = [];
    // A derived table's texts are those its author wrote: the definition's, at its paths.
    localizedTexts(derived ? derived.definition : table, '', texts);
    for (const text of texts) {
      // Only texts someone began to translate: an English-only string is a choice (a name, a code).
      if (text.present.length < 2) continue;
      for (const locale of locales) if (!text.present.includes(locale)) gaps.push({ locale, kind: 'text', file, path: text.path, present: text.present });
    }
  }
  return gaps;
}

/** One line per gap, for the build's warning. */
export function describeGap(gap: TranslationGap): string {
  return gap.kind === 'chapter'
    ? `${gap.locale}: no translation of ${gap.file} (it exists in ${gap.present.join(', ')})`
    : `${gap.locale}: ${gap.file} (${gap.path}) is translated into ${gap.present.join(', ')} only`;
}
