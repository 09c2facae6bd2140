/**
 * Every word the chart stage and the figures say, from the page language's pack (`chart`
 * messages): axis titles, generated descriptions, the Data view's headers, the citation line.
 * Each message is a template with named placeholders; `CHART_MESSAGES` lists the placeholders
 * each one may use, so a report's own pack is checked against it. Periods inside sentences and
 * spans of years come in the language's own forms too (`paIn`, `span`: "2019 жылы", "2015–2019
 * жылдар"), so no template attaches anything to a number.
 */
import { memoised, message, periodIn, periodSpan, sentence, type Language } from '../languages/language.ts';

export { formatDate, sentence } from '../languages/language.ts';

/** Every chart message and the placeholders it may use. */
export const CHART_MESSAGES = {
  series: [],
  name: [],
  year: [],
  noData: [],
  notShown: [],
  indexUnit: ['base'],
  measureValue: ['unit', 'period'],
  measureGrowth: ['base', 'period', 'span'],
  measureCagr: ['base', 'period', 'span'],
  measureIndex: ['base', 'period'],
  measureChange: ['base', 'period', 'span', 'unit'],
  measureShare: ['period'],
  measureLq: ['period'],
  cite: [],
  citation: ['title', 'figure', 'edition', 'source', 'link'],
  shows: ['title', 'unit'],
  periods: ['n', 'first', 'last', 'span'],
  oneSeries: ['first', 'last', 'span'],
  change: ['series', 'a', 'pa', 'paIn', 'b', 'pb', 'pbIn'],
  extremes: ['max', 'pmax', 'pmaxIn', 'min', 'pmin', 'pminIn'],
  missing: ['series'],
  highestCell: ['series', 'period', 'periodIn', 'value'],
  lowestCell: ['series', 'period', 'periodIn', 'value'],
  matrix: ['rows', 'columns', 'filled', 'cells'],
  filledInRow: ['label', 'n', 'of'],
  mapOf: ['n', 'word'],
  mapOfPeriod: ['n', 'word', 'period'],
  highestUnit: ['label', 'value'],
  lowestUnit: ['label', 'value'],
  noDataUnits: ['labels'],
  classMembers: ['name', 'labels'],
  portfolio: ['n', 'x', 'y', 'size'],
  bubbleSize: ['size'],
  referenceLine: ['label'],
  portfolioTop: ['what', 'label', 'value'],
  highlighted: ['labels'],
} as const satisfies Record<string, readonly string[]>;

function buildWords(language: Language) {
  const m = (key: keyof typeof CHART_MESSAGES, values: Record<string, string | number> = {}) => message(language, 'chart', key, values);
  const within = (first: string, last: string) => periodSpan(language, first, last);
  return {
    series: m('series'),
    name: m('name'),
    year: m('year'),
    noData: m('noData'),
    notShown: m('notShown'),
    indexUnit: (base: string) => m('indexUnit', { base }),
    // Portfolio measures (axis titles and Data view headers).
    measureValue: (unit: string, period: string) => m('measureValue', { unit, period }),
    measureGrowth: (base: string, period: string) => m('measureGrowth', { base, period, span: within(base, period) }),
    measureCagr: (base: string, period: string) => m('measureCagr', { base, period, span: within(base, period) }),
    measureIndex: (base: string, period: string) => m('measureIndex', { base, period }),
    measureChange: (base: string, period: string, unit: string) => m('measureChange', { base, period, unit, span: within(base, period) }),
    measureShare: (period: string) => m('measureShare', { period }),
    measureLq: (period: string) => m('measureLq', { period }),
    // Figures.
    cite: m('cite'),
    citation: (title: string, figure: string, report: string, date: string | undefined, source: string, link: string) =>
      m('citation', { title, figure, edition: sentence(`${report}${date ? `, ${date}` : ''}`), source: sentence(source), link }),
    // Descriptions.
    shows: (title: string, unit: string) => m('shows', { title, unit }),
    periods: (first: string, last: string, n: number) => m('periods', { first, last, n, span: within(first, last) }),
    oneSeries: (first: string, last: string) => m('oneSeries', { first, last, span: within(first, last) }),
    change: (series: string, a: string, pa: string, b: string, pb: string) => m('change', { series, a, pa, b, pb, paIn: periodIn(language, pa), pbIn: periodIn(language, pb) }),
    extremes: (max: string, pmax: string, min: string, pmin: string) => m('extremes', { max, pmax, min, pmin, pmaxIn: periodIn(language, pmax), pminIn: periodIn(language, pmin) }),
    missing: (series: string) => m('missing', { series }),
    highestCell: (series: string, period: string, value: string) => m('highestCell', { series, period, value, periodIn: periodIn(language, period) }),
    lowestCell: (series: string, period: string, value: string) => m('lowestCell', { series, period, value, periodIn: periodIn(language, period) }),
    matrix: (rows: number, columns: number, filled: number) => m('matrix', { rows, columns, filled, cells: rows * columns }),
    filledInRow: (label: string, n: number, of: number) => m('filledInRow', { label, n, of }),
    mapOf: (n: number, word: string, period: string) => (period ? m('mapOfPeriod', { n, word, period }) : m('mapOf', { n, word })),
    highestUnit: (label: string, value: string) => m('highestUnit', { label, value }),
    lowestUnit: (label: string, value: string) => m('lowestUnit', { label, value }),
    noDataUnits: (labels: string) => m('noDataUnits', { labels }),
    classMembers: (name: string, labels: string) => m('classMembers', { name, labels }),
    portfolio: (n: number, x: string, y: string, size: string) => m('portfolio', { n, x, y, size }),
    bubbleSize: (size: string) => m('bubbleSize', { size }),
    referenceLine: (label: string) => m('referenceLine', { label }),
    portfolioTop: (what: string, label: string, value: string) => m('portfolioTop', { what, label, value }),
    highlighted: (labels: string) => m('highlighted', { labels }),
  };
}

export type ChartWords = ReturnType<typeof buildWords>;

/** The chart words of a language, built once per language from its pack. */
export function chartWords(language: Language): ChartWords {
  return memoised(language, buildWords);
}
