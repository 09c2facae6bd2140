/**
 * One error family for everything an author can get wrong. Each error carries the file and the
 * location inside it, what was expected and how to fix it, so the top-level handler can print a
 * message that is useful without a stack trace. Anything that is not a ReportError is a bug in
 * the generator and is reported as "unexpected".
 */

export interface ErrorLocation {
  /** Path of the file the author must edit, relative to the project root. */
  file?: string;
  /** 1-based line in that file (front-matter lines counted for Markdown). */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** JSON path inside a data file, e.g. `rows[3].values.2017`. */
  path?: string;
}

export interface ReportErrorDetails extends ErrorLocation {
  /** What the generator expected to find. */
  expected?: string;
  /** How the author can fix it. */
  fix?: string;
  cause?: unknown;
}

export class ReportError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly expected?: string;
  readonly fix?: string;
  /** Short machine-readable kind, stable for tests. */
  readonly kind: string = 'report';

  constructor(problem: string, details: ReportErrorDetails = {}) {
    super(problem, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    this.path = details.path;
    this.expected = details.expected;
    this.fix = details.fix;
  }

  /** `data/x.json:12:5 (rows[3].values.2017)` — whatever part of the location is known. */
  get where(): string {
    let where = this.file ?? '';
    if (this.line !== undefined) where += `:${this.line}`;
    if (this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
    if (this.path) where += where ? ` (${this.path})` : this.path;
    return where;
  }

  /** The full, multi-line message shown to authors. */
  format(): string {
    const lines = [`${this.where ? `${this.where}: ` : ''}${this.message}`];
    if (this.expected) lines.push(`  expected: ${this.expected}`);
    if (this.fix) lines.push(`  fix: ${this.fix}`);
    return lines.join('\n');
  }
}

/** A data table that cannot be read or does not match the table format. */
export class DataError extends ReportError {
  override readonly kind: string = 'data';
}

/** An indicator that cannot be computed from the inputs it was given. */
export class IndicatorError extends ReportError {
  override readonly kind: string = 'indicator';
}

/** A chart whose spec, preset or data does not fit. */
export class ChartError extends ReportError {
  override readonly kind: string = 'chart';
}

/** A Markdown chapter, its front matter or an inline reference that does not resolve. */
export class ContentError extends ReportError {
  override readonly kind: string = 'content';
}

/** A command's arguments that do not fit (e.g. `report init` into a folder that is not empty). */
export class UsageError extends ReportError {
  override readonly kind: string = 'usage';
}

/** Several errors found in one pass: authors fix them all at once instead of one per build. */
export class ReportErrors extends ReportError {
  override readonly kind: string = 'multiple';
  constructor(readonly errors: ReportError[]) {
    super(`${errors.length} problem${errors.length === 1 ? '' : 's'} found`);
  }
  override format(): string {
    return this.errors.map((e) => e.format()).join('\n\n');
  }
}

/** Throws all collected errors together, or does nothing when there are none. */
export function throwIfAny(errors: ReportError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ReportErrors(errors);
}
