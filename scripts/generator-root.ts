/**
 * Where the generator itself lives (its templates, browser scripts, stylesheets and Eleventy
 * configuration), as opposed to the report project it builds (content/, data/, .cache/, _site/:
 * the working directory). For this repository both are the same folder; a report elsewhere uses
 * the generator from its own folder, with no copy or link of it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

export const GENERATOR_ROOT = path.resolve(import.meta.dirname, '..');

export const TEMPLATES_DIR = path.join(GENERATOR_ROOT, 'templates');
export const ELEVENTY_CONFIG = path.join(GENERATOR_ROOT, '.eleventy.js');

/** A dependency's folder as the generator resolves it (hoisted into the report's node_modules or not). */
export function packageDir(name: string): string {
  return path.dirname(createRequire(path.join(GENERATOR_ROOT, 'package.json')).resolve(`${name}/package.json`));
}
