/**
 * Rank-score (range-point) typology of territorial units (seed 004; method of the Russian Ministry
 * of Economic Development).
 *
 * Inputs: `m` indicators, each declaring whether a higher or a lower value is better; `n` units with
 *   a value per indicator (`null` or absent = missing); optionally the value of the average
 *   pseudo-unit per indicator (default: the arithmetic mean of the units that have a value) and
 *   classes with thresholds of the complex grade.
 * Output: per indicator, the average and its rank; per unit, its ranks, grades ('score'), complex
 *   grade ('score') and class; notes saying which units were ranked on fewer indicators.
 * Method:
 *   1. For each indicator j rank the units that have a value plus the average pseudo-unit, best = 1.
 *      Ties get the mean of their ranks.
 *   2. Grade_ij = Rank_avg,j − Rank_ij (positive: better than the average).
 *   3. ComplexGrade_i = (1/m_i) Σ_j Grade_ij over the m_i indicators unit i has.
 *   4. Class: the first class (best first) whose `min` the complex grade reaches (min inclusive);
 *      the last class has no `min` and takes the rest.
 * A unit missing an indicator is ranked on the indicators it has; `notes` and the unit's
 * `missingIndicators` say so. The result does not depend on the order of the units.
 */
import { z } from 'zod';
import { IndicatorError } from '../../errors.ts';
import { LocalizedText, Slug, type NumericTable } from '../../validate/table-schema.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, componentRows, DerivationProblem, derivedCell, numeric, periodsOf, requireRow } from '../descriptor/derivation.ts';
import type { InputCell, ResolvedValue } from '../inline/types.ts';
import { LookupProblem } from '../table-access.ts';
import type { Computed, Term, Where } from './types.ts';
import { checkNotEmpty, checkNumber, describeWhere, invalidInput, MAX_LISTED_TERMS, missingResult, sum } from './guards.ts';

export const RANK_SCORE_UNIT = 'score';

export interface RankScoreIndicator {
  id: string;
  /** 'higher': more is better (income); 'lower': less is better (unemployment, crime, emissions). */
  better: 'higher' | 'lower';
}

export interface RankScoreUnit {
  id: string;
  /** Value per indicator id; `null` or an absent key means missing. */
  values: Readonly<Record<string, number | null | undefined>>;
}

export interface RankScoreClass {
  label: string;
  /** Lowest complex grade of the class (inclusive). Required for every class but the last. */
  min?: number;
}

export interface RankScoreInput {
  indicators: readonly RankScoreIndicator[];
  units: readonly RankScoreUnit[];
  /** Value of the average pseudo-unit per indicator, e.g. the region's own figure. Default: mean of the units. */
  average?: Readonly<Record<string, number | null | undefined>>;
  /** Classes ordered best first, with strictly decreasing `min`; the last one has no `min`. */
  classes?: readonly RankScoreClass[];
}

export interface RankScoreIndicatorResult {
  id: string;
  better: 'higher' | 'lower';
  /** The average pseudo-unit's value (unit of the indicator). */
  average: Computed;
  averageSource: 'given' | 'mean of units';
  /** Rank of the average pseudo-unit, or null when it has no value. */
  averageRank: number | null;
  /** How many entries were ranked, the average included. */
  ranked: number;
}

export interface RankScoreUnitResult {
  id: string;
  /** Rank per indicator id (null when the unit has no value or the average is missing). */
  ranks: Record<string, number | null>;
  /** Grade per indicator id. */
  grades: Record<string, Computed>;
  complexGrade: Computed;
  /** Label of the class, or null without classes or without a complex grade. */
  class: string | null;
  /** Indicators the complex grade is based on. */
  rankedOn: string[];
  /** Indicators the unit has no grade for. */
  missingIndicators: string[];
}

export interface RankScoreResult {
  indicators: RankScoreIndicatorResult[];
  units: RankScoreUnitResult[];
  /** Human-readable notes: units ranked on fewer indicators, averages taken over fewer units. */
  notes: string[];
}

