/**
 * `npm test`: the whole gate. Vitest, the strict typecheck and the linter, each counted; the last
 * line is "N passed, N failed", which CI reads. Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  success: boolean;
}

const env = { ...process.env, TZ: 'UTC', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };
const run = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'inherit', env });

mkdirSync('.build', { recursive: true });
const resultFile = '.build/vitest-results.json';
const vitest = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`]);
let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as VitestJson;
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  // A suite that fails to load has no failed tests but is a failure.
  if (vitest.status !== 0 && result.numFailedTests === 0) failed += 1;
} catch {
  failed += 1;
}

for (const [name, command, args] of [
  ['typecheck (tsc --noEmit, strict)', 'npx', ['tsc', '--noEmit']],
  ['lint (eslint)', 'npx', ['eslint', '.']],
] as const) {
  console.log(`\n> ${name}`);
  const result = run(command, [...args]);
  if (result.status === 0) {
    passed += 1;
    console.log(`${name}: ok`);
  } else {
    failed += 1;
    console.log(`${name}: FAILED`);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
