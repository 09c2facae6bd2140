import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { minifyStylesheets } from '../../scripts/write/bundle-browser.ts';

describe('stylesheets', () => {
  it('are minified under their own names, keeping the rules', async () => {
    const source = path.resolve('templates/assets/css');
    const files = await minifyStylesheets(source, '/out');
    expect(files.map((f) => f.path).sort()).toEqual(['/out/pdf.css', '/out/print.css', '/out/site.css']);
    for (const file of files) {
      const css = Buffer.from(file.contents).toString('utf8');
      const original = readFileSync(path.join(source, path.basename(file.path)), 'utf8');
      expect(css.length).toBeLessThan(original.length);
      expect(css).not.toContain('/*');
    }
    const site = Buffer.from(files.find((f) => f.path.endsWith('site.css'))?.contents ?? []).toString('utf8');
    // The dark-mode rule that finds black and dark grey marks by their SVG attribute survives.
    expect(site).toMatch(/\[stroke="#000000" i\]/);
    expect(site).toContain('@media screen and (prefers-color-scheme:dark)');
  });
});
