/**
 * README's table of indicators, generated from the descriptors (`npm run docs`): for each, how to
 * call it in Markdown, how to ask for it as a derived table, whether a chart can plot it, its
 * unit and formula. The table sits between two markers in README.md; a test fails when it is out
 * of date, so the README cannot describe an indicator the code does not have.
 *
 *   npx tsx scripts/docs/indicators-doc.ts           rewrite README.md
 *   npx tsx scripts/docs/indicators-doc.ts --check   exit 1 if README.md is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { INDICATOR_GROUPS, type IndicatorDescriptor } from '../compute/descriptor/define-indicator.ts';
import { signature } from '../compute/descriptor/inline-arguments.ts';
import { INDICATOR_LIST } from '../compute/indicators/registry.ts';

export const START_MARKER = '<!-- indicators:start -->';
export const END_MARKER = '<!-- indicators:end -->';

/** A table cell: pipes escaped, no line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** TeX for GitHub's `$…$` inside a table, where a bare | would end the cell. */
const tex = (formula: string) => `$${formula.replace(/\\left\|/g, '\\left\\vert ').replace(/\\right\|/g, '\\right\\vert ').replace(/\|/g, '\\vert ')}$`;

function inlineCell(d: IndicatorDescriptor): string {
  if (!d.inline) return '—';
  const docs = d.inline.params.flatMap((p) => (p.doc ? [p.doc] : []));
  return [`\`${cell(signature(d.id, d.inline.params))}\``, ...(docs.length ? [cell(docs.join('; '))] : [])].join('<br>');
}

function tableCell(d: IndicatorDescriptor): string {
  if (!d.tables?.length) return '—';
  return d.tables
    .map((form) => {
      const options = Object.entries(form.options).map(([name, schema]) => `\`${name}\`${schema.safeParse(undefined).success ? '?' : ''}`);
      return `\`"compute": "${form.compute}"\`${options.length ? ` + ${options.join(', ')}` : ''}`;
    })
    .join('<br>');
}

/** The Markdown table of every indicator, grouped as the registry orders them. */
export function indicatorTable(indicators: readonly IndicatorDescriptor[] = INDICATOR_LIST): string {
  const lines = ['| indicator | in Markdown `{=…}` | derived table | chart `transform:` | unit | formula |', '|---|---|---|---|---|---|'];
  for (const group of INDICATOR_GROUPS) {
    for (const d of indicators.filter((i) => i.group === group)) {
      lines.push(`| **${cell(d.text.en.title)}** (${group}): ${cell(d.text.en.note)} | ${inlineCell(d)} | ${tableCell(d)} | ${d.series ? `\`${d.id}\`` : '—'} | ${cell(d.unit)} | ${tex(d.formula)} |`);
    }
  }
  return lines.join('\n');
}

/** `readme` with the text between the markers replaced by the table. */
export function withIndicatorTable(readme: string, table = indicatorTable()): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START_MARKER} and ${END_MARKER} (in this order) around the indicator table`);
  return `${readme.slice(0, start + START_MARKER.length)}\n${table}\n${readme.slice(end)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = 'README.md';
  const current = readFileSync(file, 'utf8');
  const updated = withIndicatorTable(current);
  if (process.argv.includes('--check')) {
    if (updated !== current) {
      console.error(`${file}: the indicator table is out of date; run npm run docs`);
      process.exitCode = 1;
    }
  } else if (updated !== current) {
    writeFileSync(file, updated);
    console.log(`${file}: indicator table updated (${INDICATOR_LIST.length} indicators)`);
  } else {
    console.log(`${file}: indicator table is up to date`);
  }
}
