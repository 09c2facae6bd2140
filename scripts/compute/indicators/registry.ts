/**
 * The registry of indicators an author can name declaratively (e.g. `indicator: base-index` in a
 * chapter or chart), with their titles, result unit and LaTeX formula for the methodology chapter.
 * Ids are kebab-case and match the file names (and the ids of stated figures in data tables).
 * Typologies and decompositions that return structures (rank-score) are called directly.
 */
import { absoluteChange } from './absolute-change.ts';
import { baseIndex } from './base-index.ts';
import { cagr } from './cagr.ts';
import { chainIndex } from './chain-index.ts';
import { clusterShare } from './cluster-share.ts';
import { cumulativeIndex } from './cumulative-index.ts';
import { clusterGrowthVsSector, sectorGrowthVsEconomy } from './growth-ratio.ts';
import { growthRate } from './growth-rate.ts';
import { hhi } from './hhi.ts';
import { hooverCoefficient } from './hoover-coefficient.ts';
import { impliedArea } from './implied-area.ts';
import { impliedPriceIndex } from './implied-price-index.ts';
import { krugmanIndex } from './krugman-index.ts';
import { locationQuotient } from './location-quotient.ts';
import { migrationEffectiveness } from './migration-effectiveness.ts';
import { perCapita } from './per-capita.ts';
import { shares } from './share.ts';
import { shiftShare } from './shift-share.ts';
import { structuralShift } from './structural-shift.ts';
import { averageYieldIndex, laspeyresYieldIndex } from './yield-index.ts';
import { cropYield } from './yield.ts';

export type IndicatorGroup = 'dynamics' | 'structure' | 'intensity' | 'specialisation' | 'cluster' | 'demography';

export interface IndicatorDefinition<F extends (...args: never[]) => unknown = (...args: never[]) => unknown> {
  id: string;
  title: { en: string; ru: string };
  /** Unit of the result; 'unit of the input' when it is the table's own unit. */
  unit: string;
  /** The formula in LaTeX, for the methodology chapter. */
  formulaTeX: string;
  group: IndicatorGroup;
  fn: F;
}

function define<F extends (...args: never[]) => unknown>(d: IndicatorDefinition<F>): IndicatorDefinition<F> {
  return d;
}

