/**
 * Every word the site itself says comes from the language packs (locales/ in the generator, plus
 * the report's own `strings`): this module reads them. The keys are those of the generator's
 * English pack, the catalogue every other pack translates.
 */
import type catalogue from '../../locales/en.json';
import { fillMessage } from '../languages/pack-schema.ts';
import type { Language } from '../languages/language.ts';

export type UiKey = keyof (typeof catalogue)['ui'];

/** An interface string in the page's language (complete: missing ones come from its fallbacks). */
export function t(language: Language, key: UiKey): string {
  const text = language.pack.ui[key];
  if (text === undefined) throw new Error(`language pack "${language.code}" has no interface string "${key}"`);
  return text;
}

/** The same, with its placeholders filled: `tf(lang, 'searchNone', { q })`. */
export function tf(language: Language, key: UiKey, values: Readonly<Record<string, string | number>>): string {
  return fillMessage(t(language, key), values);
}

type NumberedKey = 'figure' | 'figureRef' | 'tableRef' | 'tableLabel';

/** "Figure 2.1", "Рисунок 2.1", "2.1-сурет": a numbered label, the number where the language puts it. */
export function numbered(language: Language, key: NumberedKey, number: string): string {
  const word = t(language, key);
  return word.includes('{n}') ? word.replace('{n}', number) : `${word} ${number}`;
}
