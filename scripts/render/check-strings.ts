/**
 * Every word the Data-quality page says about a consistency check, per language: what a check
 * tests (its summary line) and what one result is about (its subject). The check stage returns
 * data only (consistency-checks.ts, `detail`); labels and numbers arrive here already localized
 * and formatted. English, Russian and Kazakh each have a complete set of their own.
 */
import type { StatedFigure } from '../validate/table-schema.ts';

type Indicator = StatedFigure['indicator'];

const EN = {
  indicator: { 'base-index': 'base-index', 'chain-index': 'chain-index', 'cumulative-index': 'cumulative-index', 'growth-rate': 'growth-rate', share: 'share', value: 'value' } satisfies Record<Indicator, string>,
  // Summaries: what the check as a whole tests.
  sum: (parts: string, total: string, tolerance: string, relative: boolean) => `${parts} = ${total} (tolerance ${tolerance}${relative ? ' of the total' : ''})`,
  noTotal: 'no total row: mark one row "role": "total" or name it in the check',
  stated: 'figures printed in the source equal the recomputed values, within half a unit of their last digit',
  shareSum: (tolerance: string) => `shares sum to 100 (tolerance ${tolerance})`,
  range: (bounds: string) => `values within ${bounds}`,
  passedOf: (summary: string, passed: number, of: number) => `${summary}: ${passed} of ${of} passed`,
  // Subjects: what one result is about.
  statedSubject: (label: string, indicator: string, period: string, base: string | undefined) => `${label}: ${indicator} ${period}${base ? ` vs ${base}` : ''}`,
  shares: 'Σ shares',
};

type Words = typeof EN;

const RU: Words = {
  indicator: { 'base-index': 'базисный индекс', 'chain-index': 'цепной индекс', 'cumulative-index': 'накопленный индекс', 'growth-rate': 'темп прироста', share: 'доля', value: 'значение' },
  sum: (parts, total, tolerance, relative) => `${parts} = ${total} (допуск ${tolerance}${relative ? ' от итога' : ''})`,
  noTotal: 'нет итоговой строки: отметьте одну строку как "role": "total" или назовите её в проверке',
  stated: 'напечатанные в источнике показатели совпадают с пересчитанными с точностью до половины единицы последнего знака',
  shareSum: (tolerance) => `сумма долей равна 100 (допуск ${tolerance})`,
  range: (bounds) => `значения в пределах ${bounds}`,
  passedOf: (summary, passed, of) => `${summary}: выполнено ${passed} из ${of}`,
  statedSubject: (label, indicator, period, base) => `${label}: ${indicator}, ${period}${base ? ` к ${base}` : ''}`,
  shares: 'Σ долей',
};

/**
 * As in chart-strings.ts, no Kazakh suffix is attached to a number whose reading decides it,
 * except "100-ге" ("жүзге"), which is fixed: a count stands before "(барлығы …)", a base period
 * after a dash.
 */
const KK: Words = {
  indicator: { 'base-index': 'базистік индекс', 'chain-index': 'тізбекті индекс', 'cumulative-index': 'жинақталған индекс', 'growth-rate': 'өсім қарқыны', share: 'үлес', value: 'мән' },
  sum: (parts, total, tolerance, relative) => `${parts} = ${total} (рұқсат етілген ауытқу: ${tolerance}${relative ? ', жиынтыққа қатысты' : ''})`,
  noTotal: 'жиынтық жол жоқ: бір жолды "role": "total" деп белгілеңіз немесе оны тексеруде атаңыз',
  stated: 'дереккөзде басылған көрсеткіштер қайта есептелген мәндерге соңғы таңбасының жарты бірлігі дәлдігімен тең',
  shareSum: (tolerance) => `үлестердің қосындысы 100-ге тең (рұқсат етілген ауытқу: ${tolerance})`,
  range: (bounds) => `мәндер ${bounds} аралығында`,
  passedOf: (summary, passed, of) => `${summary}: ${passed} тексеруден өтті (барлығы ${of})`,
  statedSubject: (label, indicator, period, base) => `${label}: ${indicator}, ${period}${base ? `; базалық кезең — ${base}` : ''}`,
  shares: 'Σ үлестер',
};

export function checkWords(locale: string): Words {
  if (locale === 'kk') return KK;
  return locale === 'ru' ? RU : EN;
}
