/** A ```chart block's YAML, checked against the chart-block schema, with file lines in errors. */
import { ChartError } from '../errors.ts';
import { parseYamlBlock } from '../validate/yaml-block.ts';
import { ChartBlock, PRESET_OPTIONS, PRESETS } from './chart-block.ts';

const OPTIONAL = Object.keys(ChartBlock.shape).filter((k) => !['id', 'title', 'table'].includes(k));

/** `firstLine` is the file line of the block's first YAML line. */
export function parseChartBlock(text: string, file: string, firstLine: number): ChartBlock {
  const { value, lineOf } = parseYamlBlock(text, file, firstLine, {
    name: 'chart',
    schema: ChartBlock,
    ErrorClass: ChartError,
    expected: `id, title, table (required); ${OPTIONAL.join(', ')}`,
    fix: 'correct the option (see the options of each preset in scripts/chart/chart-block.ts)',
    describe: (issue, raw) =>
      issue.code === 'invalid_value' && issue.path[0] === 'preset'
        ? { problem: `unknown chart preset ${JSON.stringify(raw.preset)}`, expected: `one of ${PRESETS.join(', ')}`, fix: 'use one of the presets, or "raw" with a Vega-Lite "spec"' }
        : undefined,
  });
  // Options another preset reads are a mistake here (a `period:` on a line chart does nothing).
  const allowed: readonly string[] = PRESET_OPTIONS[value.preset];
  const stray = Object.keys(value).filter((key) => !allowed.includes(key));
  if (stray.length) {
    throw new ChartError(`chart option${stray.length > 1 ? 's' : ''} ${stray.join(', ')} ${stray.length > 1 ? 'do' : 'does'} not apply to preset "${value.preset}"`, {
      file,
      line: lineOf(stray[0] ?? ''),
      expected: `options of "${value.preset}": ${allowed.join(', ')}`,
      fix: 'remove the option, or choose the preset it belongs to (see scripts/chart/chart-block.ts)',
    });
  }
  return value;
}
