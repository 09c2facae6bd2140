/**
 * Stage 1 (load) for the report itself: `report.config.json` (optional) read, validated and
 * normalised once into a `ReportConfig` every later stage takes as a value: the languages (each
 * with its complete pack), units, folders, fonts, address and edition date. Defaults make a
 * one-language report need no file: its languages are the folders under content/.
 */
import path from 'node:path';
import { DataError, ReportError, throwIfAny } from '../errors.ts';
import type { ProjectFiles } from '../io.ts';
import { CHART_MESSAGES } from '../chart/chart-strings.ts';
import { CHECK_MESSAGES } from '../render/check-strings.ts';
import { CATALOGUE_LANGUAGE, generatorPacks, knownLanguages, languageSet, type LanguageSet } from '../languages/language-set.ts';
import { PartialLanguagePack, placeholders } from '../languages/pack-schema.ts';
import { CONFIG_FILE, ReportConfigFile } from '../validate/config-schema.ts';
import { checkTextLanguages, findTexts } from '../validate/text-languages.ts';
import type { LocalizedText } from '../validate/table-schema.ts';
import { unitCatalogue, type UnitCatalogue } from '../validate/units.ts';
import { closest } from '../suggest.ts';
import { decodeUtf8 } from './decode-text.ts';
import { fontPackageDir, readFontPackage, type FontPackage } from './font-packages.ts';
import { formatJsonPath, locate, parseJsonSource, type JsonPath, type JsonSource } from './json-source.ts';

export interface ReportConfig {
  /** `report.config.json` when the project has one. */
  file?: string;
  title?: LocalizedText;
  languages: LanguageSet;
  /** Where the site is published, without a trailing slash. */
  baseUrl: string;
  /** The edition's date (YYYY-MM-DD), for citations; none when neither the config nor SOURCE_DATE_EPOCH gives one. */
  date?: string;
  units: UnitCatalogue;
  fonts: { sans: FontPackage; serif: FontPackage; subsets: string[] };
  /** The colour each series keeps in every chart, by row id (the same crop, the same colour). */
  colours: Readonly<Record<string, string>>;
  folders: { content: string; data: string; geographies: string; output: string };
  /** Absolute folder of boundary files, when one is configured and exists. */
  boundariesDir?: string;
  /** Language codes a text may carry besides the report's: those a language pack exists for. */
  knownLanguages: string[];
  /** Problems that do not stop a build (a translation missing from a language pack), for the log. */
  warnings: string[];
}

/** Used for canonical links, Open Graph and the sitemap when neither REPORT_BASE_URL nor the config gives an address. */
export const DEFAULT_BASE_URL = 'https://example.org';

export interface ConfigEnvironment {
  env?: NodeJS.ProcessEnv;
  /** Whether a folder exists (boundary files may be outside the project). Default: never. */
  folderExists?: (absolute: string) => boolean;
}

