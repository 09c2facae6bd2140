/**
 * Property-based tests of the table loader: whatever bytes are in `data/`, loading gives either
 * tables whose values are exactly the numbers written (never coerced, never silently changed) or
 * DataErrors that name the file and say what is wrong. Never another exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DataError, ReportError, ReportErrors } from '../../scripts/errors.ts';
import { memoryFiles } from '../../scripts/io.ts';
import { loadTables } from '../../scripts/load/load-tables.ts';

import { FOLDERS, TABLE_RULES } from '../helpers/languages.ts';

const NUM_RUNS = 200;
const FILE = 'data/fuzz.json';

const slug = fc.stringMatching(/^[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,5}){0,2}$/);
const text = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('Cereals', 'Зерновые', 'Дәнді дақылдар', '<b>&"\'</b>'));
const year = fc.integer({ min: 1990, max: 2030 }).map(String);

/** Any finite JSON number: integers, fractions, negative, huge and tiny. */
const cellValue = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(0, 86.4, 1234.5, 1e-7, 1.7e308));

interface FuzzRow {
  id: string;
  label: string;
  role?: 'component' | 'memo' | 'total';
  values: Record<string, number | null>;
  missing?: Record<string, string>;
}

/** A valid numeric table in the documented format. */
const validTable = fc
  .record({
    id: fc.constant('fuzz'),
    title: fc.oneof(text, fc.record({ en: text, ru: text })),
    unit: fc.constantFrom(...TABLE_RULES.units.ids),
    decimals: fc.integer({ min: 0, max: 6 }),
    source: fc.record({ ref: slug, locator: text }, { requiredKeys: ['ref'] }),
    periods: fc.uniqueArray(year, { minLength: 1, maxLength: 6 }),
    rowIds: fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }),
    labels: fc.array(text, { minLength: 5, maxLength: 5 }),
    cells: fc.array(fc.option(cellValue, { freq: 8, nil: null }), { minLength: 30, maxLength: 30 }),
    withTotal: fc.boolean(),
  })
  .map(({ rowIds, labels, cells, periods, withTotal, unit, ...rest }) => {
    const rows: FuzzRow[] = rowIds.map((id, r) => {
      const values: Record<string, number | null> = {};
      const missing: Record<string, string> = {};
      periods.forEach((p, i) => {
        const v = cells[(r * 6 + i) % cells.length] ?? null;
        values[p] = v;
        if (v === null) missing[p] = 'not published';
      });
      const row: FuzzRow = { id, label: labels[r] ?? id, values, role: withTotal && r === 0 ? 'total' : 'component' };
      if (Object.keys(missing).length > 0) row.missing = missing;
      return row;
    });
    return { ...rest, unit, ...(unit === '% of base year' ? { basePeriod: periods[0] } : {}), periods, rows };
  });

type Json = ReturnType<typeof JSON.parse>;

/** A mutation that needs rows and periods leaves anything else (an earlier mutation's result) alone. */
const guarded =
  (mutate: (table: Json) => Json) =>
  (t: Json): Json =>
    t !== null && typeof t === 'object' && Array.isArray(t.rows) && t.rows.length > 0 && t.rows.every((r: Json) => r?.values && typeof r.values === 'object') && Array.isArray(t.periods) && t.periods.length > 0 ? mutate(t) : t;

