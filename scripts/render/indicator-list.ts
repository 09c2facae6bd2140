/**
 * A ```indicators fenced block: the list of indicators, for a methodology appendix, generated
 * from their descriptors so it cannot drift from what the build computes. Each entry shows the
 * title in the page's language, the formula (TeX → MathML) and the one-line note.
 *
 *   ```indicators          every indicator
 *   ```
 *   ```indicators
 *   group: dynamics        one group (dynamics, structure, intensity, specialisation, cluster,
 *   ```                    demography, typology, comparison, arithmetic)
 *   ```indicators
 *   ids: [base-index, share]   these indicators, in this order
 *   ```
 */
import { z } from 'zod';
import { INDICATOR_GROUPS, indicatorWords, type IndicatorDescriptor } from '../compute/descriptor/define-indicator.ts';
import type { Language } from '../languages/language.ts';
import { INDICATOR_LIST, INDICATORS } from '../compute/indicators/registry.ts';
import { ContentError } from '../errors.ts';
import { closest } from '../suggest.ts';
import { Slug } from '../validate/table-schema.ts';
import { parseYamlBlock } from '../validate/yaml-block.ts';
import { escapeHtml } from './escape.ts';
import { mathHtml } from './math-html.ts';

export const IndicatorListBlock = z
  .object({
    group: z.enum(INDICATOR_GROUPS).optional(),
    ids: z.array(Slug).min(1).optional(),
  })
  .strict()
  .refine((block) => block.group === undefined || block.ids === undefined, { message: 'give "group" or "ids", not both' });
export type IndicatorListBlock = z.infer<typeof IndicatorListBlock>;

/** `firstLine` is the file line of the block's first YAML line. */
export function parseIndicatorListBlock(text: string, file: string, firstLine: number): IndicatorListBlock {
  const parsed = parseYamlBlock(text, file, firstLine, {
    name: 'indicators',
    schema: IndicatorListBlock,
    ErrorClass: ContentError,
    expected: `nothing (every indicator), group (one of ${INDICATOR_GROUPS.join(', ')}) or ids (a list of indicator ids)`,
    fix: 'correct the option (see "Add an indicator" in README.md)',
  });
  for (const id of parsed.value.ids ?? []) {
    if (!Object.hasOwn(INDICATORS, id)) {
      const near = closest(id, Object.keys(INDICATORS));
      throw new ContentError(`indicators block: unknown indicator "${id}"`, { file, line: parsed.lineOf('ids'), expected: `ids of indicators: ${Object.keys(INDICATORS).join(', ')}`, fix: near ? `did you mean "${near}"?` : 'check the spelling' });
    }
  }
  return parsed.value;
}

/** The indicators a block lists, in its order (ids) or the registry's. */
export function listedIndicators(block: IndicatorListBlock): IndicatorDescriptor[] {
  if (block.ids) return block.ids.map((id) => INDICATORS[id] as IndicatorDescriptor);
  return INDICATOR_LIST.filter((d) => block.group === undefined || d.group === block.group);
}

export function indicatorListHtml(block: IndicatorListBlock, language: Language): string {
  const entries = listedIndicators(block).map((d) => {
    const words = indicatorWords(d, language.chain);
    return `<dt>${escapeHtml(words.title)} <code>${escapeHtml(d.id)}</code></dt>\n<dd><div class="math-display">${mathHtml(d.formula, true)}</div><p>${escapeHtml(words.note)}</p></dd>`;
  });
  return `<dl class="indicator-list">\n${entries.join('\n')}\n</dl>\n`;
}
