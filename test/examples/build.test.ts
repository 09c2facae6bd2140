/**
 * Golden whole-site tests: every report under examples/ and every fixture report under
 * test/fixtures/reports/ is built by the generator as it is, and its published site compared
 * with the committed copy in test/examples/golden/<name>/ (what is compared and what is left out:
 * golden-site.ts). Reports the generator knows nothing about are the test that it is a generator,
 * and each fixture exercises one thing on its own:
 *
 *   examples/valcerrada        the example report: Spanish from the report's own pack, its own
 *                              units and tile-grid geography, derived tables, maps, a templated chapter
 *   added-language             English and Brazilian Portuguese (pt-BR), a language only the report's pack knows
 *   table-template             no report.config.json at all; a chapter written once per row of a table
 *   custom-folders             content, data and the site in folders the configuration names; a CSV table
 *
 * On a difference the build's output is written beside the golden copy as <name>-changed/
 * (git-ignored) and the test fails with the list of files; `diff -r` the two folders to see how.
 * When the change is intended, `UPDATE_GOLDEN=1 npm run test:golden` rewrites the
 * golden copies: commit them with the change that caused them.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, compareTrees, limited, readTree, REPO, writeTree, type BuiltSite } from './golden-site.ts';

const GOLDEN = path.join(REPO, 'test/examples/golden');
/** Each report's .cache/ (charts, bibliography, search index), kept between runs in the repository's own .cache/. */
const CACHE = path.join(REPO, '.cache/golden');
const update = process.env.UPDATE_GOLDEN === '1';

const projects = (dir: string) =>
  readdirSync(path.join(REPO, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({ name: entry.name, source: path.join(REPO, dir, entry.name) }));

const REPORTS = [...projects('examples'), ...projects('test/fixtures/reports')];

describe('golden sites', () => {
  let builds: Map<string, Promise<BuiltSite>>;
  beforeAll(() => {
    // Two at a time: each build is one process, mostly on one core.
    const started = limited(REPORTS.map(({ name, source }) => () => buildCopy(source, path.join(CACHE, name))), 2);
    builds = new Map(REPORTS.map(({ name }, i) => [name, started[i] as Promise<BuiltSite>]));
    // A failure is reported by its own test, not as an unhandled rejection here.
    for (const build of started) build.catch(() => undefined);
  });

  for (const { name, source } of REPORTS) {
    it(`${path.relative(REPO, source)} builds into its golden copy`, async () => {
      const built = await builds.get(name)!;
      const files = new Map(built.files).set('_build.txt', Buffer.from(built.log));
      const golden = path.join(GOLDEN, name);
      const changed = `${golden}-changed`;
      rmSync(changed, { recursive: true, force: true });
      if (update) {
        writeTree(golden, files);
        return;
      }
      const differences = compareTrees(readTree(golden), files);
      if (differences.length > 0) writeTree(changed, files);
      expect(
        differences.map((d) => `${d.kind}: ${d.file}`),
        `the build differs from ${path.relative(REPO, golden)}/; its output is in ${path.relative(REPO, changed)}/ (UPDATE_GOLDEN=1 accepts it)`,
      ).toEqual([]);
    });
  }

  // A golden copy only says "as before": these say what the first one had to be, worked out by hand.
  it('writes the example in the words and number style of its own Spanish pack', async () => {
    const page = (file: string) => (built.get(file) ?? Buffer.from('')).toString('utf8');
    const built = (await builds.get('valcerrada')!).files;
    expect(page('es/index.html')).toContain('<html lang="es"');
    // 65 270 ha ÷ 1074 holdings = 60.77 → 60,8; five digits are grouped with a no-break space, four are not.
    expect(page('es/explotaciones/index.html')).toContain('title="60,8 = 65\u00a0270 ÷ 1074"');
    expect(page('es/explotaciones/index.html')).toContain('Cuadro 2.1.');
    // La Jara's sheep: 15.6 ÷ 15.2 = 1.0263, a rise of 2.6 %; Villaseca's: 2.6 ÷ 7.4 = 0.3514, a fall of 64.9 %.
    expect(page('es/municipios/la-jara/index.html')).toContain('aumentó un 2,6\u00a0%');
    expect(page('es/municipios/index.html')).toContain('disminuyó un 64,9\u00a0%');
    // One page per municipality of the geography, numbered as sections of chapter 3.
    expect([...built.keys()].filter((f) => /^es\/municipios\/[a-z-]+\/index\.html$/.test(f))).toHaveLength(9);
    expect(page('es/municipios/castrillo/index.html')).toContain('Figura 3.9.1.');
    expect(page('es/cabana/index.html')).toContain('1 de marzo de 2025');
  });

  it('writes a language only the report\'s pack knows in that pack\'s words', async () => {
    const built = (await builds.get('added-language')!).files;
    const herd = built.get('pt-BR/herd/index.html')?.toString('utf8') ?? '';
    expect(herd).toContain('<html lang="pt-BR"');
    // 1301.8 + 386.5 = 1688.3 thousand head, grouped with a dot and a decimal comma.
    expect(built.get('pt-BR/index.html')?.toString('utf8')).toContain('1.688,3');
    // "Table 4", written once in English, as the pack's locator; the edition date in Portuguese.
    expect(herd).toContain('Tabela 4');
    expect(herd).toContain('5 de março de 2025');
  });

  it('has a golden copy for every report, and none for a report that is gone', () => {
    const names = REPORTS.map((r) => r.name);
    expect(new Set(names).size, 'two reports with the same folder name').toBe(names.length);
    const copies = readdirSync(GOLDEN, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.endsWith('-changed')).map((e) => e.name);
    expect(copies.sort()).toEqual([...names].sort());
  });
});
