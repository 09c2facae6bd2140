/** Tooltips of the interactive charts (scripts/browser/hydrate.ts) format numbers like the static SVG. */
import { describe, expect, it } from 'vitest';
import { localizeTooltip } from '../../scripts/browser/hydrate.ts';
import { lang } from '../helpers/languages.ts';

describe('interactive tooltips', () => {
  it('format bare numbers for the page\'s language and leave formatted text alone', () => {
    expect(localizeTooltip({ ' ': 'Wheat', Year: '2019', value: 11451.64871 }, lang('ru').pack.number)).toEqual({ ' ': 'Wheat', Year: '2019', value: '11\u00a0451,64871' });
    expect(localizeTooltip({ value: 38.699999999999996 }, lang('en').pack.number)).toEqual({ value: '38.7' });
    expect(localizeTooltip({ 'тыс. тонн': '157,4' }, lang('ru').pack.number)).toEqual({ 'тыс. тонн': '157,4' });
    expect(localizeTooltip(-2.5, lang('kk').pack.number)).toBe('−2,5');
  });
});
