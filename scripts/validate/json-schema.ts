/**
 * The JSON Schema editors use to autocomplete and flag mistakes in data files while typing
 * (`"$schema": "../schemas/table.schema.json"`). Generated from the zod schema, never written by
 * hand; `npm run schema` rewrites it and a test fails when the committed file is out of date.
 */
import { z } from 'zod';
import { LanguagePack } from '../languages/pack-schema.ts';
import { ReportConfigFile } from './config-schema.ts';
import { Geography } from './geography-schema.ts';
import { DerivedTable } from './derived-table-schema.ts';
import { NumericTable, TextTable } from './table-schema.ts';

export const TABLE_SCHEMA_FILE = 'schemas/table.schema.json';
export const GEOGRAPHY_SCHEMA_FILE = 'schemas/geography.schema.json';
export const CONFIG_SCHEMA_FILE = 'schemas/config.schema.json';
export const LANGUAGE_SCHEMA_FILE = 'schemas/language.schema.json';

export function tableJsonSchema(): string {
  const schema = z.toJSONSchema(z.union([NumericTable, TextTable, DerivedTable]), { target: 'draft-7', unrepresentable: 'any', reused: 'ref' });
  return `${JSON.stringify({ ...schema, title: 'Data table of the regional report generator', description: 'A numeric table, a text table or a derived table. See README.md, "Add a table".' }, null, 2)}\n`;
}

export function geographyJsonSchema(): string {
  const schema = z.toJSONSchema(Geography, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Geography of the regional report generator', description: 'The territorial units maps show: ids, codes and names in boundary files, short names, tile grid. See README.md, "Add a map".' }, null, 2)}\n`;
}

export function configJsonSchema(): string {
  const schema = z.toJSONSchema(ReportConfigFile, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'report.config.json of the regional report generator', description: 'Languages, units, strings, fonts, folders and address of one report. See README.md, "The report\'s configuration".' }, null, 2)}\n`;
}

export function languageJsonSchema(): string {
  const schema = z.toJSONSchema(LanguagePack, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Language pack of the regional report generator', description: 'Every word the generator says in one language, and how the language writes numbers, dates and locators. See README.md, "Languages".' }, null, 2)}\n`;
}

/** Every generated schema file and its text. */
export function jsonSchemaFiles(): Array<[string, string]> {
  return [
    [TABLE_SCHEMA_FILE, tableJsonSchema()],
    [GEOGRAPHY_SCHEMA_FILE, geographyJsonSchema()],
    [CONFIG_SCHEMA_FILE, configJsonSchema()],
    [LANGUAGE_SCHEMA_FILE, languageJsonSchema()],
  ];
}
