/**
 * Templated chapters: a page written once (`content/<language>/<chapter>/[region].md`) and
 * published once per unit it repeats over (the units of a geography, or the rows of a table), at
 * `/<language>/<chapter>/<unit>/`. In the template, the unit is named by its placeholder:
 *
 *   {region}         the unit's id, for references, chart and table blocks:
 *                    {=base-index(grp-by-region.{region}, 2022, 2019)}, rows: [{region}], highlight: [{region}]
 *   {region.name}    its name in the page's language (its full name, else its short name)
 *   {region.short}   its short name in the page's language
 *   {region.id}      its id, as {region}
 *
 * Each unit's page is the template with these replaced, before anything is parsed: its numbers,
 * charts and tables are the template's, about that unit. A placeholder never spans lines, so a
 * unit's page keeps the template's line numbers and every error names the template, its line and
 * the unit.
 */
import { ContentError, throwIfAny, type ReportError } from '../errors.ts';
import type { LanguageSet } from '../languages/language-set.ts';
import type { LoadedTable } from '../load/load-tables.ts';
import type { SourcePage } from '../load/load-content.ts';
import { closest } from '../suggest.ts';
import type { Geographies } from './geography-schema.ts';
import { isNumericTable, localize, type LocalizedText } from './table-schema.ts';

interface Unit {
  id: string;
  name: LocalizedText;
  short: LocalizedText;
}

export interface TemplateSources {
  geographies: Geographies;
  /** The loaded tables (derived ones are not computed yet: a template repeats over a table of data). */
  tables: ReadonlyMap<string, LoadedTable>;
  languages: LanguageSet;
}

const FIELDS = ['id', 'name', 'short'] as const;

