/**
 * What one language of the report lacks that another has: a chapter written in some languages
 * only, or a text in a table translated into some of the report's languages but not all. Listed
 * for authors (build warning, Data-quality page); readers get the text of the language's
 * fallback (at last the source language) in its place.
 */
import type { LoadedTable } from '../load/load-tables.ts';
import type { SourcePage } from '../load/load-content.ts';
import { DerivedTable } from './derived-table-schema.ts';
import { NumericTable, TextTable, type Locale } from './table-schema.ts';
import { findTexts } from './text-languages.ts';
import { formatJsonPath } from '../load/json-source.ts';

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

export function findTranslationGaps(pages: readonly SourcePage[], tables: ReadonlyMap<string, LoadedTable>, locales: readonly Locale[], source: Locale): TranslationGap[] {
  const gaps: TranslationGap[] = [];
  const bySlug = new Map<string, SourcePage[]>();
  for (const page of pages) bySlug.set(page.slug, [...(bySlug.get(page.slug) ?? []), page]);
  for (const versions of bySlug.values()) {
    const present = locales.filter((locale) => versions.some((p) => p.locale === locale));
    for (const locale of locales) {
      if (present.includes(locale)) continue;
      const original = versions.find((p) => p.locale === source) ?? versions[0]!;
      gaps.push({ locale, kind: 'chapter', file: original.file, present });
    }
  }
  for (const { table, file, derived } of tables.values()) {
    // A derived table's texts are those its author wrote: the definition's, at its paths.
    const texts = derived ? findTexts(DerivedTable, derived.definition) : findTexts(table.kind === 'text' ? TextTable : NumericTable, table);
    for (const { path, text } of texts) {
      // Only texts someone began to translate: a source-language-only string is a choice (a name, a code).
      if (typeof text === 'string') continue;
      const present = locales.filter((locale) => locale in text);
      if (present.length < 2) continue;
      for (const locale of locales) if (!present.includes(locale)) gaps.push({ locale, kind: 'text', file, path: formatJsonPath(path), present });
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
