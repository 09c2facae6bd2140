/**
 * The YAML inside a fenced block (```chart, ```table, ```diagram), parsed and checked against its
 * schema, with errors on the file line of the YAML problem or of the option at fault.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ReportError, ReportErrorDetails } from '../errors.ts';

export interface YamlBlockKind<T> {
  /** "chart", "table", "diagram": used in messages. */
  name: string;
  schema: z.ZodType<T>;
  ErrorClass: new (problem: string, details?: ReportErrorDetails) => ReportError;
  /** The block's options, for the "expected" line of an error. */
  expected: string;
  fix: string;
  /** A more specific message for some issues (an unknown preset, say). */
  describe?: (issue: z.core.$ZodIssue, raw: Record<string, unknown>) => { problem: string; expected?: string; fix?: string } | undefined;
}

export interface ParsedYamlBlock<T> {
  value: T;
  /** File line of a top-level option, or of the block's first line. */
  lineOf(key: string): number;
}

/** `firstLine` is the file line of the block's first YAML line. */
export function parseYamlBlock<T>(text: string, file: string, firstLine: number, kind: YamlBlockKind<T>): ParsedYamlBlock<T> {
  const lineOf = (key: string) => firstLine + Math.max(0, key ? text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) : 0);
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const offset = yamlError.pos[0];
    throw new kind.ErrorClass(`invalid YAML in ${kind.name} block: ${yamlError.message.split('\n')[0] ?? ''}`, {
      file,
      line: firstLine + (text.slice(0, offset).match(/\n/g)?.length ?? 0),
      expected: `YAML options, one per line: ${kind.expected}`,
      fix: 'check indentation and quoting (a value containing ": " needs quotes)',
    });
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const parsed = kind.schema.safeParse(raw);
  if (parsed.success) return { value: parsed.data, lineOf };
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const key = String(issue.path[0] ?? (issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : ''));
  const specific = kind.describe?.(issue, raw);
  const problem =
    specific?.problem ??
    (issue.code === 'unrecognized_keys'
      ? `unknown ${kind.name} option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
      : key
        ? `${kind.name} option "${issue.path.join('.') || key}" is invalid: ${issue.message}`
        : `${kind.name} block is invalid: ${issue.message}`);
  throw new kind.ErrorClass(problem, { file, line: lineOf(key), expected: specific?.expected ?? kind.expected, fix: specific?.fix ?? kind.fix });
}
