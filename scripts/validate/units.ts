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

/**
 * How a unit relates to others of its quantity: `measure` names the base unit it counts in
 * ("tenge", "kg", "persons") and `scale` how many of it one unit is (million tenge: tenge, 1e6).
 * Indicators that convert between units (per capita) use it; units without it are not converted.
 */
export const UnitMeasure = z.object({ measure: z.string().min(1), scale: z.number().positive() }).strict();
export type UnitMeasure = z.infer<typeof UnitMeasure>;

/** A unit a report adds: what it measures, its label per language, and how it scales. */
export const UnitDefinition = z
  .object({
    kind: z.enum(UNIT_KINDS),
    label: LocalizedText,
    /** The base unit it counts in, e.g. "tenge" for "million tenge" (with `scale`). */
    measure: z.string().min(1).optional(),
    /** How many base units one unit is: 1000000 for "million tenge". */
    scale: z.number().positive().optional(),
    /** The unit a per-capita value of this unit is shown in unless another is asked for: "thousand tenge per person". */
    perCapita: z.string().min(1).optional(),
  })
  .strict()
  .refine((u) => (u.measure === undefined) === (u.scale === undefined), '"measure" and "scale" go together');
export type UnitDefinition = z.infer<typeof UnitDefinition>;

interface GeneratorUnit {
  kind: UnitKind;
  measure?: string;
  scale?: number;
  perCapita?: string;
}

/** The generator's own units (labels in locales/<code>.json, `units`). */
export const GENERATOR_UNITS: Readonly<Record<string, GeneratorUnit>> = {
  't': { kind: 'mass', measure: 'kg', scale: 1e3, perCapita: 'kg per person' },
  'thousand t': { kind: 'mass', measure: 'kg', scale: 1e6, perCapita: 'kg per person' },
  'ha': { kind: 'area', measure: 'ha', scale: 1 },
  'thousand ha': { kind: 'area', measure: 'ha', scale: 1e3 },
  'c/ha': { kind: 'yield' },
  '% of previous year': { kind: 'index' },
  '% of base year': { kind: 'index' },
  '%': { kind: 'percent' },
  'persons': { kind: 'count', measure: 'persons', scale: 1 },
  'thousand persons': { kind: 'count', measure: 'persons', scale: 1e3 },
  'count': { kind: 'count' },
  'ratio': { kind: 'ratio' },
  'score': { kind: 'score' },
  '% per year': { kind: 'percent' },
  'percentage points': { kind: 'percent' },
  'rank': { kind: 'other' },
  'percentile': { kind: 'other' },
  'kg per person': { kind: 'per-capita', measure: 'kg', scale: 1 },
  't per person': { kind: 'per-capita', measure: 'kg', scale: 1e3 },
};

export type UnitId = string;

/** The units one report may use: the generator's and its own. */
export interface UnitCatalogue {
  readonly ids: readonly string[];
  has(id: string): boolean;
  kind(id: string): UnitKind | undefined;
  /** What the unit counts in and how many of it one unit is, when it says. */
  measureOf(id: string): UnitMeasure | undefined;
  /** The unit a per-capita value of this unit is shown in by default, when it says. */
  perCapitaOf(id: string): string | undefined;
}

export function unitCatalogue(reportUnits: Readonly<Record<string, UnitDefinition>> = {}): UnitCatalogue {
  const units = new Map<string, GeneratorUnit>(Object.entries(GENERATOR_UNITS));
  for (const [id, definition] of Object.entries(reportUnits)) units.set(id, { kind: definition.kind, ...(definition.measure ? { measure: definition.measure, scale: definition.scale } : {}), ...(definition.perCapita ? { perCapita: definition.perCapita } : {}) });
  return {
    ids: [...units.keys()],
    has: (id) => units.has(id),
    kind: (id) => units.get(id)?.kind,
    perCapitaOf: (id) => units.get(id)?.perCapita,
    measureOf: (id) => {
      const unit = units.get(id);
      return unit?.measure !== undefined && unit.scale !== undefined ? { measure: unit.measure, scale: unit.scale } : undefined;
    },
  };
}