/** Ranks `entries` best first; ties get the mean of their positions. Returns rank per entry index. */
export function rankWithTies(values: readonly number[], better: 'higher' | 'lower'): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => (better === 'higher' ? b.v - a.v : a.v - b.v));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && (order[end + 1] as { v: number }).v === (order[start] as { v: number }).v) end++;
    const rank = (start + 1 + end + 1) / 2; // mean of positions start+1 … end+1
    for (let k = start; k <= end; k++) ranks[(order[k] as { i: number }).i] = rank;
    start = end + 1;
  }
  return ranks;
}

function checkClasses(classes: readonly RankScoreClass[], where?: Where): void {
  checkNotEmpty('classes', classes, where);
  const labels = new Set<string>();
  classes.forEach((c, i) => {
    if (typeof c.label !== 'string' || c.label === '' || labels.has(c.label)) {
      throw invalidInput(`class ${i + 1} has an empty or repeated label`, where, 'a distinct label for each class', 'name each class once');
    }
    labels.add(c.label);
    const last = i === classes.length - 1;
    if (last && c.min !== undefined) {
      throw invalidInput(
        `the last class "${c.label}" has a threshold (min ${c.min})`,
        where,
        'the last (worst) class without min: it takes every complex grade below the previous threshold',
        `remove min from "${c.label}"`,
      );
    }
    if (!last && (typeof c.min !== 'number' || !Number.isFinite(c.min))) {
      throw invalidInput(`class "${c.label}" has no threshold`, where, 'a finite min for every class but the last', `give "${c.label}" a min`);
    }
  });
  for (let i = 1; i < classes.length - 1; i++) {
    const prev = classes[i - 1] as RankScoreClass;
    const cur = classes[i] as RankScoreClass;
    if ((cur.min as number) >= (prev.min as number)) {
      throw invalidInput(
        `class thresholds are not sorted: "${cur.label}" (min ${cur.min}) comes after "${prev.label}" (min ${prev.min})`,
        where,
        'classes ordered best first with strictly decreasing min',
        'reorder the classes from the highest threshold to the lowest',
      );
    }
  }
}

export function classify(grade: number, classes: readonly RankScoreClass[]): string {
  for (const c of classes) if (c.min === undefined || grade >= c.min) return c.label;
  return (classes[classes.length - 1] as RankScoreClass).label; // unreachable: the last class has no min
}

