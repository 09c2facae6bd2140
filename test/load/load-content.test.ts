import { describe, expect, it } from 'vitest';
import { ContentError } from '../../scripts/errors.ts';
import { parsePage } from '../../scripts/load/load-content.ts';
import { LANGUAGES } from '../helpers/languages.ts';

describe('parsePage', () => {
  it('counts front-matter lines so body line 1 is reported as its file line', () => {
    const page = parsePage('---\ntitle: A\nsummary: B\n---\nfirst body line\n', 'content/en/02-a.md', LANGUAGES.codes);
    expect(page.bodyLineOffset).toBe(4);
    expect(page.slug).toBe('a');
    expect(page.order).toBe(2);
    expect(page.locale).toBe('en');
    expect(page.frontMatterLines).toEqual({ title: 2, summary: 3 });
  });

  it('reports invalid front-matter YAML with its file line', () => {
    const text = '---\ntitle: A\nsummary: [unclosed\n---\nbody\n';
    let error: unknown;
    try {
      parsePage(text, 'content/en/a.md', LANGUAGES.codes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/^invalid front matter YAML/);
    expect((error as ContentError).file).toBe('content/en/a.md');
    expect((error as ContentError).line).toBeGreaterThanOrEqual(3);
  });

  it('rejects an unknown front-matter field with the line it is on', () => {
    expect(() => parsePage('---\ntitle: A\ntitel: B\n---\n', 'content/en/a.md', LANGUAGES.codes)).toThrow(
      expect.objectContaining({ line: 3, message: expect.stringContaining('is invalid') }),
    );
  });

  it('rejects a chapter outside a language folder', () => {
    expect(() => parsePage('---\ntitle: A\n---\n', 'content/a.md', LANGUAGES.codes)).toThrow(/must be in a language folder/);
  });
});
