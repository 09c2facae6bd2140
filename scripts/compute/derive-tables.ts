/**
 * Stage 3 (compute) for data: derived tables are computed from the tables they name, in
 * dependency order, through the indicator functions. The result is an ordinary numeric table
 * (charts, inline references and the data appendix use it like any other), and each cell keeps
 * its formula and inputs so a reader can check it.
 */
import { DataError, IndicatorError, throwIfAny, type ReportError } from '../errors.ts';
import type { LoadedDefinitions, LoadedTable } from '../load/load-tables.ts';
import { isNumericTable, type DerivedTable, type LocalizedText, type NumericTable, type Row } from '../validate/table-schema.ts';
import type { UnitId } from '../validate/units.ts';
import { baseIndex, chainIndex, cropYield, locationQuotient, shareOf, type Computed, type Term } from './indicators/index.ts';
import type { InputCell, ResolvedValue } from './inline/types.ts';

type CellKey = `${string}\u0000${string}`;
const key = (row: string, period: string): CellKey => `${row}\u0000${period}`;

interface Derivation {
  unit: UnitId;
  basePeriod?: string;
  /** The result rows: id in the result, id in `from`, id in `by`. */
  rows: Array<{ id: string; from: string; by: string }>;
  periods: string[];
  cell(row: { id: string; from: string; by: string }, period: string): { computed: Computed; inputs: InputCell[] };
}

class DerivationProblem extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

function numeric(tables: Map<string, LoadedTable>, id: string, path: string): NumericTable {
  const loaded = tables.get(id);
  if (!loaded) throw new DerivationProblem(`unknown table "${id}"`, path, 'name a table in data/ (a derived table may use another derived table, but not itself)');
  if (!isNumericTable(loaded.table)) throw new DerivationProblem(`table "${id}" holds text, not numbers`, path, 'name a numeric table');
  return loaded.table;
}

function valueOf(table: NumericTable, row: string, period: string): number | null {
  return table.rows.find((r) => r.id === row)?.values[period] ?? null;
}

function requireRow(table: NumericTable, row: string, path: string): void {
  if (!table.rows.some((r) => r.id === row)) {
    throw new DerivationProblem(`table "${table.id}" has no row "${row}"`, path, `use one of ${table.rows.map((r) => r.id).join(', ')}`);
  }
}

function rowPairs(def: DerivedTable, from: NumericTable, by: NumericTable | undefined, exclude: string[] = []): Derivation['rows'] {
  const pairs =
    def.rows === undefined
      ? from.rows.filter((r) => r.role !== 'memo' && !exclude.includes(r.id)).map((r) => ({ id: r.id, from: r.id, by: r.id }))
      : Array.isArray(def.rows)
        ? def.rows.map((id) => ({ id, from: id, by: id }))
        : Object.entries(def.rows).map(([fromId, byId]) => ({ id: fromId, from: fromId, by: byId }));
  for (const pair of pairs) {
    requireRow(from, pair.from, `rows.${pair.id}`);
    if (by && def.compute !== 'location-quotient-by-region') requireRow(by, pair.by, `rows.${pair.id}`);
  }
  return pairs;
}

function periodsOf(def: DerivedTable, from: NumericTable, by?: NumericTable): string[] {
  const available = from.periods.filter((p) => !by || by.periods.includes(p));
  for (const period of def.periods ?? []) {
    if (!available.includes(period)) throw new DerivationProblem(`period "${period}" is not in ${by ? `both "${from.id}" and "${by.id}"` : `"${from.id}"`}`, 'periods', `use periods from ${available.join(', ')}`);
  }
  return def.periods ?? available;
}

const cellInput = (table: NumericTable, row: string, period: string): InputCell => ({ table: table.id, row, period });

