/**
 * The names of the signals an interactive comparison sets (chart/compare.ts builds them into the
 * spec, browser/compare.ts sets them). A module of its own so the browser bundle imports nothing else.
 */
export const COMPARE_SIGNALS = { shown: 'compareShown', free: 'compareFree', palette: 'comparePalette' } as const;
