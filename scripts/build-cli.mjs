#!/usr/bin/env node
// Builds the command line as JavaScript into dist-cli/ (what bin/netweave.mjs runs): tsc emits
// src/cli.ts, the path pool's worker entry and what they import, per tsconfig.cli.json. Run by
// `npm ci` / `npm install` (the `prepare` script), by `npm test` before its tests, and by
// `npm run build:cli`.
//
// The new build is written beside the old one and swapped in with two renames, so a CLI that
// another `npm test` in this working tree is running at the same moment never sees a
// half-written dist-cli/. dist-cli/build-info.json lists the sources it was built from, for
// bin/netweave.mjs to say when the build is older than them.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist-cli');
const started = Date.now();

let ts;
try {
  ts = createRequire(join(root, 'package.json'))('typescript');
} catch {
  // An install without dev dependencies (npm ci --omit=dev) has no compiler: say so, and let
  // the install finish; bin/netweave.mjs will tell whoever runs it what to do.
  console.warn('netweave: TypeScript is not installed (dev dependencies omitted?), so the command line was not built. Run `npm ci` and then `npm run build:cli`.');
  process.exit(0);
}

const configPath = join(root, 'tsconfig.cli.json');
const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) };
const next = join(root, `dist-cli.next-${process.pid}`);
const config = ts.getParsedCommandLineOfConfigFile(configPath, { outDir: next }, host);
if (config.errors.length > 0) fail(config.errors);

// The declarations of the packages (and of Node and the language, under node_modules/typescript)
// serve only the type check, which this build leaves out, and parsing them took a third of its
// time: tsc is given them empty. Every file of our own, and the way imports resolve, is as usual.
const compilerHost = ts.createCompilerHost(config.options);
const readSource = compilerHost.getSourceFile.bind(compilerHost);
compilerHost.getSourceFile = (fileName, languageVersion, ...rest) =>
  fileName.includes('/node_modules/') ? ts.createSourceFile(fileName, '', languageVersion) : readSource(fileName, languageVersion, ...rest);
const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, projectReferences: config.projectReferences, host: compilerHost });
// noCheck: only what stops a correct emit (bad options, syntax errors); types are checked by
// `npm run typecheck`, the first step of `npm test`.
const problems = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
if (problems.length > 0) fail(problems);
// Without the type check nothing else notices an import of a file that is not there, and the
// build would only fail when the CLI runs.
const srcDir = join(root, 'src');
const ownFiles = program.getSourceFiles().filter((f) => !relative(srcDir, resolve(f.fileName)).startsWith('..'));
const missing = ownFiles.flatMap((f) =>
  ts
    .preProcessFile(f.text, true, true)
    .importedFiles.filter(({ fileName }) => fileName.startsWith('.') && !existsSync(resolve(dirname(f.fileName), fileName)))
    .map(({ fileName }) => `${relative(root, f.fileName)} imports ${fileName}, which does not exist`),
);
if (missing.length > 0) fail([], missing);
const emitted = program.emit();
if (emitted.emitSkipped || emitted.diagnostics.length > 0) cleanUpAndFail(emitted.diagnostics);

const sources = ownFiles.map((f) => relative(root, resolve(f.fileName)).split('\\').join('/')).sort();
mkdirSync(next, { recursive: true });
writeFileSync(join(next, 'build-info.json'), JSON.stringify({ builtAt: started, sources }, null, 2) + '\n');

// Swap the new build in; another build finishing at the same moment can put its own in between
// the two renames, hence the loop.
for (let attempt = 0; ; attempt++) {
  const old = join(root, `dist-cli.old-${process.pid}-${attempt}`);
  try {
    renameSync(out, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(next, out);
    break;
  } catch (error) {
    if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  }
}
// Leftovers of builds that were stopped half-way.
for (const name of readdirSync(root)) {
  const pid = /^dist-cli\.(?:next|old)-(\d+)/.exec(name)?.[1];
  if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(root, name), { recursive: true, force: true });
}
console.log(`netweave: built the command line into dist-cli/ (${sources.length} source files, ${((Date.now() - started) / 1000).toFixed(1)} s)`);

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function cleanUpAndFail(diagnostics) {
  rmSync(next, { recursive: true, force: true });
  fail(diagnostics);
}

function fail(diagnostics, messages = []) {
  const formatHost = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' };
  if (diagnostics.length > 0) console.error(ts.formatDiagnostics(diagnostics, formatHost));
  for (const message of messages) console.error(message);
  console.error('netweave: building the command line failed.');
  process.exit(1);
}
