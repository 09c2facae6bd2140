// Eleventy configuration: thin on purpose. The report plugin (scripts/eleventy/report-plugin.ts)
// is added by whoever runs Eleventy (write/write-site.ts for a build, write/serve.ts for the dev
// server), with the report it renders: Eleventy runs inside the generator's own process
// (scripts/bin/report.js; see "Architecture" in README.md). The templates are the generator's own, found from this file's folder: a report elsewhere needs no
// copy of them.
import path from 'node:path';

export default function () {
  return {
    dir: { input: path.relative(process.cwd(), path.join(import.meta.dirname, 'templates')) || '.', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
