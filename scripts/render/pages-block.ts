/**
 * What an author writes inside a ```pages fenced block (YAML), in a chapter that has a template:
 * the table of the pages the template makes, one row per unit (linked to its page), with the
 * figures that compare them, computed like any reference with the unit's placeholder in it.
 * Readers can sort it by any column (scripts/browser/sort-table.ts; without JavaScript it stays
 * in the order given).
 *
 *   ```pages
 *   columns:
 *     - label: GRP 2022, billion tenge
 *       value: grp-by-region.{region}.2022
 *     - label: Growth 2019–2022
 *       value: growth-rate(grp-by-region.{region}, 2022, 2019)|1
 *     - label: Rank
 *       value: rank(grp-by-region.{region}, 2022)|ordinal
 *   sort: 3            # the column it starts sorted by (1 = the first value column); default: the units' order
 *   order: ascending   # or descending (default)
 *   ```
 */
import { z } from 'zod';
import { ContentError } from '../errors.ts';
import { parseYamlBlock } from '../validate/yaml-block.ts';

export const PagesBlock = z
  .object({
    /** Caption above the table. */
    title: z.string().min(1).optional(),
    columns: z
      .array(
        z
          .object({
            label: z.string().min(1),
            /** A reference, as between `{=` and `}`, with the template's placeholder for the unit. */
            value: z.string().min(1),
          })
          .strict(),
      )
      .min(1)
      .max(12),
    sort: z.number().int().min(1).optional(),
    order: z.enum(['ascending', 'descending']).optional(),
  })
  .strict();
export type PagesBlock = z.infer<typeof PagesBlock>;

export function parsePagesBlock(text: string, file: string, firstLine: number): PagesBlock {
  const block = parseYamlBlock(text, file, firstLine, {
    name: 'pages',
    schema: PagesBlock,
    ErrorClass: ContentError,
    expected: 'columns (a list of label and value); title, sort, order',
    fix: 'correct the option (see "Templated chapters" in README.md)',
  });
  if (block.value.sort !== undefined && block.value.sort > block.value.columns.length) {
    throw new ContentError(`pages block: "sort" is column ${block.value.sort}, but there are ${block.value.columns.length}`, { file, line: block.lineOf('sort'), expected: `a column from 1 to ${block.value.columns.length}`, fix: 'correct "sort"' });
  }
  return block.value;
}
