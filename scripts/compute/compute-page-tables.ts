/**
 * Stage 3 (compute) for ```pages blocks: in a chapter whose template makes a page per unit, the
 * table of those pages, each column a reference computed for every unit (the template's
 * placeholder replaced by the unit's id), with the same rules as the text: a unit without a row
 * in a table says "no data", unless the reference is `|required`.
 */
import { ContentError, throwIfAny, type ReportError } from '../errors.ts';
import type { LanguageSet } from '../languages/language-set.ts';
import type { PagesBlock } from '../render/pages-block.ts';
import type { Token } from '../render/markdown.ts';
import type { ParsedPage } from '../validate/parse-pages.ts';
import { computeValue, referenceError, type ComputedValue } from './compute-references.ts';
import type { Tables } from './table-access.ts';

export interface PageTable {
  block: PagesBlock;
  rows: Array<{ url: string; unit: string; name: string; cells: ComputedValue[] }>;
}

export function computePageTables(pages: readonly ParsedPage[], tables: Tables, languages: LanguageSet): Map<Token, PageTable> {
  const errors: ReportError[] = [];
  const result = new Map<Token, PageTable>();
  for (const page of pages) {
    if (page.pageTables.length === 0) continue;
    const { locale, slug, file } = page.source;
    const children = pages.filter((p) => p.source.locale === locale && p.source.entity?.parent === slug).sort((a, b) => (a.source.entity?.index ?? 0) - (b.source.entity?.index ?? 0));
    for (const site of page.pageTables) {
      if (children.length === 0) {
        errors.push(new ContentError('a pages block lists the pages of a template, and this chapter has none', { file, line: site.line, expected: `a template beside the chapter: ${file.replace(/\.md$/, '')}/[unit].md`, fix: 'add the template, or remove the block' }));
        continue;
      }
      const rows: PageTable['rows'] = [];
      for (const child of children) {
        const entity = child.source.entity!;
        const context = { tables, language: languages.get(locale), named: new Map(), entity };
        const cells: ComputedValue[] = [];
        site.block.columns.forEach((column) => {
          const source = column.value.replace(new RegExp(`\\{${entity.placeholder}(?:\\.id)?\\}`, 'g'), entity.id);
          try {
            cells.push(computeValue(source, context));
          } catch (error) {
            errors.push(referenceError(error, source, { file, line: valueLine(site.token.content, column.value, site.line), entity }));
          }
        });
        rows.push({ url: `/${locale}/${child.source.slug}/`, unit: entity.id, name: entity.name, cells });
      }
      result.set(site.token, { block: site.block, rows });
    }
  }
  throwIfAny(errors);
  return result;
}

/** The file line of a column's `value:` in the block (the fence is on `fenceLine`). */
function valueLine(content: string, value: string, fenceLine: number): number {
  const at = content.split('\n').findIndex((line) => line.includes('value:') && line.includes(value));
  return fenceLine + 1 + Math.max(0, at);
}
