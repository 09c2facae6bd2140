/**
 * What an author writes inside a ```diagram fenced block (YAML): a structured diagram drawn in
 * HTML and CSS (no JavaScript, prints as it shows), numbered with the figures.
 *
 *   type: diamond   Porter's diamond from a text table: its first four rows are the determinants
 *                   (drawn as the diamond), the rest outside forces (drawn beside it).
 *   type: cards     one card per row of a text table, showing the listed columns.
 *   type: process   numbered steps, written in the block (`steps`) or taken from a text table's rows.
 */
import { z } from 'zod';
import { ContentError } from '../errors.ts';
import { Slug } from '../validate/table-schema.ts';
import { parseYamlBlock } from '../validate/yaml-block.ts';

export const DiagramBlock = z
  .object({
    id: Slug,
    type: z.enum(['diamond', 'cards', 'process']),
    title: z.string().min(1),
    /** A text table whose rows are the diagram's nodes. */
    table: Slug.optional(),
    /** Columns of the text table to show in each node; defaults to all. */
    columns: z.array(Slug).min(1).optional(),
    rows: z.array(Slug).min(1).optional(),
    /** The label in the middle of a diamond. */
    centre: z.string().min(1).optional(),
    steps: z.array(z.object({ title: z.string().min(1), text: z.string().min(1).optional() }).strict()).min(1).optional(),
    /** A sentence read by screen readers and printed under the diagram; defaults to the node list. */
    description: z.string().min(1).optional(),
  })
  .strict()
  .refine((block) => block.table !== undefined || block.steps !== undefined, { message: 'a diagram needs a "table" (text table) or "steps"' });
export type DiagramBlock = z.infer<typeof DiagramBlock>;

export function parseDiagramBlock(text: string, file: string, firstLine: number): DiagramBlock {
  return parseYamlBlock(text, file, firstLine, {
    name: 'diagram',
    schema: DiagramBlock,
    ErrorClass: ContentError,
    expected: 'id, type (diamond, cards or process), title; table or steps; columns, rows, centre, description',
    fix: 'correct the option (see "Add a diagram" in README.md)',
  }).value;
}
