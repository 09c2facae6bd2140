/**
 * The build's account of the pages it wrote, printed under its summary line:
 * "rendered 2 of 1,500 pages (en/foo, ru/foo); 1,498 unchanged, kept from the previous build".
 */

/** Pages named before the rest are counted. */
const NAMED = 6;

const count = (n: number) => n.toLocaleString('en-US');

export function rebuildSummary(rendered: readonly string[], reused: number): string {
  const total = rendered.length + reused;
  if (reused === 0) return `rendered every page (${count(total)})`;
  const names = rendered.slice(0, NAMED).join(', ');
  const more = rendered.length > NAMED ? ` and ${count(rendered.length - NAMED)} more` : '';
  const which = rendered.length > 0 ? ` (${names}${more})` : '';
  return `rendered ${count(rendered.length)} of ${count(total)} page${total === 1 ? '' : 's'}${which}; ${count(reused)} unchanged, kept from the previous build`;
}
