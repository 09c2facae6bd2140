/** The repository's own report, loaded as the build loads it: configuration, tables, geographies, pages. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { deriveTables } from '../../scripts/compute/derive-tables.ts';
import type { Tables } from '../../scripts/compute/table-access.ts';
import { diskFiles } from '../../scripts/io.ts';
import { loadConfig, type ReportConfig } from '../../scripts/load/load-config.ts';
import { loadContent, type SourcePage } from '../../scripts/load/load-content.ts';
import { loadGeographies } from '../../scripts/load/load-geographies.ts';
import { loadTables, type LoadedDefinitions } from '../../scripts/load/load-tables.ts';
import { expandTemplates } from '../../scripts/validate/expand-templates.ts';
import type { Geographies } from '../../scripts/validate/geography-schema.ts';

export const REPORT_ROOT = path.resolve(import.meta.dirname, '../..');
export const reportFiles = () => diskFiles(REPORT_ROOT);

/** The report's configuration (REPORT_BOUNDARIES_DIR and the rest of the environment ignored). */
export const reportConfig = (): Promise<ReportConfig> => loadConfig(reportFiles(), { env: {}, folderExists: existsSync });

/** The report's tables as loaded (derived ones pending), validated against its units and languages. */
export async function reportDefinitions(config?: ReportConfig): Promise<LoadedDefinitions> {
  const c = config ?? (await reportConfig());
  return loadTables(reportFiles(), c.folders, { units: c.units, languages: c.languages.codes, sourceLanguage: c.languages.source });
}

/** Every table of the report, derived ones computed. */
export async function reportTables(config?: ReportConfig): Promise<Tables> {
  return deriveTables(await reportDefinitions(config));
}

export async function reportGeographies(config?: ReportConfig): Promise<Geographies> {
  const c = config ?? (await reportConfig());
  return loadGeographies(reportFiles(), c.languages.codes, c.languages.source, c.folders.geographies);
}

/** The report's pages as the build makes them: each templated chapter's template replaced by its units' pages. */
export async function reportPages(config?: ReportConfig): Promise<SourcePage[]> {
  const c = config ?? (await reportConfig());
  const sources = await loadContent(reportFiles(), c.languages.codes, c.folders.content);
  return expandTemplates(sources, { geographies: await reportGeographies(c), tables: (await reportDefinitions(c)).tables, languages: c.languages });
}
