/** Diagrams as HTML: semantic lists a screen reader can read, laid out by CSS as a diamond, cards or steps. */
import type { References } from '../load/load-references.ts';
import { localize, type Table, type TextTable } from '../validate/table-schema.ts';
import type { DiagramBlock } from './diagram-block.ts';
import { figureAnchor } from '../validate/figure-anchor.ts';
import { escapeHtml } from './escape.ts';
import { sourceLine } from './source-line.ts';
import { numbered, t } from './ui-strings.ts';
import type { Language } from '../languages/language.ts';

interface Node {
  id: string;
  title: string;
  /** [column label, text] pairs. */
  details: Array<[string, string]>;
}

function nodesOf(block: DiagramBlock, table: TextTable | undefined, language: Language): Node[] {
  if (!table) return (block.steps ?? []).map((step, i) => ({ id: `step-${i + 1}`, title: step.title, details: step.text ? [['', step.text]] : [] }));
  const columns = block.columns ? table.columns.filter((c) => block.columns?.includes(c.id)) : table.columns;
  const rows = block.rows ? (block.rows.map((id) => table.rows.find((r) => r.id === id)).filter(Boolean) as TextTable['rows']) : table.rows;
  return rows.map((row) => ({
    id: row.id,
    title: localize(row.label, language),
    details: columns.map((c): [string, string] => [localize(c.label, language), localize(row.cells[c.id] ?? undefined, language)]).filter(([, text]) => text !== ''),
  }));
}

function nodeHtml(node: Node, showLabels: boolean, diagramId: string, tag = 'li'): string {
  const e = escapeHtml;
  const details = node.details
    .map(([label, text]) => (showLabels && label ? `<p class="node-detail"><span class="node-label">${e(label)}:</span> ${e(text)}</p>` : `<p class="node-detail">${e(text)}</p>`))
    .join('');
  return `<${tag} class="diagram-node" id="${e(diagramId)}-${e(node.id)}"><p class="node-title">${e(node.title)}</p>${details}</${tag}>`;
}

export function diagramHtml(block: DiagramBlock, number: string, table: Table | undefined, language: Language, references: References): string {
  const e = escapeHtml;
  const textTable = table && table.kind === 'text' ? table : undefined;
  const nodes = nodesOf(block, textTable, language);
  const anchor = figureAnchor(block.id);
  let body: string;
  if (block.type === 'diamond') {
    const [determinants, outside] = [nodes.slice(0, 4), nodes.slice(4)];
    body = `<div class="diagram diagram-diamond">
<ul class="diamond-determinants">${determinants.map((n, i) => nodeHtml({ ...n }, false, block.id).replace('class="diagram-node"', `class="diagram-node diamond-${['top', 'left', 'right', 'bottom'][i] ?? 'extra'}"`)).join('')}</ul>
${block.centre ? `<p class="diamond-centre">${e(block.centre)}</p>` : ''}
${outside.length ? `<ul class="diamond-outside">${outside.map((n) => nodeHtml(n, false, block.id)).join('')}</ul>` : ''}
</div>`;
  } else if (block.type === 'process') {
    body = `<ol class="diagram diagram-process">${nodes.map((n) => nodeHtml(n, false, block.id)).join('')}</ol>`;
  } else {
    body = `<ul class="diagram diagram-cards">${nodes.map((n) => nodeHtml(n, true, block.id)).join('')}</ul>`;
  }
  const source = table ? `<p class="figure-source">${sourceLine(table, language, references)}</p>` : '';
  const description = block.description ? `<p class="diagram-description">${e(block.description)}</p>` : '';
  return `<figure class="figure diagram-figure" id="${e(anchor)}">
<figcaption class="figure-caption"><span class="figure-number">${e(numbered(language, 'figure', number))}.</span> <span class="figure-title">${e(block.title)}</span></figcaption>
${body}
${description}${source}
<p class="figure-links"><a href="#${e(anchor)}">${e(t(language, 'permalink'))}</a></p>
</figure>`;
}
