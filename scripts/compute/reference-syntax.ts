/**
 * The inline reference language authors write in Markdown:
 *
 *   {=harvest.cereals.2019}                       a value from a table
 *   {=base-index(harvest.cereals, 2019, 2015)}    an indicator computed from a table
 *   {=cereals-growth}                                      a value named in the front matter
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

export interface ParsedReference {
  reference: Reference;
  /** Decimals requested with `|1`, overriding the indicator's default. */
  decimals?: number;
}

export class ReferenceSyntaxError extends Error {}

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const PERIOD = '\\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?';
const CELL = new RegExp(`^(${SLUG})\\.(${SLUG})\\.(${PERIOD})$`);
const ROW = new RegExp(`^(${SLUG})\\.(${SLUG})$`);
const CALL = new RegExp(`^(${SLUG})\\((.*)\\)$`, 's');
const NAME = /^[a-z][a-zA-Z0-9-]*$/;

export function parseReference(text: string): ParsedReference {
  const [body = '', format, ...extra] = text.trim().split('|');
  let decimals: number | undefined;
  if (format !== undefined) {
    if (extra.length || !/^\s*\d\s*$/.test(format)) throw new ReferenceSyntaxError(`after "|" write the number of decimals, e.g. {=${body.trim()}|1}`);
    decimals = Number(format);
  }
  const expr = body.trim();
  const call = CALL.exec(expr);
  if (call) {
    const args = (call[2] ?? '').split(',').map((a) => a.trim());
    if (args.some((a) => a === '')) throw new ReferenceSyntaxError(`empty argument in "${expr}"`);
    return { reference: { kind: 'call', name: call[1] ?? '', args: args.map(parseArgument) }, decimals };
  }
  const cell = CELL.exec(expr);
  if (cell) return { reference: { kind: 'cell', table: cell[1] ?? '', row: cell[2] ?? '', period: cell[3] ?? '' }, decimals };
  if (NAME.test(expr) && !expr.includes('.')) return { reference: { kind: 'name', name: expr }, decimals };
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
