/** Looking up the report's geographies (data/geographies/, validate/geography-schema.ts) for maps. */
import { localize } from '../validate/table-schema.ts';
import type { Geographies, Geography, TerritorialUnit } from '../validate/geography-schema.ts';
import type { Language } from '../languages/language.ts';

export type { Geographies, Geography, TerritorialUnit };

export function unitShortName(unit: TerritorialUnit, language: Language): string {
  return localize(unit.short, language);
}

/** The noun for `n` units in `language` ("regions"), from its fallbacks where the geography gives none. */
export function unitNoun(geography: Geography, language: Language, plural = true): string {
  const words = language.chain.map((code) => geography.unitWord[code]).find((w) => w !== undefined) ?? ['unit', 'units'];
  return words[plural ? 1 : 0];
}

/** The geography whose units include every one of `ids`, or undefined. */
export function geographyOf(geographies: Geographies, ids: readonly string[]): Geography | undefined {
  return [...geographies.values()].find((g) => ids.every((id) => g.units.some((u) => u.id === id)));
}
