/**
 * What an author writes inside a ```diagram fenced block (YAML): a structured diagram drawn in
 * HTML and CSS (no JavaScript, prints as it shows), numbered with the figures.
 *
 *   type: diamond   Porter's diamond from a text table: its first four rows are the determinants
 *                   (drawn as the diamond), the rest outside forces (drawn beside it).
 *   type: cards     one card per row of a text table, showing the listed columns.
 *   type: process   numbered steps, written in the block (`steps`) or taken from a text table's rows.
 */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../errors.ts';
import { Slug } from '../validate/table-schema.ts';

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
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new ContentError(`invalid YAML in diagram block: ${yamlError.message.split('\n')[0] ?? ''}`, { file, line: firstLine + (yamlError.linePos?.[0]?.line ?? 1) - 1, expected: 'YAML like "type: process"', fix: 'check indentation and quoting' });
  }
  const parsed = DiagramBlock.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? (issue?.code === 'unrecognized_keys' ? issue.keys[0] : ''));
  const keyLine = key ? text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) : -1;
  throw new ContentError(issue?.code === 'unrecognized_keys' ? `unknown diagram option ${issue.keys.join(', ')}` : `diagram option "${key || 'table'}" is invalid: ${issue?.message ?? ''}`, {
    file,
    line: firstLine + Math.max(0, keyLine),
    expected: 'id, type (diamond, cards or process), title; table or steps; columns, rows, centre, description',
    fix: 'correct the option (see "Add a diagram" in README.md)',
  });
}
