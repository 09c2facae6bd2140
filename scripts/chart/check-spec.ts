/**
 * Three checks on every chart (Vega-Lite alone would draw a blank chart for most mistakes):
 * 1. the spec is valid against the Vega-Lite JSON schema;
 * 2. it compiles with no warnings;
 * 3. every field it encodes exists in the data it gets.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

function schemaDir(): string {
  let dir = path.dirname(require.resolve('vega-lite'));
  while (!dir.endsWith('vega-lite')) dir = path.dirname(dir);
  return path.join(dir, 'build');
}

function schemaValidator(): ValidateFunction {
  // Compiling the Vega-Lite schema takes a moment: do it once, and only when a chart needs it.
  if (!validator) {
    // The schema is not in vega-lite's package exports: read it next to the resolved entry point.
    const schema = JSON.parse(readFileSync(path.join(schemaDir(), 'vega-lite-schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, validateFormats: false, logger: false });
    validator = ajv.compile(schema);
  }
  return validator;
}

/** Schema problems as readable lines, most specific first. */
export function schemaProblems(spec: unknown): string[] {
  const validate = schemaValidator();
  if (validate(spec)) return [];
  const errors = validate.errors ?? [];
  // anyOf branches produce many errors; the deepest path is the one the author means.
  const deepest = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length).slice(0, 3);
  return deepest.map((e) => `${e.instancePath || '(top level)'} ${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? ` ("${String(e.params.additionalProperty)}")` : ''}`);
}

export interface Compiled {
  vega: object;
  warnings: string[];
}

export function compileWithWarnings(spec: TopLevelSpec, config: vl.Config): Compiled {
  const warnings: string[] = [];
  const collect = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  const logger = {
    level() {
      return this;
    },
    warn(...args: unknown[]) {
      collect(...args);
      return this;
    },
    error(...args: unknown[]) {
      collect(...args);
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
  };
  const { spec: vega } = vl.compile(spec, { config, logger: logger as unknown as NonNullable<Parameters<typeof vl.compile>[1]>['logger'] });
  return { vega, warnings };
}

/** Fields a spec encodes, with the JSON path where each is named. */
export function encodedFields(spec: unknown, path = ''): Array<{ field: string; path: string }> {
  const found: Array<{ field: string; path: string }> = [];
  const visit = (node: unknown, at: string, inEncoding: boolean) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, `${at}[${i}]`, inEncoding));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      const here = at ? `${at}.${key}` : key;
      if (key === 'data' || key === 'datasets') continue;
      if (inEncoding && key === 'field' && typeof value === 'string') found.push({ field: value.split('.')[0] ?? value, path: here });
      else visit(value, here, inEncoding || key === 'encoding');
    }
  };
  visit(spec, path, false);
  return found;
}

/** Field names that transforms create (`as`), which are available to encodings downstream. */
export function derivedFields(spec: unknown): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'as') {
        for (const name of Array.isArray(value) ? value : [value]) if (typeof name === 'string') names.add(name);
      } else if (key !== 'data') visit(value);
    }
  };
  visit(spec);
  return names;
}

export function missingFields(spec: unknown, available: Iterable<string>): Array<{ field: string; path: string }> {
  const known = new Set([...available, ...derivedFields(spec)]);
  return encodedFields(spec).filter(({ field }) => !known.has(field));
}
