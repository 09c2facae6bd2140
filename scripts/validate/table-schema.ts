/**
 * The data-table format: the single source of truth for what a file under `data/` may contain.
 * TypeScript types are inferred from it and the JSON Schema that editors use is generated from it,
 * so the three cannot drift apart.
 *
 * Economic values are strict: a cell is a finite JSON number or `null` with a stated reason.
 * `"1,234"`, `""` and `"12"` are rejected, never coerced.
 */
import { z } from 'zod';
import type { Language } from '../languages/language.ts';

/** A language code of the report ("en", "kk"): its languages are the report's to choose (report.config.json). */
export type Locale = string;

/** Lowercase words joined by hyphens: safe in URLs, file names and inline references. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens, e.g. "harvest"');

/**
 * A text readers see, in one or more of the report's languages: `{"en": "Harvest", "ru": "Урожай"}`.
 * A plain string is in the report's source language. Which languages are allowed, and that the
 * source language is present, is checked against the report's configuration after parsing
 * (validate/text-languages.ts), so the format itself names no language.
 */
export const LocalizedText = z.union([
  z.string().min(1),
  z.record(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en"'), z.string().min(1)).refine((texts) => Object.keys(texts).length > 0, 'at least one language'),
]);
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Periods stay strings: a year ("2019"), a quarter ("2024-Q3") or a month ("2024-07"). */
export const Period = z
  .string()
  .regex(/^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/, 'a year like "2019", a quarter like "2024-Q3" or a month like "2024-07"');

export const Cell = z.number().finite().nullable();

/** A figure the source prints next to the data (e.g. the "2019 in % of 2015" column). */
export const StatedFigure = z
  .object({
    /** Which indicator the source claims this figure is. */
    indicator: z.enum(['base-index', 'chain-index', 'share', 'cumulative-index', 'growth-rate', 'value']),
    period: Period,
    base: Period.optional(),
    value: z.number().finite(),
    /** Decimals the source printed: the tolerance is half a unit of the last one. */
    decimals: z.number().int().min(0).max(6),
    note: LocalizedText.optional(),
  })
  .strict();
export type StatedFigure = z.infer<typeof StatedFigure>;

export const Row = z
  .object({
    id: Slug,
    label: LocalizedText,
    values: z.record(Period, Cell),
    /** Why a value is `null`: required for every null cell. */
    missing: z.record(Period, LocalizedText).optional(),
    /** `total` rows are the sum of the `component` rows (checked when the table declares it). */
    role: z.enum(['total', 'component', 'memo']).optional(),
    stated: z.array(StatedFigure).optional(),
    notes: z.array(LocalizedText).optional(),
  })
  .strict();
export type Row = z.infer<typeof Row>;

/** A correction of an evident slip in the source, recorded so readers can see it. */
export const Fix = z
  .object({
    /** JSON path of the corrected cell, e.g. `rows[3].values.2018`. */
    path: z.string().min(1),
    printed: z.string(),
    corrected: z.union([z.number(), z.string()]),
    reason: LocalizedText,
  })
  .strict();

export const Source = z
  .object({
    /** Key of the work in `data/references.json` (CSL-JSON), e.g. "seed000". */
    ref: z.string().min(1),
    /**
     * Where in the work: "Table 2", "p. 14". Written in English, it is translated where it is a
     * table, figure, page or section number; anything else needs its own translations.
     */
    locator: LocalizedText.optional(),
    /** Anything the reader needs to know about how the figures were taken. */
    note: LocalizedText.optional(),
  })
  .strict();

/**
 * A consistency check declared on a table, run at every build. `error` stops the build when it
 * fails (a transcription slip); `finding` is published on the Data-quality page (a slip in the
 * source that the report discusses). `discussedIn` names the page (and anchor) that explains it.
 */
const CheckBase = {
  severity: z.enum(['error', 'finding']),
  /** "harvest" or "harvest#data-notes": the chapter that discusses a failure. */
  discussedIn: z.string().regex(/^[a-z0-9-]+(#[a-z0-9-]+)?$/, 'a page slug, optionally with #anchor').optional(),
  note: LocalizedText.optional(),
};
export const Check = z.discriminatedUnion('type', [
  /** Components sum to the total in every period, within `tolerance` (absolute, or a fraction of the total when `relative`). */
  z.object({ type: z.literal('sum'), total: Slug.optional(), components: z.array(Slug).min(1).optional(), tolerance: z.number().nonnegative(), relative: z.boolean().optional(), ...CheckBase }).strict(),
  /** Every figure the source prints (`stated`) equals the recomputed value within half a unit of its last digit. */
  z.object({ type: z.literal('stated'), ...CheckBase }).strict(),
  /** Shares of the component rows sum to 100 in every period. */
  z.object({ type: z.literal('share-sum'), tolerance: z.number().nonnegative(), ...CheckBase }).strict(),
  /** Values lie within bounds. */
  z.object({ type: z.literal('range'), min: z.number().optional(), max: z.number().optional(), rows: z.array(Slug).min(1).optional(), ...CheckBase }).strict(),
]);
export type Check = z.infer<typeof Check>;

const TableBase = {
  $schema: z.string().optional(),
  id: Slug,
  title: LocalizedText,
  description: LocalizedText.optional(),
  source: Source,
  /** Further sources, e.g. the reference statistics a table was checked against. */
  alsoFrom: z.array(Source).optional(),
  notes: z.array(LocalizedText).optional(),
  fixes: z.array(Fix).optional(),
};

export const NumericTable = z
  .object({
    ...TableBase,
    kind: z.literal('numeric').optional(),
    /** One of the report's units (validate/units.ts and report.config.json), checked after parsing. */
    unit: z.string().min(1),
    /** Decimals shown when the table's values are printed: declared, never guessed per value. */
    decimals: z.number().int().min(0).max(6),
    /** The base period of index values (unit `% of base year`). */
    basePeriod: Period.optional(),
    periods: z.array(Period).min(1),
    rows: z.array(Row).min(1),
    /** Name of the period dimension for labels ("Year"). */
    periodLabel: LocalizedText.optional(),
    checks: z.array(Check).optional(),
  })
  .strict();
export type NumericTable = z.infer<typeof NumericTable>;

/** A table of words, not numbers: classifications, matrices of programmes × purposes, roles. */
export const TextTable = z
  .object({
    ...TableBase,
    kind: z.literal('text'),
    columns: z
      .array(
        z
          .object({
            id: Slug,
            label: LocalizedText,
            /**
             * The language a column's cells are written in on every page (a glossary's "Russian"
             * column): marked as such for screen readers, hyphenation and search.
             */
            lang: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "kk" or "en"').optional(),
          })
          .strict(),
      )
      .min(1),
    rows: z
      .array(
        z
          .object({
            id: Slug,
            label: LocalizedText,
            cells: z.record(Slug, z.union([LocalizedText, z.null()])),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type TextTable = z.infer<typeof TextTable>;

/**
 * A table computed from other tables at build time: authors ask for an indicator without writing
 * TypeScript, and every cell of the result keeps its formula and inputs.
 *
 * These are the fields every derived table has. `compute` names an indicator's table form, which
 * adds its own options (`by`, `base`, `reference`…): the schema of each is built from the
 * indicator's descriptor (compute/indicators/<id>.ts) in `derived-table-schema.ts`.
 */
export const DerivedTableFields = {
  ...TableBase,
  kind: z.literal('derived'),
  from: Slug,
  /** Rows of the result: ids of `from` rows, or `{ "row in from": "row in by" }` when the ids differ. */
  rows: z.union([z.array(Slug).min(1), z.record(Slug, Slug)]).optional(),
  periods: z.array(Period).min(1).optional(),
  decimals: z.number().int().min(0).max(6),
  periodLabel: LocalizedText.optional(),
  /**
   * The unit of the result when the indicator's own says less than the report knows: a ratio of
   * hectares to holdings is "hectares per holding" (a unit of the report), not a bare "ratio".
   */
  unit: z.string().min(1).optional(),
};
/** A derived table as validated: the common fields, `compute`, and the options of its form. */
export type DerivedTable = z.infer<z.ZodObject<typeof DerivedTableFields>> & { compute: string; by?: string; [option: string]: unknown };

export const Table = z.union([NumericTable, TextTable]);
export type Table = z.infer<typeof Table>;

export function isNumericTable(table: Table): table is NumericTable {
  return table.kind !== 'text';
}

/**
 * The text in `language`, or in the first language of its fallback chain that has it (the chain
 * ends with the source language, which a validated text always has).
 */
export function localize(text: LocalizedText | undefined, language: Language): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  for (const code of language.chain) {
    const found = text[code];
    if (found !== undefined) return found;
  }
  return Object.values(text)[0] ?? '';
}

/** The text in the source language (what classes and ids are matched on): a plain string, or its `source` entry. */
export function sourceText(text: LocalizedText | undefined, source: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[source] ?? Object.values(text)[0] ?? '';
}
