/**
 * Every word the chart stage and the figures say, per language, in one place: axis titles,
 * generated descriptions, the Data view's headers, the citation line. English, Russian and Kazakh
 * each have a complete set of their own.
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

/**
 * Kazakh marks case on the number itself ("2019 жылы", but "100-ден", "5-тің"), and the suffix
 * depends on how the number is read aloud, so no template attaches anything to a number: a
 * period is followed by the word "жыл" in the case the sentence needs ("2019 жылы", "2015–2019
 * жылдар аралығындағы"), a value stands alone after a colon or in brackets, and a count comes
 * before a noun, which stays singular after a numeral ("5 жол × 8 баған"). Periods that are not
 * plain years ("2023-12") get no "жыл".
 */
const YEAR = /^\d{4}$/;
/** Month names, nominative, for "2024 жылғы 5 наурыз". */
const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'] as const;
/** The same, in the locative ("in March": "наурызда"), for a "YYYY-MM" period. */
const KK_MONTHS_IN = ['қаңтарда', 'ақпанда', 'наурызда', 'сәуірде', 'мамырда', 'маусымда', 'шілдеде', 'тамызда', 'қыркүйекте', 'қазанда', 'қарашада', 'желтоқсанда'] as const;

/** "in <period>": "2019 жылы", "2023 жылғы желтоқсанда", otherwise the period as it is. */
function kkIn(period: string): string {
  if (YEAR.test(period)) return `${period} жылы`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const name = month ? KK_MONTHS_IN[Number(month[2]) - 1] : undefined;
  return month && name ? `${month[1]} жылғы ${name}` : period;
}

/** A span of periods as a noun: "2015–2019 жылдар", "2020–2023-12". */
const kkSpan = (first: string, last: string) => `${first}–${last}${YEAR.test(first) && YEAR.test(last) ? ' жылдар' : ''}`;

const KK: Words = {
  series: 'Қатар',
  name: 'Атауы',
  year: 'Жыл',
  noData: 'деректер жоқ',
  notShown: 'көрсетілмеген',
  indexUnit: (base) => `индекс, ${base} = 100`,
  measureValue: (unit, period) => `${unit}, ${period}`,
  measureGrowth: (base, period) => `${kkSpan(base, period)} аралығындағы өсім, %`,
  measureCagr: (base, period) => `${kkSpan(base, period)} аралығындағы орташа жылдық өсім, %`,
  measureIndex: (base, period) => `${period}, индекс (${base} = 100)`,
  measureChange: (base, period, unit) => `${kkSpan(base, period)} аралығындағы өзгеріс, ${unit}`,
  measureShare: (period) => `жиынтықтағы үлесі, ${period}, %`,
  measureLq: (period) => `локализация коэффициенті, ${period}`,
  cite: 'Суретке сілтеме жасау үлгісі',
  // "//" before the work a part belongs to, as Kazakh bibliographies write it (ГОСТ 7.1).
  citation: (title, figure, report, date, source, link) => `«${title}». ${figure} // ${sentence(`${report}${date ? `, ${date}` : ''}`)} Дереккөз: ${sentence(source)} ${link}`,
  figure: 'Сурет',
  // Not passed to Intl: formatDate writes Kazakh dates itself (see kazakhDate).
  dateLocale: 'kk-KZ',
  shows: (title, unit) => `${title} (${unit}).`,
  periods: (first, last, n) => `Қатарлар саны: ${n}; кезең: ${kkSpan(first, last)}.`,
  oneSeries: (first, last) => `Кезең: ${kkSpan(first, last)}.`,
  change: (s, a, pa, b, pb) => `${s}: ${kkIn(pa)} ${a}, ал ${kkIn(pb)} ${b}`,
  extremes: (max, pmax, min, pmin) => ` (ең жоғары мәні: ${kkIn(pmax)} ${max}, ең төменгі мәні: ${kkIn(pmin)} ${min})`,
  missing: (s) => `${s}: деректер жоқ`,
  highestCell: (s, p, v) => `Ең жоғары мән: ${s}, ${kkIn(p)} (${v}).`,
  lowestCell: (s, p, v) => `Ең төменгі мән: ${s}, ${kkIn(p)} (${v}).`,
  matrix: (rows, columns, filled) => `${rows} жол × ${columns} баған; толтырылған ұяшықтар: ${filled} (барлығы ${rows * columns}).`,
  filledInRow: (label, n, of) => `${label}: ${n} (барлығы ${of})`,
  // After a numeral the Kazakh noun stays singular ("17 өңір"): the geography's unitWord.kk gives it.
  mapOf: (n, word, period) => `Карта: ${n} ${word}${period ? `, ${period}` : ''}.`,
  highestUnit: (label, v) => `Ең жоғары мән: ${label} (${v})`,
  lowestUnit: (label, v) => `ең төменгі мән: ${label} (${v})`,
  noDataUnits: (labels) => `Деректер жоқ: ${labels}.`,
  classMembers: (name, labels) => `${name}: ${labels}`,
  portfolio: (n, x, y, size) => `Көпіршіктер саны: ${n}; көлденең осьте — ${x}, тік осьте — ${y}, көпіршік өлшемі — ${size}.`,
  bubbleSize: (size) => `Көпіршік өлшемі: ${size}`,
  referenceLine: (label) => `Үзік сызық: ${label}`,
  portfolioTop: (what, label, v) => `Ең жоғары мән (${what}): ${label} (${v})`,
};

export function chartWords(locale: string): Words {
  if (locale === 'kk') return KK;
  return locale === 'ru' ? RU : EN;
}

/**
 * "2024 жылғы 5 наурыз". Not Intl: for 'kk-KZ' Node 20 (full ICU) prints "2024 ж. 5 наурыз" but
 * Debian's Chromium, whose ICU data has no Kazakh, prints "2024 M03 5", so the build and the
 * browser would disagree; and the abbreviation "ж." is not the report's style.
 */
function kazakhDate(date: Date): string {
  return `${date.getUTCFullYear()} жылғы ${date.getUTCDate()} ${KK_MONTHS[date.getUTCMonth()] ?? ''}`;
}

/** A date (YYYY-MM-DD) as the page's language writes it: "1 July 2024", "1 июля 2024 г.", "2024 жылғы 1 шілде". */
export function formatDate(isoDate: string, locale: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const words = chartWords(locale);
  if (words === KK) return kazakhDate(date);
  return new Intl.DateTimeFormat(words.dateLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
