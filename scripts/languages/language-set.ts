/**
 * The languages of one report, each complete: the generator's pack for it (locales/<code>.json,
 * when the generator ships one), the report's own pack over it (report.config.json `strings`), and
 * for every message still missing, the packs of the languages it falls back to, ending with the
 * generator's English pack, which has every message by definition (it is the catalogue).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATOR_ROOT } from '../generator-root.ts';
import { createLanguage, type Language } from './language.ts';
import { LanguagePack, type PartialLanguagePack } from './pack-schema.ts';
import type { LocalizedText } from '../validate/table-schema.ts';

export interface LanguageSet {
  /** The report's languages, in the order the language switcher shows them. */
  readonly codes: readonly string[];
  /** The language plain-string texts in data files are written in, and every chain's last resort. */
  readonly source: string;
  readonly all: readonly Language[];
  get(code: string): Language;
  has(code: string): boolean;
}

export interface LanguageOptions {
  codes: readonly string[];
  source: string;
  /** Per language, the languages whose texts stand in before the source language's. */
  fallbacks?: Readonly<Record<string, readonly string[]>>;
  /** The report's packs (complete for a language the generator does not ship, partial otherwise). */
  packs?: Readonly<Record<string, PartialLanguagePack>>;
  /** Labels of the report's own units, in its languages. */
  unitLabels?: Readonly<Record<string, LocalizedText>>;
}

export const LOCALES_DIR = path.join(GENERATOR_ROOT, 'locales');
/** The generator's own language: its pack defines every message key. */
export const CATALOGUE_LANGUAGE = 'en';

let shipped: ReadonlyMap<string, LanguagePack> | undefined;

/** The packs the generator ships, read once per process (they are the generator's own files). */
export function generatorPacks(): ReadonlyMap<string, LanguagePack> {
  if (shipped) return shipped;
  const packs = new Map<string, LanguagePack>();
  for (const file of readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const pack = LanguagePack.parse(JSON.parse(readFileSync(path.join(LOCALES_DIR, file), 'utf8')));
    packs.set(pack.code, pack);
  }
  shipped = packs;
  return packs;
}

/** Languages a pack exists for: shipped by the generator, or given by the report. */
export function knownLanguages(reportPacks: Readonly<Record<string, unknown>> = {}): string[] {
  return [...new Set([...generatorPacks().keys(), ...Object.keys(reportPacks)])].sort();
}

/** `[code, ...fallbacks, source]` without repeats. */
export function chainOf(code: string, source: string, fallbacks: Readonly<Record<string, readonly string[]>> = {}): string[] {
  return [...new Set([code, ...(fallbacks[code] ?? []), source])];
}

export function languageSet(options: LanguageOptions): LanguageSet {
  const packs = generatorPacks();
  const catalogue = packs.get(CATALOGUE_LANGUAGE) as LanguagePack;
  const reportPacks = options.packs ?? {};
  const build = (code: string, source?: Language) => {
    const chain = chainOf(code, options.source, options.fallbacks);
    // Highest precedence first: the report's words for a language over the generator's.
    const layers: PartialLanguagePack[] = chain.flatMap((c) => [reportPacks[c], packs.get(c)].filter((p): p is PartialLanguagePack => p !== undefined));
    const own = [reportPacks[code], packs.get(code)].filter((p): p is PartialLanguagePack => p !== undefined);
    // The report's units are labelled in its own data: those labels come first, in this language's chain.
    const unitLabels = Object.fromEntries(Object.entries(options.unitLabels ?? {}).map(([id, label]) => [id, textIn(label, chain)]));
    return createLanguage(code, chain, mergePack(code, [{ units: unitLabels }, ...layers], own, catalogue), source);
  };
  // The source language first: every other language refers to it.
  const source = build(options.source);
  const languages = options.codes.map((code) => (code === options.source ? source : build(code, source)));
  const byCode = new Map(languages.map((l) => [l.code, l]));
  return {
    codes: [...options.codes],
    source: options.source,
    all: languages,
    has: (code) => byCode.has(code),
    get(code) {
      const language = byCode.get(code);
      if (!language) throw new Error(`"${code}" is not a language of this report (${options.codes.join(', ')})`);
      return language;
    },
  };
}

/**
 * Field by field, the first layer that has it. Grammar (period forms, search look-alikes) comes
 * only from the language's own packs: another language's forms would be wrong, the neutral
 * default is right.
 */
function mergePack(code: string, layers: PartialLanguagePack[], own: PartialLanguagePack[], catalogue: LanguagePack): LanguagePack {
  const all = [...layers, catalogue];
  const first = <K extends keyof PartialLanguagePack>(key: K, from = all): PartialLanguagePack[K] => from.find((p) => p[key] !== undefined)?.[key];
  const section = (key: 'ui' | 'chart' | 'checks' | 'units') => Object.assign({}, ...[...all].reverse().map((p) => p[key] ?? {})) as Record<string, string>;
  const fields = <T extends object>(key: 'number' | 'date' | 'locators'): T => Object.assign({}, ...[...all].reverse().map((p) => p[key] ?? {})) as T;
  return LanguagePack.parse({
    code,
    name: first('name', own) ?? code,
    fontSubset: first('fontSubset'),
    number: fields('number'),
    date: fields('date'),
    ...(first('periods', own) ? { periods: first('periods', own) } : {}),
    locators: fields('locators'),
    // Ordinals are grammar: the language's own, or the plain number.
    ordinals: first('ordinals', own) ?? { pattern: '{n}', suffixes: {}, otherwise: '' },
    ...(first('search', own) ? { search: first('search', own) } : {}),
    ui: section('ui'),
    chart: section('chart'),
    checks: section('checks'),
    units: section('units'),
  });
}

function textIn(text: LocalizedText, chain: readonly string[]): string {
  if (typeof text === 'string') return text;
  for (const code of chain) if (text[code] !== undefined) return text[code];
  return Object.values(text)[0] ?? '';
}