export function rankScore(input: RankScoreInput, where?: Where): RankScoreResult {
  const { indicators, units, classes } = input;
  checkNotEmpty('indicators', indicators, where);
  checkNotEmpty('units', units, where);
  const indicatorIds = new Set<string>();
  for (const ind of indicators) {
    if (indicatorIds.has(ind.id)) throw invalidInput(`indicator "${ind.id}" is listed twice`, where, 'each indicator once', `remove the duplicate "${ind.id}"`);
    indicatorIds.add(ind.id);
    if (ind.better !== 'higher' && ind.better !== 'lower') {
      throw new IndicatorError(`indicator "${ind.id}" does not say which direction is better${describeWhere(where)}`, {
        file: where?.file,
        expected: `better: 'higher' or better: 'lower'`,
        fix: `add better: 'lower' for unemployment, crime or emissions, better: 'higher' otherwise`,
      });
    }
  }
  const unitIds = new Set<string>();
  for (const u of units) {
    if (unitIds.has(u.id)) throw invalidInput(`unit "${u.id}" is listed twice`, where, 'each unit once', `remove the duplicate "${u.id}"`);
    unitIds.add(u.id);
    for (const [key, v] of Object.entries(u.values)) {
      if (!indicatorIds.has(key)) {
        throw invalidInput(`unit "${u.id}" has a value for "${key}", which is not a declared indicator`, where, `one of ${[...indicatorIds].map((k) => `"${k}"`).join(', ')}`, `fix the spelling of "${key}" or declare it`);
      }
      checkNumber(`value of "${key}" for unit "${u.id}"`, v ?? null, where);
    }
  }
  for (const [key, v] of Object.entries(input.average ?? {})) {
    if (!indicatorIds.has(key)) {
      throw invalidInput(`the average has a value for "${key}", which is not a declared indicator`, where, 'averages only for declared indicators', `fix the spelling of "${key}"`);
    }
    checkNumber(`average of "${key}"`, v ?? null, where);
  }
  if (classes !== undefined) checkClasses(classes, where);

  const notes: string[] = [];
  const ranks = new Map<string, Record<string, number | null>>(units.map((u) => [u.id, {}]));
  const grades = new Map<string, Record<string, Computed>>(units.map((u) => [u.id, {}]));
  const indicatorResults: RankScoreIndicatorResult[] = [];

  for (const ind of indicators) {
    const present = units.filter((u) => typeof u.values[ind.id] === 'number');
    const values = present.map((u) => u.values[ind.id] as number);
    const given = input.average !== undefined && Object.hasOwn(input.average, ind.id);
    let average: Computed;
    if (given) {
      const v = input.average?.[ind.id] ?? null;
      average = v === null ? missingResult('unit of the indicator', ['given'], `the average of "${ind.id}" is missing`) : { value: v, unit: 'unit of the indicator', formula: ['given'] };
    } else if (values.length === 0) {
      average = missingResult('unit of the indicator', ['mean of 0 units'], `no unit has a value for "${ind.id}"`);
    } else {
      // Summed in sorted order so the mean (and the ties with it) do not depend on the order of the units.
      const total = sum([...values].sort((a, b) => a - b));
      average = { value: total / values.length, unit: 'unit of the indicator', formula: [`mean of ${values.length} units`] };
      if (values.length < units.length) notes.push(`the average of "${ind.id}" is the mean of the ${values.length} of ${units.length} units that have a value`);
    }

    let averageRank: number | null = null;
    let ranked = 0;
    if (average.value !== null) {
      const r = rankWithTies([...values, average.value], ind.better);
      averageRank = r[values.length] as number;
      ranked = r.length;
      present.forEach((u, k) => {
        const rank = r[k] as number;
        (ranks.get(u.id) as Record<string, number | null>)[ind.id] = rank;
        (grades.get(u.id) as Record<string, Computed>)[ind.id] = {
          value: (averageRank as number) - rank,
          unit: RANK_SCORE_UNIT,
          formula: [averageRank as number, ' − ', rank],
        };
      });
    } else {
      notes.push(`"${ind.id}" is not used: ${average.missing ?? 'its average is missing'}`);
    }
    for (const u of units) {
      const unitRanks = ranks.get(u.id) as Record<string, number | null>;
      if (unitRanks[ind.id] === undefined) {
        unitRanks[ind.id] = null;
        (grades.get(u.id) as Record<string, Computed>)[ind.id] = missingResult(
          RANK_SCORE_UNIT,
          [],
          average.value === null ? (average.missing ?? 'the average is missing') : `unit "${u.id}" has no value for "${ind.id}"`,
        );
      }
    }
    indicatorResults.push({ id: ind.id, better: ind.better, average, averageSource: given ? 'given' : 'mean of units', averageRank, ranked });
  }

  const unitResults: RankScoreUnitResult[] = units.map((u) => {
    const g = grades.get(u.id) as Record<string, Computed>;
    const rankedOn = indicators.map((i) => i.id).filter((id) => g[id]?.value !== null && g[id]?.value !== undefined);
    const missingIndicators = indicators.map((i) => i.id).filter((id) => !rankedOn.includes(id));
    const gradeValues = rankedOn.map((id) => (g[id] as Computed).value as number);
    let complexGrade: Computed;
    if (gradeValues.length === 0) {
      complexGrade = missingResult(RANK_SCORE_UNIT, [], `unit "${u.id}" has no grade on any indicator`);
      notes.push(`unit "${u.id}" is not graded: it has no value on any usable indicator`);
    } else {
      const formula: Term[] =
        gradeValues.length > MAX_LISTED_TERMS
          ? [`Σ of ${gradeValues.length} grades`, ' ÷ ', gradeValues.length]
          : ['(', ...gradeValues.flatMap((v, i) => [...(i > 0 ? [' + '] : []), v]), ') ÷ ', gradeValues.length];
      complexGrade = { value: sum(gradeValues) / gradeValues.length, unit: RANK_SCORE_UNIT, formula };
      const usable = indicatorResults.filter((r) => r.averageRank !== null).length;
      if (gradeValues.length < usable) {
        const lacking = missingIndicators.filter((id) => indicatorResults.find((r) => r.id === id)?.averageRank !== null);
        notes.push(
          `unit "${u.id}" has no value for ${lacking.map((id) => `"${id}"`).join(', ')}: ranked on ${gradeValues.length} of ${indicators.length} indicators`,
        );
      }
    }
    return {
      id: u.id,
      ranks: ranks.get(u.id) as Record<string, number | null>,
      grades: g,
      complexGrade,
      class: classes !== undefined && complexGrade.value !== null ? classify(complexGrade.value, classes) : null,
      rankedOn,
      missingIndicators,
    };
  });

  return { indicators: indicatorResults, units: unitResults, notes };
}

