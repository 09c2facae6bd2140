/**
 * The bibliography: `data/references.json`, CSL-JSON. Only the fields the report uses are
 * checked; the rest passes through to the citation formatter.
 */
import { z } from 'zod';
import { DataError } from '../errors.ts';
import type { ProjectFiles } from '../io.ts';
import { decodeUtf8 } from './decode-text.ts';
import { formatJsonPath, locate, parseJsonSource } from './json-source.ts';

const CslName = z.object({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() }).passthrough();

/**
 * A work's names in another script, for the pages of that language: the authors as they write
 * themselves in Cyrillic, an institution's short name, a short title. Only what a citation in
 * the text shows; the bibliography entry stays as published.
 */
const CslTranslation = z
  .object({
    author: z.array(CslName).min(1).optional(),
    'title-short': z.string().min(1).optional(),
    'citation-label': z.string().min(1).optional(),
  })
  .strict();
export const CslItem = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    title: z.string().min(1),
    author: z.array(CslName).optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(), literal: z.string().optional() }).passthrough().optional(),
    URL: z.string().url().optional(),
    /** Per language code ("ru", "kk"): the work's names in that language. */
    translations: z.record(z.string().regex(/^[a-z]{2,3}$/, 'a language code such as "ru"'), CslTranslation).optional(),
  })
  .passthrough();
export type CslItem = z.infer<typeof CslItem>;
export type References = ReadonlyMap<string, CslItem>;

export const REFERENCES_FILE = 'data/references.json';

export async function loadReferences(files: ProjectFiles, file = REFERENCES_FILE): Promise<References> {
  if (!(await files.exists(file))) return new Map();
  const source = parseJsonSource(decodeUtf8(await files.readFile(file), file), file);
  const parsed = z.array(CslItem).safeParse(source.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((k): k is string | number => typeof k !== 'symbol');
    throw new DataError(`invalid bibliography entry: ${issue?.message ?? ''}`, { file, ...locate(source, path), path: formatJsonPath(path), expected: 'CSL-JSON items with id, type and title', fix: 'correct the entry' });
  }
  const references = new Map<string, CslItem>();
  parsed.data.forEach((item, i) => {
    if (references.has(item.id)) throw new DataError(`duplicate reference id "${item.id}"`, { file, ...locate(source, [i, 'id']), path: `[${i}].id`, expected: 'unique ids', fix: 'rename one of the entries' });
    for (const [locale, names] of Object.entries(item.translations ?? {})) {
      const count = item.author?.length ?? 0;
      if (names.author && names.author.length !== count) {
        throw new DataError(`the ${locale} names of "${item.id}" give ${names.author.length} of the entry's ${count} authors`, {
          file,
          ...locate(source, [i, 'translations', locale, 'author']),
          path: `[${i}].translations.${locale}.author`,
          expected: 'the same authors, in the same order, as "author"',
          fix: 'give every author in the other script, or leave "author" out of the translation',
        });
      }
    }
    references.set(item.id, item);
  });
  return references;
}

/** The item as the pages of language `code` name it: its own fields with that language's names over them. */
export function inLanguage(item: CslItem, code: string): CslItem {
  const names = item.translations?.[code];
  return names ? { ...item, ...names } : item;
}
