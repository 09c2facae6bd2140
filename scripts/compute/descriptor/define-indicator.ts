/**
 * One registration per indicator. Each `compute/indicators/<id>.ts` exports its pure function and,
 * as its default export, one `defineIndicator({...})`; `indicators/registry.ts` collects them, and
 * everything an author can call is derived from the registry:
 *
 *   inline        `{=id(...)}` in Markdown: the argument schema and how one value is computed
 *   tables        `"compute": "<id>"` in a derived table: its options (a zod shape, validated with
 *                 file and JSON path like every table) and how a whole table is computed
 *   series        `transform: <id>` in a chart block: the value of one row in one period
 *   docs          README's table of indicators and the ```indicators block of a methodology page
 *
 * A descriptor holds no I/O: its functions read the in-memory tables they are given.
 */
import type { z } from 'zod';
import type { NumericTable, Row } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import type { Tables } from '../table-access.ts';
import type { ResolvedValue } from '../inline/types.ts';
import type { Derivation, DerivedDefinition, LoadedTables } from './derivation.ts';
import type { ArgumentsOf, Param } from './inline-arguments.ts';

/** Groups, in the order documentation lists them. */
export const INDICATOR_GROUPS = ['dynamics', 'structure', 'intensity', 'specialisation', 'cluster', 'demography', 'typology', 'comparison', 'arithmetic'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

/** The words of one language: a title, and one plain-language line on what the value says. */
export interface IndicatorWords {
  title: string;
  note: string;
}

/**
 * Every text of an indicator, keyed by language code (English required). Kept in one field so
 * the texts can move to the report's language packs without touching the rest of the descriptor.
 */
export type IndicatorText = { en: IndicatorWords } & Partial<Record<string, IndicatorWords>>;

export interface InlineForm {
  /** How an inline call's arguments are read, in order (optional ones last). */
  params: readonly Param[];
  /** A call with neutral ids, shown when an author gets the call wrong. */
  example: string;
  /** Computes one value from the arguments read by `params`. */
  evaluate(args: Readonly<Record<string, unknown>>, tables: Tables): ResolvedValue;
}

export interface TableForm {
  /** The `compute` value of a derived table (default: the indicator's id). */
  compute: string;
  /** The options this form adds to every derived table's fields (from, rows, periods, decimals…). */
  options: Readonly<Record<string, z.ZodType>>;
  /** The tables a definition reads, for ordering derived tables (default: `from` and `by`). */
  inputs(definition: DerivedDefinition): string[];
  /** How the whole table is computed: its unit, rows, periods and one cell at a time. */
  plan(definition: DerivedDefinition, tables: LoadedTables): Derivation;
}

export interface SeriesForm {
  /** Unit of the plotted values. */
  unit: UnitId;
  /** Reads the chart block's `base` (default: the table's base period or its first). */
  needsBase?: boolean;
  /** Records it cannot compute are left out rather than drawn as gaps (the first period of a chain index). */
  omitMissing?: boolean;
  /** One row's value in one period; `rows` are the rows the chart plots. */
  value(table: NumericTable, rows: readonly Row[], row: Row, period: string, base: string | undefined): number | null;
}

export interface IndicatorDescriptor {
  readonly kind: 'indicator';
  /** Kebab-case, the name of its file and of the inline function. */
  id: string;
  group: IndicatorGroup;
  text: IndicatorText;
  /** The unit of the result, or the rule that gives it ("unit of the input"). */
  unit: string;
  /** The formula in TeX. */
  formula: string;
  /** The pure function the indicator is built on. */
  fn?: (...args: never[]) => unknown;
  inline?: InlineForm;
  tables?: readonly TableForm[];
  series?: SeriesForm;
}

type DescriptorInput = Omit<IndicatorDescriptor, 'kind' | 'tables'> & { tables?: ReadonlyArray<Omit<TableForm, 'compute' | 'inputs'> & Partial<Pick<TableForm, 'compute' | 'inputs'>>> };

export function defineIndicator(input: DescriptorInput): IndicatorDescriptor {
  return {
    ...input,
    kind: 'indicator',
    tables: input.tables?.map((form) => ({
      ...form,
      compute: form.compute ?? input.id,
      inputs: form.inputs ?? ((d: DerivedDefinition) => [d.from, ...(typeof d.by === 'string' ? [d.by] : [])]),
    })),
  };
}

export function isIndicatorDescriptor(value: unknown): value is IndicatorDescriptor {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'indicator' && typeof (value as { id?: unknown }).id === 'string';
}

/** An inline form whose `evaluate` receives the arguments typed by its `params`. */
export function inlineForm<const P extends readonly Param[]>(form: { params: P; example: string; evaluate(args: ArgumentsOf<P>, tables: Tables): ResolvedValue }): InlineForm {
  return form as unknown as InlineForm;
}

/** A table form whose `plan` receives the definition typed by its options. */
export function tableForm<S extends Record<string, z.ZodType>>(form: {
  compute?: string;
  options: S;
  inputs?: (definition: DerivedDefinition & z.infer<z.ZodObject<S>>) => string[];
  plan(definition: DerivedDefinition & z.infer<z.ZodObject<S>>, tables: LoadedTables): Derivation;
}): Omit<TableForm, 'compute' | 'inputs'> & Partial<Pick<TableForm, 'compute' | 'inputs'>> {
  return form as unknown as TableForm;
}

/** The words in the first of `languages` (a language and its fallbacks) the indicator has, else English. */
export function indicatorWords(descriptor: Pick<IndicatorDescriptor, 'text'>, languages: readonly string[]): IndicatorWords {
  for (const code of languages) {
    const words = descriptor.text[code];
    if (words) return words;
  }
  return descriptor.text.en;
}