/** The options of a rank-score derived table. */
const IndicatorOption = z.object({ table: Slug, better: z.enum(['higher', 'lower']) }).strict();
const ClassOption = z.object({ label: LocalizedText, min: z.number().finite().optional() }).strict();
type ClassOption = z.infer<typeof ClassOption>;

/** The classes with a key per label (its text in every language), for `rankScore`, which checks that no two are the same. */
function classesByKey(classes: readonly ClassOption[]): RankScoreClass[] {
  return classes.map((c) => ({ label: JSON.stringify(c.label), ...(c.min === undefined ? {} : { min: c.min }) }));
}

/** The class of a complex grade, as the definition names it, with the threshold that decided it. */
function classOf(grade: number, classes: readonly ClassOption[]): { label: LocalizedText; position: number; formula: Array<number | string> } {
  const labelled = classesByKey(classes);
  const position = labelled.findIndex((c) => c.label === classify(grade, labelled));
  const chosen = classes[position] as ClassOption;
  const previous = classes[position - 1];
  const formula = chosen.min !== undefined ? [grade, ' ≥ ', chosen.min] : previous?.min !== undefined ? [grade, ' < ', previous.min] : [grade];
  return { label: chosen.label, position: position + 1, formula };
}

const EXAMPLE = 'rank-score(district-typology.north, 2011, class)';

