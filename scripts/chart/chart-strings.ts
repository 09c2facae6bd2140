/**
 * Every word the chart stage and the figures say, per language, in one place: axis titles,
 * generated descriptions, the Data view's headers, the citation line. Kazakh falls back to
 * Russian until it is translated.
 */

/** Ends a sentence with one full stop ("… 2024 г." already has one). */
export const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

const EN = {
  series: 'Series',
  name: 'Name',
  year: 'Year',
  noData: 'no data',
  notShown: 'not shown',
  indexUnit: (base: string) => `index, ${base} = 100`,
  // Portfolio measures (axis titles and Data view headers).
  measureValue: (unit: string, period: string) => `${unit}, ${period}`,
  measureGrowth: (base: string, period: string) => `growth ${base}–${period}, %`,
  measureCagr: (base: string, period: string) => `average annual growth ${base}–${period}, %`,
  measureIndex: (base: string, period: string) => `${period}, index (${base} = 100)`,
  measureChange: (base: string, period: string, unit: string) => `change ${base}–${period}, ${unit}`,
  measureShare: (period: string) => `share of the total, ${period}, %`,
  measureLq: (period: string) => `location quotient, ${period}`,
  // Figures.
  cite: 'Cite this figure',
  citation: (title: string, figure: string, report: string, date: string | undefined, source: string, link: string) =>
    `“${title}”. ${figure} in: ${sentence(`${report}${date ? `, ${date}` : ''}`)} Source: ${sentence(source)} ${link}`,
  figure: 'Figure',
  dateLocale: 'en-GB',
  // Descriptions.
  shows: (title: string, unit: string) => `${title} (${unit}).`,
  periods: (first: string, last: string, n: number) => `${n} series from ${first} to ${last}.`,
  oneSeries: (first: string, last: string) => `From ${first} to ${last}.`,
  change: (s: string, a: string, pa: string, b: string, pb: string) => `${s}: ${a} in ${pa}, ${b} in ${pb}`,
  extremes: (max: string, pmax: string, min: string, pmin: string) => ` (highest ${max} in ${pmax}, lowest ${min} in ${pmin})`,
  missing: (s: string) => `${s}: no data`,
  highestCell: (s: string, p: string, v: string) => `Highest: ${s} in ${p} (${v}).`,
  lowestCell: (s: string, p: string, v: string) => `Lowest: ${s} in ${p} (${v}).`,
  matrix: (rows: number, columns: number, filled: number) => `${rows} rows × ${columns} columns; ${filled} of ${rows * columns} cells filled.`,
  filledInRow: (label: string, n: number, of: number) => `${label}: ${n} of ${of}`,
  mapOf: (n: number, word: string, period: string) => `Map of ${n} ${word}${period ? `, ${period}` : ''}.`,
  highestUnit: (label: string, v: string) => `Highest: ${label} (${v})`,
  lowestUnit: (label: string, v: string) => `lowest: ${label} (${v})`,
  noDataUnits: (labels: string) => `No data: ${labels}.`,
  classMembers: (name: string, labels: string) => `${name}: ${labels}`,
  portfolio: (n: number, x: string, y: string, size: string) => `${n} bubbles: horizontal ${x}, vertical ${y}, size ${size}.`,
  bubbleSize: (size: string) => `Bubble size: ${size}`,
  referenceLine: (label: string) => `Dashed line: ${label}`,
  portfolioTop: (what: string, label: string, v: string) => `Highest ${what}: ${label} (${v})`,
};

type Words = typeof EN;

const RU: Words = {
  series: 'Ряд',
  name: 'Название',
  year: 'Год',
  noData: 'нет данных',
  notShown: 'не показано',
  indexUnit: (base) => `индекс, ${base} = 100`,
  measureValue: (unit, period) => `${unit}, ${period}`,
  measureGrowth: (base, period) => `прирост ${base}–${period}, %`,
  measureCagr: (base, period) => `среднегодовой прирост ${base}–${period}, %`,
  measureIndex: (base, period) => `${period}, индекс (${base} = 100)`,
  measureChange: (base, period, unit) => `изменение ${base}–${period}, ${unit}`,
  measureShare: (period) => `доля в итоге, ${period}, %`,
  measureLq: (period) => `коэффициент локализации, ${period}`,
  cite: 'Как цитировать рисунок',
  citation: (title, figure, report, date, source, link) => `«${title}». ${figure} в: ${sentence(`${report}${date ? `, ${date}` : ''}`)} Источник: ${sentence(source)} ${link}`,
  figure: 'Рисунок',
  dateLocale: 'ru',
  shows: (title, unit) => `${title} (${unit}).`,
  periods: (first, last, n) => `Рядов: ${n}, период ${first}–${last}.`,
  oneSeries: (first, last) => `Период ${first}–${last}.`,
  change: (s, a, pa, b, pb) => `${s}: ${a} в ${pa} г., ${b} в ${pb} г.`,
  extremes: (max, pmax, min, pmin) => ` (максимум ${max} в ${pmax} г., минимум ${min} в ${pmin} г.)`,
  missing: (s) => `${s}: нет данных`,
  highestCell: (s, p, v) => `Максимум: ${s}, ${p} (${v}).`,
  lowestCell: (s, p, v) => `Минимум: ${s}, ${p} (${v}).`,
  matrix: (rows, columns, filled) => `${rows} строк × ${columns} столбцов; заполнено ${filled} из ${rows * columns} ячеек.`,
  filledInRow: (label, n, of) => `${label}: ${n} из ${of}`,
  mapOf: (n, word, period) => `Карта: ${n} ${word}${period ? `, ${period}` : ''}.`,
  highestUnit: (label, v) => `Максимум: ${label} (${v})`,
  lowestUnit: (label, v) => `минимум: ${label} (${v})`,
  noDataUnits: (labels) => `Нет данных: ${labels}.`,
  classMembers: (name, labels) => `${name}: ${labels}`,
  portfolio: (n, x, y, size) => `Пузырьков: ${n}; по горизонтали ${x}, по вертикали ${y}, размер — ${size}.`,
  bubbleSize: (size) => `Размер пузырька: ${size}`,
  referenceLine: (label) => `Пунктир: ${label}`,
  portfolioTop: (what, label, v) => `Максимум (${what}): ${label} (${v})`,
};

export function chartWords(locale: string): Words {
  return locale === 'ru' || locale === 'kk' ? RU : EN;
}

/** A date (YYYY-MM-DD) as the page's language writes it: "1 July 2024", "1 июля 2024 г.". */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return new Intl.DateTimeFormat(chartWords(locale).dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
