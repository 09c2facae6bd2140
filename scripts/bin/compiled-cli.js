// The generator compiled to JavaScript, once per version of its code: scripts/cli.ts and every
// module it loads, and the chart workers' entry, bundled by esbuild into `.build/cli/<hash>/` of the generator's own folder
// (packages stay imports of node_modules). A command then loads a few dozen plain modules with
// Node's own loader instead of some two hundred TypeScript files through tsx's hooks, which in
// Node 20 run on a loader thread: about half a second less on every command, 0.8 s against 1.3 s
// to load the build, the chart stage and the writer.
//
// The hash is of every file under scripts/ (and esbuild's version): an edit to the generator
// compiles again on the next command (about 0.2 s). A folder that cannot be written, or a compile
// that fails, leaves the caller to run the TypeScript through tsx as before (`undefined`).
//
// Modules that find files beside themselves (the generator's root, the indicator folder, the
// sources a cache key hashes, the chart workers' entry) read `import.meta.url`, `dirname` and
// `filename`: each module's are set to its source file's, so they find what they found before.
import { createHash } from 'node:crypto';
import { promises as fs, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SCRIPTS = path.resolve(import.meta.dirname, '..');
const GENERATOR = path.resolve(SCRIPTS, '..');
const OUT = path.join(GENERATOR, '.build', 'cli');
/** Compiled versions kept besides the current one (other checkouts, a version switched back to)… */
const KEEP = 3;
/** …and any compiled within this long: a process still running one loads its chunks as it needs them. */
const KEEP_MS = 24 * 3600 * 1000;

/** The URL of the compiled scripts/cli.ts, compiled now if this version of the code has not been. */
export async function compiledCli() {
  const esbuildVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;
  const dir = path.join(OUT, codeHash(esbuildVersion));
  const entry = path.join(dir, 'cli.js');
  try {
    await fs.access(entry);
  } catch {
    await compile(dir);
  }
  return pathToFileURL(entry).href;
}

function codeHash(esbuildVersion) {
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\0`);
  const files = readdirSync(SCRIPTS, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(SCRIPTS, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

async function compile(dir) {
  const esbuild = await import('esbuild');
  // Into a folder of this process's, then renamed: a command running beside it (the test suite
  // runs several) never loads half a compile, and whichever rename comes second changes nothing.
  const staging = `${dir}.${process.pid}.tmp`;
  await fs.rm(staging, { recursive: true, force: true });
  try {
    await esbuild.build({
      // The chart workers' entry too: a worker then loads no TypeScript either (render-pool.ts).
      entryPoints: { cli: path.join(SCRIPTS, 'cli.ts'), 'chart/render-worker': path.join(SCRIPTS, 'chart', 'render-worker.ts') },
      define: { COMPILED_RENDER_WORKER: JSON.stringify(pathToFileURL(path.join(dir, 'chart', 'render-worker.js')).href) },
      outdir: staging,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'silent',
      plugins: [ownLocations],
    });
    await fs.rename(staging, dir).catch(async (error) => {
      if (!(await fs.access(path.join(dir, 'cli.js')).then(() => true, () => false))) throw error;
    });
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  await prune(path.basename(dir));
}

/** Each module's `import.meta.url`, `dirname` and `filename`, as its source file's. */
const ownLocations = {
  name: 'own-locations',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.filename', JSON.stringify(args.path));
      return { contents, loader: 'ts' };
    });
  },
};

async function prune(current) {
  const entries = await fs.readdir(OUT, { withFileTypes: true }).catch(() => []);
  const dated = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory() && entry.name !== current && !entry.name.endsWith('.tmp'))
      .map(async (entry) => ({ name: entry.name, time: (await fs.stat(path.join(OUT, entry.name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.time - a.time);
  for (const { name } of dated.slice(KEEP).filter((entry) => Date.now() - entry.time > KEEP_MS)) await fs.rm(path.join(OUT, name), { recursive: true, force: true }).catch(() => undefined);
}
