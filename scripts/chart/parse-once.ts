/**
 * Vega's parse (spec → dataflow description, `vega.parse`) once per chart shape. Charts of one
 * shape share a compiled Vega spec that differs only in the records of its data entries
 * (compile-once.ts), and Vega's parser never reads inline records: it hands each entry's `values`
 * on, by reference, as the `$ingest` of a `collect` operator, ingested when a View starts. So the
 * shape is parsed once, with its placeholders as records, and each chart gets a copy of the
 * operator list in which those operators ingest its own records instead; every other operator,
 * expression and subflow description is shared, read-only, by the Views built from it.
 */
import * as vega from 'vega';
import type { CompiledChart, Shape } from './compile-once.ts';

/** A parsed shape: the dataflow description, and which operators ingest which slot's records. */
interface ParsedShape {
  runtime: vega.Runtime;
  ingests: Array<{ operator: number; slot: number }>;
}

/** By shape, as long as compile-once.ts keeps it. `plain`: its placeholders were not found as ingested records. */
const parsed = new WeakMap<Shape, ParsedShape | 'plain'>();
const stats = { parsed: 0, reused: 0, plain: 0 };

/** Parses so far: `parsed` once per shape, `reused` charts that got a shape's, `plain` charts parsed on their own. */
export function parseStats(): Readonly<typeof stats> {
  return { ...stats };
}

/** Resets the counts (tests); parsed shapes go with their shapes (compile-once.ts `forgetShapes`). */
export function resetParseStats(): void {
  stats.parsed = stats.reused = stats.plain = 0;
}

type Operator = { value?: { $ingest?: unknown } };

/** The chart's dataflow description for `new vega.View`, and whether it came from its shape's parse. */
export function parseOnce(compiled: CompiledChart): { runtime: vega.Runtime; reused: boolean } {
  const shared = compiled.shared;
  let known = shared ? parsed.get(shared.shape) : 'plain';
  const reused = known !== undefined && known !== 'plain';
  if (shared && known === undefined) {
    known = parseShape(shared.shape);
    parsed.set(shared.shape, known);
    if (known !== 'plain') stats.parsed++;
  }
  if (!shared || known === undefined || known === 'plain') {
    stats.plain++;
    return { runtime: parse(compiled.vega()), reused: false };
  }
  if (reused) stats.reused++;
  const operators = [...(known.runtime as { operators: Operator[] }).operators];
  for (const { operator, slot } of known.ingests) {
    const op = operators[operator] as Operator;
    operators[operator] = { ...op, value: { ...op.value, $ingest: shared.slots[slot] } };
  }
  return { runtime: { ...known.runtime, operators } as vega.Runtime, reused };
}

/** Expressions as syntax trees for the expression interpreter, as the browser parses them (hydrate.ts). */
const parse = (spec: object) => vega.parse(spec as vega.Spec, undefined, { ast: true });

function parseShape(shape: Shape): ParsedShape | 'plain' {
  const runtime = parse(shape.vega);
  const operators = (runtime as { operators?: Operator[] }).operators ?? [];
  const ingests: ParsedShape['ingests'] = [];
  for (const { index, slot } of shape.entries) {
    const placeholder = shape.vega.data[index]?.values;
    const found = operators.flatMap((op, i) => (op.value?.$ingest === placeholder ? [i] : []));
    // Exactly one operator ingests each data entry's records; anything else is parsed per chart.
    if (found.length !== 1) return 'plain';
    ingests.push({ operator: found[0] as number, slot });
  }
  return { runtime, ingests };
}
