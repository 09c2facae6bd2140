/**
 * Child processes of the benchmarks: each under /usr/bin/time -v (wall, CPU, peak RSS) when the
 * machine has it, in its own process group so a timeout ends it and everything it started, with
 * the peak RSS of its process tree polled from /proc so the figure exists even after a timeout.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ChildResult {
  ok: boolean;
  status: number | null;
  timedOut: boolean;
  wallMs: number;
  cpuMs: number;
  maxRssMB?: number;
  /** Highest VmHWM among the child's processes, polled every 0.5 s: known even when it is stopped on timeout. */
  polledPeakRssMB: number;
  loadAverage: number;
  stdout: string;
  stderr: string;
}

export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** A process and its descendants, from /proc (Linux); empty elsewhere. */
function processTree(pid: number): number[] {
  const found = [pid];
  for (let i = 0; i < found.length; i++) {
    try {
      const tasks = readdirSync(`/proc/${found[i]}/task`);
      for (const task of tasks) {
        const children = readFileSync(`/proc/${found[i]}/task/${task}/children`, 'utf8').trim();
        if (children) found.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone, or not Linux
    }
  }
  return found;
}

function peakRssMB(pids: number[]): number {
  let peak = 0;
  for (const pid of pids) {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // gone
    }
  }
  return peak;
}

/** Runs `command`; `scratchDir` holds /usr/bin/time's report while it runs. */
export function runChild(command: string[], options: { cwd: string; timeoutMs: number; scratchDir: string; env?: NodeJS.ProcessEnv }): Promise<ChildResult> {
  const timeFile = path.join(options.scratchDir, `.time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  rmSync(timeFile, { force: true });
  const argv = TIME ? [TIME, '-v', '-o', timeFile, ...command] : command;
  const loadAverage = os.loadavg()[0] ?? 0;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(argv[0] as string, argv.slice(1), { cwd: options.cwd, env: { ...process.env, TZ: 'UTC', ...options.env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    let polledPeakRssMB = 0;
    const poll = setInterval(() => {
      if (child.pid) polledPeakRssMB = Math.max(polledPeakRssMB, peakRssMB(processTree(child.pid)));
    }, 500);
    // The child leads its own process group: on timeout, end that group (and only it).
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, options.timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      clearInterval(poll);
      const wallMs = performance.now() - started;
      let cpuMs = NaN;
      let maxRssMB: number | undefined;
      if (TIME && existsSync(timeFile)) {
        const report = readFileSync(timeFile, 'utf8');
        const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
        cpuMs = (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000;
        const rss = field('Maximum resident set size \\(kbytes\\)') / 1024;
        // A child stopped on timeout takes /usr/bin/time with it: no report, only the polled figure.
        if (Number.isFinite(rss)) maxRssMB = rss;
        rmSync(timeFile, { force: true });
      }
      resolve({ ok: status === 0 && !timedOut, status, timedOut, wallMs, cpuMs, maxRssMB: maxRssMB ?? (polledPeakRssMB || undefined), polledPeakRssMB, loadAverage, stdout, stderr });
    });
  });
}
