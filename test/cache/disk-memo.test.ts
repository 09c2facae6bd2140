import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashOf, memoJson, packageVersion, valueHash } from '../../scripts/cache/disk-memo.ts';
import { bibliography } from '../../scripts/render/bibliography.ts';
import { cachedBibliography } from '../../scripts/render/bibliography-cache.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('memoJson', () => {
  it('computes once per key and reads the stored result after', async () => {
    const dir = tempDir('memo');
    let runs = 0;
    const compute = () => ({ runs: ++runs });
    expect(await memoJson(dir, 'k1', compute)).toEqual({ runs: 1 });
    expect(await memoJson(dir, 'k1', compute)).toEqual({ runs: 1 });
    expect(await memoJson(dir, 'k2', compute)).toEqual({ runs: 2 });
    expect(readdirSync(dir).sort()).toEqual(['k1.json', 'k2.json']);
  });

  it('treats a damaged entry as a miss, and no folder as no cache', async () => {
    const dir = tempDir('memo');
    writeFileSync(path.join(dir, 'k.json'), '{"key":"k","val');
    expect(await memoJson(dir, 'k', () => 7)).toBe(7);
    expect(await memoJson(dir, 'k', () => 8)).toBe(7);
    expect(await memoJson(undefined, 'k', () => 9)).toBe(9);
  });
});

describe('keys', () => {
  it('hash equal values equally whatever their key order, and delimit parts', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
    expect(hashOf('ab', 'c')).not.toBe(hashOf('a', 'bc'));
  });

  it('write canonical JSON exactly as JSON.stringify writes the value with every object\'s keys sorted', () => {
    // The definition: sorted copies, then JSON.stringify (keys in chart caches written before stay valid).
    const sortedCopy = (value: unknown) =>
      JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
    const values: unknown[] = [
      { z: [1, -0, 1.5e-7, 2e21, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, () => 1], a: { 10: 'ten', 9: 'nine', '09': 'zero nine', 4294967295: 'not an index', é: 'e', E: 'E', _: '"quoted"\n\u0001' } },
      [{ period: '2015', series: 'a', value: 1.25 }, { value: undefined, series: 'b', period: '2016' }],
      { date: new Date(Date.UTC(2026, 11, 7)), nested: { toJSON: (key: string) => `key:${key}` }, map: new Map([['k', 1]]), flag: false, fn: () => 1 },
      'text',
      42,
      null,
      [],
      {},
    ];
    for (const value of values) expect(canonicalJson(value)).toBe(sortedCopy(value));
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it("hash values (a page's inputs) by content, whatever their key order, and refuse what they cannot see into", () => {
    expect(valueHash({ b: 1, a: { d: 'x', c: [1, 2] } })).toBe(valueHash({ a: { c: [1, 2], d: 'x' }, b: 1 }));
    expect(valueHash(['ab', 'c'])).not.toBe(valueHash(['a', 'bc']));
    expect(valueHash({ a: 1 })).not.toBe(valueHash({ a: '1' }));
    expect(valueHash({ a: null })).not.toBe(valueHash({ a: undefined }));
    expect(valueHash(new Map([['k', 'v']]))).not.toBe(valueHash(new Map([['k', 'w']])));
    // A Date has no keys of its own: hashed as {}, every date would share one key.
    expect(() => valueHash({ when: new Date(0) })).toThrow('valueHash: cannot hash a Date');
  });

  it('read installed versions without loading the package', () => {
    expect(packageVersion('vega')).toMatch(/^6\.\d+\.\d+$/);
    expect(packageVersion('pagefind')).toMatch(/^1\.\d+\.\d+$/);
    expect(packageVersion('no-such-package-here')).toBe('not installed');
  });
});

describe('cachedBibliography', () => {
  it('is the formatted bibliography, the first time and from the cache', async () => {
    const dir = tempDir('bib');
    const references = new Map([['porter1998', { id: 'porter1998', type: 'book', title: 'On competition', author: [{ family: 'Porter', given: 'Michael E.' }], issued: { 'date-parts': [[1998]] } }]]);
    const expected = bibliography(references as never);
    expect(expected[0]?.html).toContain('Porter, M. E. (1998).');
    expect(await cachedBibliography(references as never, dir)).toEqual(expected);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(await cachedBibliography(references as never, dir)).toEqual(expected);
    const changed = new Map([['porter1998', { ...references.get('porter1998'), title: 'Competitive advantage' }]]);
    expect((await cachedBibliography(changed as never, dir))[0]?.html).toContain('Competitive advantage');
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
