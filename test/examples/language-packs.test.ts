/**
 * The language packs the example and the fixture reports bring for languages the generator does
 * not ship are complete: every message, unit label and locator of the generator's catalogue
 * (locales/en.json). A message the generator adds would otherwise be shown in English on their
 * pages without a word from the build; this names what to translate.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_LANGUAGE, generatorPacks } from '../../scripts/languages/language-set.ts';
import { PartialLanguagePack } from '../../scripts/languages/pack-schema.ts';

const REPO = path.resolve(import.meta.dirname, '../..');
const PACKS = ['examples/valcerrada/locales/es.json', 'test/fixtures/reports/added-language/strings/pt-BR.json'];

describe('the reports\' own language packs', () => {
  const catalogue = generatorPacks().get(CATALOGUE_LANGUAGE)!;
  for (const file of PACKS) {
    it(`${file} has every message of the generator's ${CATALOGUE_LANGUAGE} pack`, () => {
      const pack = PartialLanguagePack.parse(JSON.parse(readFileSync(path.join(REPO, file), 'utf8')));
      const missing = (['ui', 'chart', 'checks', 'units', 'locators'] as const).flatMap((section) =>
        Object.keys(catalogue[section]).filter((key) => (pack[section] as Record<string, string> | undefined)?.[key] === undefined).map((key) => `${section}.${key}`),
      );
      expect(missing, `translate these into ${file}`).toEqual([]);
      for (const field of ['name', 'fontSubset', 'number', 'date', 'ordinals'] as const) expect(pack[field], field).toBeDefined();
    });
  }
});
