/**
 * A group of rows added up: a unit and the parts that were split from it (or merged into it), so a
 * table can be read on one division of the territory throughout, e.g. a region and the new
 * region formed from part of it, summed back into the region as it was.
 *
 * Inputs: `parent` x_p and `parts` x_k, cells of one table in one unit (any sign).
 * Output: the unit of the cells.
 * Formula: x_G = x_p + Σ_k x_k
 *
 * A part without a value is a missing group (`missingPart: 'missing'`, the default: null is never
 * 0), unless the author declares that a part without a value is counted inside its parent in that
 * period (`'in-parent'`): a unit formed later, which the source gives within its parent until
 * then. The group is then the parent's value alone for that period. A missing parent is always a
 * missing group.
 *
 * The derived table (`"compute": "group-sum"`) keeps every row of `from` but memo rows (or the
 * rows listed), replaces each group's parent by the group and drops its parts; the total row
 * stays the total row, so ranks and shares of the result compare the groups.
 */
import { z } from 'zod';
import { LocalizedText, Slug } from '../../validate/table-schema.ts';
import type { UnitId } from '../../validate/units.ts';
import { defineIndicator, inlineForm, tableForm } from '../descriptor/define-indicator.ts';
import { cellInput, DerivationProblem, numeric, periodsOf, requireRow, valueOf, type ResultRow } from '../descriptor/derivation.ts';
import type { CellValue } from '../descriptor/inline-arguments.ts';
import type { InputCell } from '../inline/types.ts';
import { sameUnit } from './sum.ts';
import { checkNumber } from './guards.ts';
import type { Component, Computed, Term, Where } from './types.ts';
import { MISSING_TERM } from './types.ts';

export const MISSING_PART_RULES = ['missing', 'in-parent'] as const;
export type MissingPartRule = (typeof MISSING_PART_RULES)[number];

/** The parent plus the parts that have a value; which parts were counted in the parent is `inParent`. */
export function groupSum(parent: number | null, parts: readonly Component[], rule: MissingPartRule, unit: string, where?: Where): Computed & { inParent: string[] } {
  checkNumber('parent', parent, where);
  for (const part of parts) checkNumber(`part "${part.key}"`, part.value, where);
  const absent = parts.filter((p) => p.value === null).map((p) => p.key);
  const counted = rule === 'in-parent' ? parts.filter((p) => p.value !== null) : parts;
  const formula: Term[] = [parent ?? MISSING_TERM, ...counted.flatMap((p) => [' + ', p.value ?? MISSING_TERM])];
  if (parent === null) return { value: null, unit, formula, missing: 'parent is missing', inParent: [] };
  if (rule === 'missing' && absent.length > 0) {
    return { value: null, unit, formula, missing: `part ${absent.map((k) => `"${k}"`).join(', ')} ${absent.length === 1 ? 'is' : 'are'} missing`, inParent: [] };
  }
  return { value: counted.reduce((s, p) => s + (p.value as number), parent), unit, formula, inParent: rule === 'in-parent' ? absent : [] };
}

const Group = z
  .object({
    parent: Slug.describe('the row whose value the group starts from (its place and role in the result)'),
    parts: z.array(Slug).min(1).describe('rows added to the parent'),
    label: LocalizedText.optional().describe("the group's label (default: the parent's)"),
  })
  .strict();
type Group = z.infer<typeof Group>;

/** The result rows: `from`'s rows (or `rows`), each parent replaced by its group, the parts dropped. */
function groupedRows(rowIds: readonly string[], groups: Readonly<Record<string, Group>>, roleOf: (id: string) => ResultRow['role']): ResultRow[] {
  const byParent = new Map(Object.entries(groups).map(([id, g]) => [g.parent, { id, group: g }]));
  const parts = new Set(Object.values(groups).flatMap((g) => g.parts));
  return rowIds.flatMap((id): ResultRow[] => {
    if (parts.has(id)) return [];
    const grouped = byParent.get(id);
    const role = roleOf(id);
    const kept: ResultRow = grouped ? { id: grouped.id, from: id, by: id, ...(grouped.group.label ? { label: grouped.group.label } : {}) } : { id, from: id, by: id };
    return [{ ...kept, ...(role ? { role } : {}) }];
  });
}

/** Every row in at most one group, as a parent or a part; every group's parent among the rows kept; no group named like another row. */
function checkGroups(groups: Readonly<Record<string, Group>>, rowIds: readonly string[], fromId: string): void {
  const seen = new Map<string, string>();
  for (const [id, g] of Object.entries(groups)) {
    for (const [k, member] of [g.parent, ...g.parts].entries()) {
      const path = k === 0 ? `groups.${id}.parent` : `groups.${id}.parts`;
      const other = seen.get(member);
      if (other !== undefined) throw new DerivationProblem(`row "${member}" is in group "${other}" and in group "${id}"`, path, 'put each row in one group only');
      seen.set(member, id);
    }
    if (!rowIds.includes(g.parent)) throw new DerivationProblem(`group "${id}": its parent "${g.parent}" is not among the rows kept`, `groups.${id}.parent`, 'add the parent to "rows", or leave "rows" out');
    if (id !== g.parent && rowIds.includes(id) && !g.parts.includes(id)) throw new DerivationProblem(`group "${id}" has the id of another row of "${fromId}"`, `groups.${id}`, `name the group after its parent ("${g.parent}") or give it a new id`);
  }
}

