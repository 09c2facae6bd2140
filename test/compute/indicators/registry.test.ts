import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as library from '../../../scripts/compute/indicators/index.ts';
import { INDICATORS, isIndicatorId } from '../../../scripts/compute/indicators/registry.ts';

describe('INDICATORS', () => {
  it('keys every entry by its own kebab-case id', () => {
    for (const [key, def] of Object.entries(INDICATORS)) {
      expect(def.id).toBe(key);
      expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    }
  });

  it('gives every entry titles in English and Russian, a unit, a LaTeX formula and a function', () => {
    for (const def of Object.values(INDICATORS)) {
      expect(def.title.en.length).toBeGreaterThan(0);
      expect(def.title.ru).toMatch(/[а-яё]/i);
      expect(def.unit.length).toBeGreaterThan(0);
      expect(def.formulaTeX.length).toBeGreaterThan(0);
      expect(typeof def.fn).toBe('function');
    }
  });

  it('covers the indicator ids that data tables use for stated figures', () => {
    for (const id of ['base-index', 'chain-index', 'share', 'cumulative-index', 'growth-rate']) expect(isIndicatorId(id)).toBe(true);
    expect(isIndicatorId('toString')).toBe(false);
  });

  it('calls the registered function', () => {
    expect(INDICATORS['base-index'].fn(157.4, 86.4).value).toBeCloseTo((157.4 / 86.4) * 100, 12);
  });
});

describe('the library index', () => {
  it('exports a function for every indicator file', () => {
    const dir = fileURLToPath(new URL('../../../scripts/compute/indicators/', import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'guards.ts', 'registry.ts'].includes(f));
    expect(files.length).toBeGreaterThanOrEqual(22);
    const exported = Object.keys(library);
    for (const name of ['baseIndex', 'chainIndex', 'cumulativeIndex', 'absoluteChange', 'growthRate', 'cagr', 'shares', 'shareOf', 'structuralShift', 'hhi', 'cropYield', 'impliedArea', 'perCapita', 'locationQuotient', 'locationQuotients', 'krugmanIndex', 'hooverCoefficient', 'shiftShare', 'growthRatio', 'sectorGrowthVsEconomy', 'clusterGrowthVsSector', 'clusterShare', 'rankScore', 'migrationEffectiveness', 'impliedPriceIndex', 'laspeyresYieldIndex', 'averageYieldIndex', 'INDICATORS']) {
      expect(exported).toContain(name);
    }
  });
});
