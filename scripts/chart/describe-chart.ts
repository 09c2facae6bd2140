/**
 * Text descriptions generated from the data a chart plots, one per kind of chart: what it shows,
 * the range, first and last values and extremes for series; filled cells per row for a matrix;
 * the highest and lowest units for a map; the leaders on each axis for a portfolio. A description
 * is the SVG's accessible description and the figure's printed summary; authors can override it.
 */
import type { ChartRecord } from './chart-data.ts';
import { chartWords, sentence as endSentence } from './chart-strings.ts';
import { formatNumber } from '../languages/number-format.ts';
import type { Language } from '../languages/language.ts';

export function describeChart(title: string, unit: string, records: ChartRecord[], series: Array<[string, string]>, decimals: number, language: Language): string {
  const words = chartWords(language);
  const fmt = (v: number) => formatNumber(v, decimals, language);
  const periods = [...new Set(records.map((r) => r.period))].sort();
  const first = periods[0] ?? '';
  const last = periods.at(-1) ?? '';
  const parts = [words.shows(title, unit), series.length > 1 ? words.periods(first, last, series.length) : words.oneSeries(first, last)];
  const lines = series.map(([key, label]) => {
    const points = records.filter((r): r is ChartRecord & { value: number } => r.key === key && r.value !== null).sort((a, b) => a.period.localeCompare(b.period));
    const a = points[0];
    const b = points.at(-1);
    if (!a || !b) return words.missing(label);
    let text = words.change(label, fmt(a.value), a.period, fmt(b.value), b.period);
    if (points.length > 2) {
      const max = points.reduce((m, p) => (p.value > m.value ? p : m));
      const min = points.reduce((m, p) => (p.value < m.value ? p : m));
      text += words.extremes(fmt(max.value), max.period, fmt(min.value), min.period);
    }
    return text;
  });
  return `${parts.join(' ')} ${endSentence(lines.join('; '))}`;
}


/** A heatmap: the series description, then the highest and lowest cells. */
export function describeHeatmap(title: string, unit: string, records: ChartRecord[], series: Array<[string, string]>, decimals: number, language: Language): string {
  const words = chartWords(language);
  const cells = records.filter((r): r is ChartRecord & { value: number } => r.value !== null);
  const text = describeChart(title, unit, records, series, decimals, language);
  if (cells.length < 2) return text;
  const max = cells.reduce((m, c) => (c.value > m.value ? c : m));
  const min = cells.reduce((m, c) => (c.value < m.value ? c : m));
  const fmt = (v: number) => formatNumber(v, decimals, language);
  return `${text} ${words.highestCell(max.series, max.period, fmt(max.value))} ${words.lowestCell(min.series, min.period, fmt(min.value))}`;
}

/** A matrix of marks: its size, then how many cells of each row are filled. */
export function describeMatrix(title: string, rows: Array<{ label: string; filled: number }>, columns: number, language: Language): string {
  const words = chartWords(language);
  const filled = rows.reduce((n, r) => n + r.filled, 0);
  const lines = rows.map((r) => words.filledInRow(r.label, r.filled, columns));
  return `${endSentence(title)} ${words.matrix(rows.length, columns, filled)} ${endSentence(lines.join('; '))}`;
}

export interface DescribedUnit {
  label: string;
  value: number | null;
}

/** A map of values: how many units, the highest and the lowest, and those without data. */
export function describeValueMap(title: string, unit: string, period: string, units: DescribedUnit[], unitWord: string, decimals: number, language: Language): string {
  const words = chartWords(language);
  const fmt = (v: number) => formatNumber(v, decimals, language);
  const known = units.filter((u): u is DescribedUnit & { value: number } => u.value !== null);
  const parts = [words.shows(title, unit), words.mapOf(units.length, unitWord, period)];
  if (known.length) {
    const max = known.reduce((m, u) => (u.value > m.value ? u : m));
    const min = known.reduce((m, u) => (u.value < m.value ? u : m));
    parts.push(`${words.highestUnit(max.label, fmt(max.value))}; ${words.lowestUnit(min.label, fmt(min.value))}.`);
  }
  const missing = units.filter((u) => u.value === null).map((u) => u.label);
  if (missing.length) parts.push(words.noDataUnits(missing.join(', ')));
  return parts.join(' ');
}

/** A map of classes: the units in each class, in the classes' order. */
export function describeClassMap(title: string, subtitle: string, classes: Array<{ name: string; units: string[] }>, total: number, unitWord: string, language: Language): string {
  const words = chartWords(language);
  const lines = classes.filter((c) => c.units.length).map((c) => words.classMembers(c.name, c.units.join(', ')));
  return `${words.shows(title, subtitle)} ${words.mapOf(total, unitWord, '')} ${endSentence(lines.join('; '))}`;
}

export interface PortfolioAxis {
  title: string;
  decimals: number;
  values: Array<{ label: string; value: number | null }>;
}

/** A portfolio: what each axis is, and which unit leads on each. */
export function describePortfolio(title: string, x: PortfolioAxis, y: PortfolioAxis, size: PortfolioAxis, language: Language): string {
  const words = chartWords(language);
  const leader = (axis: PortfolioAxis) => {
    const known = axis.values.filter((v): v is { label: string; value: number } => v.value !== null);
    if (!known.length) return undefined;
    const top = known.reduce((m, v) => (v.value > m.value ? v : m));
    return words.portfolioTop(axis.title, top.label, formatNumber(top.value, axis.decimals, language));
  };
  const leaders = [leader(x), leader(y), leader(size)].filter((s): s is string => s !== undefined);
  return `${endSentence(title)} ${words.portfolio(x.values.length, x.title, y.title, size.title)} ${leaders.map(endSentence).join(' ')}`;
}
