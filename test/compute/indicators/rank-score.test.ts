import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rankScore, rankWithTies, type RankScoreInput } from '../../../scripts/compute/indicators/rank-score.ts';
import { indicatorError, WHERE } from './helpers.ts';
import { derived, derivedDefinition, inline, table, tablesOf } from './worked-example.ts';

/*
 * Worked example: 6 districts × 4 indicators, two of them lower-is-better, E without investment.
 *
 * income (higher is better): A 120, B 100, C 80, D 100, E 60, F 140; average 600 ÷ 6 = 100
 *   order: F 140 (1), A 120 (2), B = D = average 100 (positions 3, 4, 5 → mean rank 4), C 80 (6), E 60 (7)
 *   average rank 4 → grades A 4 − 2 = 2, B 0, C 4 − 6 = −2, D 0, E 4 − 7 = −3, F 4 − 1 = 3
 * unemployment, % (lower is better): A 5, B 8, C 6, D 4, E 10, F 9; average 42 ÷ 6 = 7
 *   order: D 4 (1), A 5 (2), C 6 (3), average 7 (4), B 8 (5), F 9 (6), E 10 (7)
 *   average rank 4 → grades A 2, B −1, C 1, D 3, E −3, F −2
 * crime per 1000 (lower is better): A 10, B 10, C 6, D 15, E 8, F 17; average 66 ÷ 6 = 11
 *   order: C 6 (1), E 8 (2), A = B 10 (positions 3, 4 → 3.5), average 11 (5), D 15 (6), F 17 (7)
 *   average rank 5 → grades A 1.5, B 1.5, C 4, D −1, E 3, F −2
 * investment (higher is better): A 50, B 30, C 20, D 40, E missing, F 60; average of 5 units 200 ÷ 5 = 40
 *   order: F 60 (1), A 50 (2), D = average 40 (positions 3, 4 → 3.5), B 30 (5), C 20 (6)
 *   average rank 3.5 → grades A 1.5, B −1.5, C −2.5, D 0, F 2.5; E none
 * complex grades:
 *   A (2 + 2 + 1.5 + 1.5) ÷ 4 = 7 ÷ 4 = 1.75
 *   B (0 − 1 + 1.5 − 1.5) ÷ 4 = −1 ÷ 4 = −0.25
 *   C (−2 + 1 + 4 − 2.5) ÷ 4 = 0.5 ÷ 4 = 0.125
 *   D (0 + 3 − 1 + 0) ÷ 4 = 2 ÷ 4 = 0.5
 *   E (−3 − 3 + 3) ÷ 3 = −3 ÷ 3 = −1   (ranked on 3 of 4 indicators)
 *   F (3 − 2 − 2 + 2.5) ÷ 4 = 1.5 ÷ 4 = 0.375
 * classes (min inclusive): high ≥ 1, average ≥ 0, low ≥ −0.5, minimal below
 *   A high; C, D, F average; B low; E minimal
 */
const EXAMPLE: RankScoreInput = {
  indicators: [
    { id: 'income', better: 'higher' },
    { id: 'unemployment', better: 'lower' },
    { id: 'crime', better: 'lower' },
    { id: 'investment', better: 'higher' },
  ],
  units: [
    { id: 'A', values: { income: 120, unemployment: 5, crime: 10, investment: 50 } },
    { id: 'B', values: { income: 100, unemployment: 8, crime: 10, investment: 30 } },
    { id: 'C', values: { income: 80, unemployment: 6, crime: 6, investment: 20 } },
    { id: 'D', values: { income: 100, unemployment: 4, crime: 15, investment: 40 } },
    { id: 'E', values: { income: 60, unemployment: 10, crime: 8, investment: null } },
    { id: 'F', values: { income: 140, unemployment: 9, crime: 17, investment: 60 } },
  ],
  classes: [{ label: 'high', min: 1 }, { label: 'average', min: 0 }, { label: 'low', min: -0.5 }, { label: 'minimal' }],
};

function byUnit<T>(result: ReturnType<typeof rankScore>, pick: (u: ReturnType<typeof rankScore>['units'][number]) => T): Record<string, T> {
  return Object.fromEntries(result.units.map((u) => [u.id, pick(u)]));
}

describe('rankWithTies', () => {
  it('ranks best first and gives ties the mean of their ranks', () => {
    // 5 > 3 = 3 > 1: ranks 1, (2 + 3) ÷ 2 = 2.5, 2.5, 4
    expect(rankWithTies([3, 5, 1, 3], 'higher')).toEqual([2.5, 1, 4, 2.5]);
    expect(rankWithTies([3, 5, 1, 3], 'lower')).toEqual([2.5, 4, 1, 2.5]);
  });
});

