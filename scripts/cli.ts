/**
 * The one entry point: `build`, `serve`, `check`, `pdf`, `init`. Expected failures (a ReportError: bad data,
 * a broken reference) print the author-facing message and exit 1; anything else is a bug in the
 * generator and says so, with the stack behind --debug. Every run ends with one summary line.
 */
import type { Report } from './build.ts';
import { ReportError } from './errors.ts';
import { diskEffects, diskFiles } from './io.ts';

// The pipeline and Eleventy are loaded when a command needs them: a build with nothing to do
// answers before loading Vega, Eleventy and the rest (about a second and a half).
const pipeline = () => import('./build.ts');
const writer = () => import('./write/write-site.ts');

// The project is the working directory, as with every npm script; tests build fixture projects this way.
const root = process.cwd();

function summary(report: Report, seconds: number, extra = ''): string {
  const s = report.stats;
  return `${s.tables} tables, ${s.values} computed values, ${s.charts} charts (${s.chartsRendered} rendered), ${s.checks} checks (${s.findings} findings), ${s.pages} pages${extra} in ${seconds.toFixed(1)} s`;
}

/**
 * Builds the report (stages 1–5) from what the previous command-line build kept (build-memo-file.ts),
 * unless `fresh`, and writes what this one keeps for the next, beside whatever the caller does next.
 */
async function buildKeeping(fresh: boolean): Promise<{ report: Report; version: string; kept: Promise<void> }> {
  const { codeVersion } = await import('./cache/code-version.ts');
  const { memoVersion, readBuildMemo, writeBuildMemo } = await import('./build-memo-file.ts');
  const { buildReport } = await pipeline();
  const effects = diskEffects(root);
  const version = await codeVersion();
  const keptUnder = await memoVersion(root, version);
  const memo = await readBuildMemo(fresh ? undefined : effects.cacheDir, keptUnder);
  const report = await buildReport(diskFiles(root), { ...effects, memo });
  // A cache: a memo that cannot be written costs the next build time, not this one its output.
  const kept = effects.cacheDir ? writeBuildMemo(effects.cacheDir, keptUnder, memo).catch(() => undefined) : Promise.resolve();
  return { report, version, kept };
}

/** The output folder report.config.json names (read without the pipeline, for the up-to-date check); `_site` by default. */
async function configuredOutput(projectRoot: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    const output = (JSON.parse(await readFile(`${projectRoot}/report.config.json`, 'utf8')) as { folders?: { output?: unknown } }).folders?.output;
    return typeof output === 'string' ? output : '_site';
  } catch {
    return '_site';
  }
}

