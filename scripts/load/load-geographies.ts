/** The report's geographies: `data/geographies/*.json` (validate/geography-schema.ts). */
import { DataError, throwIfAny, type ReportError } from '../errors.ts';
import type { ProjectFiles } from '../io.ts';
import { Geography, type Geographies } from '../validate/geography-schema.ts';
import { checkTextLanguages, findTexts } from '../validate/text-languages.ts';
import { decodeUtf8 } from './decode-text.ts';
import { formatJsonPath, locate, parseJsonSource } from './json-source.ts';

export const GEOGRAPHIES_DIR = 'data/geographies';

export async function loadGeographies(files: ProjectFiles, languages: readonly string[], sourceLanguage: string, dir = GEOGRAPHIES_DIR, knownLanguages: readonly string[] = []): Promise<Geographies> {
  const paths = (await files.exists(dir)) ? (await files.list(dir, { recursive: false })).filter((p) => p.endsWith('.json')).sort() : [];
  const geographies = new Map<string, Geography>();
  const errors: ReportError[] = [];
  for (const file of paths) {
    try {
      const source = parseJsonSource(decodeUtf8(await files.readFile(file), file), file);
      const parsed = Geography.safeParse(source.value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 5)) {
          const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
          errors.push(new DataError(`invalid geography: ${issue.message}`, { file, ...locate(source, path), path: formatJsonPath(path), expected: 'a geography as in "Add a map" (README.md): id, title, unitWord, tiles, units', fix: 'correct the value at this path' }));
        }
        continue;
      }
      const geography = parsed.data;
      const problems = checkTextLanguages(findTexts(Geography, geography), languages, sourceLanguage, knownLanguages);
      // The units' noun is a pair of words per language, not a text: checked the same way.
      if (!(sourceLanguage in geography.unitWord)) problems.push({ path: ['unitWord'], problem: `no noun for the units in "${sourceLanguage}" (the report's source language)`, expected: `"unitWord": {"${sourceLanguage}": ["region", "regions"], …}`, fix: `add the "${sourceLanguage}" singular and plural` });
      for (const code of Object.keys(geography.unitWord)) if (!languages.includes(code) && !knownLanguages.includes(code)) problems.push({ path: ['unitWord', code], problem: `"${code}" is not a language of this report`, expected: `one of ${languages.join(', ')}`, fix: 'correct the language code' });
      if (problems.length) {
        for (const problem of problems) errors.push(new DataError(problem.problem, { file, ...locate(source, problem.path), path: formatJsonPath(problem.path), expected: problem.expected, fix: problem.fix }));
        continue;
      }
      const other = geographies.get(geography.id);
      if (other) {
        errors.push(new DataError(`duplicate geography id "${geography.id}"`, { file, ...locate(source, ['id']), path: 'id', expected: 'one file per geography id', fix: 'rename one of them' }));
        continue;
      }
      geographies.set(geography.id, geography);
    } catch (error) {
      if (error instanceof DataError) errors.push(error);
      else throw error;
    }
  }
  throwIfAny(errors);
  return geographies;
}
