/**
 * What a chart spec an author writes (`preset: raw`) may not do, checked before anything renders:
 * load anything (a URL, a file, an image, a link: the data come only from the report's tables)
 * or ask for more than a chart needs (rows, generated rows, pixels). Each problem names the JSON
 * path inside the block's `spec:` so the message points at the line to change. The sealed loader
 * (sealed-loader.ts) and the render sandbox (render-sandbox.ts) hold even where this check would
 * miss something; this check is what makes the message clear.
 */

/** Limits of one chart; README "Limits" quotes them. */
export const CHART_LIMITS = {
  /** Records a chart may plot: a chart of a whole 10,000-row table is not a chart anyone can read. */
  records: 20_000,
  /** Rows a spec may generate itself (`sequence`, and `fold` over the records). */
  generatedRows: 20_000,
  /** Width or height in pixels. */
  pixels: 4_000,
  /** Time budget of one render, in seconds. */
  seconds: 30,
  /** Memory of the thread that renders an author's spec, in MB. */
  memoryMb: 768,
} as const;

export interface SpecProblem {
  /** JSON path, e.g. `spec.layer[0].data.url`. */
  path: string;
  problem: string;
  expected: string;
  fix: string;
}

const LOAD_FIX = "put the data in a table under data/ and name it in the block's `table:` (its rows reach the spec as records with period, series, key and value)";

export function specProblems(spec: unknown, records: number, root = 'spec'): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const visit = (node: unknown, at: string, key: string | undefined) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${at}[${i}]`, undefined));
      return;
    }
    if (typeof node === 'string') {
      if (key === 'url' || key === 'href') {
        problems.push({ path: at, problem: `the spec asks to load "${node.slice(0, 80)}"`, expected: 'no URLs, files or links in a chart spec: a chart draws only the report\'s tables', fix: LOAD_FIX });
      } else if ((key === 'mark' || key === 'type') && node === 'image') {
        problems.push({ path: at, problem: 'image marks load pictures from files or the network', expected: 'marks that draw the data (point, line, bar, rect, text, …)', fix: 'use another mark type' });
      }
      return;
    }
    if (node === null || typeof node !== 'object') {
      if ((key === 'width' || key === 'height') && typeof node === 'number' && node > CHART_LIMITS.pixels) {
        problems.push({ path: at, problem: `${key} ${node} is larger than a chart can be`, expected: `at most ${CHART_LIMITS.pixels} pixels`, fix: `set ${key} to ${CHART_LIMITS.pixels} or less` });
      }
      return;
    }
    // usermeta is never interpreted by Vega-Lite or Vega.
    for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
      const here = `${at}.${name}`;
      if (name === 'usermeta') continue;
      if ((name === 'url' || name === 'href') && typeof value !== 'string' && value !== undefined) {
        problems.push({ path: here, problem: name === 'href' ? 'the spec turns marks into links ("href")' : 'the spec loads pictures or data from URLs ("url")', expected: 'no URLs, files or links in a chart spec: a chart draws only the report\'s tables', fix: LOAD_FIX });
        continue;
      }
      if (name === 'sequence' && value && typeof value === 'object') {
        const { start = 0, stop, step = 1 } = value as { start?: unknown; stop?: unknown; step?: unknown };
        const count = typeof start === 'number' && typeof stop === 'number' && typeof step === 'number' && step !== 0 ? Math.ceil((stop - start) / step) : Infinity;
        if (!(count <= CHART_LIMITS.generatedRows)) {
          problems.push({ path: here, problem: `the sequence generates ${Number.isFinite(count) ? count.toLocaleString('en') : 'an unbounded number of'} rows`, expected: `at most ${CHART_LIMITS.generatedRows.toLocaleString('en')} rows`, fix: 'narrow start and stop, or take a larger step' });
        }
      }
      if (name === 'fold' && Array.isArray(value) && value.length * Math.max(records, 1) > CHART_LIMITS.generatedRows) {
        problems.push({ path: here, problem: `folding ${value.length} fields over ${records.toLocaleString('en')} records makes ${(value.length * records).toLocaleString('en')} rows`, expected: `at most ${CHART_LIMITS.generatedRows.toLocaleString('en')} rows`, fix: 'fold fewer fields, or plot fewer rows of the table' });
      }
      visit(value, here, name);
    }
  };
  visit(spec, root, undefined);
  return problems;
}
