/** What an author writes inside a ```table fenced block (YAML): a data table placed in a chapter, numbered "Table 3.1". */
import { z } from 'zod';
import { ContentError } from '../errors.ts';
import { Slug } from '../validate/table-schema.ts';
import { parseYamlBlock } from '../validate/yaml-block.ts';

export const TableBlock = z
  .object({
    /** Anchor `tab-<id>` and the name used in cross-references (`{@tab:id}`). */
    id: Slug,
    table: Slug,
    /** Caption; defaults to the table's title. */
    title: z.string().min(1).optional(),
    /** Rows to show, in this order; defaults to all. */
    rows: z.array(Slug).min(1).optional(),
    /** Periods (numeric tables) or column ids (text tables) to show; defaults to all. */
    columns: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type TableBlock = z.infer<typeof TableBlock>;

export function parseTableBlock(text: string, file: string, firstLine: number): TableBlock {
  return parseYamlBlock(text, file, firstLine, {
    name: 'table-block',
    schema: TableBlock,
    ErrorClass: ContentError,
    expected: 'id and table (required); title, rows, columns',
    fix: 'correct the option (see "Add a table to a chapter" in README.md)',
  }).value;
}
