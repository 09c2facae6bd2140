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
export const CslItem = z
  .object({
    id: z.string().min(1),
    type: z.string().min(1),
    title: z.string().min(1),
    author: z.array(CslName).optional(),
    issued: z.object({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(), literal: z.string().optional() }).passthrough().optional(),
    URL: z.string().url().optional(),
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
    references.set(item.id, item);
  });
  return references;
}

/** The parts of an author–date citation: "Imashev" / "Bozhko et al." (or a short title) and the year. */
export function citationParts(item: CslItem): { who: string; year?: string } {
  const authors = item.author ?? [];
  const name = (a: (typeof authors)[number]) => a.family ?? a.literal ?? a.given ?? '';
  const short = typeof item['title-short'] === 'string' ? item['title-short'] : item.title;
  // CSL's citation-label gives institutions a short in-text name ("Bureau of National Statistics").
  const label = typeof item['citation-label'] === 'string' ? item['citation-label'] : undefined;
  const who = label ?? (authors.length === 0 ? short : authors.length === 1 ? name(authors[0]!) : authors.length === 2 ? `${name(authors[0]!)} & ${name(authors[1]!)}` : `${name(authors[0]!)} et al.`);
  const year = item.issued?.['date-parts']?.[0]?.[0] ?? item.issued?.literal;
  return { who, year: year === undefined ? undefined : String(year) };
}

/** "Author (2021)", "Author & Other (2021)", "Author et al. (2021)", or the short name of an institution. */
export function shortCitation(item: CslItem): string {
  const { who, year } = citationParts(item);
  return year === undefined ? who : `${who} (${year})`;
}
