/** Line breaks for long axis labels (Vega draws a label given as an array of lines on several lines). */

/** Greedy word wrap to lines of at most `width` characters (a longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A label with its line breaks as "\n", for a field whose axis uses `MULTILINE_LABELS`; beyond
 * `maxLines` the last line ends in "…" (the Data view has the whole name).
 */
export function wrapped(text: string, width: number, maxLines = 2): string {
  const lines = wrapText(text, width);
  if (lines.length <= maxLines) return lines.join('\n');
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1] ?? ''}…`;
  return kept.join('\n');
}

/** Axis properties that draw "\n" in a label as a line break, untruncated. */
export const MULTILINE_LABELS = { labelExpr: "split(datum.label, '\\n')", labelLimit: 0 } as const;

/** Wrapped labels for a set of names, cut to `maxLines` only if the cut names stay distinct. */
export function wrappedAll(texts: string[], width: number, maxLines = 2): Map<string, string> {
  const cut = new Map(texts.map((t) => [t, wrapped(t, width, maxLines)]));
  if (new Set(cut.values()).size === new Set(texts).size) return cut;
  return new Map(texts.map((t) => [t, wrapped(t, width, Infinity)]));
}