function derivation(def: DerivedTable, tables: Map<string, LoadedTable>): Derivation {
  const from = numeric(tables, def.from, 'from');
  const needsBy = ['ratio', 'yield', 'location-quotient-by-sector', 'location-quotient-by-region'].includes(def.compute);
  if (needsBy && !def.by) throw new DerivationProblem(`"${def.compute}" needs a second table`, 'by', 'add "by": "<table id>"');
  const by = def.by ? numeric(tables, def.by, 'by') : undefined;
  const where = (row: string, period: string) => ({ table: def.id, row, period, file: undefined });

  switch (def.compute) {
    case 'base-index': {
      const base = def.base ?? from.basePeriod ?? from.periods[0] ?? '';
      if (!from.periods.includes(base)) throw new DerivationProblem(`base period "${base}" is not in table "${from.id}"`, 'base', `use one of ${from.periods.join(', ')}`);
      return {
        unit: '% of base year',
        basePeriod: base,
        rows: rowPairs(def, from, undefined),
        periods: periodsOf(def, from),
        cell: (row, period) => ({ computed: baseIndex(valueOf(from, row.from, period), valueOf(from, row.from, base), where(row.id, base)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, base)] }),
      };
    }
    case 'chain-index':
      return {
        unit: '% of previous year',
        rows: rowPairs(def, from, undefined),
        periods: periodsOf(def, from),
        cell: (row, period) => {
          const previous = from.periods[from.periods.indexOf(period) - 1];
          if (previous === undefined) return { computed: { value: null, unit: '% of previous year', formula: [], missing: `${period} is the first period of "${from.id}"` }, inputs: [] };
          return { computed: chainIndex(valueOf(from, row.from, period), valueOf(from, row.from, previous), where(row.id, previous)), inputs: [cellInput(from, row.from, period), cellInput(from, row.from, previous)] };
        },
      };
    case 'share': {
      const total = from.rows.find((r) => r.role === 'total');
      const components = from.rows.filter((r) => r.role !== 'total' && r.role !== 'memo');
      return {
        unit: '%',
        rows: rowPairs(def, from, undefined, total ? [total.id] : []),
        periods: periodsOf(def, from),
        cell: (row, period) => {
          if (total) return { computed: shareOf(valueOf(from, row.from, period), valueOf(from, total.id, period), where(row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(from, total.id, period)] };
          const values = components.map((r) => r.values[period] ?? null);
          const whole = values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
          return { computed: shareOf(valueOf(from, row.from, period), whole, where(row.id, period)), inputs: components.map((r) => cellInput(from, r.id, period)) };
        },
      };
    }
    case 'ratio': {
      const scale = def.scale ?? 1;
      const b = by as NumericTable;
      const unit: UnitId = scale === 100 && from.unit === b.unit ? '%' : 'ratio';
      return {
        unit,
        rows: rowPairs(def, from, b),
        periods: periodsOf(def, from, b),
        cell: (row, period) => {
          const [x, y] = [valueOf(from, row.from, period), valueOf(b, row.by, period)];
          const formula: Term[] = [x ?? '…', ' ÷ ', y ?? '…', ...(scale === 1 ? [] : [` × ${scale}`])];
          const inputs = [cellInput(from, row.from, period), cellInput(b, row.by, period)];
          if (x === null || y === null) return { computed: { value: null, unit, formula, missing: 'an input is missing' }, inputs };
          if (y === 0) throw new IndicatorError(`division by zero: "${b.id}", row "${row.by}", period "${period}" is 0`, { expected: 'a non-zero denominator', fix: 'check the value in the data table' });
          return { computed: { value: (x / y) * scale, unit, formula }, inputs };
        },
      };
    }
    case 'yield': {
      const b = by as NumericTable;
      return {
        unit: 'c/ha',
        rows: rowPairs(def, from, b),
        periods: periodsOf(def, from, b),
        cell: (row, period) => ({ computed: cropYield(valueOf(from, row.from, period), valueOf(b, row.by, period), { harvest: from.unit, area: b.unit }, where(row.id, period)), inputs: [cellInput(from, row.from, period), cellInput(b, row.by, period)] }),
      };
    }
    case 'location-quotient-by-sector': {
      const b = by as NumericTable;
      if (!def.fromTotal || !def.byTotal) throw new DerivationProblem('a sector location quotient needs the total rows of both tables', def.fromTotal ? 'byTotal' : 'fromTotal', 'add "fromTotal" and "byTotal" (e.g. "grp" and "total-value-added")');
      requireRow(from, def.fromTotal, 'fromTotal');
      requireRow(b, def.byTotal, 'byTotal');
      const [fromTotal, byTotal] = [def.fromTotal, def.byTotal];
      return {
        unit: 'ratio',
        rows: rowPairs(def, from, b, [fromTotal]),
        periods: periodsOf(def, from, b),
        cell: (row, period) => ({
          computed: locationQuotient({ regionSector: valueOf(from, row.from, period), regionTotal: valueOf(from, fromTotal, period), referenceSector: valueOf(b, row.by, period), referenceTotal: valueOf(b, byTotal, period) }, where(row.id, period)),
          inputs: [cellInput(from, row.from, period), cellInput(from, fromTotal, period), cellInput(b, row.by, period), cellInput(b, byTotal, period)],
        }),
      };
    }
    case 'location-quotient-by-region': {
      const b = by as NumericTable;
      if (!def.reference) throw new DerivationProblem('a regional location quotient needs the reference row', 'reference', 'add "reference": "country" (the row of the whole country in both tables)');
      requireRow(from, def.reference, 'reference');
      requireRow(b, def.reference, 'reference');
      const reference = def.reference;
      const rows = rowPairs(def, from, b, [reference]);
      for (const pair of rows) requireRow(b, pair.by, `rows.${pair.id}`);
      return {
        unit: 'ratio',
        rows,
        periods: periodsOf(def, from, b),
        cell: (row, period) => ({
          computed: locationQuotient({ regionSector: valueOf(from, row.from, period), regionTotal: valueOf(b, row.by, period), referenceSector: valueOf(from, reference, period), referenceTotal: valueOf(b, reference, period) }, where(row.id, period)),
          inputs: [cellInput(from, row.from, period), cellInput(b, row.by, period), cellInput(from, reference, period), cellInput(b, reference, period)],
        }),
      };
    }
  }
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
      cells.set(key(pair.id, period), { value: computed.value, missing: why, unit: computed.unit, decimals: def.decimals, formula: computed.formula, inputs });
    }
    return { id: pair.id, label: source?.label ?? pair.id, values, ...(Object.keys(missing).length ? { missing } : {}) };
  });
  const { kind: _kind, compute: _c, from: _f, by: _b, base: _base, scale: _s, fromTotal: _ft, byTotal: _bt, reference: _r, rows: _rows, periods: _p, ...meta } = def;
  const table: NumericTable = { ...meta, kind: 'numeric', unit: plan.unit, periods: plan.periods, rows, ...(plan.basePeriod ? { basePeriod: plan.basePeriod } : {}) };
  return { table, file, derived: { definition: def, cells } };
}