describe('rankScore', () => {
  const result = rankScore(EXAMPLE);

  it('ranks each indicator with the average pseudo-unit, ties sharing the mean rank', () => {
    expect(result.indicators.map((i) => [i.id, i.average.value, i.averageRank, i.ranked])).toEqual([
      ['income', 100, 4, 7],
      ['unemployment', 7, 4, 7],
      ['crime', 11, 5, 7],
      ['investment', 40, 3.5, 6],
    ]);
    expect(byUnit(result, (u) => u.ranks)).toEqual({
      A: { income: 2, unemployment: 2, crime: 3.5, investment: 2 },
      B: { income: 4, unemployment: 5, crime: 3.5, investment: 5 },
      C: { income: 6, unemployment: 3, crime: 1, investment: 6 },
      D: { income: 4, unemployment: 1, crime: 6, investment: 3.5 },
      E: { income: 7, unemployment: 7, crime: 2, investment: null },
      F: { income: 1, unemployment: 6, crime: 7, investment: 1 },
    });
  });

  it('grades each unit as the average rank minus its rank', () => {
    expect(byUnit(result, (u) => Object.fromEntries(Object.entries(u.grades).map(([k, g]) => [k, g.value])))).toEqual({
      A: { income: 2, unemployment: 2, crime: 1.5, investment: 1.5 },
      B: { income: 0, unemployment: -1, crime: 1.5, investment: -1.5 },
      C: { income: -2, unemployment: 1, crime: 4, investment: -2.5 },
      D: { income: 0, unemployment: 3, crime: -1, investment: 0 },
      E: { income: -3, unemployment: -3, crime: 3, investment: null },
      F: { income: 3, unemployment: -2, crime: -2, investment: 2.5 },
    });
    expect(result.units[0]?.grades.income?.formula).toEqual([4, ' − ', 2]);
    expect(result.units[0]?.grades.income?.unit).toBe('score');
  });

  it('averages the grades into the complex grade and classes it by the declared thresholds', () => {
    expect(byUnit(result, (u) => u.complexGrade.value)).toEqual({ A: 1.75, B: -0.25, C: 0.125, D: 0.5, E: -1, F: 0.375 });
    expect(byUnit(result, (u) => u.class)).toEqual({ A: 'high', B: 'low', C: 'average', D: 'average', E: 'minimal', F: 'average' });
    expect(result.units[0]?.complexGrade.formula).toEqual(['(', 2, ' + ', 2, ' + ', 1.5, ' + ', 1.5, ') ÷ ', 4]);
  });

  it('ranks a unit missing an indicator on the ones it has and reports it', () => {
    const e = result.units.find((u) => u.id === 'E');
    expect(e?.rankedOn).toEqual(['income', 'unemployment', 'crime']);
    expect(e?.missingIndicators).toEqual(['investment']);
    expect(e?.grades.investment?.missing).toBe('unit "E" has no value for "investment"');
    expect(e?.complexGrade.formula).toEqual(['(', -3, ' + ', -3, ' + ', 3, ') ÷ ', 3]);
    expect(result.notes).toEqual([
      'the average of "investment" is the mean of the 5 of 6 units that have a value',
      'unit "E" has no value for "investment": ranked on 3 of 4 indicators',
    ]);
  });

  it('uses a given average (e.g. the region figure) instead of the mean of the units', () => {
    // income average 110: F 140 (1), A 120 (2), average 110 (3), B = D 100 (4.5), C (6), E (7) → A 3 − 2 = 1, B 3 − 4.5 = −1.5
    const r = rankScore({ ...EXAMPLE, average: { income: 110 } });
    const income = r.indicators.find((i) => i.id === 'income');
    expect(income?.averageSource).toBe('given');
    expect(income?.averageRank).toBe(3);
    expect(r.units.find((u) => u.id === 'A')?.grades.income?.value).toBe(1);
    expect(r.units.find((u) => u.id === 'B')?.grades.income?.value).toBe(-1.5);
  });

  it('treats an absent value like null and gives no complex grade to a unit with no values', () => {
    const r = rankScore({
      indicators: [{ id: 'income', better: 'higher' }],
      units: [
        { id: 'A', values: { income: 1 } },
        { id: 'B', values: {} },
      ],
    });
    expect(r.units[1]?.complexGrade.value).toBeNull();
    expect(r.units[1]?.complexGrade.missing).toBe('unit "B" has no grade on any indicator');
    expect(r.units[1]?.class).toBeNull();
  });

  it('does not depend on the order of the units', () => {
    const value = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 5 });
    const input = fc
      .tuple(fc.array(fc.constantFrom<'higher' | 'lower'>('higher', 'lower'), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 9 }))
      .chain(([directions, n]) =>
        fc.record({
          directions: fc.constant(directions),
          rows: fc.array(fc.array(value, { minLength: directions.length, maxLength: directions.length }), { minLength: n, maxLength: n }),
          order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        }),
      );
    fc.assert(
      fc.property(input, ({ directions, rows, order }) => {
        const indicators = directions.map((better, j) => ({ id: `i${j}`, better }));
        const units = rows.map((row, i) => ({ id: `u${i}`, values: Object.fromEntries(row.map((v, j) => [`i${j}`, v])) }));
        const classes = [{ label: 'up', min: 0.5 }, { label: 'mid', min: -0.5 }, { label: 'down' }];
        const a = rankScore({ indicators, units, classes });
        const b = rankScore({ indicators, units: order.map((k) => units[k]!), classes });
        const summary = (r: typeof a) =>
          Object.fromEntries(r.units.map((u) => [u.id, { grades: u.grades, complex: u.complexGrade.value, class: u.class, ranks: u.ranks }]));
        expect(summary(b)).toEqual(summary(a));
      }),
    );
  });

  it('rejects thresholds that are not sorted, naming table and period', () => {
    const error = indicatorError(() => rankScore({ ...EXAMPLE, classes: [{ label: 'high', min: 0 }, { label: 'average', min: 1 }, { label: 'low' }] }, WHERE));
    expect(error.message).toBe(
      'invalid input: class thresholds are not sorted: "average" (min 1) comes after "high" (min 0) in table "baiterek-harvest", row "cereals", period "2015"',
    );
  });

  it('rejects a last class with a threshold and a middle class without one', () => {
    expect(indicatorError(() => rankScore({ ...EXAMPLE, classes: [{ label: 'high', min: 0 }, { label: 'low', min: -1 }] })).message).toContain(
      'the last class "low" has a threshold',
    );
    expect(indicatorError(() => rankScore({ ...EXAMPLE, classes: [{ label: 'high' }, { label: 'low' }] })).message).toContain('class "high" has no threshold');
  });

  it('rejects a missing direction, an unknown indicator, a duplicate unit and NaN', () => {
    expect(
      indicatorError(() => rankScore({ ...EXAMPLE, indicators: [{ id: 'income', better: 'more' as 'higher' }] })).message,
    ).toContain('does not say which direction is better');
    expect(indicatorError(() => rankScore({ ...EXAMPLE, indicators: EXAMPLE.indicators.slice(0, 3) })).message).toContain(
      'unit "A" has a value for "investment", which is not a declared indicator',
    );
    expect(indicatorError(() => rankScore({ ...EXAMPLE, units: [...EXAMPLE.units, EXAMPLE.units[0]!] })).message).toContain('unit "A" is listed twice');
    expect(
      indicatorError(() => rankScore({ ...EXAMPLE, units: [{ id: 'X', values: { income: Number.NaN } }] })).message,
    ).toContain('value of "income" for unit "X" is NaN');
    expect(indicatorError(() => rankScore({ ...EXAMPLE, units: [] })).message).toContain('units is empty');
  });

  it('does not mutate its input', () => {
    const frozen = JSON.parse(JSON.stringify(EXAMPLE)) as RankScoreInput;
    const deepFreeze = (o: object): void => {
      Object.freeze(o);
      for (const v of Object.values(o)) if (v !== null && typeof v === 'object') deepFreeze(v as object);
    };
    deepFreeze(frozen);
    expect(rankScore(frozen)).toEqual(result);
  });
});

