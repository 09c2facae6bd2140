/**
 * Stage 3 (compute) for prose: an inline reference becomes a number with its unit, its declared
 * decimals, the formula with the actual inputs and the cells it came from. The functions authors
 * call are the registered indicators (`indicators/<id>.ts`, each with its argument schema), plus
 * `stated` (a printed figure); the arithmetic lives in the indicators' pure functions.
 */
import { INDICATOR_LIST } from './indicators/registry.ts';
import { readArguments } from './descriptor/inline-arguments.ts';
import { SOURCE_FIGURES } from './inline/source-figures.ts';
import type { InlineFunction, ResolvedValue } from './inline/types.ts';
import type { Reference } from './reference-syntax.ts';
import { derivedCell } from './descriptor/derivation.ts';
import { cell, LookupProblem, numericTable, tableRow, type Tables } from './table-access.ts';
import { closest } from '../suggest.ts';

export type { InputCell, ResolvedValue } from './inline/types.ts';

/** Every function of the `{=name(...)}` language, from the registry. */
export const INLINE_FUNCTIONS: Readonly<Record<string, InlineFunction>> = {
  ...Object.fromEntries(
    INDICATOR_LIST.flatMap(({ id, inline }) =>
      inline ? [[id, { usage: inline.example, evaluate: (args, tables) => inline.evaluate(readArguments(inline.params, args, tables, inline.example), tables) } satisfies InlineFunction]] : [],
    ),
  ),
  ...SOURCE_FIGURES,
};

export function evaluateReference(reference: Reference, tables: Tables, named: ReadonlyMap<string, ResolvedValue>): ResolvedValue {
  if (reference.kind === 'cell') {
    const table = numericTable(tables, reference.table);
    const derived = derivedCell(tables.get(reference.table), reference.row, reference.period);
    if (derived) return derived;
    const value = cell(table, reference.row, reference.period);
    const row = tableRow(table, reference.row);
    return {
      value,
      missing: value === null ? row.missing?.[reference.period] : undefined,
      unit: table.unit,
      decimals: table.decimals,
      formula: [],
      inputs: [{ table: table.id, row: reference.row, period: reference.period }],
    };
  }
  if (reference.kind === 'name') {
    const value = named.get(reference.name);
    if (!value) {
      throw new LookupProblem(`unknown name "${reference.name}"`, {
        expected: 'a name defined under "values:" in this page\'s front matter',
        fix: named.size ? `defined names: ${[...named.keys()].join(', ')}` : 'define it in the front matter, e.g. values: { cereals-growth: "base-index(harvest.cereals, 2019, 2015)" }',
      });
    }
    return value;
  }
  const fn = INLINE_FUNCTIONS[reference.name];
  if (!fn) {
    const names = Object.keys(INLINE_FUNCTIONS);
    const near = closest(reference.name, names);
    throw new LookupProblem(`unknown indicator "${reference.name}"`, { expected: `one of ${names.join(', ')}`, fix: near ? `did you mean "${near}"?` : 'check the spelling of the indicator' });
  }
  return fn.evaluate(reference.args, tables);
}
