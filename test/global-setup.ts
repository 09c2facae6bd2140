/**
 * Builds the real report once, into .build/test-site, for the tests that read the published
 * pages (site, browser). A failed build is reported by those tests, not here, so unit tests still run.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';

export default function setup(): void {
  mkdirSync('.build', { recursive: true });
  const result = spawnSync('npx', ['tsx', 'scripts/cli.ts', 'build', '--out=.build/test-site'], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  writeFileSync('.build/test-site.log', `${result.stdout}\n${result.stderr}\nexit ${result.status}\n`);
}
