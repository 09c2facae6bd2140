/** A table's notes and description: identifiers as code, works of the bibliography cited by key. */
import { describe, expect, it } from 'vitest';
import type { References } from '../../scripts/load/load-references.ts';
import { noteHtml } from '../../scripts/render/note-html.ts';
import { lang } from '../helpers/languages.ts';

const references: References = new Map([
  ['seed004', { id: 'seed004', type: 'article-journal', title: 'Prospects', author: [{ family: 'Imashev' }], issued: { 'date-parts': [[2016]] }, translations: { ru: { author: [{ family: 'Имашев' }] } } }],
]) as unknown as References;

describe('a note as HTML', () => {
  it('cites @key as the chapters do, in the page language, linked to the entry', () => {
    expect(noteHtml('Table 1 of @seed004, as printed.', lang('en'), references)).toBe('Table 1 of <a href="/en/references/#ref-seed004">Imashev (2016)</a>, as printed.');
    expect(noteHtml('Таблица 1 (@seed004).', lang('ru'), references)).toBe('Таблица 1 (<a href="/ru/references/#ref-seed004">Имашев (2016)</a>).');
  });

  it('shows backticked identifiers as code and never cites inside them', () => {
    expect(noteHtml('See `wko-grp-by-sector` and `@seed004`.', lang('en'), references)).toBe('See <code>wko-grp-by-sector</code> and <code>@seed004</code>.');
  });

  it('leaves an e-mail address and an escaped @ as text, and escapes everything else', () => {
    expect(noteHtml('Write to stats@example.org; \\@seed004 <b>&</b>', lang('en'), references)).toBe('Write to stats@example.org; @seed004 &lt;b&gt;&amp;&lt;/b&gt;');
  });

  it('links an unknown key under its own name, so the link check names it', () => {
    expect(noteHtml('per @seed999', lang('en'), references)).toBe('per <a href="/en/references/#ref-seed999">seed999</a>');
  });
});