export const INDICATORS = {
  'base-index': define({
    id: 'base-index',
    title: { en: 'Base-year index', ru: 'Базисный индекс' },
    unit: '% of base year',
    formulaTeX: String.raw`I_{t/b} = \frac{x_t}{x_b} \cdot 100`,
    group: 'dynamics',
    fn: baseIndex,
  }),
  'chain-index': define({
    id: 'chain-index',
    title: { en: 'Chain index (year on year)', ru: 'Цепной индекс' },
    unit: '% of previous year',
    formulaTeX: String.raw`I_{t/t-1} = \frac{x_t}{x_{t-1}} \cdot 100`,
    group: 'dynamics',
    fn: chainIndex,
  }),
  'cumulative-index': define({
    id: 'cumulative-index',
    title: { en: 'Cumulative index from annual indices', ru: 'Накопленный индекс по годовым индексам' },
    unit: '% of base year',
    formulaTeX: String.raw`I_{T/b} = \prod_{t=b+1}^{T} \frac{i_t}{100} \cdot 100`,
    group: 'dynamics',
    fn: cumulativeIndex,
  }),
  'absolute-change': define({
    id: 'absolute-change',
    title: { en: 'Absolute change', ru: 'Абсолютное изменение' },
    unit: 'unit of the input',
    formulaTeX: String.raw`\Delta = x_T - x_b`,
    group: 'dynamics',
    fn: absoluteChange,
  }),
  'growth-rate': define({
    id: 'growth-rate',
    title: { en: 'Growth rate', ru: 'Темп прироста' },
    unit: '%',
    formulaTeX: String.raw`g = \left(\frac{x_T}{x_b} - 1\right) \cdot 100`,
    group: 'dynamics',
    fn: growthRate,
  }),
  cagr: define({
    id: 'cagr',
    title: { en: 'Compound annual growth rate', ru: 'Среднегодовой темп прироста' },
    unit: '% per year',
    formulaTeX: String.raw`\mathrm{CAGR} = \left(\left(\frac{x_T}{x_b}\right)^{1/(T-b)} - 1\right) \cdot 100`,
    group: 'dynamics',
    fn: cagr,
  }),
  share: define({
    id: 'share',
    title: { en: 'Share', ru: 'Доля' },
    unit: '%',
    formulaTeX: String.raw`s_k = \frac{x_k}{\sum_j x_j} \cdot 100`,
    group: 'structure',
    fn: shares,
  }),
  'structural-shift': define({
    id: 'structural-shift',
    title: { en: 'Structural shift', ru: 'Индекс структурных сдвигов' },
    unit: 'percentage points',
    formulaTeX: String.raw`D = \frac{1}{2} \sum_k \left| s_{k,T} - s_{k,b} \right|`,
    group: 'structure',
    fn: structuralShift,
  }),
  hhi: define({
    id: 'hhi',
    title: { en: 'Herfindahl–Hirschman index', ru: 'Индекс Херфиндаля–Хиршмана' },
    unit: 'ratio',
    formulaTeX: String.raw`\mathrm{HHI} = \sum_k \left(\frac{s_k}{100}\right)^2`,
    group: 'structure',
    fn: hhi,
  }),
  yield: define({
    id: 'yield',
    title: { en: 'Yield', ru: 'Урожайность' },
    unit: 'c/ha',
    formulaTeX: String.raw`y\,[\text{c/ha}] = \frac{\text{harvest}\,[\text{thousand t}] \cdot 10}{\text{area}\,[\text{thousand ha}]}`,
    group: 'intensity',
    fn: cropYield,
  }),
  'implied-area': define({
    id: 'implied-area',
    title: { en: 'Implied area', ru: 'Расчётная площадь' },
    unit: 'thousand ha',
    formulaTeX: String.raw`\text{area}\,[\text{thousand ha}] = \frac{\text{harvest}\,[\text{thousand t}] \cdot 10}{y\,[\text{c/ha}]}`,
    group: 'intensity',
    fn: impliedArea,
  }),
  'per-capita': define({
    id: 'per-capita',
    title: { en: 'Per capita', ru: 'На душу населения' },
    unit: 'per person (as requested)',
    formulaTeX: String.raw`x_{\text{per capita}} = \frac{x}{\text{population}}`,
    group: 'intensity',
    fn: perCapita,
  }),
  'implied-price-index': define({
    id: 'implied-price-index',
    title: { en: 'Implied price index', ru: 'Расчётный индекс цен (дефлятор)' },
    unit: '% of previous year',
    formulaTeX: String.raw`P = \frac{I_{\text{nominal}}}{I_{\text{volume}}} \cdot 100`,
    group: 'dynamics',
    fn: impliedPriceIndex,
  }),
  'yield-index-laspeyres': define({
    id: 'yield-index-laspeyres',
    title: { en: 'Yield index (Laspeyres, base-year areas)', ru: 'Индекс урожайности (Ласпейреса, по площадям базисного года)' },
    unit: '% of base year',
    formulaTeX: String.raw`I_y = \frac{\sum_k y_{k,T} A_{k,b}}{\sum_k y_{k,b} A_{k,b}} \cdot 100`,
    group: 'intensity',
    fn: laspeyresYieldIndex,
  }),
  'yield-index-average': define({
    id: 'yield-index-average',
    title: { en: 'Average of crop yield indices', ru: 'Средний индекс урожайности культур' },
    unit: '% of base year',
    formulaTeX: String.raw`\bar{I}_y = \frac{1}{n} \sum_k \frac{y_{k,T}}{y_{k,b}} \cdot 100`,
    group: 'intensity',
    fn: averageYieldIndex,
  }),
  'location-quotient': define({
    id: 'location-quotient',
    title: { en: 'Location quotient', ru: 'Коэффициент локализации (LQ)' },
    unit: 'ratio',
    formulaTeX: String.raw`LQ_{ir} = \frac{e_{ir} / e_r}{E_i / E}`,
    group: 'specialisation',
    fn: locationQuotient,
  }),
  'krugman-index': define({
    id: 'krugman-index',
    title: { en: 'Krugman specialisation index', ru: 'Индекс специализации Кругмана' },
    unit: 'ratio',
    formulaTeX: String.raw`K_r = \sum_i \left| \frac{e_{ir}}{e_r} - \frac{E_i}{E} \right|`,
    group: 'specialisation',
    fn: krugmanIndex,
  }),
  'hoover-coefficient': define({
    id: 'hoover-coefficient',
    title: { en: 'Hoover localisation coefficient', ru: 'Коэффициент локализации Гувера' },
    unit: 'ratio',
    formulaTeX: String.raw`H_i = \frac{1}{2} \sum_r \left| \frac{e_{ir}}{E_i} - \frac{e_r}{E} \right|`,
    group: 'specialisation',
    fn: hooverCoefficient,
  }),
  'shift-share': define({
    id: 'shift-share',
    title: { en: 'Shift-share decomposition', ru: 'Анализ сдвигов и долей (shift-share)' },
    unit: 'unit of the input',
    formulaTeX: String.raw`\Delta e_{ir} = \underbrace{e_{ir}^0 G}_{NS} + \underbrace{e_{ir}^0 (G_i - G)}_{IM} + \underbrace{e_{ir}^0 (g_{ir} - G_i)}_{RS}`,
    group: 'specialisation',
    fn: shiftShare,
  }),
  'sector-growth-vs-economy': define({
    id: 'sector-growth-vs-economy',
    title: { en: 'Sector growth vs the economy', ru: 'Рост отрасли относительно экономики' },
    unit: 'ratio',
    formulaTeX: String.raw`\frac{I_{\text{sector}}}{I_{\text{economy}}}`,
    group: 'cluster',
    fn: sectorGrowthVsEconomy,
  }),
  'cluster-growth-vs-sector': define({
    id: 'cluster-growth-vs-sector',
    title: { en: 'Cluster growth vs its sector', ru: 'Рост кластера относительно отрасли' },
    unit: 'ratio',
    formulaTeX: String.raw`\frac{I_{\text{cluster}}}{I_{\text{sector}}}`,
    group: 'cluster',
    fn: clusterGrowthVsSector,
  }),
  'cluster-share': define({
    id: 'cluster-share',
    title: { en: 'Cluster share of GRP', ru: 'Доля кластера в ВРП' },
    unit: '%',
    formulaTeX: String.raw`s_{\text{cluster}} = \frac{\text{cluster output}}{\text{GRP}} \cdot 100`,
    group: 'cluster',
    fn: clusterShare,
  }),
  'migration-effectiveness': define({
    id: 'migration-effectiveness',
    title: { en: 'Migration effectiveness', ru: 'Коэффициент эффективности миграции' },
    unit: '%',
    formulaTeX: String.raw`E_M = \frac{\text{arrivals} - \text{departures}}{\text{arrivals} + \text{departures}} \cdot 100`,
    group: 'demography',
    fn: migrationEffectiveness,
  }),
} as const satisfies Record<string, IndicatorDefinition>;

export type IndicatorId = keyof typeof INDICATORS;

export function isIndicatorId(value: string): value is IndicatorId {
  return Object.hasOwn(INDICATORS, value);
}
