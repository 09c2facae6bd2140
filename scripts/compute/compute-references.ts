/**
 * Stage 3 (compute) for prose: every `{=…}` in every page is evaluated into a value in the page's
 * language, returned keyed by the token it stands for (the render stage looks it up; nothing is
 * written onto the tokens). All unresolvable references of all pages are reported at once.
 */
import { ContentError, IndicatorError, ReportError, throwIfAny } from '../errors.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import type { SourcePage } from '../load/load-content.ts';
import type { Language } from '../languages/language.ts';
import type { Token } from '../render/markdown.ts';
import { isNumericTable, localize, type LocalizedText } from '../validate/table-schema.ts';
import type { LanguageSet } from '../languages/language-set.ts';
import { evaluateReference, type ResolvedValue } from './evaluate-reference.ts';
import { parseReference, ReferenceSyntaxError, type Phrase } from './reference-syntax.ts';
import { tf } from '../render/ui-strings.ts';
import { LookupProblem, type Tables } from './table-access.ts';

/** A value as one page shows it: its missing reason and note in the page's language. */
export interface ComputedValue extends Omit<ResolvedValue, 'missing' | 'note' | 'label'> {
  missing?: string;
  note?: string;
  label?: string;
  /** What the author wrote. */
  source: string;
  /** `|change`, `|ordinal`…: shown in words (render/phrases.ts). */
  phrase?: Phrase;
}

/** Every inline value of the report, by the token it replaces. */
export type ComputedValues = ReadonlyMap<Token, ComputedValue>;

/** What evaluating one reference on one page needs. */
export interface ReferenceContext {
  tables: Tables;
  language: Language;
  /** Values named in the page's front matter. */
  named: ReadonlyMap<string, ResolvedValue>;
  /** On a page a template made: its unit. */
  entity?: SourcePage['entity'];
}

/** Thrown for a required value a templated page's unit does not have. */
export class RequiredValueMissing extends Error {}

/**
 * One reference as a page shows it. A templated page's unit may have no row in a table the
 * template reads (a region formed later, a district a source leaves out): unless the reference
 * is `|required`, the value is missing with that reason, and the page says so.
 */
export function computeValue(source: string, context: ReferenceContext): ComputedValue {
  const { tables, language, named, entity } = context;
  const parsed = parseReference(source);
  let value: ResolvedValue;
  try {
    value = evaluateReference(parsed.reference, tables, named);
  } catch (error) {
    if (!entity || parsed.required || !(error instanceof LookupProblem) || error.missingRow?.row !== entity.id) throw error;
    const table = tables.get(error.missingRow.table)?.table;
    value = { value: null, missing: tf(language, 'noUnitRow', { unit: entity.name, table: table ? localize(table.title, language) : error.missingRow.table }), unit: '', decimals: 0, formula: [], inputs: [] };
  }
  // A value missing because a cell it needs is missing says why in that cell's own words.
  if (value.value === null) value = { ...value, missing: inputReason(value, tables) ?? value.missing };
  if (parsed.required && value.value === null && entity) throw new RequiredValueMissing(value.missing === undefined ? '' : localize(value.missing, language));
  const { missing, note, label, ...rest } = value;
  return {
    ...rest,
    decimals: parsed.decimals ?? value.decimals,
    source,
    ...(parsed.phrase ? { phrase: parsed.phrase } : {}),
    ...(missing === undefined ? {} : { missing: localize(missing, language) }),
    ...(note === undefined ? {} : { note: localize(note, language) }),
    ...(label === undefined ? {} : { label: localize(label, language) }),
  };
}

/** The reason the first missing input cell's table gives for it, if any. */
function inputReason(value: ResolvedValue, tables: Tables): LocalizedText | undefined {
  for (const input of value.inputs) {
    const table = tables.get(input.table)?.table;
    const row = table && isNumericTable(table) ? table.rows.find((r) => r.id === input.row) : undefined;
    if (row && (row.values[input.period] ?? null) === null && row.missing?.[input.period] !== undefined) return row.missing[input.period];
  }
  return undefined;
}

/** The ContentError for a reference that cannot be computed: the file, its line and, on a templated page, the unit. */
export function referenceError(error: unknown, source: string, where: { file: string; line?: number; entity?: SourcePage['entity'] }): ContentError {
  const { file, line, entity } = where;
  const about = entity ? ` (on the page of ${entity.placeholder} "${entity.id}")` : '';
  if (error instanceof RequiredValueMissing && entity) {
    return new ContentError(`{=${source}}: no value for ${entity.placeholder} "${entity.id}", and the template requires one`, { file, line, expected: `a value for every unit the template repeats over${error.message ? ` (this one: ${error.message})` : ''}`, fix: 'give the unit its value in the table, leave the unit out of the template ("exclude"), or remove "|required" to say on its page that there is no data' });
  }
  if (error instanceof LookupProblem) return new ContentError(`{=${source}}: ${error.message}${about}`, { file, line, ...error.details });
  if (error instanceof ReferenceSyntaxError) return new ContentError(`{=${source}}: ${error.message}`, { file, line, expected: 'a reference like {=harvest.cereals.2019}', fix: 'see "Numbers in the text" in README.md' });
  if (error instanceof IndicatorError) return new ContentError(`{=${source}}: ${error.message}${about}`, { file, line, expected: error.expected, fix: error.fix });
  throw error;
}

export function computeReferences(pages: ParsedPage[], tables: Tables, languages: LanguageSet): ComputedValues {
  const errors: ReportError[] = [];
  const values = new Map<Token, ComputedValue>();
  for (const page of pages) {
    const { file, frontMatter, frontMatterLines, entity } = page.source;
    const language = languages.get(page.source.locale);
    const named = new Map<string, ResolvedValue>();
    const context: ReferenceContext = { tables, language, named, entity };
    for (const [name, expression] of Object.entries(frontMatter.values ?? {})) {
      try {
        // Kept as a value to compute with: what the page shows ({=name|change}) is decided where it is used.
        const { source: _source, phrase: _phrase, label: _label, ...value } = computeValue(expression, context);
        named.set(name, value);
      } catch (error) {
        errors.push(referenceError(error, expression, { file, line: frontMatterLines.values, entity }));
      }
    }
    for (const site of page.values) {
      try {
        values.set(site.token, computeValue(site.meta.source, context));
      } catch (error) {
        errors.push(referenceError(error, site.meta.source, { file, line: site.line, entity }));
      }
    }
  }
  throwIfAny(errors);
  return values;
}
