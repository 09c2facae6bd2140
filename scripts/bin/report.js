#!/usr/bin/env node
// `report build|check|serve|pdf|init|schema`: the generator's command line, for the report in the
// working directory. The generator is TypeScript, run through tsx from its own dependencies, so
// a report folder needs no build step and no copy of the generator.
import { register } from 'tsx/esm/api';

// Packages every command that reads a report loads, loaded by Node itself before tsx registers:
// through tsx's hooks (a loader thread in Node 20) a module costs about twice as much, and the
// modules that import these later find them loaded. Vega, Vega-Lite and Eleventy are left to load
// when a build reaches them: one that fails before never does.
const PRELOADED = ['zod', 'markdown-it', 'markdown-it-anchor', 'markdown-it-footnote', 'yaml', 'gray-matter', 'csv-parse', 'jsonc-parser'];
await Promise.all(PRELOADED.map((name) => import(name)));

register();
await import('../cli.ts');
