import type { Term } from '../indicators/index.ts';
import type { Argument } from '../reference-syntax.ts';
import type { Tables } from '../table-access.ts';

export interface InputCell {
  table: string;
  row: string;
  period: string;
}

export interface ResolvedValue {
  value: number | null;
  missing?: string;
  unit: string;
  decimals: number;
  /** The computation with actual inputs; empty for a value read straight from a table. */
  formula: Term[];
  inputs: InputCell[];
  /** Shown instead of a formula, e.g. "as printed in the source". */
  note?: string;
}

export interface InlineFunction {
  /** How authors call it, shown when they get it wrong. */
  usage: string;
  evaluate(args: Argument[], tables: Tables): ResolvedValue;
}