export async function loadConfig(files: ProjectFiles, environment: ConfigEnvironment = {}): Promise<ReportConfig> {
  const env = environment.env ?? process.env;
  const exists = await files.exists(CONFIG_FILE);
  const source = exists ? parseJsonSource(decodeUtf8(await files.readFile(CONFIG_FILE), CONFIG_FILE), CONFIG_FILE) : undefined;
  const raw = source?.value ?? {};
  const parsed = ReportConfigFile.safeParse(raw);
  if (!parsed.success) {
    throwIfAny(parsed.error.issues.slice(0, 10).map((issue) => {
      const at = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0] ?? '';
        const known = Object.keys((at.length === 0 ? ReportConfigFile.shape : {}) as object);
        const near = closest(key, known);
        return configError(source, [...at, key], `unknown setting "${key}"`, at.length === 0 ? `one of ${known.filter((k) => k !== '$schema').join(', ')}` : 'the settings described in README.md, "The report\'s configuration"', near ? `did you mean "${near}"?` : 'remove it, or correct its name');
      }
      return configError(source, at, `invalid setting: ${issue.message}`, 'the settings described in README.md, "The report\'s configuration"', 'correct the value at this path');
    }));
  }
  const config = parsed.data ?? {};
  const errors: ReportError[] = [];
  const warnings: string[] = [];

  const folders = {
    content: config.folders?.content ?? 'content',
    data: config.folders?.data ?? 'data',
    output: config.folders?.output ?? '_site',
  };

  // Languages: as configured, else the folders chapters are written in.
  const written = [...new Set((await files.list(folders.content, { recursive: true })).filter((f) => f.endsWith('.md')).map((f) => f.slice(folders.content.length + 1).split('/')[0] ?? ''))].filter((c) => c !== '').sort();
  const codes = config.languages ?? (written.length ? written : [CATALOGUE_LANGUAGE]);
  const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
  if (duplicate) errors.push(configError(source, ['languages'], `language "${duplicate}" is listed twice`, 'each language once', 'remove the repetition'));
  const sourceLanguage = config.sourceLanguage ?? codes[0] ?? CATALOGUE_LANGUAGE;
  if (!codes.includes(sourceLanguage)) errors.push(configError(source, ['sourceLanguage'], `the source language "${sourceLanguage}" is not one of the report's languages`, `one of ${codes.join(', ')}`, 'add it to "languages" or choose one of them'));
  for (const [code, chain] of Object.entries(config.fallbacks ?? {})) {
    for (const [i, fallback] of [code, ...chain].entries()) {
      if (!codes.includes(fallback)) errors.push(configError(source, i === 0 ? ['fallbacks', code] : ['fallbacks', code, i - 1], `"${fallback}" is not one of the report's languages`, `one of ${codes.join(', ')}`, 'use the report\'s languages only'));
    }
  }
  for (const folder of written) {
    if (!codes.includes(folder)) errors.push(new ContentFolderError(folder, folders.content, codes, source?.file));
  }

  // The report's own units and language packs.
  const units = unitCatalogue(config.units);
  for (const [id, unit] of Object.entries(config.units ?? {})) {
    if (unit.perCapita !== undefined && units.kind(unit.perCapita) !== 'per-capita') {
      errors.push(configError(source, ['units', id, 'perCapita'], `"${unit.perCapita}" is not a per-capita unit of the report`, `a unit of kind "per-capita": ${units.ids.filter((u) => units.kind(u) === 'per-capita').join(', ') || '(none defined)'}`, 'define that unit under "units", or correct the name'));
    }
  }
  const packs: Record<string, PartialLanguagePack> = {};
  for (const [code, entry] of Object.entries(config.strings ?? {})) {
    if (!codes.includes(code)) errors.push(configError(source, ['strings', code], `"${code}" is not one of the report's languages`, `one of ${codes.join(', ')}`, `add "${code}" to "languages", or remove its strings`));
    if (typeof entry !== 'string') {
      errors.push(...packProblems(entry, units, (at) => configError(source, ['strings', code, ...at.path], at.problem, at.expected, at.fix)));
      packs[code] = entry;
      continue;
    }
    try {
      const packSource = parseJsonSource(decodeUtf8(await files.readFile(entry), entry), entry);
      const pack = PartialLanguagePack.safeParse(packSource.value);
      if (!pack.success) {
        for (const issue of pack.error.issues.slice(0, 10)) {
          const at = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
          errors.push(configError(packSource, at, `invalid language pack: ${issue.message}`, 'a language pack as in the generator\'s locales/en.json', 'correct the value at this path'));
        }
        continue;
      }
      errors.push(...packProblems(pack.data, units, (at) => configError(packSource, at.path, at.problem, at.expected, at.fix)));
      packs[code] = pack.data;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') errors.push(configError(source, ['strings', code], `the language pack "${entry}" does not exist`, 'a JSON file of the project', 'correct the path (relative to the project folder)'));
      else if (error instanceof ReportError) errors.push(error);
      else throw error;
    }
  }
  for (const code of codes) {
    if (!generatorPacks().has(code) && !packs[code]) {
      warnings.push(`${code}: the generator has no words for this language and report.config.json gives none ("strings"): pages in it use ${sourceLanguage}'s interface`);
    }
  }
  const fonts: Partial<Record<'sans' | 'serif', FontPackage>> = {};
  for (const [role, name] of [['sans', config.fonts?.sans ?? '@fontsource/pt-sans'], ['serif', config.fonts?.serif ?? '@fontsource/pt-serif']] as const) {
    const dir = fontPackageDir(name, files.root);
    if (dir) fonts[role] = readFontPackage(name, dir);
    else errors.push(configError(source, ['fonts', role], `the font package "${name}" is not installed`, 'an @fontsource package in the report\'s package.json', `run npm install ${name}`));
  }
  const texts = findTexts(ReportConfigFile, config);
  const known = knownLanguages(packs);
  for (const problem of checkTextLanguages(texts, codes, sourceLanguage, known)) errors.push(configError(source, problem.path, problem.problem, problem.expected, problem.fix));
  throwIfAny(errors);

  const unitLabels = Object.fromEntries(Object.entries(config.units ?? {}).map(([id, unit]) => [id, unit.label]));
  const languages = languageSet({ codes, source: sourceLanguage, fallbacks: config.fallbacks, packs, unitLabels });
  const subsets = config.fonts?.subsets ?? [...new Set(languages.all.flatMap((l) => [l.pack.fontSubset, `${l.pack.fontSubset}-ext`]))];
  const boundaries = env.REPORT_BOUNDARIES_DIR?.trim() || config.boundaries;
  const boundariesDir = boundaries ? path.resolve(files.root, boundaries) : undefined;
  return {
    ...(source ? { file: CONFIG_FILE } : {}),
    ...(config.title ? { title: config.title } : {}),
    languages,
    baseUrl: siteBaseUrl(env.REPORT_BASE_URL?.trim() ? env.REPORT_BASE_URL : config.baseUrl, env.REPORT_BASE_URL?.trim() ? 'REPORT_BASE_URL' : CONFIG_FILE),
    ...editionDate(config.date, env),
    units,
    knownLanguages: known,
    fonts: { sans: fonts.sans as FontPackage, serif: fonts.serif as FontPackage, subsets },
    colours: config.colours ?? {},
    folders: { ...folders, geographies: `${folders.data}/geographies` },
    ...(boundariesDir && (environment.folderExists ?? (() => false))(boundariesDir) ? { boundariesDir } : {}),
    warnings,
  };
}

