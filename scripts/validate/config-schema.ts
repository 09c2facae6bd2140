/**
 * `report.config.json`: what makes a folder of chapters and tables one report — its languages,
 * the units it measures in beyond the generator's own, its strings, fonts, folders and address.
 * Every field has a default, so a one-language English report needs no file at all. Parsed here
 * (untyped JSON in, typed value out) and normalised once by load/load-config.ts, as Observable
 * Framework's `normalizeConfig` does; nothing downstream looks at the raw file.
 *
 * JSON, not a script: a report's files are data and never run code.
 */
import { z } from 'zod';
import { LanguageTag, PartialLanguagePack } from '../languages/pack-schema.ts';
import { UnitDefinition } from './units.ts';
import { LocalizedText } from './table-schema.ts';

/** A folder of the project, relative to its root, inside it. */
const ProjectFolder = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), 'a folder inside the project, e.g. "content" (no "..", not absolute)');

/** A file of the project, relative to its root, inside it. */
const ProjectFile = ProjectFolder;

/** An @fontsource package (installed in the report's or the generator's node_modules). */
const FontPackage = z.string().regex(/^@fontsource(?:-variable)?\/[a-z0-9-]+$/, 'an @fontsource package such as "@fontsource/pt-sans"');

export const ReportConfigFile = z
  .object({
    $schema: z.string().optional(),
    /** The report's title where a page has no home page to take it from (PDF metadata, messages). */
    title: LocalizedText.optional(),
    /** The report's languages in the order the switcher lists them; default: the folders under content/. */
    languages: z.array(LanguageTag).min(1).optional(),
    /** The language of plain-string texts in data files, and the last fallback of every language. Default: the first language. */
    sourceLanguage: LanguageTag.optional(),
    /** Per language, where its missing texts come from before the source language: {"kk": ["ru"]}. */
    fallbacks: z.record(LanguageTag, z.array(LanguageTag)).optional(),
    /** Where the site is published (canonical links, sitemap, Open Graph). REPORT_BASE_URL overrides it. */
    baseUrl: z.string().min(1).optional(),
    /** The edition's date (YYYY-MM-DD) for "cite this figure". SOURCE_DATE_EPOCH overrides it. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like "2026-12-01"').optional(),
    /** Units the report's tables may use besides the generator's own (validate/units.ts). */
    units: z.record(z.string().min(1), UnitDefinition).optional(),
    /**
     * Words per language: a language pack file of the project (locales/ in the generator shows the
     * format), or the pack itself. For a language the generator ships it may be partial.
     */
    strings: z.record(LanguageTag, z.union([ProjectFile, PartialLanguagePack])).optional(),
    /** Text and heading faces, from @fontsource packages; default PT Sans and PT Serif. */
    fonts: z.object({ sans: FontPackage.optional(), serif: FontPackage.optional(), subsets: z.array(z.string().regex(/^[a-z-]+$/)).min(1).optional() }).strict().optional(),
    /** The colour a series keeps in every chart, by row id: {"wheat": "#0072B2"}. Others take the palette in order. */
    colours: z.record(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a row id'), z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a colour like "#0072B2"')).optional(),
    folders: z.object({ content: ProjectFolder.optional(), data: ProjectFolder.optional(), output: ProjectFolder.optional() }).strict().optional(),
    /**
     * The folder of boundary files (GeoJSON) for choropleth maps, relative to the project; it may be
     * outside it (boundary files are large and often licensed apart). REPORT_BOUNDARIES_DIR overrides it.
     */
    boundaries: z.string().min(1).optional(),
  })
  .strict();
export type ReportConfigFile = z.infer<typeof ReportConfigFile>;

export const CONFIG_FILE = 'report.config.json';
