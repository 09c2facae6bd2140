/** What an author writes inside a ```table fenced block (YAML): a data table placed in a chapter, numbered "Table 3.1". */
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { ContentError } from '../errors.ts';
import { Slug } from '../validate/table-schema.ts';

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
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new ContentError(`invalid YAML in table block: ${yamlError.message.split('\n')[0] ?? ''}`, { file, line: firstLine + (yamlError.linePos?.[0]?.line ?? 1) - 1, expected: 'YAML like "table: baiterek-harvest"', fix: 'check indentation and quoting' });
  }
  const parsed = TableBlock.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? (issue?.code === 'unrecognized_keys' ? issue.keys[0] : ''));
  const keyLine = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  throw new ContentError(issue?.code === 'unrecognized_keys' ? `unknown table-block option ${issue.keys.join(', ')}` : `table-block option "${key}" is invalid: ${issue?.message ?? ''}`, {
    file,
    line: firstLine + Math.max(0, keyLine),
    expected: 'id and table (required); title, rows, columns',
    fix: 'correct the option (see "Add a table to a chapter" in README.md)',
  });
}
