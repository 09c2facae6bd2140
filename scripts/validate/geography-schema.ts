/**
 * A geography: the territorial units a map can show (a country's regions, a region's districts),
 * written by the report in `data/geographies/<id>.json`, never in the generator. Each unit is a
 * row id of the data tables, with what finds it in a boundary file (codes, names), its short name
 * per language for tiles and labels, and its square in the tile-grid map drawn when no boundary
 * file is available.
 */
import { z } from 'zod';
import { LocalizedText, Slug } from './table-schema.ts';

/** Singular and plural noun for the units in generated descriptions ("region", "regions"). */
const UnitWord = z.tuple([z.string().min(1), z.string().min(1)]);

export const TerritorialUnit = z
  .object({
    /** Row id in the data tables. */
    id: Slug,
    /** Codes of the boundary features that make up the unit (e.g. statistical codes); empty when the file has none for it. */
    codes: z.array(z.string().min(1)).default([]),
    /** Names of those features in boundary files, for files without codes. */
    names: z.array(z.string().min(1)).default([]),
    /** Short name on tiles and map labels. */
    short: LocalizedText,
    /** Full name, where pages name the unit ("Northland Region"); the short name when absent. */
    name: LocalizedText.optional(),
    /** The unit it lies in, when the geography has several levels: an id of this geography. */
    parent: Slug.optional(),
    /** Tile position: [column from the west, row from the north]. */
    tile: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
  })
  .strict();
export type TerritorialUnit = z.infer<typeof TerritorialUnit>;

export const Geography = z
  .object({
    $schema: z.string().optional(),
    id: Slug,
    title: LocalizedText,
    /** Noun for the units in descriptions, per language: `{"en": ["region", "regions"]}`; the source language's is required. */
    unitWord: z.record(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language code such as "en"'), UnitWord),
    /** Optional boundary file, looked up in the boundaries folder (REPORT_BOUNDARIES_DIR or ../shared/geo). */
    boundaries: z
      .object({
        /** GeoJSON file name; a `.topojson` file of the same name also works. */
        file: z.string().regex(/^[\w.-]+\.geojson$/, 'a file name such as "regions.geojson", without folders'),
        /** Printed under every map drawn from the file: source and licence. */
        credit: LocalizedText,
        /** What the file shows, for messages: "the division of 2018". */
        division: LocalizedText.optional(),
        /** Feature properties holding a unit's code, tried in order. */
        codeProperties: z.array(z.string().min(1)).default(['code']),
        /** Feature properties holding a unit's name, tried in order, for features without a code. */
        nameProperties: z.array(z.string().min(1)).default(['name']),
      })
      .strict()
      .optional(),
    /** The tile grid's size in squares. */
    tiles: z.object({ columns: z.number().int().min(1).max(50), rows: z.number().int().min(1).max(50) }).strict(),
    units: z.array(TerritorialUnit).min(1),
  })
  .strict()
  .superRefine((geography, ctx) => {
    const seen = new Set<string>();
    geography.units.forEach((unit, i) => {
      if (seen.has(unit.id)) ctx.addIssue({ code: 'custom', path: ['units', i, 'id'], message: `unit "${unit.id}" is listed twice` });
      seen.add(unit.id);
      if (unit.parent !== undefined && !geography.units.some((u) => u.id === unit.parent)) ctx.addIssue({ code: 'custom', path: ['units', i, 'parent'], message: `parent "${unit.parent}" is not a unit of this geography` });
      const [column, row] = unit.tile;
      if (column >= geography.tiles.columns || row >= geography.tiles.rows) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'tile'], message: `tile [${column}, ${row}] is outside the ${geography.tiles.columns} × ${geography.tiles.rows} grid` });
      }
    });
  });
export type Geography = z.infer<typeof Geography>;

export type Geographies = ReadonlyMap<string, Geography>;
