/**
 * The report's faces come from @fontsource packages (self-hosted: no font CDN, and every glyph a
 * language needs in print). A package is found from the report's folder first, then the
 * generator's, and its family name is read from its own stylesheet.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GENERATOR_ROOT } from '../generator-root.ts';

export interface FontPackage {
  /** "@fontsource/pt-sans" */
  name: string;
  /** "PT Sans": the family the package's @font-face rules declare. */
  family: string;
  /** Folder of the package (its `files/` hold the .woff2 faces). */
  dir: string;
}

/** The package's folder, or undefined when neither the report nor the generator has it installed. */
export function fontPackageDir(name: string, root: string): string | undefined {
  for (const from of [root, GENERATOR_ROOT]) {
    try {
      return path.dirname(createRequire(path.join(from, 'package.json')).resolve(`${name}/package.json`));
    } catch {
      // not installed here
    }
  }
  return undefined;
}

export function readFontPackage(name: string, dir: string): FontPackage {
  const css = readFileSync(path.join(dir, '400.css'), 'utf8');
  const family = /font-family:\s*'([^']+)'/.exec(css)?.[1] ?? /font-family:\s*"([^"]+)"/.exec(css)?.[1] ?? name;
  return { name, family, dir };
}
