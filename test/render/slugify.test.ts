import { describe, expect, it } from 'vitest';
import { slugify } from '../../scripts/render/markdown.ts';

describe('heading anchors', () => {
  it('keeps letters of every script and joins words with hyphens', () => {
    expect(slugify('Sown area')).toBe('sown-area');
    expect(slugify('Бәйтерек ауданы: өсімдік шаруашылығы')).toBe('бәйтерек-ауданы-өсімдік-шаруашылығы');
    expect(slugify('Café économie')).toBe('cafe-economie');
    // й and ё are letters of their own, not и and е with an accent.
    expect(slugify('Зерновой рынок Бәйтерек')).toBe('зерновой-рынок-бәйтерек');
    expect(slugify('Объём')).toBe('объём');
  });

  it('starts every id with a letter, so a heading that opens with a year stays a valid CSS selector', () => {
    expect(slugify('2019 жылы барлық дақылдың түсімділігі')).toBe('h-2019-жылы-барлық-дақылдың-түсімділігі');
    expect(slugify('1990s')).toBe('h-1990s');
    expect(slugify('—')).toBe('section');
  });
});
