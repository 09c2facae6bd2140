#!/usr/bin/env node
// `report build|check|serve|pdf|init|schema`: the generator's command line, for the report in the
// working directory. The generator is TypeScript: it runs compiled (compiled-cli.js, once per
// version of its code, into its own .build/cli/), or, where that cannot be written, through tsx
// from its own dependencies. Either way a report folder needs no build step and no copy of the
// generator. REPORT_TSX=1 runs the TypeScript through tsx; --debug maps stack traces to it.
import { compiledCli } from './compiled-cli.js';

// Eleventy registers a module resolver (Node 20: a loader thread every later import goes through)
// to re-import changed JavaScript config and data files in its watch mode; the generator runs
// Eleventy on Nunjucks templates only, and its dev server starts a new Eleventy for every build.
process.env.ELEVENTY_SKIP_ESM_RESOLVER ??= '1';

// Packages every command that reads a report loads, loaded first: the modules that import them
// later find them loaded (through tsx's hooks, a loader thread in Node 20, each would cost about
// twice as much). Vega, Vega-Lite and Eleventy are left to load when a build reaches them: one
// that fails before never does.
const PRELOADED = ['zod', 'markdown-it', 'markdown-it-anchor', 'markdown-it-footnote', 'yaml', 'gray-matter', 'csv-parse', 'jsonc-parser'];
const [compiled] = await Promise.all([process.env.REPORT_TSX ? undefined : compiledCli().catch(() => undefined), ...PRELOADED.map((name) => import(name))]);

if (compiled) {
  if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);
  await import(compiled);
} else {
  (await import('tsx/esm/api')).register();
  await import('../cli.ts');
}
