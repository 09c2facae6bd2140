/**
 * Stage 3 (compute) for prose: every `{=…}` in every page is evaluated into a value in the page's
 * language, returned keyed by the token it stands for (the render stage looks it up; nothing is
 * written onto the tokens). All unresolvable references of all pages are reported at once.
 */
import { ContentError, IndicatorError, ReportError, throwIfAny } from '../errors.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import type { Token } from '../render/markdown.ts';
import { localize } from '../validate/table-schema.ts';
import type { LanguageSet } from '../languages/language-set.ts';
import { evaluateReference, type ResolvedValue } from './evaluate-reference.ts';
import { parseReference, ReferenceSyntaxError } from './reference-syntax.ts';
import { LookupProblem, type Tables } from './table-access.ts';

/** A value as one page shows it: its missing reason and note in the page's language. */
export interface ComputedValue extends Omit<ResolvedValue, 'missing' | 'note'> {
  missing?: string;
  note?: string;
  /** What the author wrote. */
  source: string;
}

/** Every inline value of the report, by the token it replaces. */
export type ComputedValues = ReadonlyMap<Token, ComputedValue>;

export function computeReferences(pages: ParsedPage[], tables: Tables, languages: LanguageSet): ComputedValues {
  const errors: ReportError[] = [];
  const values = new Map<Token, ComputedValue>();
  for (const page of pages) {
    const { file, frontMatter, frontMatterLines } = page.source;
    const language = languages.get(page.source.locale);
    const asContentError = (error: unknown, line: number | undefined, source: string): ContentError => {
      if (error instanceof LookupProblem) return new ContentError(`{=${source}}: ${error.message}`, { file, line, ...error.details });
      if (error instanceof ReferenceSyntaxError) return new ContentError(`{=${source}}: ${error.message}`, { file, line, expected: 'a reference like {=harvest.cereals.2019}', fix: 'see "Numbers in the text" in README.md' });
      if (error instanceof IndicatorError) return new ContentError(`{=${source}}: ${error.message}`, { file, line, expected: error.expected, fix: error.fix });
      throw error;
    };
    const named = new Map<string, ResolvedValue>();
    for (const [name, expression] of Object.entries(frontMatter.values ?? {})) {
      try {
        const parsed = parseReference(expression);
        named.set(name, { ...evaluateReference(parsed.reference, tables, named), ...(parsed.decimals === undefined ? {} : { decimals: parsed.decimals }) });
      } catch (error) {
        errors.push(asContentError(error, frontMatterLines.values, expression));
      }
    }
    for (const site of page.values) {
      try {
        const parsed = parseReference(site.meta.source);
        const value = evaluateReference(parsed.reference, tables, named);
        const { missing, note, ...rest } = value;
        const computed: ComputedValue = {
          ...rest,
          decimals: parsed.decimals ?? value.decimals,
          source: site.meta.source,
          ...(missing === undefined ? {} : { missing: localize(missing, language) }),
          ...(note === undefined ? {} : { note: localize(note, language) }),
        };
        values.set(site.token, computed);
      } catch (error) {
        errors.push(asContentError(error, site.line, site.meta.source));
      }
    }
  }
  throwIfAny(errors);
  return values;
}
