/** Sector growth vs the economy (seed 003): I_sector ÷ I_economy. The shared arithmetic is in `growth-ratio.ts`. */
import { growthRatioIndicator, sectorGrowthVsEconomy } from './growth-ratio.ts';

export { sectorGrowthVsEconomy };

export default growthRatioIndicator({
  id: 'sector-growth-vs-economy',
  text: {
    en: { title: 'Sector growth vs the economy', note: 'The growth index of a sector divided by that of the whole economy: above 1, the sector grew faster.' },
    ru: { title: 'Рост отрасли относительно экономики', note: 'Индекс роста отрасли, делённый на индекс роста всей экономики: больше 1 — отрасль росла быстрее.' },
    kk: { title: 'Саланың экономикаға қатысты өсуі', note: 'Сала өсу индексін бүкіл экономиканың өсу индексіне бөлгендегі шама: 1-ден жоғары болса, сала жылдамырақ өскен.' },
  },
  fn: (n, d, units, where) => sectorGrowthVsEconomy(n, d, { sector: units.sector, economy: units.economy }, where),
  formula: String.raw`\frac{I_{\text{sector}}}{I_{\text{economy}}}`,
  numerator: 'sector',
  denominator: 'economy',
  example: 'sector-growth-vs-economy(volume-indices.agriculture, volume-indices.economy, 2019)',
});
