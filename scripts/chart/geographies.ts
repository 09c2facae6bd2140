/** Looking up the report's geographies (data/geographies/, validate/geography-schema.ts) for maps. */
import { localize } from '../validate/table-schema.ts';
import type { Geographies, Geography, TerritorialUnit } from '../validate/geography-schema.ts';

export type { Geographies, Geography, TerritorialUnit };

export function unitShortName(unit: TerritorialUnit, locale: string): string {
  return localize(unit.short, locale);
}

/** The noun for `n` units in `locale` ("regions"), English where the geography gives none. */
export function unitNoun(geography: Geography, locale: string, plural = true): string {
  const words = geography.unitWord[locale] ?? geography.unitWord.en ?? ['unit', 'units'];
  return words[plural ? 1 : 0];
}

/** The geography whose units include every one of `ids`, or undefined. */
export function geographyOf(geographies: Geographies, ids: readonly string[]): Geography | undefined {
  return [...geographies.values()].find((g) => ids.every((id) => g.units.some((u) => u.id === id)));
}
