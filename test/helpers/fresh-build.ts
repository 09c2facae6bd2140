/** A build memo's report against the report a build without one makes from the same files. */
import { expect } from 'vitest';
import { buildReport, type Report } from '../../scripts/build.ts';
import { memoryFiles, memoryLogger } from '../../scripts/io.ts';

/** The in-memory project built with no memo. */
export const freshBuild = (files: Record<string, string>): Promise<Report> => buildReport(memoryFiles(files), { logger: memoryLogger() });

/** The memo's report is the fresh build's, page by page (text, numbers, figures), and in its counts. */
export async function expectSameAsFresh(report: Report, files: Record<string, string>): Promise<void> {
  const clean = await freshBuild(files);
  expect(report.pages).toEqual(clean.pages);
  expect(report.tables).toEqual(clean.tables);
  expect({ ...report.stats, chartsRendered: 0 }).toEqual({ ...clean.stats, chartsRendered: 0 });
}
