import { describe, expect, it } from 'vitest';
import { parseChartBlock } from '../../scripts/chart/parse-chart-block.ts';
import { parseDiagramBlock } from '../../scripts/render/diagram-block.ts';

describe('YAML blocks', () => {
  it('reports a YAML error on the file line where it is, not the first line of the block', () => {
    // The block's first YAML line is file line 10; the bad line is the third.
    expect(() => parseChartBlock('id: crops\ntitle: T\ntable: a: b\n', 'content/en/a.md', 10)).toThrow(expect.objectContaining({ line: 12, message: expect.stringMatching(/^invalid YAML in chart block/) }));
  });

  it('names a block-level rule that no single option breaks', () => {
    expect(() => parseDiagramBlock('id: d\ntype: process\ntitle: T\n', 'content/en/a.md', 5)).toThrow('diagram block is invalid: a diagram needs a "table" (text table) or "steps"');
  });
});
