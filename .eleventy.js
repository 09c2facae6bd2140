// Eleventy configuration: thin on purpose. Everything it registers lives in scripts/eleventy/.
// Eleventy runs inside the TypeScript process started by `tsx scripts/cli.ts`, so this file can
// import the .ts plugin directly (see "Architecture" in README.md). The templates are the
// generator's own, found from this file's folder: a report elsewhere needs no copy of them.
import path from 'node:path';
import reportPlugin from './scripts/eleventy/report-plugin.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(reportPlugin);
  return {
    dir: { input: path.relative(process.cwd(), path.join(import.meta.dirname, 'templates')) || '.', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
