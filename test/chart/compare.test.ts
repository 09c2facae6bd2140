/**
 * An interactive comparison: the control checked against the chart's rows, the colours rows take
 * in order of picking, and what a tick or an untick leaves shown.
 */
import { describe, expect, it } from 'vitest';
import { linkedShown, nextShown } from '../../scripts/browser/compare.ts';
import { compareControl, compareSpecParts, freeRows, palette } from '../../scripts/chart/compare.ts';
import { CATEGORICAL } from '../../scripts/chart/theme.ts';

const series: Array<[string, string]> = [
  ['north', 'North'],
  ['south', 'South'],
  ['east', 'East'],
  ['country', 'Country'],
];

describe('the comparison control', () => {
  it('offers every row, keeps a row its own colour, and allows one row per palette colour', () => {
    const control = compareControl(series, ['north', 'country'], { country: '#555555', south: CATEGORICAL[1] });
    expect(control.choices).toEqual([
      { key: 'north', label: 'North' },
      { key: 'south', label: 'South', fixedColour: CATEGORICAL[1] },
      { key: 'east', label: 'East' },
      { key: 'country', label: 'Country', fixedColour: '#555555' },
    ]);
    // South keeps the palette's second colour, so the others pick from the remaining seven.
    expect(palette(control.choices)).toEqual(CATEGORICAL.filter((c) => c !== CATEGORICAL[1]));
    expect(control.max).toBe(4);
    expect(freeRows(control)).toEqual(['north']);
  });

  it('stops at the palette: 12 rows without colours of their own, 8 at once', () => {
    const many = Array.from({ length: 12 }, (_, i): [string, string] => [`r${i}`, `Row ${i}`]);
    expect(compareControl(many, ['r0'], {}).max).toBe(CATEGORICAL.length);
  });

  it('names a row the chart does not plot, a repeated row, and too many rows at first', () => {
    expect(() => compareControl(series, ['west'], {})).toThrow('"compare" names row "west", which the chart does not plot');
    expect(() => compareControl(series, ['north', 'north'], {})).toThrow('"compare" names a row twice');
    const many = Array.from({ length: 10 }, (_, i): [string, string] => [`r${i}`, `Row ${i}`]);
    expect(() => compareControl(many, many.map(([k]) => k), {})).toThrow('"compare" shows 10 rows at first');
  });

  it('builds the signals the browser sets and the transforms that filter and colour by them', () => {
    const parts = compareSpecParts(compareControl(series, ['north', 'country'], { country: '#555555' }), 3);
    expect(parts.params).toEqual([
      { name: 'compareShown', value: ['north', 'country'] },
      { name: 'compareFree', value: ['north'] },
      { name: 'comparePalette', value: [...CATEGORICAL] },
    ]);
    expect(parts.transform[0]).toEqual({ filter: 'indexof(compareShown, datum.key) >= 0' });
  });
});

describe('a tick or an untick', () => {
  it('adds the row at the end, removes it, and refuses one more than the maximum', () => {
    expect(nextShown(['north'], 'east', true, 3)).toEqual(['north', 'east']);
    expect(nextShown(['north', 'east'], 'north', false, 3)).toEqual(['east']);
    expect(nextShown(['north', 'east', 'south'], 'country', true, 3)).toBeUndefined();
    expect(nextShown(['north'], 'north', true, 3)).toEqual(['north']);
  });
});

describe('a comparison in a link', () => {
  const offered = ['north', 'south', 'east', 'country'];
  it('takes the rows the chart offers, in the link\'s order, once each, at most the maximum', () => {
    expect(linkedShown('?fig-x=east,country', 'fig-x', offered, 3)).toEqual(['east', 'country']);
    expect(linkedShown('?fig-x=west,east,east,north,south,country', 'fig-x', offered, 3)).toEqual(['east', 'north', 'south']);
  });
  it('ignores a link without the figure, or naming no row it offers', () => {
    expect(linkedShown('?fig-y=east', 'fig-x', offered, 3)).toBeUndefined();
    expect(linkedShown('?fig-x=west,', 'fig-x', offered, 3)).toBeUndefined();
    expect(linkedShown('', 'fig-x', offered, 3)).toBeUndefined();
  });
});
