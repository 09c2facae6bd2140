/**
 * Every word the Data-quality page says about a consistency check, from the page language's pack
 * (`checks` messages): what a check tests (its summary line) and what one result is about (its
 * subject). The check stage returns data only (consistency-checks.ts, `detail`); labels and
 * numbers arrive here already localized and formatted.
 */
import { memoised, message, type Language } from '../languages/language.ts';
import type { StatedFigure } from '../validate/table-schema.ts';

type Indicator = StatedFigure['indicator'];

/** Every check message and the placeholders it may use (`indicator-<id>` names a stated figure's indicator). */
export const CHECK_MESSAGES = {
  'indicator-base-index': [],
  'indicator-chain-index': [],
  'indicator-cumulative-index': [],
  'indicator-growth-rate': [],
  'indicator-share': [],
  'indicator-value': [],
  sum: ['parts', 'total', 'tolerance'],
  sumRelative: ['parts', 'total', 'tolerance'],
  noTotal: [],
  stated: [],
  shareSum: ['tolerance'],
  range: ['bounds'],
  passedOf: ['summary', 'passed', 'of'],
  statedSubject: ['label', 'indicator', 'period'],
  statedSubjectBase: ['label', 'indicator', 'period', 'base'],
  shares: [],
} as const satisfies Record<string, readonly string[]>;

function buildWords(language: Language) {
  const m = (key: keyof typeof CHECK_MESSAGES, values: Record<string, string | number> = {}) => message(language, 'checks', key, values);
  return {
    indicator: (id: Indicator) => m(`indicator-${id}`),
    // Summaries: what the check as a whole tests.
    sum: (parts: string, total: string, tolerance: string, relative: boolean) => m(relative ? 'sumRelative' : 'sum', { parts, total, tolerance }),
    noTotal: m('noTotal'),
    stated: m('stated'),
    shareSum: (tolerance: string) => m('shareSum', { tolerance }),
    range: (bounds: string) => m('range', { bounds }),
    passedOf: (summary: string, passed: number, of: number) => m('passedOf', { summary, passed, of }),
    // Subjects: what one result is about.
    statedSubject: (label: string, indicator: string, period: string, base: string | undefined) => (base ? m('statedSubjectBase', { label, indicator, period, base }) : m('statedSubject', { label, indicator, period })),
    shares: m('shares'),
  };
}

export type CheckWords = ReturnType<typeof buildWords>;

export function checkWords(language: Language): CheckWords {
  return memoised(language, buildWords);
}
