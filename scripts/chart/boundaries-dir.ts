/** Where the boundary files for choropleth maps are: its own module, so finding it does not load Vega. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** REPORT_BOUNDARIES_DIR, else `../shared/geo` beside the project when it exists; else none (tile grids). */
export function resolveBoundariesDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.REPORT_BOUNDARIES_DIR;
  if (configured !== undefined && configured.trim() !== '') return path.resolve(root, configured);
  const beside = path.resolve(root, '../shared/geo');
  return existsSync(beside) ? beside : undefined;
}
