/**
 * JSON with positions. `JSON.parse` forgets where things were; authors need "line 12, column 5"
 * for a syntax error and for a value that fails validation, so we parse with jsonc-parser's
 * tree, which keeps offsets, and translate JSON paths back to lines.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { DataError } from '../errors.ts';

export type JsonPath = ReadonlyArray<string | number>;

export interface JsonSource {
  file: string;
  text: string;
  value: unknown;
  tree: Node;
}

/** Deeper than any table needs; far below the depth at which parsing would overflow the stack. */
export const MAX_JSON_DEPTH = 64;

export function parseJsonSource(text: string, file: string): JsonSource {
  const tooDeep = firstTooDeep(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    throw new DataError(`malformed JSON: nested more than ${MAX_JSON_DEPTH} levels deep`, {
      file,
      ...lineColumn(text, tooDeep),
      expected: 'a table: an object with lists of rows, a few levels deep',
      fix: 'check the brackets around this place (a [ or { that is never closed)',
    });
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first || !tree) {
    const { line, column } = first ? lineColumn(text, first.offset) : { line: 1, column: 1 };
    throw new DataError(`malformed JSON: ${first ? describeParseError(first) : 'no value found'}`, {
      file,
      line,
      column,
      expected: 'a JSON object like {"id": "...", "rows": [...]}',
      fix: 'check the brackets, commas and quotes around this place (a missing comma after the previous line is the most common cause; JSON allows no trailing commas or comments)',
    });
  }
  return { file, text, value: JSON.parse(text) as unknown, tree };
}

/** Offset of the first [ or { (outside strings) deeper than `limit`, or undefined. */
function firstTooDeep(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > limit) return i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return undefined;
}

function describeParseError(error: ParseError): string {
  const code = printParseErrorCode(error.error);
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'property name in double quotes expected',
    ValueExpected: 'value expected',
    ColonExpected: 'colon expected',
    CommaExpected: 'comma expected',
    CloseBraceExpected: 'closing } expected',
    CloseBracketExpected: 'closing ] expected',
    EndOfFileExpected: 'end of file expected (is there text after the last }?)',
    InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'comments are not allowed in JSON',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Line and column of the value at `path`, or of its nearest existing ancestor. */
export function locate(source: JsonSource, path: JsonPath): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(source.tree, path.slice(0, depth) as (string | number)[]);
    if (node) return lineColumn(source.text, node.offset);
  }
  return { line: 1, column: 1 };
}

/** `rows[3].values.2017` — the way authors read a path. */
export function formatJsonPath(path: JsonPath): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
}

export function valueAt(value: unknown, path: JsonPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
