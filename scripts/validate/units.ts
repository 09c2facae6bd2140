/**
 * Units. The generator knows the units its indicators compute with (tonnes and hectares for
 * yields, index and percentage units, counts of people); a report adds the units its tables
 * measure in (a currency, "thousand head") in report.config.json. The list is closed per report,
 * so a typo ("mln tenge") is caught at build time and indicators can refuse to combine values in
 * different units. Labels per language come from the language packs (`units`) for the
 * generator's units and from the report's definition for its own.
 */
import { z } from 'zod';
import { LocalizedText } from './table-schema.ts';

export const UNIT_KINDS = ['money', 'mass', 'area', 'yield', 'index', 'percent', 'count', 'ratio', 'score', 'per-capita', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A unit a report adds: what it measures and its label per language. */
export const UnitDefinition = z
  .object({
    kind: z.enum(UNIT_KINDS),
    label: LocalizedText,
  })
  .strict();
export type UnitDefinition = z.infer<typeof UnitDefinition>;

/** The generator's own units (labels in locales/<code>.json, `units`). */
export const GENERATOR_UNITS = {
  't': 'mass',
  'thousand t': 'mass',
  'ha': 'area',
  'thousand ha': 'area',
  'c/ha': 'yield',
  '% of previous year': 'index',
  '% of base year': 'index',
  '%': 'percent',
  'persons': 'count',
  'thousand persons': 'count',
  'count': 'count',
  'ratio': 'ratio',
  'score': 'score',
  '% per year': 'percent',
  'percentage points': 'percent',
  'rank': 'other',
  'percentile': 'other',
  'kg per person': 'per-capita',
  't per person': 'per-capita',
} as const satisfies Record<string, UnitKind>;

export type UnitId = string;

/** The units one report may use: the generator's and its own. */
export interface UnitCatalogue {
  readonly ids: readonly string[];
  has(id: string): boolean;
  kind(id: string): UnitKind | undefined;
}

export function unitCatalogue(reportUnits: Readonly<Record<string, UnitDefinition>> = {}): UnitCatalogue {
  const kinds = new Map<string, UnitKind>(Object.entries(GENERATOR_UNITS));
  for (const [id, definition] of Object.entries(reportUnits)) kinds.set(id, definition.kind);
  return { ids: [...kinds.keys()], has: (id) => kinds.has(id), kind: (id) => kinds.get(id) };
}
