/**
 * The generator's version as its own files say it: a hash of its templates, code, language packs,
 * Eleventy configuration and dependency versions (the lockfile). Every page the build keeps from
 * one run to the next (write/page-memo.ts) is keyed on it, so any edit to the generator, even one
 * that changes no page's data (a filter, a layout), writes every page again.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GENERATOR_ROOT } from '../generator-root.ts';
import { hashOf } from './disk-memo.ts';
import { filesUnder, GENERATOR_FILES, GENERATOR_FOLDERS } from './up-to-date.ts';

export async function codeVersion(generator = GENERATOR_ROOT): Promise<string> {
  const folders = await Promise.all(GENERATOR_FOLDERS.map((dir) => filesUnder(path.join(generator, dir))));
  const files = [...folders.flat(), ...GENERATOR_FILES.map((file) => path.join(generator, file))];
  const contents = await Promise.all(files.map((file) => fs.readFile(file).catch(() => 'missing')));
  return hashOf(process.version, ...files.flatMap((file, i) => [path.relative(generator, file), contents[i] as Buffer | string]));
}
