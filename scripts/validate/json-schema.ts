/**
 * The JSON Schema editors use to autocomplete and flag mistakes in data files while typing
 * (`"$schema": "../schemas/table.schema.json"`). Generated from the zod schema, never written by
 * hand; `npm run schema` rewrites it and a test fails when the committed file is out of date.
 */
import { z } from 'zod';
import { Geography } from './geography-schema.ts';
import { DerivedTable } from './derived-table-schema.ts';
import { NumericTable, TextTable } from './table-schema.ts';

export const TABLE_SCHEMA_FILE = 'schemas/table.schema.json';
export const GEOGRAPHY_SCHEMA_FILE = 'schemas/geography.schema.json';

export function tableJsonSchema(): string {
  const schema = z.toJSONSchema(z.union([NumericTable, TextTable, DerivedTable]), { target: 'draft-7', unrepresentable: 'any', reused: 'ref' });
  return `${JSON.stringify({ ...schema, title: 'Data table of the regional report generator', description: 'A numeric table, a text table or a derived table. See README.md, "Add a table".' }, null, 2)}\n`;
}

export function geographyJsonSchema(): string {
  const schema = z.toJSONSchema(Geography, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  return `${JSON.stringify({ ...schema, title: 'Geography of the regional report generator', description: 'The territorial units maps show: ids, codes and names in boundary files, short names, tile grid. See README.md, "Add a map".' }, null, 2)}\n`;
}