/** Computes every derived table into `tables`, in dependency order. */
export function deriveTables(definitions: LoadedDefinitions): Map<string, LoadedTable> {
  const { tables, pending } = definitions;
  const errors: ReportError[] = [];
  let waiting = [...pending];
  while (waiting.length) {
    const ready = waiting.filter(({ definition: d }) => [d.from, d.by].every((id) => id === undefined || tables.has(id) || !waiting.some((w) => w.definition.id === id)));
    if (ready.length === 0) {
      for (const { definition, file } of waiting) errors.push(new DataError(`derived table "${definition.id}" depends on itself through ${[definition.from, definition.by].filter(Boolean).join(', ')}`, { file, path: 'from', expected: 'derived tables that form no cycle', fix: 'compute one of the tables from raw data' }));
      break;
    }
    for (const { definition, file } of ready) {
      try {
        tables.set(definition.id, materialise(definition, tables, file));
      } catch (error) {
        if (error instanceof DerivationProblem) errors.push(new DataError(`derived table "${definition.id}": ${error.message}`, { file, path: error.path, expected: 'tables, rows and periods that exist', fix: error.fix }));
        else if (error instanceof IndicatorError) errors.push(new DataError(`derived table "${definition.id}": ${error.message}`, { file, expected: error.expected, fix: error.fix }));
        else throw error;
      }
    }
    waiting = waiting.filter((w) => !ready.includes(w));
  }
  throwIfAny(errors);
  return tables;
}

export function derivedCell(loaded: LoadedTable | undefined, row: string, period: string): ResolvedValue | undefined {
  return loaded?.derived?.cells.get(key(row, period));
}
