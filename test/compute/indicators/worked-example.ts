/**
 * Helpers for the indicators' worked examples (not a test file itself): small in-memory tables,
 * loaded and validated as a report's would be, an inline reference evaluated against them, and a
 * derived table computed from them.
 */
import { deriveTables } from '../../../scripts/compute/derive-tables.ts';
import { evaluateReference, type ResolvedValue } from '../../../scripts/compute/evaluate-reference.ts';
import { parseReference } from '../../../scripts/compute/reference-syntax.ts';
import type { Tables } from '../../../scripts/compute/table-access.ts';
import { memoryFiles } from '../../../scripts/io.ts';
import { loadTables } from '../../../scripts/load/load-tables.ts';
import type { NumericTable } from '../../../scripts/validate/table-schema.ts';
import { json } from '../../helpers/fixture-project.ts';
import { FOLDERS, TABLE_RULES } from '../../helpers/languages.ts';

type Values = Record<string, number | null>;

/**
 * A numeric table: rows as `{ rowId: { period: value } }` (a null needs no reason here: one is
 * added), roles as `{ rowId: 'total' }`.
 */
export function table(id: string, unit: string, rows: Record<string, Values>, options: { roles?: Record<string, 'total' | 'component' | 'memo'>; decimals?: number; basePeriod?: string } = {}) {
  return {
    id,
    title: id,
    unit,
    decimals: options.decimals ?? 1,
    source: { ref: 'x' },
    periods: Object.keys(Object.values(rows)[0] ?? {}),
    ...(options.basePeriod ? { basePeriod: options.basePeriod } : {}),
    rows: Object.entries(rows).map(([rowId, values]) => {
      const gaps = Object.entries(values).filter(([, v]) => v === null);
      return {
        id: rowId,
        label: rowId,
        values,
        ...(options.roles?.[rowId] ? { role: options.roles[rowId] } : {}),
        ...(gaps.length ? { missing: Object.fromEntries(gaps.map(([p]) => [p, `no ${rowId} figure for ${p}`])) } : {}),
      };
    }),
  };
}

/** A derived table definition: `compute`, `from` and the form's options. */
export function derivedDefinition(id: string, compute: string, from: string, options: Record<string, unknown> = {}) {
  return { kind: 'derived', id, compute, from, decimals: 2, title: id, source: { ref: 'x' }, ...options };
}

/** Loads, validates and derives the tables (objects keyed by nothing: their own ids name the files). */
export async function tablesOf(...definitions: Array<{ id: string }>): Promise<Tables> {
  const files = Object.fromEntries(definitions.map((d) => [`data/${d.id}.json`, json(d)]));
  return deriveTables(await loadTables(memoryFiles(files), FOLDERS, TABLE_RULES));
}

/** `{=expression}` evaluated against `tables`. */
export function inline(expression: string, tables: Tables): ResolvedValue {
  return evaluateReference(parseReference(expression).reference, tables, new Map());
}

/** A derived table's values by row and its cells' formulas. */
export function derived(tables: Tables, id: string) {
  const loaded = tables.get(id);
  const t = loaded?.table as NumericTable;
  return {
    table: t,
    value: (row: string, period: string) => t.rows.find((r) => r.id === row)?.values[period] ?? null,
    cell: (row: string, period: string) => loaded?.derived?.cells.get(`${row}\u0000${period}`),
  };
}