export default defineIndicator({
  id: 'rank-score',
  group: 'typology',
  text: {
    en: { title: 'Rank-score typology', note: "Territorial units grouped into classes by their complex grade: the mean, over all indicators, of the average's rank minus the unit's own rank." },
    ru: { title: 'Рангово-балльная типология', note: 'Группировка территориальных единиц по классам в зависимости от комплексной оценки — среднего по всем показателям значения разности между рангом среднего и собственным рангом единицы.' },
    kk: { title: 'Рангтық-балдық типология', note: 'Аумақтық бірліктерді кешенді бағасы бойынша кластарға топтау; кешенді баға — барлық көрсеткіш бойынша орташаның рангы мен бірліктің өз рангы арасындағы айырманың орташасы.' },
  },
  unit: RANK_SCORE_UNIT,
  formula: String.raw`G_i = \frac{1}{m_i} \sum_j \left( R_{\bar{x},j} - R_{ij} \right)`,
  fn: rankScore,
  inline: inlineForm({
    params: [
      { name: 'unit', kind: 'row', label: 'TYPOLOGY.UNIT', doc: 'TYPOLOGY: a derived table with "compute": "rank-score" (it declares the indicators, their direction and the classes)' },
      { name: 'period', kind: 'period' },
      { name: 'output', kind: 'word', words: ['grade', 'class'], optional: true, default: 'grade', doc: 'grade (default): the complex grade; class: the name of its class' },
    ],
    example: EXAMPLE,
    evaluate({ unit, period, output }, tables): ResolvedValue {
      const loaded = tables.get(unit.table.id);
      if (loaded?.derived?.definition.compute !== 'rank-score') {
        throw new LookupProblem(`table "${unit.table.id}" is not a rank-score typology`, { expected: 'a derived table with "compute": "rank-score"', fix: 'define the typology in data/ (see the rank-score row of the indicator table in README.md) and name it here' });
      }
      unit.at(period);
      const cell = derivedCell(loaded, unit.row.id, period) as ResolvedValue;
      if (output === 'grade') return cell;
      const classes = loaded.derived.definition.classes as ClassOption[] | undefined;
      if (!classes) throw new LookupProblem(`typology "${unit.table.id}" declares no classes`, { expected: 'a "classes" list in the derived table', fix: 'add "classes": [{"label": …, "min": …}, …, {"label": …}], or ask for the grade' });
      if (cell.value === null) return { ...cell, decimals: 0, unit: 'class' };
      const { label, position, formula } = classOf(cell.value, classes);
      return { value: position, label, unit: 'class', decimals: 0, formula, inputs: cell.inputs };
    },
  }),
  tables: [
    tableForm({
      options: {
        indicators: z.array(IndicatorOption).min(1).describe('each indicator: a table whose rows are the units, and whether a higher or a lower value is better'),
        average: Slug.optional().describe("the row of every indicator table that holds the average pseudo-unit (the region's own figure); default: the mean of the units"),
        classes: z.array(ClassOption).min(1).optional().describe('classes best first, each with the lowest complex grade it takes (min); the last without min'),
      },
      inputs: (def) => [def.from, ...def.indicators.map((i) => i.table)],
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        const indicatorTables = def.indicators.map((indicator, i) => numeric(tables, indicator.table, `indicators[${i}].table`));
        const units = componentRows(def, from).filter((r) => r.id !== def.average);
        indicatorTables.forEach((table, i) => {
          for (const unit of units) requireRow(table, unit.id, `indicators[${i}].table`);
          if (def.average !== undefined) requireRow(table, def.average, 'average');
        });
        const ids = new Set<string>();
        def.indicators.forEach((indicator, i) => {
          if (ids.has(indicator.table)) throw new DerivationProblem(`indicator table "${indicator.table}" is listed twice`, `indicators[${i}].table`, 'list each indicator once');
          ids.add(indicator.table);
        });
        const valueIn = (table: NumericTable, row: string, period: string) => table.rows.find((r) => r.id === row)?.values[period] ?? null;
        const byPeriod = new Map<string, RankScoreResult>();
        const resultIn = (period: string): RankScoreResult => {
          let result = byPeriod.get(period);
          if (!result) {
            result = rankScore(
              {
                indicators: def.indicators.map((i) => ({ id: i.table, better: i.better })),
                units: units.map((u) => ({ id: u.id, values: Object.fromEntries(indicatorTables.map((t) => [t.id, valueIn(t, u.id, period)])) })),
                ...(def.average === undefined ? {} : { average: Object.fromEntries(indicatorTables.map((t) => [t.id, valueIn(t, def.average as string, period)])) }),
                ...(def.classes === undefined ? {} : { classes: classesByKey(def.classes) }),
              },
              { table: def.id, period },
            );
            byPeriod.set(period, result);
          }
          return result;
        };
        return {
          unit: RANK_SCORE_UNIT,
          rows: units.map((u) => ({ id: u.id, from: u.id, by: u.id })),
          periods: periodsOf(def, from, ...indicatorTables),
          cell: (row, period) => {
            const unit = resultIn(period).units.find((u) => u.id === row.id) as RankScoreUnitResult;
            const inputs: InputCell[] = indicatorTables.flatMap((t) => [...units.map((u) => cellInput(t, u.id, period)), ...(def.average === undefined ? [] : [cellInput(t, def.average, period)])]);
            return { computed: unit.complexGrade, inputs };
          },
        };
      },
    }),
  ],
});
