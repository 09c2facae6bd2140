import { describe, expect, it } from 'vitest';
import { bibliography } from '../../scripts/render/bibliography.ts';
import type { CslItem } from '../../scripts/load/load-references.ts';

const item = (fields: Record<string, unknown> & { id: string }): CslItem => ({ type: 'article-journal', title: 'T', ...fields }) as CslItem;

describe('bibliography', () => {
  it('formats entries in APA style, sorted by author, with DOIs as links', () => {
    const entries = bibliography(
      new Map([
        ['seed004', item({ id: 'seed004', title: 'Prospects for clusters', author: [{ family: 'Imashev', given: 'Eduard Zh.' }], issued: { 'date-parts': [[2016]] }, 'container-title': 'International Journal of Environmental and Science Education', volume: '11', issue: '14', page: '6445-6462', DOI: '10.1000/x' })],
        ['porter1990', item({ id: 'porter1990', type: 'book', title: 'The competitive advantage of nations', author: [{ family: 'Porter', given: 'Michael E.' }], issued: { 'date-parts': [[1990]] }, publisher: 'Free Press' })],
      ]),
    );
    expect(entries.map((e) => e.id)).toEqual(['seed004', 'porter1990']);
    expect(entries[0]?.html).toBe('Imashev, E. Zh. (2016). Prospects for clusters. <i>International Journal of Environmental and Science Education</i>, <i>11</i>(14), 6445–6462. <a href="https://doi.org/10.1000/x">https://doi.org/10.1000/x</a>');
    expect(entries[1]?.html).toBe('Porter, M. E. (1990). <i>The competitive advantage of nations</i>. Free Press.');
  });

  it('escapes markup in titles', () => {
    const [entry] = bibliography(new Map([['x', item({ id: 'x', title: '<script>alert(1)</script>' })]]));
    expect(entry?.html).not.toContain('<script>');
  });
});
