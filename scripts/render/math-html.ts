/** TeX to MathML with KaTeX: inline `$…$`, ```math blocks and indicator formulas. */
import katex from 'katex';

export function mathHtml(tex: string, displayMode: boolean): string {
  // MathML needs no stylesheet or fonts, and Chromium, Firefox and Safari render it.
  return katex.renderToString(tex, { output: 'mathml', displayMode, throwOnError: true, strict: 'ignore', trust: false });
}
