/**
 * A text description generated from the data a chart plots: what it shows, the range of periods,
 * each series' first and last values and the extremes. It is the SVG's accessible description
 * and the figure's printed summary; authors can override it in the chart block.
 */
import { formatNumber } from './locale.ts';
import type { ChartRecord } from './presets.ts';

const WORDS = {
  en: {
    shows: (title: string, unit: string) => `${title} (${unit}).`,
    periods: (first: string, last: string, n: number) => `${n} series from ${first} to ${last}.`,
    oneSeries: (first: string, last: string) => `From ${first} to ${last}.`,
    change: (s: string, a: string, pa: string, b: string, pb: string) => `${s}: ${a} in ${pa}, ${b} in ${pb}`,
    extremes: (max: string, pmax: string, min: string, pmin: string) => ` (highest ${max} in ${pmax}, lowest ${min} in ${pmin})`,
    missing: (s: string) => `${s}: no data`,
  },
  ru: {
    shows: (title: string, unit: string) => `${title} (${unit}).`,
    periods: (first: string, last: string, n: number) => `Рядов: ${n}, период ${first}–${last}.`,
    oneSeries: (first: string, last: string) => `Период ${first}–${last}.`,
    change: (s: string, a: string, pa: string, b: string, pb: string) => `${s}: ${a} в ${pa} г., ${b} в ${pb} г.`,
    extremes: (max: string, pmax: string, min: string, pmin: string) => ` (максимум ${max} в ${pmax} г., минимум ${min} в ${pmin} г.)`,
    missing: (s: string) => `${s}: нет данных`,
  },
};

export function describeChart(title: string, unit: string, records: ChartRecord[], series: Array<[string, string]>, decimals: number, locale: string): string {
  const words = locale === 'ru' || locale === 'kk' ? WORDS.ru : WORDS.en;
  const fmt = (v: number) => formatNumber(v, decimals, locale);
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
  return `${parts.join(' ')} ${lines.join('; ')}.`;
}