describe('rank-score: worked example as a typology table', () => {
  /*
   * income (higher is better): a 120, b 100, c 80; mean 100 ties with b (positions 2, 3 → 2.5)
   *   ranks a 1, b 2.5, c 4, average 2.5 → grades a 1.5, b 0, c −1.5
   * unemployment (lower is better): a 6, b 4, c 5; mean 5 ties with c (positions 2, 3 → 2.5)
   *   ranks b 1, c 2.5, a 4, average 2.5 → grades a −1.5, b 1.5, c 0
   * complex grades: a (1.5 − 1.5) ÷ 2 = 0; b (0 + 1.5) ÷ 2 = 0.75; c (−1.5 + 0) ÷ 2 = −0.75
   * classes: High ≥ 0.5, Average ≥ −0.5, Low below → a Average, b High, c Low
   */
  const income = table('income', 'thousand tenge per person', { a: { '2011': 120 }, b: { '2011': 100 }, c: { '2011': 80 } });
  const unemployment = table('unemployment', '%', { a: { '2011': 6 }, b: { '2011': 4 }, c: { '2011': 5 } });
  const typology = derivedDefinition('typology', 'rank-score', 'income', {
    indicators: [{ table: 'income', better: 'higher' }, { table: 'unemployment', better: 'lower' }],
    classes: [{ label: { en: 'High', ru: 'Высокий' }, min: 0.5 }, { label: 'Average', min: -0.5 }, { label: 'Low' }],
  });

  it('computes the complex grades as a derived table', async () => {
    const d = derived(await tablesOf(income, unemployment, typology), 'typology');
    expect(['a', 'b', 'c'].map((u) => d.value(u, '2011'))).toEqual([0, 0.75, -0.75]);
    expect(d.table.unit).toBe('score');
  });

  it('gives a unit\'s grade and class inline', async () => {
    const tables = await tablesOf(income, unemployment, typology);
    expect(inline('rank-score(typology.b, 2011)', tables).value).toBe(0.75);
    expect(inline('rank-score(typology.b, 2011, class)', tables)).toMatchObject({ value: 1, label: { en: 'High', ru: 'Высокий' }, formula: [0.75, ' ≥ ', 0.5] });
    expect(inline('rank-score(typology.c, 2011, class)', tables)).toMatchObject({ value: 3, label: 'Low', formula: [-0.75, ' < ', -0.5] });
    expect(() => inline('rank-score(income.a, 2011)', tables)).toThrow('table "income" is not a rank-score typology');
  });
});
