/**
 * The inline reference language authors write in Markdown:
 *
 *   {=harvest.cereals.2019}                       a value from a table
 *   {=base-index(harvest.cereals, 2019, 2015)}    an indicator computed from a table
 *   {=cereals-growth}                                      a value named in the front matter
 *
 * After the expression, options separated by "|": a number of decimals (`|0`), a way to say the
 * value in words (`|change`, `|ordinal`, `|rank`, see render/phrases.ts), and `|required`, which
 * on a templated page stops the build where the unit has no value instead of saying so.
 *
 * Parsed here into a small tree; evaluated by the compute stage.
 */

export type Argument =
  | { kind: 'cell'; table: string; row: string; period: string }
  | { kind: 'row'; table: string; row: string }
  | { kind: 'table'; table: string }
  | { kind: 'period'; period: string }
  | { kind: 'number'; value: number };

export type Reference =
  | { kind: 'cell'; table: string; row: string; period: string }
  | { kind: 'call'; name: string; args: Argument[] }
  | { kind: 'name'; name: string };

/** Ways to write a value as words instead of a bare number (render/phrases.ts). */
export const PHRASES = ['change', 'ordinal', 'rank'] as const;
export type Phrase = (typeof PHRASES)[number];

export interface ParsedReference {
  reference: Reference;
  /** Decimals requested with `|1`, overriding the indicator's default. */
  decimals?: number;
  /** `|change`, `|ordinal`…: the value in words. */
  phrase?: Phrase;
  /** `|required`: a templated page whose unit has no value stops the build. */
  required?: boolean;
}

export class ReferenceSyntaxError extends Error {}

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const PERIOD = '\\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?';
const CELL = new RegExp(`^(${SLUG})\\.(${SLUG})\\.(${PERIOD})$`);
const ROW = new RegExp(`^(${SLUG})\\.(${SLUG})$`);
const CALL = new RegExp(`^(${SLUG})\\((.*)\\)$`, 's');
const NAME = /^[a-z][a-zA-Z0-9-]*$/;

export function parseReference(text: string): ParsedReference {
  const [body = '', ...options] = text.trim().split('|');
  const expr = body.trim();
  const parsed = parseExpression(expr);
  for (const raw of options) {
    const option = raw.trim();
    if (/^\d$/.test(option) && parsed.decimals === undefined) parsed.decimals = Number(option);
    else if (option === 'required' && !parsed.required) parsed.required = true;
    else if ((PHRASES as readonly string[]).includes(option) && parsed.phrase === undefined) parsed.phrase = option as Phrase;
    else throw new ReferenceSyntaxError(`"|${option}" is not an option of a reference: after "|" write a number of decimals (|1), a way to say it (${PHRASES.map((p) => `|${p}`).join(', ')}) or |required, each once`);
  }
  return parsed;
}

function parseExpression(expr: string): ParsedReference {
  const call = CALL.exec(expr);
  if (call) {
    const args = (call[2] ?? '').split(',').map((a) => a.trim());
    if (args.some((a) => a === '')) throw new ReferenceSyntaxError(`empty argument in "${expr}"`);
    return { reference: { kind: 'call', name: call[1] ?? '', args: args.map(parseArgument) } };
  }
  const cell = CELL.exec(expr);
  if (cell) return { reference: { kind: 'cell', table: cell[1] ?? '', row: cell[2] ?? '', period: cell[3] ?? '' } };
  if (NAME.test(expr) && !expr.includes('.')) return { reference: { kind: 'name', name: expr } };
  throw new ReferenceSyntaxError(
    `"${expr}" is not a reference: write table.row.period (e.g. harvest.cereals.2019), indicator(table.row, period, …) or a name from the front matter's "values"`,
  );
}

function parseArgument(text: string): Argument {
  if (new RegExp(`^${PERIOD}$`).test(text)) return { kind: 'period', period: text };
  if (/^-?\d+(?:\.\d+)?$/.test(text)) return { kind: 'number', value: Number(text) };
  const cell = CELL.exec(text);
  if (cell) return { kind: 'cell', table: cell[1] ?? '', row: cell[2] ?? '', period: cell[3] ?? '' };
  const row = ROW.exec(text);
  if (row) return { kind: 'row', table: row[1] ?? '', row: row[2] ?? '' };
  if (new RegExp(`^${SLUG}$`).test(text)) return { kind: 'table', table: text };
  throw new ReferenceSyntaxError(`argument "${text}" is not a table, table.row, table.row.period, a period or a number`);
}
