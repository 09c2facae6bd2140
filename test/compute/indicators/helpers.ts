/** Shared helpers for the indicator tests (not a test file itself). */
import { expect } from 'vitest';
import { IndicatorError } from '../../../scripts/errors.ts';

/** A location as the build step passes it. */
export const WHERE = { table: 'baiterek-harvest', row: 'cereals', period: '2015', file: 'data/baiterek-harvest.json' } as const;

/** The location as it must appear in messages. */
export const WHERE_TEXT = 'in table "baiterek-harvest", row "cereals", period "2015"';

/** Runs `fn`, expects an IndicatorError, and returns it for further assertions. */
export function indicatorError(fn: () => unknown): IndicatorError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IndicatorError);
    return error as IndicatorError;
  }
  throw new Error('expected an IndicatorError, but nothing was thrown');
}

/** Asserts a division-by-zero error naming the divisor, table, row and period, with expected and fix filled. */
export function expectDivisionByZero(fn: () => unknown, divisor: string): IndicatorError {
  const error = indicatorError(fn);
  expect(error.message).toBe(`division by zero: ${divisor} is 0 ${WHERE_TEXT}`);
  expect(error.kind).toBe('indicator');
  expect(error.file).toBe(WHERE.file);
  expect(error.expected).toBeTruthy();
  expect(error.fix).toBeTruthy();
  return error;
}

/** Rounds to the decimals a source printed. */
export function round(value: number | null, decimals = 1): number | null {
  if (value === null) return null;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
