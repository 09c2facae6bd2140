/**
 * The units a table may declare. A closed list, so a typo ("mln tenge") is caught at build time
 * and indicators can refuse to combine values measured in different units.
 */

export type UnitKind = 'money' | 'mass' | 'area' | 'yield' | 'index' | 'percent' | 'count' | 'ratio' | 'score' | 'per-capita' | 'rank';

export interface UnitDefinition {
  kind: UnitKind;
  label: { en: string; ru: string; kk?: string };
}

export const UNITS = {
  'tenge': { kind: 'money', label: { en: 'tenge', ru: 'тенге', kk: 'теңге' } },
  'thousand tenge': { kind: 'money', label: { en: 'thousand tenge', ru: 'тыс. тенге', kk: 'мың теңге' } },
  'million tenge': { kind: 'money', label: { en: 'million tenge', ru: 'млн тенге', kk: 'млн теңге' } },
  'billion tenge': { kind: 'money', label: { en: 'billion tenge', ru: 'млрд тенге', kk: 'млрд теңге' } },
  'million US dollars': { kind: 'money', label: { en: 'million US dollars', ru: 'млн долларов США', kk: 'млн АҚШ доллары' } },
  'US dollars per person': { kind: 'per-capita', label: { en: 'US dollars per person', ru: 'долларов США на человека', kk: 'адамға шаққанда АҚШ доллары' } },
  'thousand t': { kind: 'mass', label: { en: 'thousand tonnes', ru: 'тыс. тонн', kk: 'мың тонна' } },
  't': { kind: 'mass', label: { en: 'tonnes', ru: 'тонн', kk: 'тонна' } },
  'ha': { kind: 'area', label: { en: 'hectares', ru: 'га', kk: 'га' } },
  'thousand ha': { kind: 'area', label: { en: 'thousand hectares', ru: 'тыс. га', kk: 'мың га' } },
  'c/ha': { kind: 'yield', label: { en: 'centners per hectare', ru: 'ц/га', kk: 'ц/га' } },
  '% of previous year': { kind: 'index', label: { en: '%, previous year = 100', ru: '% к предыдущему году', kk: 'алдыңғы жылға %' } },
  '% of base year': { kind: 'index', label: { en: '%, base year = 100', ru: '% к базисному году', kk: 'базалық жылға %' } },
  '%': { kind: 'percent', label: { en: '%', ru: '%', kk: '%' } },
  '% per year': { kind: 'percent', label: { en: '% per year', ru: '% в год', kk: 'жылына %' } },
  'percentage points': { kind: 'percent', label: { en: 'percentage points', ru: 'процентных пунктов', kk: 'пайыздық тармақ' } },
  'rank': { kind: 'rank', label: { en: 'rank (1 = first)', ru: 'место (1 = первое)', kk: 'орын (1 = бірінші)' } },
  'percentile': { kind: 'rank', label: { en: 'percentile rank', ru: 'процентильный ранг', kk: 'процентильдік ранг' } },
  'persons': { kind: 'count', label: { en: 'persons', ru: 'человек', kk: 'адам' } },
  'thousand persons': { kind: 'count', label: { en: 'thousand persons', ru: 'тыс. человек', kk: 'мың адам' } },
  'count': { kind: 'count', label: { en: 'number', ru: 'количество', kk: 'саны' } },
  'ratio': { kind: 'ratio', label: { en: 'ratio', ru: 'коэффициент', kk: 'коэффициент' } },
  'score': { kind: 'score', label: { en: 'score', ru: 'балл', kk: 'балл' } },
  'tenge per person': { kind: 'per-capita', label: { en: 'tenge per person', ru: 'тенге на человека', kk: 'адамға шаққанда теңге' } },
  'thousand tenge per person': { kind: 'per-capita', label: { en: 'thousand tenge per person', ru: 'тыс. тенге на человека', kk: 'адамға шаққанда мың теңге' } },
  'kg per person': { kind: 'per-capita', label: { en: 'kg per person', ru: 'кг на человека', kk: 'адамға шаққанда кг' } },
  't per person': { kind: 'per-capita', label: { en: 'tonnes per person', ru: 'т на человека', kk: 'адамға шаққанда тонна' } },
} as const satisfies Record<string, UnitDefinition>;

export type UnitId = keyof typeof UNITS;

export const UNIT_IDS = Object.keys(UNITS) as UnitId[];

export function isUnitId(value: string): value is UnitId {
  return Object.hasOwn(UNITS, value);
}

export function unitLabel(unit: UnitId, locale: string): string {
  const label: { en: string; ru: string; kk?: string } = UNITS[unit].label;
  if (locale === 'ru') return label.ru;
  if (locale === 'kk') return label.kk ?? label.ru;
  return label.en;
}
