/**
 * Stage 3 (compute) for data: derived tables are computed from the tables they name, in
 * dependency order, through the indicator functions. The result is an ordinary numeric table
 * (charts, inline references and the data appendix use it like any other), and each cell keeps
 * its formula and inputs so a reader can check it.
 */
import { DataError, IndicatorError, throwIfAny, type ReportError } from '../errors.ts';
import type { LoadedDefinitions, LoadedTable } from '../load/load-tables.ts';
import { isNumericTable, DerivedTableFields, type DerivedTable, type LocalizedText, type NumericTable, type Row } from '../validate/table-schema.ts';
import { cellKey, DerivationProblem, numeric, type Derivation } from './descriptor/derivation.ts';
import { TABLE_FORMS } from './indicators/registry.ts';
import type { InputCell, ResolvedValue } from './inline/types.ts';
import { LookupProblem } from './table-access.ts';

function formOf(def: DerivedTable) {
  const form = TABLE_FORMS.get(def.compute);
  // Validation has already refused an unknown compute; a definition built in code may still name one.
  if (!form) throw new DerivationProblem(`unknown indicator "${def.compute}"`, 'compute', `use one of ${[...TABLE_FORMS.keys()].join(', ')}`);
  return form;
}

function derivation(def: DerivedTable, tables: Map<string, LoadedTable>): Derivation {
  numeric(tables, def.from, 'from');
  return formOf(def).plan(def, tables);
}

/**
 * Why a cell is missing, in the words of its inputs: the reason the first missing input's table
 * gives, in every language it was written in ("The region was formed in June 2022…"), or
 * undefined when no missing input gives one.
 */
function inputReason(inputs: InputCell[], tables: Map<string, LoadedTable>): LocalizedText | undefined {
  for (const input of inputs) {
    const table = tables.get(input.table)?.table;
    const row = table && isNumericTable(table) ? table.rows.find((r) => r.id === input.row) : undefined;
    const reason = row && (row.values[input.period] ?? null) === null ? row.missing?.[input.period] : undefined;
    if (reason !== undefined) return reason;
  }
  return undefined;
}

/** What the result keeps of its definition: the fields every table has (id, title, source, …), without what says how to compute it. */
function tableMeta(def: DerivedTable): Omit<NumericTable, 'kind' | 'unit' | 'periods' | 'rows' | 'basePeriod'> {
  const computing = new Set(['kind', 'compute', 'from', 'rows', 'periods', 'unit', ...Object.keys(formOf(def).options)]);
  const kept = Object.entries(def).filter(([field]) => !computing.has(field) && (field in DerivedTableFields));
  return Object.fromEntries(kept) as Omit<NumericTable, 'kind' | 'unit' | 'periods' | 'rows' | 'basePeriod'>;
}

function materialise(def: DerivedTable, tables: Map<string, LoadedTable>, file: string): LoadedTable {
  const plan = derivation(def, tables);
  const from = numeric(tables, def.from, 'from');
  const cells = new Map<string, ResolvedValue>();
  const rows: Row[] = plan.rows.map((pair) => {
    const source = from.rows.find((r) => r.id === pair.from);
    const values: Record<string, number | null> = {};
    const missing: Record<string, LocalizedText> = {};
    for (const period of plan.periods) {
      const { computed, inputs } = plan.cell(pair, period);
      values[period] = computed.value;
      const why = computed.value === null ? (inputReason(inputs, tables) ?? computed.missing ?? 'an input is missing') : undefined;
      if (why !== undefined) missing[period] = why;
      cells.set(cellKey(pair.id, period), { value: computed.value, missing: why, unit: def.unit ?? computed.unit, decimals: def.decimals, formula: computed.formula, inputs });
    }
    return { id: pair.id, label: pair.label ?? source?.label ?? pair.id, values, ...(Object.keys(missing).length ? { missing } : {}), ...(pair.role ? { role: pair.role } : {}) };
  });
  const table: NumericTable = { ...tableMeta(def), kind: 'numeric', unit: def.unit ?? plan.unit, periods: plan.periods, rows, ...(plan.basePeriod ? { basePeriod: plan.basePeriod } : {}) };
  return { table, file, derived: { definition: def, cells } };
}

/** Computes every derived table into `tables`, in dependency order. */
export function deriveTables(definitions: LoadedDefinitions): Map<string, LoadedTable> {
  const { tables, pending } = definitions;
  const errors: ReportError[] = [];
  let waiting = [...pending];
  while (waiting.length) {
    const inputsOf = (d: DerivedTable) => (TABLE_FORMS.get(d.compute)?.inputs(d) ?? [d.from]);
    const ready = waiting.filter(({ definition: d }) => inputsOf(d).every((id) => tables.has(id) || !waiting.some((w) => w.definition.id === id)));
    if (ready.length === 0) {
      for (const { definition, file } of waiting) errors.push(new DataError(`derived table "${definition.id}" depends on itself through ${inputsOf(definition).join(', ')}`, { file, path: 'from', expected: 'derived tables that form no cycle', fix: 'compute one of the tables from raw data' }));
      break;
    }
    for (const { definition, file } of ready) {
      try {
        tables.set(definition.id, materialise(definition, tables, file));
      } catch (error) {
        if (error instanceof DerivationProblem) errors.push(new DataError(`derived table "${definition.id}": ${error.message}`, { file, path: error.path, expected: 'tables, rows and periods that exist', fix: error.fix }));
        else if (error instanceof IndicatorError) errors.push(new DataError(`derived table "${definition.id}": ${error.message}`, { file, expected: error.expected, fix: error.fix }));
        else if (error instanceof LookupProblem) errors.push(new DataError(`derived table "${definition.id}": ${error.message}`, { file, ...error.details }));
        else throw error;
      }
    }
    waiting = waiting.filter((w) => !ready.includes(w));
  }
  throwIfAny(errors);
  return tables;
}
