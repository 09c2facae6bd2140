/**
 * `report init DIR`: a new report project with one chapter, one table, one chart and a
 * bibliography, that builds and passes `report check` as written. The generator is linked as a
 * dependency from the folder it runs from (`file:`), so `npm install` needs no registry.
 */
import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GENERATOR_ROOT } from './generator-root.ts';
import { UsageError } from './errors.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

function starterFiles(generatorSpec: string, name: string): Record<string, string> {
  return {
    'package.json': json({
      name,
      private: true,
      type: 'module',
      scripts: { build: 'report build', start: 'report serve', check: 'report check', pdf: 'report pdf' },
      dependencies: { 'regional-report': generatorSpec },
    }),
    '.gitignore': '_site/\n.build/\n.cache/\nnode_modules/\n',
    // Everything has a default: the file names the units the tables add to the generator's own.
    'report.config.json': json({
      $schema: './node_modules/regional-report/schemas/config.schema.json',
      languages: ['en'],
      baseUrl: 'https://example.org',
      units: { 'million US dollars': { kind: 'money', label: { en: 'million US dollars' } } },
    }),
    'content/en/index.md': `---
title: Regional economy report
summary: A report on one region's economy, built from the tables in data/.
---
This report is a starting point: edit the chapters in \`content/\` and the tables in \`data/\`, then
run \`npm run build\`.
`,
    'content/en/01-output.md': `---
title: Output grew by half in four years
short: Output
summary: Gross output of the region, 2019–2023.
findings:
  - Gross output in 2023 was {=base-index(gross-output.total, 2023, 2019)} % of its 2019 level.
---
## Output grew every year {#growth}

Gross output rose from {=gross-output.total.2019} to {=gross-output.total.2023} million US dollars,
an index of {=base-index(gross-output.total, 2023, 2019)} (2019 = 100). Services grew
faster than industry ({@fig:output-by-sector}).

\`\`\`chart
id: output-by-sector
title: Services grew faster than industry
table: gross-output
preset: line
rows: [industry, services]
transform: base-index
base: "2019"
\`\`\`

\`\`\`table
id: output
table: gross-output
\`\`\`
`,
    'data/gross-output.json': json({
      id: 'gross-output',
      title: 'Gross output by sector',
      description: 'Example figures: replace them with the official statistics of your region.',
      unit: 'million US dollars',
      decimals: 1,
      source: { ref: 'statistics-office', locator: 'Table 1' },
      periods: ['2019', '2020', '2021', '2022', '2023'],
      rows: [
        { id: 'industry', label: 'Industry', role: 'component', values: { 2019: 420.0, 2020: 431.5, 2021: 468.2, 2022: 512.9, 2023: 560.3 } },
        { id: 'services', label: 'Services', role: 'component', values: { 2019: 380.0, 2020: 402.4, 2021: 455.0, 2022: 531.7, 2023: 640.1 } },
        { id: 'total', label: 'Total', role: 'total', values: { 2019: 800.0, 2020: 833.9, 2021: 923.2, 2022: 1044.6, 2023: 1200.4 } },
      ],
      checks: [{ type: 'sum', tolerance: 0.05, severity: 'error' }],
    }),
    'data/references.json': json([
      { id: 'statistics-office', type: 'dataset', title: 'Regional accounts', author: [{ literal: 'Statistics Office' }], 'citation-label': 'Statistics Office', issued: { 'date-parts': [[2024]] } },
    ]),
  };
}

/** Writes the starter report into `dir` (which must be empty or absent) and links the generator. */
export async function initReport(dir: string, options: { install?: boolean } = {}): Promise<{ files: string[]; installed: boolean }> {
  const target = path.resolve(dir);
  const existing = await fs.readdir(target).catch(() => []);
  if (existing.length > 0) {
    throw new UsageError(`cannot start a report in ${dir}: the folder is not empty`, { file: dir, expected: 'an empty or new folder', fix: 'choose a new folder, e.g. report init ../my-report' });
  }
  const spec = `file:${path.relative(target, GENERATOR_ROOT) || '.'}`;
  const files = starterFiles(spec, path.basename(target).toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'report');
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await fs.writeFile(path.join(target, file), content);
  }
  let installed = false;
  if (options.install !== false) {
    // A link to the generator and its `report` command; its own dependencies stay where they are.
    const npm = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: target, encoding: 'utf8' });
    installed = npm.status === 0;
  }
  return { files: Object.keys(files), installed };
}