const EXAMPLE = 'group-sum(grp-by-region.north.2022, in-parent, grp-by-region.new-north.2022)';

export default defineIndicator({
  id: 'group-sum',
  group: 'arithmetic',
  text: {
    en: {
      title: 'Group sum',
      note: 'A row plus the rows split from it (or merged into it), so that a table reads on one division of the territory; a part without a value makes the group missing, unless the author declares it counted inside its parent in that period.',
    },
    ru: {
      title: 'Сумма группы строк',
      note: 'Строка вместе с выделенными из неё (или присоединёнными к ней) строками, чтобы таблица читалась в одном территориальном делении; если у части нет значения, нет и значения группы, кроме случая, когда автор указал, что часть в этом периоде учтена в исходной строке.',
    },
    kk: {
      title: 'Жолдар тобының қосындысы',
      note: 'Жол және одан бөлініп шыққан (немесе оған қосылған) жолдар бірге, кесте бір аумақтық бөлініс бойынша оқылуы үшін; бөліктің мәні болмаса, топтың да мәні болмайды, тек автор бұл кезеңде бөлік бастапқы жолдың құрамында есептелгенін көрсеткен жағдайда ғана топ мәні бар.',
    },
  },
  unit: 'unit of the cells',
  formula: String.raw`x_G = x_p + \sum_k x_k`,
  fn: groupSum,
  inline: inlineForm({
    params: [
      { name: 'parent', kind: 'cell', label: 'PARENT.ROW.PERIOD' },
      { name: 'rule', kind: 'word', words: MISSING_PART_RULES, label: 'missing|in-parent', doc: 'in-parent: a part without a value is counted inside the parent; missing: the group is missing' },
      { name: 'parts', kind: 'cell', rest: true, min: 1, label: 'PART.ROW.PERIOD' },
    ],
    example: EXAMPLE,
    evaluate({ parent, rule, parts }) {
      const cells: CellValue[] = [parent, ...parts];
      sameUnit(cells, 'add');
      const computed = groupSum(parent.value, parts.map((p) => ({ key: `${p.input.table}.${p.input.row}.${p.input.period}`, value: p.value })), rule, parent.table.unit, { ...parent.input });
      const inputs = cells.filter((c) => c === parent || c.value !== null || rule === 'missing').map((c) => c.input);
      return { value: computed.value, missing: computed.missing, unit: computed.unit, decimals: Math.max(...cells.map((c) => c.table.decimals)), formula: computed.formula, inputs };
    },
  }),
  tables: [
    tableForm({
      options: {
        groups: z.record(Slug, Group).describe('the groups by their id in the result: { "id": { "parent": "row", "parts": ["row", …] } }'),
        missingPart: z.enum(MISSING_PART_RULES).optional().describe('a part without a value: "missing" (default) makes the group missing; "in-parent" counts it inside its parent in that period'),
      },
      plan(def, tables) {
        const from = numeric(tables, def.from, 'from');
        if (def.rows !== undefined && !Array.isArray(def.rows)) throw new DerivationProblem('"rows" of a group sum is a list of row ids', 'rows', 'list the rows of `from` to keep, or leave "rows" out');
        const rowIds = def.rows ?? from.rows.filter((r) => r.role !== 'memo').map((r) => r.id);
        for (const id of rowIds) requireRow(from, id, `rows.${id}`);
        for (const [id, g] of Object.entries(def.groups)) {
          requireRow(from, g.parent, `groups.${id}.parent`);
          for (const part of g.parts) requireRow(from, part, `groups.${id}.parts`);
        }
        checkGroups(def.groups, rowIds, from.id);
        const rule = def.missingPart ?? 'missing';
        const groupOf = new Map(Object.entries(def.groups));
        return {
          unit: from.unit as UnitId,
          rows: groupedRows(rowIds, def.groups, (id) => from.rows.find((r) => r.id === id)?.role),
          periods: periodsOf(def, from),
          cell(row, period) {
            const group = groupOf.get(row.id);
            const where = { table: def.id, row: row.id, period, file: undefined };
            if (!group) {
              const value = valueOf(from, row.from, period);
              checkNumber('value', value, where);
              // A row kept as it is: the value of `from`, no formula to show.
              return { computed: { value, unit: from.unit, formula: [], ...(value === null ? { missing: 'the value is missing' } : {}) }, inputs: [cellInput(from, row.from, period)] };
            }
            const parts = group.parts.map((key) => ({ key, value: valueOf(from, key, period) }));
            const computed = groupSum(valueOf(from, group.parent, period), parts, rule, from.unit, where);
            // The cells added up (a part counted inside its parent adds nothing, so it is not an input); the parent first, so a missing parent gives its own reason.
            const inputs: InputCell[] = [cellInput(from, group.parent, period), ...group.parts.filter((k) => !computed.inParent.includes(k)).map((k) => cellInput(from, k, period))];
            return { computed: { value: computed.value, unit: computed.unit, formula: computed.formula, ...(computed.missing ? { missing: computed.missing } : {}) }, inputs };
          },
        };
      },
    }),
  ],
});