/** Every page, with each template replaced by its units' pages, right after its chapter. */
export function expandTemplates(pages: readonly SourcePage[], sources: TemplateSources): SourcePage[] {
  const errors: ReportError[] = [];
  const expanded: SourcePage[] = [];
  const byParent = new Map<string, SourcePage[]>();
  for (const page of pages) {
    if (!page.template) continue;
    try {
      const made = unitPages(page, sources);
      byParent.set(`${page.locale}\u0000${page.template.parent}`, made);
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
    if (!pages.some((p) => !p.template && p.locale === page.locale && p.slug === page.template!.parent)) {
      errors.push(new ContentError(`the template's chapter "${page.template.parent}" does not exist in ${page.locale}`, { file: page.file, expected: `a chapter file beside the folder, e.g. content/${page.locale}/NN-${page.template.parent}.md: it introduces the pages and lists them`, fix: 'add the chapter, or move the template into the folder of an existing chapter' }));
    }
  }
  throwIfAny(errors);
  for (const page of pages) {
    if (page.template) continue;
    expanded.push(page, ...(byParent.get(`${page.locale}\u0000${page.slug}`) ?? []));
  }
  return expanded;
}

function unitsOf(page: SourcePage, sources: TemplateSources): Unit[] {
  const repeat = page.frontMatter.repeat!;
  const line = page.frontMatterLines.repeat;
  let all: Unit[];
  if (repeat.geography !== undefined) {
    const geography = sources.geographies.get(repeat.geography);
    if (!geography) {
      const near = closest(repeat.geography, [...sources.geographies.keys()]);
      throw new ContentError(`the template repeats over geography "${repeat.geography}", which does not exist`, { file: page.file, line, expected: `one of ${[...sources.geographies.keys()].join(', ') || '(none: add one under data/geographies/)'}`, fix: near ? `did you mean "${near}"?` : 'correct "geography"' });
    }
    all = geography.units.map((u) => ({ id: u.id, name: u.name ?? u.short, short: u.short }));
  } else {
    const loaded = sources.tables.get(repeat.table ?? '');
    if (!loaded || !isNumericTable(loaded.table)) {
      throw new ContentError(`the template repeats over table "${repeat.table}", which is not a table of data`, { file: page.file, line, expected: 'the id of a numeric table in data/ (not a derived one): its component rows are the units', fix: 'correct "table"' });
    }
    all = loaded.table.rows.filter((r) => r.role !== 'total' && r.role !== 'memo').map((r) => ({ id: r.id, name: r.label, short: r.label }));
  }
  const known = new Map(all.map((u) => [u.id, u]));
  for (const id of [...(repeat.units ?? []), ...(repeat.exclude ?? [])]) {
    if (!known.has(id)) {
      const near = closest(id, [...known.keys()]);
      throw new ContentError(`the template lists unit "${id}", which ${repeat.geography ? `geography "${repeat.geography}"` : `table "${repeat.table}"`} does not have`, { file: page.file, line, expected: 'ids of its units', fix: near ? `did you mean "${near}"?` : `available: ${[...known.keys()].join(', ')}` });
    }
  }
  const chosen = repeat.units ? repeat.units.map((id) => known.get(id) as Unit) : all;
  return chosen.filter((u) => !repeat.exclude?.includes(u.id));
}

function unitPages(page: SourcePage, sources: TemplateSources): SourcePage[] {
  const template = page.template!;
  const language = sources.languages.get(page.locale);
  const units = unitsOf(page, sources);
  checkPlaceholders(page);
  return units.map((unit, index) => {
    const values: Record<(typeof FIELDS)[number], string> = { id: unit.id, name: localize(unit.name, language), short: localize(unit.short, language) };
    // In Markdown prose a name is text, never markup; in a block's YAML, a reference or the front matter it is the value itself.
    const inBody = (text: string) => fillBody(text, template.placeholder, values);
    const inValue = (text: string) => fill(text, template.placeholder, values, (v) => v);
    const fm = page.frontMatter;
    const { repeat: _repeat, ...rest } = fm;
    return {
      ...page,
      template: undefined,
      slug: `${template.parent}/${unit.id}`,
      entity: { id: unit.id, name: values.name, placeholder: template.placeholder, parent: template.parent, index, count: units.length },
      frontMatter: {
        ...rest,
        title: inValue(fm.title),
        ...(fm.short ? { short: inValue(fm.short) } : {}),
        ...(fm.summary ? { summary: inValue(fm.summary) } : {}),
        ...(fm.findings ? { findings: fm.findings.map(inBody) } : {}),
        ...(fm.values ? { values: Object.fromEntries(Object.entries(fm.values).map(([k, v]) => [k, inValue(v)])) } : {}),
      },
      body: inBody(page.body),
    };
  });
}

const placeholderPattern = (name: string) => new RegExp(`\\{${name}(?:\\.([a-z]+))?\\}`, 'g');

/** Every `{placeholder.field}` of the template names a field there is: checked once, with its line. */
function checkPlaceholders(page: SourcePage): void {
  const name = page.template!.placeholder;
  const errors: ReportError[] = [];
  const check = (text: string, lineOf: (offset: number) => number) => {
    for (const match of text.matchAll(placeholderPattern(name))) {
      const field = match[1];
      if (field !== undefined && !(FIELDS as readonly string[]).includes(field)) {
        errors.push(new ContentError(`{${name}.${field}}: a unit has no "${field}"`, { file: page.file, line: lineOf(match.index ?? 0), expected: FIELDS.map((f) => `{${name}.${f}}`).join(', '), fix: `write {${name}} for its id or {${name}.name} for its name` }));
      }
    }
  };
  check(page.body, (offset) => page.bodyLineOffset + page.body.slice(0, offset).split('\n').length);
  for (const [key, value] of Object.entries(page.frontMatter)) {
    if (typeof value === 'string') check(value, () => page.frontMatterLines[key] ?? 1);
    else if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') check(item, () => page.frontMatterLines[key] ?? 1);
    else if (value && typeof value === 'object') for (const item of Object.values(value)) if (typeof item === 'string') check(item, () => page.frontMatterLines[key] ?? 1);
  }
  throwIfAny(errors);
}

function fill(text: string, name: string, values: Record<(typeof FIELDS)[number], string>, escape: (value: string) => string): string {
  return text.replace(placeholderPattern(name), (_whole, field: string | undefined) => escape(values[(field ?? 'id') as (typeof FIELDS)[number]]));
}

/**
 * Markdown: names are escaped as text in prose and left as they are inside fenced blocks (YAML)
 * and inline references, where they are values.
 */
function fillBody(body: string, name: string, values: Record<(typeof FIELDS)[number], string>): string {
  let fence: string | undefined;
  return body
    .split('\n')
    .map((line) => {
      const opening = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && opening) {
        fence = opening;
        return line;
      }
      if (fence !== undefined) {
        if (line.trim().startsWith(fence)) fence = undefined;
        return fill(line, name, values, (v) => v);
      }
      // Outside blocks: inside {=…} and {@…} a value, elsewhere Markdown text.
      return line.replace(/\{[=@][^}\n]*\}|\{[a-z][a-z0-9]*(?:\.[a-z]+)?\}|[^{]+|\{/g, (part) => (part.startsWith('{=') || part.startsWith('{@') ? fillReference(part, name, values) : fill(part, name, values, escapeMarkdown)));
    })
    .join('\n');
}

/** A reference holds placeholders inside its braces: `{=share(t.{region}, 2022)}`. */
function fillReference(reference: string, name: string, values: Record<(typeof FIELDS)[number], string>): string {
  return fill(reference, name, values, (v) => v);
}

/** A name as literal Markdown text: every character Markdown could read as markup, escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}