/** One change an author (or a spreadsheet export) might make to a good table. */
const mutation: fc.Arbitrary<(table: Json) => Json> = fc.oneof(
  fc.constantFrom('id', 'title', 'unit', 'decimals', 'source', 'periods', 'rows').map((key) => (t: Json) => {
    if (t !== null && typeof t === 'object') delete t[key];
    return t;
  }),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom<unknown>('1,234', '21,7', '', ' 12 ', '12', 'n/a', true, {}, [], '-', '1e3')).map(([r, p, value]) =>
    guarded((t) => {
      t.rows[r % t.rows.length].values[String(t.periods[p % t.periods.length])] = value;
      return t;
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([r, p]) =>
    guarded((t) => {
      const row = t.rows[r % t.rows.length];
      row.values[String(t.periods[p % t.periods.length])] = null;
      delete row.missing;
      return t;
    }),
  ),
  fc.tuple(fc.nat(), fc.nat()).map(([r, p]) =>
    guarded((t) => {
      delete t.rows[r % t.rows.length].values[String(t.periods[p % t.periods.length])];
      return t;
    }),
  ),
  fc.constantFrom<unknown>('mln tenge', '', 'тыс. тонн', 7, null).map((unit) => (t: Json) => ({ ...t, unit })),
  fc.constantFrom<unknown>(-1, 7, 1.5, '1', null).map((decimals) => (t: Json) => ({ ...t, decimals })),
  fc.constantFrom<unknown>('Fuzz', 'fuzz table', '', 'fuzz/../x', 12).map((id) => (t: Json) => ({ ...t, id })),
  fc.constantFrom<unknown>(['2019', '2019'], ['19'], [], ['2019-Q5'], '2019', [2019]).map((periods) => (t: Json) => ({ ...t, periods })),
  fc.nat().map((r) =>
    guarded((t) => {
      t.rows.push(structuredClone(t.rows[r % t.rows.length]));
      return t;
    }),
  ),
  fc.constantFrom('units', 'Title', 'rows ', '__proto__', 'constructor').map((key) => (t: Json) => {
    // JSON.parse makes "__proto__" an own property, as a table file would.
    return JSON.parse(JSON.stringify(t).replace(/^\{(?=")/, `{${JSON.stringify(key)}: "x",`));
  }),
  fc.constantFrom<unknown>([], 'table', 42, null, [{}]).map((replacement) => () => replacement),
);

function cellsOf(table: unknown): unknown[] {
  const rows = (table as { rows?: Array<{ values?: Record<string, unknown> }> }).rows ?? [];
  return rows.flatMap((row) => Object.values(row.values ?? {}));
}

/** The loader either returns tables or throws DataErrors with a file and a message. */
async function loadOutcome(files: Record<string, string | Uint8Array>): Promise<{ tables?: Awaited<ReturnType<typeof loadTables>>; errors?: ReportError[] }> {
  try {
    return { tables: await loadTables(memoryFiles(files), FOLDERS, TABLE_RULES) };
  } catch (error) {
    if (!(error instanceof ReportError)) throw new Error(`loadTables threw ${String(error)}, not a DataError`, { cause: error });
    const errors = error instanceof ReportErrors ? error.errors : [error];
    for (const e of errors) {
      expect(e, e.format()).toBeInstanceOf(DataError);
      expect(Object.keys(files)).toContain(e.file);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.fix ?? e.expected, `${e.format()} says how to fix it`).toBeTruthy();
      if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
    }
    return { errors };
  }
}

function checkLoaded(outcome: Awaited<ReturnType<typeof loadOutcome>>): void {
  for (const { table } of outcome.tables?.tables.values() ?? []) {
    for (const value of cellsOf(table)) expect(value === null || (typeof value === 'number' && Number.isFinite(value)), `cell ${String(value)}`).toBe(true);
  }
}

describe('the table loader, fuzzed', () => {
  it('loads every valid table with exactly the numbers written', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, async (table) => {
        const written = JSON.stringify(table, null, 2);
        const outcome = await loadOutcome({ [FILE]: written });
        expect(outcome.errors?.map((e) => e.format())).toBeUndefined();
        const loaded = outcome.tables?.tables.get('fuzz')?.table;
        // What JSON itself can represent (-0 is written as 0) is what must come back.
        expect(cellsOf(loaded)).toEqual(cellsOf(JSON.parse(written)));
        expect((loaded as { periods?: string[] } | undefined)?.periods).toEqual(table.periods);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses a mutated table with DataErrors, or loads it with finite values only', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, fc.array(mutation, { minLength: 1, maxLength: 3 }), async (table, mutations) => {
        const mutated = mutations.reduce((t: Json, mutate) => mutate(t), structuredClone(table));
        checkLoaded(await loadOutcome({ [FILE]: JSON.stringify(mutated, null, 2) }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never coerces a number written as text', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, fc.nat(), fc.constantFrom('1,234', '21,7', '', ' 12 ', '12', '1e3', '0x10', 'NaN', 'Infinity'), async (table, r, cell) => {
        const mutated = structuredClone(table) as Json;
        mutated.rows[r % mutated.rows.length].values[mutated.periods[0]] = cell;
        const outcome = await loadOutcome({ [FILE]: JSON.stringify(mutated, null, 2) });
        expect(outcome.errors?.some((e) => e.message.startsWith('a value must be a number, got the string'))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses a table file cut or corrupted anywhere with a located JSON error', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, fc.nat(), fc.constantFrom('', ',', '}', '"', '\u0000', '/', 'NaN', '\ufeff'), async (table, at, insert) => {
        const written = JSON.stringify(table, null, 2);
        const cut = written.slice(0, at % written.length) + insert + (insert === '' ? '' : written.slice(at % written.length));
        const outcome = await loadOutcome({ [FILE]: cut });
        checkLoaded(outcome);
        const lines = cut.split('\n').length;
        for (const e of outcome.errors ?? []) if (e.line !== undefined) expect(e.line).toBeLessThanOrEqual(lines);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('survives random bytes, random text, random JSON values and deep nesting', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.string({ unit: 'binary', maxLength: 256 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
          // Deep nesting once overflowed the parser's stack (a RangeError, reported as a generator bug).
          fc.tuple(fc.integer({ min: 1, max: 150_000 }), fc.constantFrom('[', '{"a":')).map(([depth, open]) => `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`),
        ),
        async (content) => checkLoaded(await loadOutcome({ [FILE]: content })),
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('reports a duplicate id across random folders, naming both files', async () => {
    await fc.assert(
      fc.asyncProperty(validTable, fc.uniqueArray(slug, { minLength: 2, maxLength: 2 }), async (table, [a, b]) => {
        const written = JSON.stringify(table);
        const outcome = await loadOutcome({ [`data/${a}/fuzz.json`]: written, [`data/${b}/fuzz.json`]: written });
        // The first file in path order is the one named: "data/e-a/…" comes before "data/e/…" ('-' sorts before '/').
        const first = [`data/${a}/fuzz.json`, `data/${b}/fuzz.json`].sort()[0];
        expect(outcome.errors?.map((e) => e.message)).toEqual([`duplicate table id "fuzz" (also used by ${first})`]);
      }),
      { numRuns: 50 },
    );
  });
});
