/**
 * Peak memory of reading a ~100 MB Pajek `.net` (issue #17: every reader survives a 100 MB file).
 *
 *     npx tsx bench/pajek-memory.ts [--vertices 1000000] [--arcs 5000000] [--heap 4096] [--cli]
 *
 * Writes a seeded network to os.tmpdir() (`netweave-bench-<vertices>-<arcs>.net`, kept for the
 * next run): `*Vertices n` with a quoted label per vertex (`"v123"`), then `*Arcs` lines
 * `from to weight` between random vertices (weights 1..5). Then, in a fresh Node process under
 * `/usr/bin/time -v` with `--max-old-space-size=<heap>`, reads it with parsePajek as the CLI and
 * the worker do (the file as one string) and reports the process's peak RSS, the reading time and
 * what was read. `--cli` also runs `netweave analyze FILE --out <tmp>.json` (src/cli.ts through tsx,
 * so no build is needed) under the same limit, which analyses the network too (it takes long at
 * this size; `--cli-timeout S` stops it, default 900 s). Figures go in RESULTS.md; nothing here
 * asserts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, openSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/engine/core/util/rng.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** Writes the network in chunks of about 1 MB. */
function generate(path: string, vertices: number, arcs: number): void {
  const fd = openSync(path, 'w');
  let chunk: string[] = [];
  let size = 0;
  const put = (line: string) => {
    chunk.push(line);
    size += line.length + 1;
    if (size > 1 << 20) {
      writeSync(fd, `${chunk.join('\n')}\n`);
      chunk = [];
      size = 0;
    }
  };
  put(`% netweave bench: ${vertices} vertices, ${arcs} random arcs, seed 42`);
  put(`*Vertices ${vertices}`);
  for (let v = 1; v <= vertices; v += 1) put(`${v} "v${v}"`);
  put('*Arcs');
  const rng = createRng(42);
  for (let i = 0; i < arcs; i += 1) {
    const from = 1 + Math.floor(rng() * vertices);
    const to = 1 + Math.floor(rng() * vertices);
    put(`${from} ${to} ${1 + Math.floor(rng() * 5)}`);
  }
  writeSync(fd, `${chunk.join('\n')}\n`);
  closeSync(fd);
}

/** The child: reads the file as the CLI does and prints what it read, as JSON. */
async function readChild(path: string): Promise<void> {
  const { parsePajek } = await import('../src/engine/io/pajek.ts');
  const start = performance.now();
  const text = readFileSync(path, 'utf8');
  const result = parsePajek(text, { file: path });
  const seconds = (performance.now() - start) / 1000;
  const value = result.ok ? result.value : undefined;
  const issues = new Map<string, number>();
  for (const issue of result.issues) issues.set(issue.code, (issues.get(issue.code) ?? 0) + 1);
  console.log(
    JSON.stringify({ ok: result.ok, seconds, people: value?.people.length, ties: value?.ties.length, issues: Object.fromEntries(issues) }),
  );
}

interface Measured {
  status: number | null;
  peakMiB: number;
  wallSeconds: string;
  stdout: string;
  stderr: string;
}

function timed(args: string[], timeoutSeconds?: number): Measured {
  const run = spawnSync('/usr/bin/time', ['-v', ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(timeoutSeconds !== undefined ? { timeout: timeoutSeconds * 1000, killSignal: 'SIGINT' as const } : {}),
  });
  const peak = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1];
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(run.stderr)?.[1] ?? '?';
  return { status: run.status, peakMiB: Math.round(Number(peak ?? 0) / 1024), wallSeconds: wall, stdout: run.stdout, stderr: run.stderr };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf('--read');
  if (childAt >= 0) {
    await readChild(process.argv[childAt + 1] as string);
    return;
  }
  const cliAt = process.argv.indexOf('--cli-child');
  if (cliAt >= 0) {
    const { main: cli } = await import('../src/cli.ts');
    process.exitCode = await cli(process.argv.slice(cliAt + 1));
    return;
  }
  const vertices = flag('vertices', 1_000_000);
  const arcs = flag('arcs', 5_000_000);
  const heap = flag('heap', 4096);
  const path = join(tmpdir(), `netweave-bench-${vertices}-${arcs}.net`);
  if (!existsSync(path)) generate(path, vertices, arcs);
  console.log(`${path}: ${(statSync(path).size / 1e6).toFixed(1)} MB, ${vertices} vertices, ${arcs} arcs; --max-old-space-size=${heap}`);

  const read = timed(['node', `--max-old-space-size=${heap}`, '--import', 'tsx', 'bench/pajek-memory.ts', '--read', path]);
  console.log(`parsePajek: exit ${read.status}, peak RSS ${read.peakMiB} MiB, wall ${read.wallSeconds}; ${read.stdout.trim() || read.stderr.slice(-600)}`);

  if (process.argv.includes('--cli')) {
    const out = join(tmpdir(), 'netweave-bench-pajek.json');
    const args = ['node', `--max-old-space-size=${heap}`, '--import', 'tsx', 'bench/pajek-memory.ts', '--cli-child', 'analyze', path, '--out', out];
    const cli = timed(args, flag('cli-timeout', 900));
    console.log(`netweave analyze: exit ${cli.status}, peak RSS ${cli.peakMiB} MiB, wall ${cli.wallSeconds}; ${cli.stderr.slice(-600)}`);
  }
}

await main();
