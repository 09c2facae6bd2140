/** What a chapter's front matter may say. Presentation fields are lenient; references are strict. */
import { z } from 'zod';
import { LocalizedText, Slug } from './table-schema.ts';

export const FrontMatter = z
  .object({
    title: z.string().min(1),
    /** Short title for navigation. */
    short: z.string().min(1).optional(),
    /** One or two sentences for the home page's chapter list and for search results. */
    summary: z.string().min(1).optional(),
    /** Chapter order; defaults to the number the file name starts with ("03-harvest.md" → 3). */
    order: z.number().int().min(0).optional(),
    /** Key findings shown at the top of the chapter: Markdown, inline references allowed. */
    findings: z.array(z.string().min(1)).optional(),
    /** `false` keeps a page out of the chapter list (e.g. the home page's own text). */
    chapter: z.boolean().optional(),
    /** Named inline values: `{=name}` in the text. */
    values: z.record(z.string().regex(/^[a-z][a-zA-Z0-9-]*$/), z.string().min(1)).optional(),
    description: LocalizedText.optional(),
    /**
     * A template (`content/<language>/<chapter>/[unit].md`): the units it is written once for, each
     * getting a page of its own. The units of a geography (data/geographies/), or the rows of a
     * table; `units` picks and orders some of them, `exclude` leaves some out.
     */
    repeat: z
      .object({
        geography: Slug.optional(),
        table: Slug.optional(),
        units: z.array(Slug).min(1).optional(),
        exclude: z.array(Slug).min(1).optional(),
      })
      .strict()
      .refine((r) => (r.geography === undefined) !== (r.table === undefined), 'either "geography" or "table", not both')
      .optional(),
  })
  .strict();
export type FrontMatter = z.infer<typeof FrontMatter>;
