/**
 * The formatted bibliography, kept between builds: citation-js takes one to two seconds to load
 * and format the first time in a process, for a result that changes only with the references.
 * Keyed on the references, the citation-js versions and the formatting code.
 */
import path from 'node:path';
import { canonicalJson, hashOf, memoJson, packageVersion, sourceHash } from '../cache/disk-memo.ts';
import type { References } from '../load/load-references.ts';
import type { BibliographyEntry } from './bibliography.ts';

const CODE = hashOf(
  packageVersion('@citation-js/core'),
  packageVersion('@citation-js/plugin-csl'),
  packageVersion('citeproc'),
  sourceHash([path.join(import.meta.dirname, 'bibliography.ts')], import.meta.dirname),
);

/** `bibliography(references)`, from `cacheDir` when these references were formatted before. */
export async function cachedBibliography(references: References, cacheDir: string | undefined): Promise<BibliographyEntry[]> {
  if (references.size === 0) return [];
  const key = hashOf(CODE, canonicalJson([...references.entries()]));
  return memoJson(cacheDir, key, async () => (await import('./bibliography.ts')).bibliography(references));
}