async function main(command: string, args: string[]): Promise<number> {
  // From the start of the process: loading the code is part of what an author waits for.
  const elapsed = () => performance.now() / 1000;
  switch (command) {
    case 'build': {
      const outDir = args.find((a) => a.startsWith('--out='))?.slice('--out='.length) ?? (await configuredOutput(root));
      const { inputsHash, publishedUpToDate, recordPublished } = await import('./cache/up-to-date.ts');
      // Hashed before reading anything: an edit made during the build makes the next one run.
      const inputs = await inputsHash(root, outDir);
      const unchanged = args.includes('--force') ? false : await publishedUpToDate(root, outDir, inputs);
      if (unchanged !== false) {
        console.log(`${outDir}/ is up to date: no source, data, template, code or setting changed since it was built (${unchanged} files) in ${elapsed().toFixed(1)} s; --force rebuilds it anyway`);
        return 0;
      }
      const force = args.includes('--force');
      const { report, version, kept } = await buildKeeping(force);
      // After the build: a build that fails never loads Eleventy.
      const { writeSite } = await writer();
      const { rebuildSummary } = await import('./write/rebuild-summary.ts');
      const written = await writeSite(report, { root, outDir, force, codeVersion: version });
      await kept;
      await recordPublished(root, outDir, inputs);
      console.log(`built ${outDir}/: ${summary(report, elapsed(), `, ${written.files} files`)}`);
      console.log(`  ${rebuildSummary(written.rendered, written.reused)}`);
      return 0;
    }
    case 'check': {
      const { report, kept } = await buildKeeping(false);
      await kept;
      console.log(`check passed: ${summary(report, elapsed())}`);
      return 0;
    }
    case 'schema': {
      // The generator's schemas, written into its own folder (for editors' "$schema").
      const { jsonSchemaFiles } = await import('./validate/json-schema.ts');
      const { GENERATOR_ROOT } = await import('./generator-root.ts');
      const { writeFile, mkdir } = await import('node:fs/promises');
      const path = await import('node:path');
      await mkdir(path.join(GENERATOR_ROOT, 'schemas'), { recursive: true });
      const files = jsonSchemaFiles();
      for (const [file, text] of files) await writeFile(path.join(GENERATOR_ROOT, file), text);
      console.log(`wrote ${files.map(([file]) => file).join(', ')}`);
      return 0;
    }
    case 'pdf': {
      // The whole report in one language as one PDF. Its own command: `build` stays as fast as it was.
      const path = await import('node:path');
      const { existsSync } = await import('node:fs');
      const { writePdf } = await import('./write/pdf.ts');
      const { loadConfig } = await import('./load/load-config.ts');
      const { UsageError } = await import('./errors.ts');
      const config = await loadConfig(diskFiles(root), { folderExists: existsSync });
      const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
      const locale = option('lang') ?? config.languages.source;
      if (!config.languages.has(locale)) throw new UsageError(`--lang=${locale} is not a language of this report`, { expected: `one of ${config.languages.codes.join(', ')}`, fix: `write e.g. --lang=${config.languages.codes[0]}` });
      const out = option('out') ?? `${config.folders.output}/report-${locale}.pdf`;
      let site = option('site');
      let built = '';
      if (!site) {
        // A fresh build of the current sources, beside _site/ (which it leaves alone).
        site = '.build/pdf-site';
        const { buildReport } = await pipeline();
        const { writeSite } = await writer();
        const report = await buildReport(diskFiles(root), diskEffects(root));
        await writeSite(report, { root, outDir: site });
        built = `${summary(report, elapsed())}; `;
      }
      const result = await writePdf({ site: path.resolve(root, site), out: path.resolve(root, out), language: config.languages.get(locale), baseUrl: config.baseUrl });
      console.log(`wrote ${out}: ${built}${result.pages} pages, ${result.sections.length} parts in ${elapsed().toFixed(1)} s`);
      return 0;
    }
    case 'init': {
      const dir = args.find((a) => !a.startsWith('--'));
      if (!dir) {
        console.error('usage: report init DIR   (a new folder for the report)');
        return 2;
      }
      const { initReport } = await import('./init-report.ts');
      const { files, installed } = await initReport(dir, { install: !args.includes('--no-install') });
      console.log(`started a report in ${dir}: ${files.join(', ')}`);
      console.log(installed ? `next: cd ${dir} && npm run build` : `next: cd ${dir} && npm install && npm run build`);
      return 0;
    }
    case 'serve': {
      const { serve } = await import('./write/serve.ts');
      await serve(root, Number(args.find((a) => a.startsWith('--port='))?.slice(7) ?? 8080));
      return -1;
    }
    default:
      console.error(`unknown command "${command}": use build, serve, check, pdf, init or schema`);
      return 2;
  }
}

const [command = 'build', ...args] = process.argv.slice(2);

// A library that throws from a callback of its own (outside any promise the build awaits) would
// end the process with a raw trace: say what happened, as for any other bug, and exit 1.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    console.error(`unexpected error (in the generator or a library it uses, not in content/ or data/):\n  ${error instanceof Error ? error.message : String(error)}`);
    if (args.includes('--debug')) console.error(error);
    else console.error('run again with --debug for the stack trace');
    console.error('\nbuild failed: nothing was published; _site/ is unchanged.');
    process.exit(1);
  });
}

main(command, args).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ReportError) {
      console.error(`\n${error.format()}\n\nbuild failed: nothing was published; _site/ is unchanged.`);
    } else {
      // Eleventy wraps template errors; the innermost cause is the one that names the template problem.
      const chain: string[] = [];
      for (let e: unknown = error; e instanceof Error && chain.length < 5; e = (e as { originalError?: unknown }).originalError ?? e.cause) chain.push(e.message);
      console.error(`unexpected error (in the generator or a template in templates/, not in content/ or data/):\n  ${chain.join('\n  caused by: ')}`);
      if (args.includes('--debug')) console.error(error);
      else console.error('run again with --debug for the stack trace');
    }
    process.exitCode = 1;
  },
);