class ContentFolderError extends ReportError {
  constructor(folder: string, contentDir: string, codes: readonly string[], configFile: string | undefined) {
    super(`chapters are written in "${folder}" (${contentDir}/${folder}/), which is not a language of this report`, {
      file: configFile ?? `${contentDir}/${folder}`,
      path: configFile ? 'languages' : undefined,
      expected: `language folders among ${codes.join(', ')}`,
      fix: configFile ? `add "${folder}" to "languages" in ${CONFIG_FILE}, or rename the folder` : `rename the folder to a language code`,
    });
  }
}

function configError(source: JsonSource | undefined, at: JsonPath, problem: string, expected: string, fix: string): DataError {
  const file = source?.file ?? CONFIG_FILE;
  return new DataError(problem, { file, ...(source ? locate(source, at) : {}), path: formatJsonPath(at) || undefined, expected, fix });
}

interface PackProblem {
  path: JsonPath;
  problem: string;
  expected: string;
  fix: string;
}

/** Keys a pack may not have, and placeholders its messages may not use: named, with the ones it may. */
function packProblems(pack: PartialLanguagePack, units: UnitCatalogue, report: (problem: PackProblem) => DataError): DataError[] {
  const catalogue = generatorPacks().get(CATALOGUE_LANGUAGE);
  const allowed: Record<'ui' | 'chart' | 'checks', Record<string, readonly string[]>> = {
    ui: Object.fromEntries(Object.entries(catalogue?.ui ?? {}).map(([key, text]) => [key, placeholders(text)])),
    chart: CHART_MESSAGES,
    checks: CHECK_MESSAGES,
  };
  const errors: DataError[] = [];
  for (const section of ['ui', 'chart', 'checks'] as const) {
    for (const [key, text] of Object.entries(pack[section] ?? {})) {
      const variables = allowed[section][key];
      if (!variables) {
        const near = closest(key, Object.keys(allowed[section]));
        errors.push(report({ path: [section, key], problem: `unknown ${section} message "${key}"`, expected: `a key of the "${section}" section of the generator's locales/en.json`, fix: near ? `did you mean "${near}"?` : 'remove it, or correct the key' }));
        continue;
      }
      for (const name of placeholders(text)) {
        if (!variables.includes(name)) errors.push(report({ path: [section, key], problem: `message "${key}" uses {${name}}, which it is not given`, expected: variables.length ? `placeholders among ${variables.map((v) => `{${v}}`).join(', ')}` : 'no placeholders', fix: `remove {${name}} or use one of the listed placeholders` }));
      }
    }
  }
  for (const unit of Object.keys(pack.units ?? {})) {
    if (!units.has(unit)) errors.push(report({ path: ['units', unit], problem: `unknown unit "${unit}"`, expected: `one of the report's units: ${units.ids.join(', ')}`, fix: 'correct the unit id, or define the unit under "units" in report.config.json' }));
  }
  return errors;
}

/**
 * The published site's address (never the clock or the machine), so two builds of the same sources
 * with the same setting are byte-identical.
 */
export function siteBaseUrl(value: string | undefined, setting = 'REPORT_BASE_URL'): string {
  const raw = value === undefined || value.trim() === '' ? DEFAULT_BASE_URL : value.trim();
  const problem = (what: string) =>
    new ReportError(`${setting === 'REPORT_BASE_URL' ? 'REPORT_BASE_URL' : `"baseUrl" in ${setting}`} ${what}: "${raw}"`, {
      ...(setting === 'REPORT_BASE_URL' ? {} : { file: setting, path: 'baseUrl' }),
      expected: 'the address the site is published at, e.g. https://reports.example.org',
      fix: setting === 'REPORT_BASE_URL' ? 'set the environment variable REPORT_BASE_URL to it (or leave it unset for https://example.org)' : 'correct "baseUrl"',
    });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw problem('is not an absolute address');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw problem('must start with https:// or http://');
  if (url.search || url.hash) throw problem('must not have a query or a fragment');
  // Every link on the site starts at the host's root (/en/…), so the site cannot live in a subfolder.
  if (url.pathname !== '/') throw problem('must be the root of a host (the site links to /en/…, /ru/…), without a path');
  return url.href.replace(/\/+$/, '');
}

/** The edition date for citations: configured, else SOURCE_DATE_EPOCH; never the clock. */
export function editionDate(configured: string | undefined, env: NodeJS.ProcessEnv): { date?: string } {
  if (configured) return { date: configured };
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || !/^\d+$/.test(epoch.trim())) return {};
  return { date: new Date(Number(epoch.trim()) * 1000).toISOString().slice(0, 10) };
}

