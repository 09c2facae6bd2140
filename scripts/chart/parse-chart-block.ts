/** A ```chart block's YAML, checked against the chart-block schema, with file lines in errors. */
import { parseDocument } from 'yaml';
import { ChartError } from '../errors.ts';
import { ChartBlock, PRESET_OPTIONS, PRESETS } from './chart-block.ts';

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
  const lineOf = (key: string) => firstLine + Math.max(0, text.split('\n').findIndex((line) => line.startsWith(`${key}:`)));
  const parsed = ChartBlock.safeParse(doc.toJS());
  if (parsed.success) {
    // Options another preset reads are a mistake here (a `period:` on a line chart does nothing).
    const allowed: readonly string[] = PRESET_OPTIONS[parsed.data.preset];
    const stray = Object.keys(parsed.data).filter((key) => !allowed.includes(key));
    if (stray.length) {
      throw new ChartError(`chart option${stray.length > 1 ? 's' : ''} ${stray.join(', ')} ${stray.length > 1 ? 'do' : 'does'} not apply to preset "${parsed.data.preset}"`, {
        file,
        line: lineOf(stray[0] ?? ''),
        expected: `options of "${parsed.data.preset}": ${allowed.join(', ')}`,
        fix: 'remove the option, or choose the preset it belongs to (see scripts/chart/chart-block.ts)',
      });
    }
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const problem =
    issue?.code === 'invalid_value' && key === 'preset'
      ? `unknown chart preset ${JSON.stringify(doc.toJS()?.preset)}`
      : issue?.code === 'unrecognized_keys'
        ? `unknown chart option${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`
        : `chart option "${issue?.path.join('.') ?? ''}" is invalid: ${issue?.message ?? ''}`;
  throw new ChartError(problem, {
    file,
    line: lineOf(issue?.code === 'unrecognized_keys' ? (issue.keys[0] ?? key) : key),
    expected: key === 'preset' ? `one of ${PRESETS.join(', ')}` : `id, title, table (required); ${Object.keys(ChartBlock.shape).filter((k) => !['id', 'title', 'table'].includes(k)).join(', ')}`,
    fix: key === 'preset' ? 'use one of the presets, or "raw" with a Vega-Lite "spec"' : 'correct the option (see the options of each preset in scripts/chart/chart-block.ts)',
  });
}
