/**
 * Which languages a file's texts are written in. The formats (tables, geographies, the config)
 * say where a reader-facing text goes (`LocalizedText`) but not in which languages: that is the
 * report's choice. This walks a parsed value beside its schema, finds every `LocalizedText` with
 * its JSON path, and checks it against the report's languages: no language code that is neither
 * the report's nor one a language pack exists for (a typo such as "kz"; a translation into a
 * language the report does not publish yet is kept), and the source language always present, so
 * every page has a text to fall back on.
 */
import type { z } from 'zod';
import type { JsonPath } from '../load/json-source.ts';
import { closest } from '../suggest.ts';
import { LocalizedText } from './table-schema.ts';

export interface FoundText {
  path: JsonPath;
  text: LocalizedText;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Whether a schema can hold a LocalizedText anywhere inside: most of a table (its cells) cannot, and is skipped. */
const holdsText = new WeakMap<z.ZodType, boolean>();
function canHoldText(schema: z.ZodType, seen = new Set<z.ZodType>()): boolean {
  if (schema === (LocalizedText as z.ZodType)) return true;
  const known = holdsText.get(schema);
  if (known !== undefined) return known;
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = defOf(schema);
  const children = [...Object.values(def.shape ?? {}), def.element, def.valueType, def.innerType, def.in, ...(def.options ?? []), def.type === 'lazy' && def.getter ? def.getter() : undefined];
  const result = children.some((child) => child !== undefined && canHoldText(child, seen));
  holdsText.set(schema, result);
  return result;
}

/** Every LocalizedText in `value` (which `schema` has accepted), with its path. */
export function findTexts(schema: z.ZodType, value: unknown, path: Array<string | number> = [], found: FoundText[] = []): FoundText[] {
  if (value === undefined || value === null || !canHoldText(schema)) return found;
  if (schema === (LocalizedText as z.ZodType)) {
    found.push({ path: [...path], text: value as LocalizedText });
    return found;
  }
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) findTexts(child, (value as Record<string, unknown>)[key], [...path, key], found);
      break;
    case 'array':
      if (Array.isArray(value) && def.element) value.forEach((item, i) => findTexts(def.element as z.ZodType, item, [...path, i], found));
      break;
    case 'record':
      if (def.valueType) for (const [key, item] of Object.entries(value as object)) findTexts(def.valueType, item, [...path, key], found);
      break;
    case 'union': {
      // The option the value was accepted by (the first that accepts it, as zod decides).
      const option = def.options?.find((o) => o.safeParse(value).success);
      if (option) findTexts(option, value, path, found);
      break;
    }
    case 'lazy':
      if (def.getter) findTexts(def.getter(), value, path, found);
      break;
    case 'pipe':
      if (def.in) findTexts(def.in, value, path, found);
      break;
    default:
      if (def.innerType) findTexts(def.innerType, value, path, found);
  }
  return found;
}

export interface TextLanguageProblem {
  path: JsonPath;
  problem: string;
  expected: string;
  fix: string;
}

/**
 * What is wrong with the languages of each text, if anything. `known`: codes a text may also use
 * besides the report's languages (those a language pack exists for).
 */
export function checkTextLanguages(texts: readonly FoundText[], languages: readonly string[], source: string, known: readonly string[] = []): TextLanguageProblem[] {
  const problems: TextLanguageProblem[] = [];
  for (const { path, text } of texts) {
    if (typeof text === 'string') continue;
    for (const code of Object.keys(text)) {
      if (!languages.includes(code) && !known.includes(code)) {
        const near = closest(code, [...languages, ...known]);
        problems.push({ path: [...path, code], problem: `"${code}" is not a language of this report`, expected: `one of the report's languages: ${languages.join(', ')}`, fix: `${near ? `did you mean "${near}"? ` : ''}correct the language code, or add "${code}" to "languages" in report.config.json` });
      }
    }
    if (!(source in text)) {
      problems.push({ path, problem: `the text has no "${source}" version (the report's source language)`, expected: `"${source}" beside the translations, e.g. {"${source}": "…", ${Object.keys(text).map((k) => `"${k}": "…"`).join(', ')}}`, fix: `add the "${source}" text: pages in a language without a translation show it` });
    }
  }
  return problems;
}
