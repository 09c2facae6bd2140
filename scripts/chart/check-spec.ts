/**
 * Three checks on every chart (Vega-Lite alone would draw a blank chart for most mistakes):
 * 1. the spec is valid against the Vega-Lite JSON schema;
 * 2. it compiles with no warnings;
 * 3. every field it encodes exists in the data it gets.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

const require = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

function schemaDir(): string {
  let dir = path.dirname(require.resolve('vega-lite'));
  while (!dir.endsWith('vega-lite')) dir = path.dirname(dir);
  return path.join(dir, 'build');
}

let compiledSchemaDir: string | undefined;

/**
 * Where the compiled schema validator is kept between builds (e.g. `.cache/vega-lite/`).
 * Compiling the Vega-Lite schema takes about ten seconds; loading the compiled code, under one.
 * The file name is a hash of the schema and the Vega-Lite and Ajv versions, so it is never stale.
 */
export function keepCompiledSchemaIn(dir: string | undefined): void {
  compiledSchemaDir = dir;
}

function schemaValidator(): ValidateFunction {
  // Do it once per process, and only when a chart needs it.
  if (validator) return validator;
  // The schema is not in vega-lite's package exports: read it next to the resolved entry point.
  const text = readFileSync(path.join(schemaDir(), 'vega-lite-schema.json'), 'utf8');
  const ajvVersion = (JSON.parse(readFileSync(require.resolve('ajv/package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(`${vl.version}\0${ajvVersion}\0${text}`).digest('hex').slice(0, 16);
  const file = compiledSchemaDir ? path.join(compiledSchemaDir, `vega-lite-schema-${key}.cjs`) : undefined;
  if (file && existsSync(file)) {
    try {
      validator = require(file) as ValidateFunction;
      return validator;
    } catch {
      // A damaged file: compile again below and replace it.
    }
  }
  // Ajv itself only when the validator must be compiled: most processes and chart workers never need it.
  const { Ajv } = require('ajv') as typeof import('ajv');
  const standalone = require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js');
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false, validateFormats: false, logger: false, ...(file ? { code: { source: true } } : {}) });
  const compiled = ajv.compile(JSON.parse(text) as object);
  validator = compiled;
  if (file) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(temporary, standalone.default(ajv, compiled));
      renameSync(temporary, file);
    } catch {
      rmSync(temporary, { force: true });
    }
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
