/** Cluster growth vs its sector (seed 003): I_cluster ÷ I_sector. The shared arithmetic is in `growth-ratio.ts`. */
import { clusterGrowthVsSector, growthRatioIndicator } from './growth-ratio.ts';

export { clusterGrowthVsSector };

export default growthRatioIndicator({
  id: 'cluster-growth-vs-sector',
  text: {
    en: { title: 'Cluster growth vs its sector', note: "The growth index of a cluster's output divided by that of its sector: above 1, the cluster grew faster than its sector." },
    ru: { title: 'Рост кластера относительно отрасли', note: 'Индекс роста продукции кластера, делённый на индекс роста его отрасли: больше 1 — кластер рос быстрее отрасли.' },
    kk: { title: 'Кластердің салаға қатысты өсуі', note: 'Кластер өнімінің өсу индексін оның саласының өсу индексіне бөлгендегі шама: 1-ден жоғары болса, кластер саласынан жылдамырақ өскен.' },
  },
  fn: (n, d, units, where) => clusterGrowthVsSector(n, d, { cluster: units.cluster, sector: units.sector }, where),
  formula: String.raw`\frac{I_{\text{cluster}}}{I_{\text{sector}}}`,
  numerator: 'cluster',
  denominator: 'sector',
  example: 'cluster-growth-vs-sector(cluster-output.dairy, gross-output.livestock, 2019, 2015)',
});
