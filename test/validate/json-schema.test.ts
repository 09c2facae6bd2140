import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { GEOGRAPHY_SCHEMA_FILE, TABLE_SCHEMA_FILE, geographyJsonSchema, tableJsonSchema } from '../../scripts/validate/json-schema.ts';
import { HARVEST_TABLE } from '../helpers/fixture-project.ts';

describe('the generated JSON Schema for data files', () => {
  it('is up to date with the zod schema (run `npm run schema` if this fails)', () => {
    expect(readFileSync(TABLE_SCHEMA_FILE, 'utf8')).toBe(tableJsonSchema());
    expect(readFileSync(GEOGRAPHY_SCHEMA_FILE, 'utf8')).toBe(geographyJsonSchema());
  });

  it("accepts the report's geographies and flags a tile without its column", () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(geographyJsonSchema()) as object);
    const wko = JSON.parse(readFileSync('data/geographies/wko-units.json', 'utf8')) as { units: Array<{ tile: number[] }> };
    expect(validate(wko), JSON.stringify(validate.errors)).toBe(true);
    wko.units[0]!.tile = [1];
    expect(validate(wko)).toBe(false);
  });

  it('accepts a valid table and flags a string value and an unknown unit, as an editor would', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(tableJsonSchema()) as object);
    expect(validate(HARVEST_TABLE)).toBe(true);
    expect(validate({ ...HARVEST_TABLE, unit: 'mln tenge' })).toBe(false);
    const withString = structuredClone(HARVEST_TABLE) as { rows: Array<{ values: Record<string, unknown> }> };
    withString.rows[0]!.values['2015'] = '86,4';
    expect(validate(withString)).toBe(false);
  });
});
