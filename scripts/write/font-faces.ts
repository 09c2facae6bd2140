/**
 * The @font-face rules of the report's faces, written from the @fontsource packages' own
 * stylesheets: one rule per subset the report's languages need (a page downloads only the subsets
 * its text uses), pointing at the faces copied into /assets/fonts/ (report-plugin.ts). Regular
 * and bold of both faces, and true italics of the text face for emphasis.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FontPackage } from '../load/font-packages.ts';

export interface ReportFonts {
  sans: FontPackage;
  serif: FontPackage;
  subsets: string[];
}

const FACES: Array<{ role: 'sans' | 'serif'; weight: 400 | 700; style: 'normal' | 'italic' }> = [
  { role: 'sans', weight: 400, style: 'normal' },
  { role: 'sans', weight: 700, style: 'normal' },
  { role: 'serif', weight: 400, style: 'normal' },
  { role: 'serif', weight: 700, style: 'normal' },
  { role: 'sans', weight: 400, style: 'italic' },
  { role: 'sans', weight: 700, style: 'italic' },
];

/** Every @font-face rule, as CSS text. */
export async function fontFaceCss(fonts: ReportFonts): Promise<string> {
  const rules: string[] = [];
  for (const face of FACES) {
    const font = fonts[face.role];
    const sheet = await fs.readFile(path.join(font.dir, `${face.weight}${face.style === 'italic' ? '-italic' : ''}.css`), 'utf8').catch(() => '');
    // Each rule of the package names its file: <package>-<subset>-<weight>-<style>.woff2.
    for (const match of sheet.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
      const body = match[1] ?? '';
      const file = /url\(\.\/files\/([^)]+?\.woff2)\)/.exec(body)?.[1];
      const subset = file?.slice(path.basename(font.name).length + 1).replace(`-${face.weight}-${face.style}.woff2`, '');
      if (!file || !subset || !fonts.subsets.includes(subset)) continue;
      const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
      rules.push(`@font-face {
  font-family: "${font.family}";
  font-style: ${face.style};
  font-weight: ${face.weight};
  font-display: swap;
  src: url("../fonts/${file}") format("woff2");${range ? `\n  unicode-range: ${range};` : ''}
}
`);
    }
  }
  return rules.join('');
}

/** A stylesheet with the report's family names in place of "$font-sans" and "$font-serif". */
export function withFamilies(css: string, fonts: ReportFonts): string {
  return css.replaceAll('$font-sans', fonts.sans.family).replaceAll('$font-serif', fonts.serif.family);
}
