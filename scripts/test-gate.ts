/**
 * `npm test`: the whole gate. Vitest, the strict typecheck and the linter, each counted; the last
 * line is "N passed, N failed", which CI reads. Exits non-zero if anything failed.
 *
 * The typecheck and the linter start with vitest, one after the other, at the lowest CPU priority:
 * they use what the tests leave idle (while Chromium or a child build is waited for) and never
 * slow a test down. Their output is shown after vitest's, as if they had run then.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  success: boolean;
}

const env = { ...process.env, TZ: 'UTC', FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR };

/** Runs a tool of node_modules/.bin at the lowest priority; resolves with its exit code and output, interleaved as written. */
function inBackground(bin: string, args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    // The tool's own script, run by this Node: its process is the one doing the work, so the priority applies to it.
    const child = spawn(process.execPath, [`node_modules/.bin/${bin}`, ...args], { env });
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, 19);
    } catch {
      // Not allowed here: it runs at normal priority, which changes only the timing.
    }
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => resolve({ status: null, output: `${output}${error.message}\n` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const checks = [
  { name: 'typecheck (tsc --noEmit, strict)', bin: 'tsc', args: ['--noEmit'] },
  { name: 'lint (eslint)', bin: 'eslint', args: ['.'] },
];
// One after the other: both at once would only add memory, not speed, beside the tests.
const background = (async () => {
  const outcomes: Array<{ status: number | null; output: string }> = [];
  for (const check of checks) outcomes.push(await inBackground(check.bin, check.args));
  return outcomes;
})();

mkdirSync('.build', { recursive: true });
const resultFile = '.build/vitest-results.json';
// A result left by an earlier run must not stand in for this one's if vitest cannot start.
rmSync(resultFile, { force: true });
// Not spawnSync: the event loop must stay free to read the background checks' output.
const vitestStatus = await new Promise<number | null>((resolve) => {
  const child = spawn('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultFile}`], { stdio: 'inherit', env });
  child.on('error', () => resolve(null));
  child.on('close', (status) => resolve(status));
});
let passed = 0;
let failed = 0;
try {
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as VitestJson;
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  // A suite that fails to load has no failed tests but is a failure.
  if (vitestStatus !== 0 && result.numFailedTests === 0) failed += 1;
} catch {
  failed += 1;
}

const outcomes = await background;
for (const [i, check] of checks.entries()) {
  console.log(`\n> ${check.name}`);
  const result = outcomes[i]!;
  process.stdout.write(result.output);
  if (result.status === 0) {
    passed += 1;
    console.log(`${check.name}: ok`);
  } else {
    failed += 1;
    console.log(`${check.name}: FAILED`);
  }
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
