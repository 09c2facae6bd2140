// Eleventy configuration: thin on purpose. Everything it registers lives in scripts/eleventy/.
// Eleventy runs inside the TypeScript process started by `tsx scripts/cli.ts`, so this file can
// import the .ts plugin directly (see "Architecture" in README.md).
import reportPlugin from './scripts/eleventy/report-plugin.ts';

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(reportPlugin);
  return {
    dir: { input: 'templates', includes: '_includes', data: '_data' },
    templateFormats: ['njk'],
    htmlTemplateEngine: 'njk',
  };
}
