/** What an author writes inside a ```chart fenced block (YAML). */
import { z } from 'zod';
import { Period, Slug } from '../validate/table-schema.ts';

export const PRESETS = ['line', 'bar', 'grouped-bar', 'stacked-bar', 'stacked-bar-100', 'index', 'raw'] as const;
export type PresetName = (typeof PRESETS)[number];

export const ChartBlock = z
  .object({
    /** Stable id: the figure's anchor and the name used in cross-references (`{@fig:id}`). */
    id: Slug,
    /** States the message of the chart ("Sunflower's harvest grew fivefold"). */
    title: z.string().min(1),
    /** Unit and base: defaults to the table's unit. */
    subtitle: z.string().min(1).optional(),
    table: Slug,
    preset: z.enum(PRESETS).default('line'),
    /** Which rows to plot, in this order; defaults to all rows except memo rows. */
    rows: z.array(Slug).min(1).optional(),
    /** Which periods to plot; defaults to all. */
    periods: z.array(Period).min(1).optional(),
    /** Plot an indicator of the values instead of the values themselves. */
    transform: z.enum(['base-index', 'chain-index', 'share']).optional(),
    /** Base period for `transform: base-index` and the `index` preset. */
    base: Period.optional(),
    /** Overrides the generated text description (SVG desc and print). */
    description: z.string().min(1).optional(),
    /** Vega-Lite spec for `preset: raw`; its data is injected from `table`. */
    spec: z.record(z.string(), z.unknown()).optional(),
    height: z.number().int().min(80).max(1200).optional(),
  })
  .strict();
export type ChartBlock = z.infer<typeof ChartBlock>;
