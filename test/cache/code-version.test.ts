import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeVersion } from '../../scripts/cache/code-version.ts';

const generator = mkdtempSync(path.join(os.tmpdir(), 'code-version-'));
afterAll(() => rmSync(generator, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(generator, file)), { recursive: true });
  writeFileSync(path.join(generator, file), text);
}

describe('codeVersion', () => {
  it('changes with any template, code or language file of the generator, and only with them', async () => {
    write('templates/pages.njk', '<h1>{{ view.title }}</h1>');
    write('scripts/write/filters.ts', 'export const x = 1;');
    write('locales/en.json', '{}');
    write('package-lock.json', '{"lockfileVersion": 3}');
    const first = await codeVersion(generator);
    expect(await codeVersion(generator)).toBe(first);
    write('notes.md', 'not part of the generator');
    expect(await codeVersion(generator)).toBe(first);
    write('templates/pages.njk', '<h1 class="title">{{ view.title }}</h1>');
    const second = await codeVersion(generator);
    expect(second).not.toBe(first);
    write('templates/_includes/new.njk', '');
    expect(await codeVersion(generator)).not.toBe(second);
  });
});
