/**
 * Runs in the reader's browser. Pages show server-rendered SVG charts; this swaps each one for the
 * interactive Vega view (tooltips, hover) when it comes near the viewport. The Vega runtime is a
 * separate chunk, downloaded only then. Without JavaScript, nothing changes: the SVG stays.
 */
const charts = document.querySelectorAll<HTMLElement>('.chart[data-chart]');

if (charts.length > 0 && 'IntersectionObserver' in window) {
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        const container = entry.target as HTMLElement;
        void import('./hydrate.ts')
          .then(({ hydrate }) => hydrate(container))
          .catch((error: unknown) => {
            // The static SVG is still there: the reader loses interactivity, not the chart.
            container.dataset.interactive = 'failed';
            console.warn('chart stayed static:', error);
          });
      }
    },
    { rootMargin: '200px 0px' },
  );
  charts.forEach((chart) => observer.observe(chart));
}
