/**
 * The bridge from the pipeline to Eleventy. Eleventy never reads the report's content or data
 * itself: before every run it asks `options.site()` for the finished site (site-data.ts) and hands
 * it to the templates as global data `report`, so nothing unvalidated reaches a template.
 *
 * The caller decides what a run is: the CLI's build passes the site it has just built; the dev
 * server passes a function that rebuilds the report (the same `buildReport` as the CLI) and, when
 * an edit breaks it, keeps the last good site with the error shown on every page. Everything the
 * plugin remembers lives in this closure, one per Eleventy instance.
 */
import path from 'node:path';
import type { ReportConfig } from '../load/load-config.ts';
import type { Language } from '../languages/language.ts';
import { bundleBrowserScripts } from '../write/bundle-browser.ts';
import { writeDownloads } from '../write/downloads.ts';
import type { SiteData } from '../write/site-data.ts';
import { GENERATOR_ROOT, TEMPLATES_DIR } from '../generator-root.ts';
import { registerFilters } from './filters.ts';

export interface ReportPluginOptions {
  /** The project's root (its `.build/` holds the bundled browser scripts). */
  root: string;
  /** The site of this run; called once before each run Eleventy makes. */
  site: () => Promise<SiteData>;
  /** The report's fonts and folders, for files copied as they are (fonts) and watched (content, data). */
  config: Pick<ReportConfig, 'fonts' | 'folders'>;
}

export default function reportPlugin(eleventyConfig: any, options: ReportPluginOptions): void {
  const browserDir = path.join(options.root, '.build', 'browser');
  let current: SiteData | undefined;

  eleventyConfig.on('eleventy.before', async () => {
    await bundleBrowserScripts(browserDir, options.config.fonts);
    current = await options.site();
  });
  eleventyConfig.addGlobalData('report', () => current);
  // Downloads are copied out as files, not rendered as one Eleventy page each: a report has
  // thousands of them (every table and figure), and a template run per file cost more than all
  // the chapters together.
  eleventyConfig.on('eleventy.after', async ({ directories }: { directories: { output: string } }) => {
    if (current) await writeDownloads(current.outputs.downloads, directories.output);
  });
  // Passthrough paths are relative to the working directory (the report project); the generator's
  // own files (images, fonts) may live elsewhere, when the report uses an installed generator.
  const fromProject = (file: string) => path.relative(process.cwd(), file) || '.';
  eleventyConfig.addPassthroughCopy({ [fromProject(browserDir)]: 'assets/js' });
  // Minified by bundleBrowserScripts from templates/assets/css/ (every page downloads it first).
  eleventyConfig.addPassthroughCopy({ [fromProject(`${browserDir}-css`)]: 'assets/css' });
  eleventyConfig.addPassthroughCopy({ [fromProject(path.join(TEMPLATES_DIR, 'assets/img'))]: 'assets/img' });
  const subsets = `{${options.config.fonts.subsets.join(',')}}`;
  for (const [font, styles] of [[options.config.fonts.serif, 'normal'], [options.config.fonts.sans, '{normal,italic}']] as const) {
    const files = fromProject(path.join(font.dir, 'files'));
    const base = path.basename(font.name);
    eleventyConfig.addPassthroughCopy({ [`${files}/${base}-${subsets}-{400,700}-${styles}.woff2`]: 'assets/fonts' });
  }
  for (const dir of [options.config.folders.content, options.config.folders.data]) eleventyConfig.addWatchTarget(`${dir}/`);
  eleventyConfig.addWatchTarget('report.config.json');
  eleventyConfig.addWatchTarget(`${fromProject(path.join(GENERATOR_ROOT, 'scripts'))}/`);
  // Eleventy's watcher parses the config's imports with a JavaScript-only parser, which fails on
  // this TypeScript plugin and stops `npm start`; scripts/ is watched above instead.
  eleventyConfig.setWatchJavaScriptDependencies(false);
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: true });
  // Eleventy keeps compiled layouts in a cache shared by every instance in the process; they hold
  // the filters of the instance that compiled them, so a second report built in the same process
  // (a test, a tool building several reports) would render with the first one's words.
  eleventyConfig.setUseTemplateCache(false);
  registerFilters(eleventyConfig, (code: string): Language => {
    if (!current) throw new Error('the report is not built yet');
    return current.config.languages.get(code);
  });
}
