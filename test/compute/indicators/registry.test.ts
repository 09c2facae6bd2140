import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INDICATOR_GROUPS } from '../../../scripts/compute/descriptor/define-indicator.ts';
import * as library from '../../../scripts/compute/indicators/index.ts';
import { CHART_TRANSFORMS, INDICATOR_LIST, INDICATORS, isIndicatorId, TABLE_FORMS } from '../../../scripts/compute/indicators/registry.ts';
import { INLINE_FUNCTIONS } from '../../../scripts/compute/evaluate-reference.ts';
import { parseReference } from '../../../scripts/compute/reference-syntax.ts';
import { ChartBlock } from '../../../scripts/chart/chart-block.ts';
import { mathHtml } from '../../../scripts/render/math-html.ts';

const dir = fileURLToPath(new URL('../../../scripts/compute/indicators/', import.meta.url));
const testDir = fileURLToPath(new URL('./', import.meta.url));

describe('the registry', () => {
  it('holds one descriptor per indicator file, keyed by its kebab-case id', async () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'registry.ts', 'types.ts', 'guards.ts'].includes(f));
    const withDescriptor: string[] = [];
    for (const file of files) {
      const module = (await import(`${dir}${file}`)) as { default?: { kind?: string } };
      if (module.default?.kind === 'indicator') withDescriptor.push(file.slice(0, -3));
    }
    // growth-ratio.ts and yield-index.ts hold arithmetic two indicators share; they define none.
    expect(files.filter((f) => !withDescriptor.includes(f.slice(0, -3)))).toEqual(['growth-ratio.ts', 'yield-index.ts']);
    expect(INDICATOR_LIST.map((d) => d.id).sort()).toEqual(withDescriptor.sort());
    expect(INDICATOR_LIST).toHaveLength(33);
    for (const [key, d] of Object.entries(INDICATORS)) {
      expect(d.id).toBe(key);
      expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('gives every indicator its words in English, Russian and Kazakh, a unit, a formula KaTeX reads and a function', () => {
    for (const d of INDICATOR_LIST) {
      expect(INDICATOR_GROUPS).toContain(d.group);
      expect(d.text.en.title.length, d.id).toBeGreaterThan(0);
      expect(d.text.en.note.length, d.id).toBeGreaterThan(20);
      for (const language of ['ru', 'kk']) {
        expect(d.text[language]?.title, `${d.id} ${language}`).toMatch(/[а-яёәіңғүұқөһ]/i);
        expect(d.text[language]?.note, `${d.id} ${language}`).toMatch(/[а-яёәіңғүұқөһ]/i);
      }
      expect(d.unit.length).toBeGreaterThan(0);
      expect(() => mathHtml(d.formula, true), d.id).not.toThrow();
      expect(typeof d.fn).toBe('function');
    }
    expect(INDICATORS['base-index']?.fn?.(...([157.4, 86.4] as unknown as never[]))).toMatchObject({ value: (157.4 / 86.4) * 100 });
  });

  it('covers the indicator ids that data tables use for stated figures', () => {
    for (const id of ['base-index', 'chain-index', 'share', 'cumulative-index', 'growth-rate']) expect(isIndicatorId(id)).toBe(true);
    expect(isIndicatorId('toString')).toBe(false);
  });

  it('derives the inline language, the derived tables and the chart transforms', () => {
    // every indicator is reachable from Markdown (plus the built-in "stated") and from a derived table
    expect(Object.keys(INLINE_FUNCTIONS).sort()).toEqual([...INDICATOR_LIST.map((d) => d.id), 'stated'].sort());
    expect(INDICATOR_LIST.filter((d) => !d.tables?.length).map((d) => d.id)).toEqual(['difference', 'sum']);
    expect([...TABLE_FORMS.keys()]).toContain('location-quotient-by-region');
    expect(CHART_TRANSFORMS).toEqual(['base-index', 'chain-index', 'growth-rate', 'share']);
    expect(ChartBlock.shape.transform.unwrap().options).toEqual(CHART_TRANSFORMS);
  });

  it("shows a call of each indicator that parses, with the indicator's name and a valid number of arguments", () => {
    for (const d of INDICATOR_LIST) {
      if (!d.inline) continue;
      const { reference } = parseReference(d.inline.example);
      expect(reference.kind === 'call' && reference.name, d.id).toBe(d.id);
      const args = reference.kind === 'call' ? reference.args.length : 0;
      expect(args, d.id).toBeGreaterThanOrEqual(d.inline.params.filter((p) => !p.optional).length);
    }
  });

  it("names none of this report's tables, regions or country in what the generator prints", () => {
    const reportTables = readdirSync('data', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json') && !f.startsWith('geographies') && !f.endsWith('references.json'))
      .map((f) => (JSON.parse(readFileSync(`data/${f}`, 'utf8')) as { id: string }).id);
    const texts = INDICATOR_LIST.flatMap((d) => [
      d.unit,
      d.text.en.title,
      d.text.en.note,
      ...(d.inline ? [d.inline.example, ...d.inline.params.flatMap((p) => [p.label ?? '', p.doc ?? ''])] : []),
      ...(d.tables ?? []).flatMap((form) => Object.values(form.options).map((option) => option.description ?? '')),
    ]);
    for (const text of texts) {
      expect(text).not.toMatch(/kazakh|baiterek|wko|oblast|kato|astana|almaty|uralsk/i);
      for (const id of reportTables) expect(text.includes(`${id}.`) || text.includes(`${id},`) || text.includes(`(${id}`), `${text} names ${id}`).toBe(false);
    }
  });

  it('has a worked example of every indicator through {=…} and through each derived-table form', () => {
    const tests = readdirSync(testDir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(`${testDir}${f}`, 'utf8'))
      .join('\n');
    for (const d of INDICATOR_LIST) {
      if (d.inline) expect(tests, `{=${d.id}(…)}`).toMatch(new RegExp(`inline\\('${d.id}\\(`));
      for (const form of d.tables ?? []) expect(tests, `"compute": "${form.compute}"`).toMatch(new RegExp(`derivedDefinition\\('[a-z0-9-]+', '${form.compute}'`));
    }
  });
});

describe('the library index', () => {
  it('exports the functions other stages call directly', () => {
    const exported = Object.keys(library);
    for (const name of ['baseIndex', 'chainIndex', 'cumulativeIndex', 'absoluteChange', 'growthRate', 'cagr', 'shares', 'shareOf', 'structuralShift', 'hhi', 'cropYield', 'impliedArea', 'perCapita', 'locationQuotient', 'locationQuotients', 'krugmanIndex', 'hooverCoefficient', 'shiftShare', 'growthRatio', 'sectorGrowthVsEconomy', 'clusterGrowthVsSector', 'clusterShare', 'rankScore', 'migrationEffectiveness', 'impliedPriceIndex', 'laspeyresYieldIndex', 'averageYieldIndex', 'INDICATORS']) {
      expect(exported).toContain(name);
    }
  });
});
