/** A ```chart block's YAML, checked against the chart-block schema, with file lines in errors. */
import { parseDocument } from 'yaml';
import { ChartError } from '../errors.ts';
import { ChartBlock, PRESETS } from './chart-block.ts';

/** `firstLine` is the file line of the block's first YAML line. */
export function parseChartBlock(text: string, file: string, firstLine: number): ChartBlock {
  const doc = parseDocument(text, { prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    throw new ChartError(`invalid YAML in chart block: ${yamlError.message.split('\n')[0] ?? ''}`, {
      file,
      line: firstLine + (yamlError.linePos?.[0]?.line ?? 1) - 1,
      expected: 'YAML like "table: baiterek-harvest" on each line',
      fix: 'check indentation and quoting',
    });
  }
  const parsed = ChartBlock.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const keyLine = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  const problem =
    issue?.code === 'invalid_value' && key === 'preset'
      ? `unknown chart preset ${JSON.stringify(doc.toJS()?.preset)}`
      : issue?.code === 'unrecognized_keys'
        ? `unknown chart option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
        : `chart option "${issue?.path.join('.') ?? ''}" is invalid: ${issue?.message ?? ''}`;
  throw new ChartError(problem, {
    file,
    line: firstLine + Math.max(0, keyLine),
    expected:
      key === 'preset'
        ? `one of ${PRESETS.join(', ')}`
        : 'id, title, table (required); subtitle, preset, rows, periods, transform, base, description, spec, height',
    fix: key === 'preset' ? 'use one of the presets, or "raw" with a Vega-Lite "spec"' : 'correct the option (see the authoring guide in README.md)',
  });
}
