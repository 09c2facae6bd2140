import type { Term } from '../indicators/index.ts';
import type { Argument } from '../reference-syntax.ts';
import type { Tables } from '../table-access.ts';
import type { LocalizedText } from '../../validate/table-schema.ts';

export interface InputCell {
  table: string;
  row: string;
  period: string;
}

export interface ResolvedValue {
  value: number | null;
  /** Why the value is missing: a table's own reason (in its languages), or the indicator's. */
  missing?: LocalizedText;
  unit: string;
  decimals: number;
  /** The computation with actual inputs; empty for a value read straight from a table. */
  formula: Term[];
  inputs: InputCell[];
  /** Shown instead of a formula, e.g. "as printed in the source", in the page's language. */
  note?: LocalizedText;
  /** For a value that is a category (a typology's class): the text shows this label instead of the number. */
  label?: LocalizedText;
  /** For a rank: how many rows share it (1 = no tie) and how many were ranked, so text can say "tied". */
  rank?: { tied: number; of: number };
}

export interface InlineFunction {
  /** How authors call it, shown when they get it wrong. */
  usage: string;
  evaluate(args: Argument[], tables: Tables): ResolvedValue;
}
