import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { GEOGRAPHY_SCHEMA_FILE, TABLE_SCHEMA_FILE, configJsonSchema, geographyJsonSchema, jsonSchemaFiles, languageJsonSchema, tableJsonSchema } from '../../scripts/validate/json-schema.ts';
import { HARVEST_TABLE } from '../helpers/fixture-project.ts';

describe('the generated JSON Schema for data files', () => {
  it('is up to date with the zod schema (run `npm run schema` if this fails)', () => {
    expect(readFileSync(TABLE_SCHEMA_FILE, 'utf8')).toBe(tableJsonSchema());
    expect(readFileSync(GEOGRAPHY_SCHEMA_FILE, 'utf8')).toBe(geographyJsonSchema());
    for (const [file, text] of jsonSchemaFiles()) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });

  it("accepts the report's configuration and the generator's language packs, and flags a misspelt setting", () => {
    const config = new Ajv({ strict: false }).compile(JSON.parse(configJsonSchema()) as object);
    const mine = JSON.parse(readFileSync('report.config.json', 'utf8')) as Record<string, unknown>;
    expect(config(mine), JSON.stringify(config.errors)).toBe(true);
    expect(config({ ...mine, langauges: ['en'] })).toBe(false);
    expect(config({ ...mine, colours: { wheat: 'blue' } })).toBe(false);
    const pack = new Ajv({ strict: false }).compile(JSON.parse(languageJsonSchema()) as object);
    for (const code of ['en', 'ru', 'kk']) expect(pack(JSON.parse(readFileSync(`locales/${code}.json`, 'utf8'))), code).toBe(true);
    expect(pack({ ...JSON.parse(readFileSync('locales/en.json', 'utf8')), number: { decimal: '.' } })).toBe(false);
  });

  it("accepts the report's geographies and flags a tile without its column", () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(geographyJsonSchema()) as object);
    const wko = JSON.parse(readFileSync('data/geographies/wko-units.json', 'utf8')) as { units: Array<{ tile: number[] }> };
    expect(validate(wko), JSON.stringify(validate.errors)).toBe(true);
    wko.units[0]!.tile = [1];
    expect(validate(wko)).toBe(false);
  });

  it('accepts a valid table and flags a string value and a malformed language code, as an editor would', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(tableJsonSchema()) as object);
    expect(validate(HARVEST_TABLE)).toBe(true);
    // Units are the report's to add (report.config.json): the build, not the editor, knows them.
    expect(validate({ ...HARVEST_TABLE, unit: '' })).toBe(false);
    expect(validate({ ...HARVEST_TABLE, title: { 'English': 'Harvest' } })).toBe(false);
    const withString = structuredClone(HARVEST_TABLE) as { rows: Array<{ values: Record<string, unknown> }> };
    withString.rows[0]!.values['2015'] = '86,4';
    expect(validate(withString)).toBe(false);
  });
});
