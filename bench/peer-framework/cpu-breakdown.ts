/**
 * Where a build's CPU time goes, from V8 CPU profiles (`node --cpu-prof --cpu-prof-dir=DIR …`): the
 * self time of every sample, summed by who owns the code that ran (Vega, Vega-Lite, Eleventy, this
 * project's stages, the tsx loader…), over every profile in DIR (the main thread and each worker
 * thread write one). A sample in Node's own or native code (a regex, JSON.parse, fs, module
 * compilation called from a package) is counted for the nearest caller that belongs to a package or
 * to this project. Independent of the pipeline's internals, so it cannot go stale as they change.
 *
 *   node bench/peer-framework/cpu-breakdown.ts DIR      (or imported: cpuBreakdown(dir))
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const RULES: Array<[RegExp, string]> = [
  [/node_modules\/vega-lite\//, 'Vega-Lite (compile)'],
  [/node_modules\/(vega|vega-[\w-]+|d3-[\w-]+)\//, 'Vega (parse, dataflow, SVG)'],
  [/node_modules\/(@11ty|nunjucks|liquidjs|posthtml[\w-]*|fast-glob|chokidar|micromatch|picomatch|minimatch|iso-639-1|dependency-graph|kleur|debug|ssri|luxon|moo|please-upgrade-node|slugify|bcp-47|@iarna|@sindresorhus\/slugify)\//, 'Eleventy'],
  [/node_modules\/(markdown-it[\w-]*|entities|linkify-it|mdurl|uc\.micro|punycode\.js|gray-matter|js-yaml|he)\//, 'Markdown (markdown-it), front matter'],
  [/node_modules\/(tsx|get-tsconfig)\//, 'tsx loader (TypeScript transform)'],
  [/node_modules\/esbuild\//, 'esbuild, JavaScript side (the transform itself runs in its own process)'],
  [/node_modules\/(rollup|@rollup)\//, 'rollup (Framework: bundling node_modules and its client)'],
  [/node_modules\/rollup-plugin-esbuild\//, 'rollup-plugin-esbuild (Framework; esbuild itself is a child process)'],
  [/node_modules\/(jsdom|cssstyle|parse5|nwsapi|whatwg-[\w-]+|tough-cookie|tr46|webidl-conversions|saxes|symbol-tree|decimal\.js|rrweb-cssom|data-urls|w3c-xmlserializer|html-encoding-sniffer|xml-name-validator)\//, 'jsdom (Framework: HTML parsing and rewriting)'],
  [/node_modules\/(acorn|acorn-walk)\//, 'acorn (Framework: parsing page JavaScript)'],
  [/node_modules\/(minisearch)\//, 'minisearch (Framework: search index)'],
  [/node_modules\/(highlight\.js)\//, 'highlight.js'],
  [/node_modules\/@observablehq\/framework\//, 'Framework: its own code'],
  [/node_modules\/(@citation-js|citeproc|sync-fetch)/, 'citation-js'],
  [/node_modules\/(zod|ajv[\w-]*|jsonc-parser|yaml)\//, 'validation (zod, ajv, yaml, jsonc)'],
  [/node_modules\/(katex)\//, 'KaTeX'],
  [/node_modules\/pagefind\//, 'Pagefind (Node side)'],
  [/\/scripts\/chart\//, 'this project: chart stage code'],
  [/\/scripts\/(render|eleventy)\/|\/templates\//, 'this project: render + Eleventy plugin'],
  [/\/scripts\/(load|validate|compute)\//, 'this project: load, validate, compute'],
  [/\/scripts\/(write|cache)\//, 'this project: write (link check, search, swap) and up-to-date check'],
  [/\/scripts\//, 'this project: other'],
  [/node_modules\//, 'other packages'],
  [/^node:|^internal\/|^$/, 'Node internals (module loading, startup, native)'],
];

const INTERNAL = 'Node internals (module loading, startup, native)';

function ownCategory(node: ProfileNode): string {
  const name = node.callFrame.functionName;
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)') return '(idle)';
  if (name === '(program)') return '(program): V8 outside JavaScript (compiling, …)';
  const url = node.callFrame.url;
  for (const [pattern, label] of RULES) if (pattern.test(url)) return label;
  return 'other';
}

/** Each node's category: its own, or for Node's internals the nearest caller's that is not internal. */
function categories(nodes: ProfileNode[]): Map<number, string> {
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const result = new Map<number, string>();
  const resolve = (id: number): string => {
    const known = result.get(id);
    if (known) return known;
    const node = byId.get(id);
    let name = node ? ownCategory(node) : 'other';
    if (name === INTERNAL) {
      const up = parent.get(id);
      const inherited = up === undefined ? INTERNAL : resolve(up);
      name = inherited.startsWith('(') ? INTERNAL : inherited;
    }
    result.set(id, name);
    return name;
  };
  for (const n of nodes) resolve(n.id);
  return result;
}

export interface Breakdown {
  profiles: number;
  /** Milliseconds of CPU (samples not idle) per category, all threads, largest first. */
  byCategory: Array<{ name: string; ms: number }>;
  busyMs: number;
  /** Wall time of the main thread's profile (the longest). */
  wallMs: number;
  /** CPU of the whole process tree, from /usr/bin/time (set by the caller). */
  processCpuMs?: number;
}

export function cpuBreakdown(dir: string): Breakdown {
  const totals = new Map<string, number>();
  let profiles = 0;
  let wallMs = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Profile;
    profiles++;
    wallMs = Math.max(wallMs, (profile.endTime - profile.startTime) / 1000);
    const byId = categories(profile.nodes);
    profile.samples.forEach((id, i) => {
      const name = byId.get(id) ?? 'other';
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
  }
  totals.delete('(idle)');
  const byCategory = [...totals].map(([name, ms]) => ({ name, ms: Math.round(ms) })).sort((a, b) => b.ms - a.ms);
  return { profiles, byCategory, busyMs: byCategory.reduce((n, c) => n + c.ms, 0), wallMs: Math.round(wallMs) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(cpuBreakdown(process.argv[2] ?? '.')));
}
