import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END_MARKER, indicatorTable, START_MARKER, withIndicatorTable } from '../../scripts/docs/indicators-doc.ts';
import { INDICATOR_LIST } from '../../scripts/compute/indicators/registry.ts';

describe("README's table of indicators", () => {
  it('is up to date with the descriptors (run `npm run docs` if this fails)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(withIndicatorTable(readme)).toBe(readme);
  });

  it('has a row per indicator with its inline call, derived-table form, chart transform, unit and formula', () => {
    const rows = indicatorTable().split('\n').slice(2);
    expect(rows).toHaveLength(INDICATOR_LIST.length);
    const baseIndex = rows.find((r) => r.startsWith('| **Base-year index**')) ?? '';
    expect(baseIndex).toContain("`base-index(TABLE.ROW, PERIOD[, BASE])`<br>BASE defaults to the table's basePeriod, else its first period");
    expect(baseIndex).toContain('`"compute": "base-index"` + `base`?');
    expect(baseIndex).toContain('| `base-index` | % of base year | $I_{t/b} = \\frac{x_t}{x_b} \\cdot 100$ |');
    const lq = rows.find((r) => r.startsWith('| **Location quotient**')) ?? '';
    expect(lq).toContain('`"compute": "location-quotient-by-sector"` + `by`, `fromTotal`, `byTotal`<br>`"compute": "location-quotient-by-region"` + `by`, `reference`');
    // a bare | would end the cell: words and absolute values are escaped
    expect(rows.find((r) => r.startsWith('| **Rank**'))).toContain('descending\\|ascending');
    expect(rows.find((r) => r.startsWith('| **Krugman'))).toContain('\\left\\vert');
  });

  it('replaces only what lies between the markers, and asks for them when they are missing', () => {
    const text = `intro\n${START_MARKER}\nold\n${END_MARKER}\noutro\n`;
    expect(withIndicatorTable(text, '| t |')).toBe(`intro\n${START_MARKER}\n| t |\n${END_MARKER}\noutro\n`);
    expect(() => withIndicatorTable('no markers')).toThrow(`README.md needs the markers ${START_MARKER} and ${END_MARKER}`);
  });
});
