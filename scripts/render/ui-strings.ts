/** Every word the site itself says, per language, in one place. */

const STRINGS = {
  en: {
    figure: 'Figure',
    figureRef: 'Figure',
    tableRef: 'Table',
    tableLabel: 'Table',
    data: 'Data',
    series: 'Series',
    permalink: 'Link',
    source: 'Source',
    sources: 'Sources',
    note: 'Note',
    calculations: 'How the numbers on this page were computed',
    calculationsIntro: 'Each number in the text links here: its formula with the actual inputs and the table they come from.',
    keyFindings: 'Key findings',
    chapters: 'Chapters',
    contents: 'Contents',
    skip: 'Skip to content',
    home: 'Home',
    chapter: 'Chapter',
    previous: 'Previous',
    next: 'Next',
    missing: 'no data',
    table: 'table',
    language: 'Language',
    fromTable: 'from',
    dataAppendix: 'Data appendix',
    references: 'References',
    dataIntro: 'Every table the report uses, with its source, notes and corrections. Download any table as CSV or JSON.',
    backToText: 'Back to the text',
    footer: 'Every number on this site is computed from the data tables at build time.',
  },
  ru: {
    figure: 'Рисунок',
    figureRef: 'рис.',
    tableRef: 'табл.',
    tableLabel: 'Таблица',
    data: 'Данные',
    series: 'Ряд',
    permalink: 'Ссылка',
    source: 'Источник',
    sources: 'Источники',
    note: 'Примечание',
    calculations: 'Как рассчитаны числа на этой странице',
    calculationsIntro: 'Каждое число в тексте ведёт сюда: формула с исходными значениями и таблица, из которой они взяты.',
    keyFindings: 'Основные выводы',
    chapters: 'Главы',
    contents: 'Содержание',
    skip: 'Перейти к содержанию',
    home: 'Главная',
    chapter: 'Глава',
    previous: 'Назад',
    next: 'Далее',
    missing: 'нет данных',
    table: 'таблица',
    language: 'Язык',
    fromTable: 'из',
    dataAppendix: 'Приложение: данные',
    references: 'Литература',
    dataIntro: 'Все таблицы, которые использует доклад, с источниками, примечаниями и исправлениями. Каждую таблицу можно скачать в CSV или JSON.',
    backToText: 'Вернуться к тексту',
    footer: 'Все числа на этом сайте рассчитаны из таблиц данных при сборке.',
  },
} as const;

export type UiKey = keyof (typeof STRINGS)['en'];

/** Kazakh pages fall back to Russian UI strings until they are translated, then to English. */
export function t(locale: string, key: UiKey): string {
  const table = locale === 'ru' || locale === 'kk' ? STRINGS.ru : STRINGS.en;
  return table[key];
}

export function uiStrings(locale: string): Record<UiKey, string> {
  return locale === 'ru' || locale === 'kk' ? { ...STRINGS.ru } : { ...STRINGS.en };
}
