/** Where the boundary files for choropleth maps are: its own module, so finding it does not load Vega. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * REPORT_BOUNDARIES_DIR, else the report's configured folder (report.config.json `boundaries`),
 * when it exists; else none, and maps are tile grids.
 */
export function resolveBoundariesDir(root: string, env: NodeJS.ProcessEnv = process.env, configured?: string): string | undefined {
  const setting = env.REPORT_BOUNDARIES_DIR?.trim() || configured;
  if (!setting) return undefined;
  const dir = path.resolve(root, setting);
  return existsSync(dir) ? dir : undefined;
}
