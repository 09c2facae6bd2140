/**
 * The registry: every indicator of this folder, collected from the files themselves. A file
 * `<id>.ts` whose default export is a `defineIndicator({...})` is an indicator; the other files
 * (types, guards, helpers two indicators share) are not. Adding an indicator is adding its file:
 * the inline language, derived tables, chart transforms and the docs are derived from here.
 *
 * The folder is read once, when this module is first imported (the generator's own code, never a
 * report's files), and the modules are imported in name order, so the registry is the same on
 * every machine.
 */
import { readdirSync } from 'node:fs';
import { INDICATOR_GROUPS, isIndicatorDescriptor, type IndicatorDescriptor, type SeriesForm, type TableForm } from '../descriptor/define-indicator.ts';

/** Files of this folder that are not indicators, whatever they export. */
const NOT_INDICATORS = new Set(['index.ts', 'registry.ts', 'types.ts', 'guards.ts']);

function indicatorFiles(): string[] {
  return readdirSync(new URL('.', import.meta.url))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts') && !NOT_INDICATORS.has(file))
    .sort();
}

async function collect(): Promise<IndicatorDescriptor[]> {
  const files = indicatorFiles();
  const modules = await Promise.all(files.map((file) => import(/* @vite-ignore */ `./${file}`) as Promise<{ default?: unknown }>));
  const found: IndicatorDescriptor[] = [];
  modules.forEach((module, i) => {
    const file = files[i] as string;
    if (!isIndicatorDescriptor(module.default)) return;
    const descriptor = module.default;
    // One file per indicator, named after it: the id is where an author finds its definition.
    if (`${descriptor.id}.ts` !== file) throw new Error(`scripts/compute/indicators/${file} defines indicator "${descriptor.id}": rename the file to ${descriptor.id}.ts or the id to "${file.slice(0, -3)}"`);
    found.push(descriptor);
  });
  return found.sort((a, b) => INDICATOR_GROUPS.indexOf(a.group) - INDICATOR_GROUPS.indexOf(b.group) || a.id.localeCompare(b.id));
}

/** Every indicator, by group in documentation order, then by id. */
export const INDICATOR_LIST: readonly IndicatorDescriptor[] = await collect();

export const INDICATORS: Readonly<Record<string, IndicatorDescriptor>> = Object.fromEntries(INDICATOR_LIST.map((d) => [d.id, d]));

export function isIndicatorId(value: string): boolean {
  return Object.hasOwn(INDICATORS, value);
}

function tableForms(): Map<string, TableForm & { indicator: IndicatorDescriptor }> {
  const forms = new Map<string, TableForm & { indicator: IndicatorDescriptor }>();
  for (const indicator of INDICATOR_LIST) {
    for (const form of indicator.tables ?? []) {
      const other = forms.get(form.compute);
      if (other) throw new Error(`indicators "${other.indicator.id}" and "${indicator.id}" both define the derived table "compute": "${form.compute}"`);
      forms.set(form.compute, { ...form, indicator });
    }
  }
  return forms;
}

/** Derived-table forms by their `compute` value, with the indicator each belongs to. */
export const TABLE_FORMS: ReadonlyMap<string, TableForm & { indicator: IndicatorDescriptor }> = tableForms();

/** Chart transforms by id. */
export const SERIES_TRANSFORMS: ReadonlyMap<string, SeriesForm> = new Map(INDICATOR_LIST.flatMap((d) => (d.series ? [[d.id, d.series] as const] : [])));

/** The `transform:` values of a chart block. */
export const CHART_TRANSFORMS = [...SERIES_TRANSFORMS.keys()] as [string, ...string[]];
