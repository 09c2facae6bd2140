/**
 * axe-core in a page of the built site: its serious and critical violations, one line each, less
 * the known issues (each with where its fix belongs, matched by rule and by the elements it names,
 * so the same rule elsewhere still fails). The list only shrinks: every-page.test.ts fails when an
 * entry is no longer needed.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; within: string[] }>;
}

export const KNOWN_ISSUES: Record<string, { within: string; fix: string }> = {};
/** The known issues some page still had, in this test file's run. */
export const seenKnown = new Set<string>();

/** Serious and critical violations on the page as it is now, one line each (known issues left out). */
export async function axeProblems(page: Page, label: string): Promise<string[]> {
  // Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy does
  // not govern: axe runs on the page as readers get it, policy and all.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async (containers: string[]) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    // Which of the known issues' containers each element is in.
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, within: containers.filter((c) => document.querySelector(n.target.join(' '))?.closest(c)) })),
    }));
  }, Object.values(KNOWN_ISSUES).map((k) => k.within));
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const known = KNOWN_ISSUES[v.id];
      if (!known) return v;
      const nodes = v.nodes.filter((n) => !n.within.includes(known.within));
      if (nodes.length < v.nodes.length) seenKnown.add(v.id);
      return { ...v, nodes };
    })
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes.length} × e.g. ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Whether the page scrolls sideways at its current width, naming the widest culprits outside a scroll box. */
export async function sidewaysScroll(page: Page, label: string): Promise<string[]> {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll, .chapter > table, pre'))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
  return overflow ? [`${label}: ${overflow.scrollWidth} px wide at ${overflow.width} px: ${overflow.culprits.join(', ')}`] : [];
}
