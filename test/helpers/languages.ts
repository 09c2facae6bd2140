/** Languages as the tests' reports have them: the generator's English, Russian and Kazakh packs, English the source. */
import { languageSet, type LanguageSet } from '../../scripts/languages/language-set.ts';
import type { Language } from '../../scripts/languages/language.ts';

export const LANGUAGES: LanguageSet = languageSet({ codes: ['en', 'ru', 'kk'], source: 'en' });

/** The language with this code (en, ru or kk). */
export const lang = (code: string): Language => LANGUAGES.get(code);

/** What a table is validated against in tests: the generator's units and the report's, these languages. */
export { unitCatalogue } from '../../scripts/validate/units.ts';

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unitCatalogue as catalogue } from '../../scripts/validate/units.ts';
import type { TableRules } from '../../scripts/validate/validate-table.ts';

/** The units the repository's report adds (report.config.json): the tests' tables use them too. */
const REPORT_UNITS = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../report.config.json'), 'utf8')) as { units: Parameters<typeof catalogue>[0] }).units;

/** What tables are validated against in tests: the generator's and the report's units, these languages. */
export const TABLE_RULES: TableRules = { units: catalogue(REPORT_UNITS), languages: LANGUAGES.codes, sourceLanguage: 'en', knownLanguages: ['en', 'ru', 'kk'] };
/** A project's data folders, as the defaults have them. */
export const FOLDERS = { data: 'data', geographies: 'data/geographies' };
