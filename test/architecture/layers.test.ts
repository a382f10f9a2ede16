/**
 * The layers of src/, enforced: dependency-cruiser's rules (.dependency-cruiser.cjs: engine tiers,
 * no UI/worker/CLI/Node imports in the engine, no module cycles, workers never import the UI), no
 * cycle between the engine's folders, and every folder's README telling the truth about what the
 * folder imports. Type-only imports count everywhere. And the page, as it starts, loads none of
 * the readers and writers that only some actions need.
 *
 * README format. Every folder under src/ that holds files (src itself included) has a README.md
 * of three short lines under a `# title`:
 *
 *     # src/engine/io
 *     What lives here, in a sentence or two.
 *     May import: src/engine/core/util, src/engine/core/model, zod, papaparse.
 *     Must not import: people, algorithms, ... (optional, free text, not checked).
 *
 * `May import:` is one line, a comma-separated list (a final period is ignored) of:
 *   - folders, as paths from the repository root: `src/engine/core/model`; `*` stands for one
 *     folder name (`src/engine/algorithms/*`), a final `/**` for the folder and every folder
 *     below it (`src/engine/**`); files outside src are named by their folder (`data/demo`);
 *   - npm packages by name (`zod`, `@sigma/export-image`; covers `sigma/rendering` too);
 *   - Node built-ins as `node:fs`;
 *   - `nothing` when the folder imports nothing outside itself.
 * The line covers the files directly in the folder; imports within the folder are always
 * allowed. A folder with no files of its own (src/engine/core, src/engine/algorithms,
 * src/engine/features: a tier) covers every file below it, and imports that stay inside it are
 * allowed. The check is one-way: every actual import (type-only included) must be listed; an
 * entry nothing uses yet is allowed. The dependency-cruiser rules still apply whatever a README
 * says.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type ICruiseResult, type IModule } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const TS_CONFIG = join(ROOT, 'tsconfig.json');

async function cruiseTree(baseDir: string): Promise<ICruiseResult> {
  const options: ICruiseOptions = await extractDepcruiseOptions(CONFIG);
  options.baseDir = baseDir;
  options.tsConfig = { fileName: TS_CONFIG };
  const { output } = await cruise(['src'], options, {}, { tsConfig: extractTSConfig(TS_CONFIG) });
  if (typeof output === 'string') throw new Error('dependency-cruiser returned text, expected a result');
  return output;
}

/** One cruise of src/ per file: every test below reads it. */
let result: ICruiseResult;
beforeAll(async () => {
  result = await cruiseTree(ROOT);
}, 60_000);

function srcModules(): IModule[] {
  return result.modules.filter((m) => m.source.startsWith('src/'));
}

/** What a dependency points at, as a `May import:` entry would name it; null when unresolved. */
function targetOf(dep: IModule['dependencies'][number]): string | null {
  if (dep.couldNotResolve) return null;
  if (dep.coreModule) return `node:${dep.module.replace(/^node:/, '')}`;
  if (dep.resolved.includes('node_modules/')) {
    const parts = dep.module.split('/');
    return dep.module.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? dep.module);
  }
  return posix.dirname(dep.resolved);
}

/** A file import behind a folder-level edge, for messages. */
interface Edge {
  from: string;
  to: string;
  file: string;
  imports: string;
}

describe('dependency-cruiser rules (.dependency-cruiser.cjs)', () => {
  it('finds no violation in src', () => {
    const lines = (result.summary.violations ?? []).map((v) => {
      const cycle = v.cycle?.length ? ` via ${v.cycle.map((c) => c.name).join(' -> ')}` : '';
      return `${v.from} -> ${v.to} (${v.rule.name})${cycle}`;
    });
    expect(lines, `rule violations:\n${lines.join('\n')}`).toEqual([]);
  });

  it('catches type-only imports of the UI and of Node built-ins (tsPreCompilationDeps)', async () => {
    // test/architecture/fixture/src/engine/core/util/uses-ui-type.ts imports only types.
    const fixture = await cruiseTree(join(ROOT, 'test/architecture/fixture'));
    const seen = (fixture.summary.violations ?? []).map((v) => `${v.from} -> ${v.to} (${v.rule.name})`).sort();
    expect(seen).toEqual([
      'src/engine/core/util/uses-ui-type.ts -> src/viz/view-state.ts (engine-not-to-app)',
      'src/engine/core/util/uses-ui-type.ts -> worker_threads (engine-not-to-node)',
    ]);
  }, 60_000);
});

describe('src/engine folders', () => {
  /** Folder -> folder edges inside src/engine, each with one file import behind it. */
  function folderEdges(): Map<string, Map<string, Edge>> {
    const edges = new Map<string, Map<string, Edge>>();
    for (const m of srcModules()) {
      if (!m.source.startsWith('src/engine/')) continue;
      const from = posix.dirname(m.source);
      for (const dep of m.dependencies) {
        if (dep.couldNotResolve || !dep.resolved.startsWith('src/engine/')) continue;
        const to = posix.dirname(dep.resolved);
        if (to === from) continue;
        const out = edges.get(from) ?? new Map<string, Edge>();
        edges.set(from, out);
        if (!out.has(to)) out.set(to, { from, to, file: m.source, imports: dep.resolved });
      }
    }
    return edges;
  }

  const short = (folder: string) => folder.replace(/^src\/engine\/?/, '') || '(src/engine)';
  const describeEdge = (e: Edge) => `  ${short(e.from)} -> ${short(e.to)}: ${e.file} imports ${e.imports}`;

  it('no two folders import each other', () => {
    const edges = folderEdges();
    const mutual: string[] = [];
    for (const [from, out] of edges) {
      for (const [to, edge] of out) {
        const back = edges.get(to)?.get(from);
        if (back && from < to) mutual.push(`${short(from)} <-> ${short(to)}\n${describeEdge(edge)}\n${describeEdge(back)}`);
      }
    }
    expect(mutual, `folders importing each other:\n${mutual.join('\n')}`).toEqual([]);
  });

  it('the folder import graph has no cycle', () => {
    const edges = folderEdges();
    const cycles = folderCycles(edges).map(
      (cycle) =>
        `${cycle.map((e) => short(e.from)).join(' -> ')} -> ${short(cycle[0]!.from)}\n` +
        cycle.map(describeEdge).join('\n'),
    );
    expect(cycles, `folder cycles:\n${cycles.join('\n')}`).toEqual([]);
  });
});

/**
 * One cycle per strongly connected component of more than one folder (Tarjan), found as the
 * shortest way from the component's first folder back to itself.
 */
function folderCycles(edges: Map<string, Map<string, Edge>>): Edge[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const next = (v: string) => [...(edges.get(v)?.keys() ?? [])];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);

  return components.map((component) => {
    const inside = new Set(component);
    const start = component[0]!;
    const cameBy = new Map<string, Edge>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (const [w, edge] of edges.get(v) ?? []) {
        if (!inside.has(w) || cameBy.has(w)) continue;
        cameBy.set(w, edge);
        if (w === start) break;
        queue.push(w);
      }
      if (cameBy.has(start)) break;
    }
    const cycle: Edge[] = [];
    for (let at = start; ; ) {
      const edge = cameBy.get(at)!;
      cycle.unshift(edge);
      at = edge.from;
      if (at === start) break;
    }
    return cycle;
  });
}

describe('folder READMEs', () => {
  /** Every folder under src/ (src included) that holds a file somewhere below it. */
  function folders(): string[] {
    const found: string[] = [];
    const walk = (rel: string): boolean => {
      let holdsFile = false;
      for (const name of readdirSync(join(ROOT, rel))) {
        const child = `${rel}/${name}`;
        if (statSync(join(ROOT, child)).isDirectory()) holdsFile = walk(child) || holdsFile;
        else holdsFile = true;
      }
      if (holdsFile) found.push(rel);
      return holdsFile;
    };
    walk('src');
    return found.sort();
  }

  const readmeOf = (folder: string) => {
    try {
      return readFileSync(join(ROOT, folder, 'README.md'), 'utf8');
    } catch {
      return null;
    }
  };

  it('every folder under src has a README.md', () => {
    const missing = folders().filter((f) => readmeOf(f) === null);
    expect(missing, `folders without a README.md:\n${missing.join('\n')}`).toEqual([]);
  });

  it('every README has one "May import:" line, and it is true', () => {
    const all = folders();
    const ownFiles = new Set(srcModules().map((m) => posix.dirname(m.source)));
    const problems: string[] = [];
    for (const folder of all) {
      const readme = readmeOf(folder);
      if (readme === null) continue;
      const lines = readme.split('\n').filter((l) => l.startsWith('May import:'));
      if (lines.length !== 1) {
        problems.push(`${folder}/README.md: expected one "May import:" line, found ${lines.length}`);
        continue;
      }
      const allowed = parseMayImport(lines[0]!);
      // A folder without files of its own speaks for everything below it.
      const covers = ownFiles.has(folder)
        ? (dir: string) => dir === folder
        : (dir: string) => dir.startsWith(`${folder}/`);
      const unlisted = new Map<string, string>();
      for (const m of srcModules()) {
        if (!covers(posix.dirname(m.source))) continue;
        for (const dep of m.dependencies) {
          const target = targetOf(dep);
          if (target === null || covers(target) || allowed(target) || unlisted.has(target)) continue;
          unlisted.set(target, `${m.source} imports ${dep.module}`);
        }
      }
      for (const [target, example] of unlisted) {
        problems.push(`${folder}/README.md does not list ${target} (${example})`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

/** The `May import:` line as a test of one import target (folder path, package or node:name). */
function parseMayImport(line: string): (target: string) => boolean {
  const entries = line
    .slice('May import:'.length)
    .trim()
    .replace(/\.$/, '')
    .split(',')
    .map((e) => e.trim().replace(/^`|`$/g, ''))
    .filter((e) => e !== '' && e !== 'nothing');
  const tests = entries.map((entry): ((target: string) => boolean) => {
    const isFolder = entry.includes('/') && !entry.startsWith('@');
    if (!isFolder) return (target) => target === entry;
    const pattern = entry
      .split('/')
      .map((part) => (part === '**' ? '(/.+)?' : `/${part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')}`))
      .join('')
      .slice(1);
    const regex = new RegExp(`^${pattern}$`);
    return (target) => regex.test(target);
  });
  return (target) => tests.some((test) => test(target));
}

describe('barrels', () => {
  it('src/engine/index.ts is the only index.ts nothing imports', () => {
    const unused = srcModules()
      .filter((m) => /(^|\/)index\.ts$/.test(m.source) && m.source !== 'src/engine/index.ts')
      .filter((m) => m.dependents.length === 0)
      .map((m) => m.source);
    expect(unused, `barrels nothing imports:\n${unused.join('\n')}`).toEqual([]);
  });
});

/**
 * What the page evaluates as it starts: every module src/viz/main.ts reaches, by any import of its
 * own (the entry loads the app in stages, each a dynamic import) and then by static imports
 * (dynamic ones elsewhere load when first used; type-only imports and `typeof import(...)` are
 * erased).
 */
function startupModules(): Set<string> {
  const bySource = new Map(result.modules.map((m) => [m.source, m]));
  const seen = new Set<string>(['src/viz/main.ts']);
  const queue = ['src/viz/main.ts'];
  for (let source = queue.pop(); source !== undefined; source = queue.pop()) {
    for (const dep of bySource.get(source)?.dependencies ?? []) {
      if ((dep.dynamic && source !== 'src/viz/main.ts') || dep.dependencyTypes.some((t) => t === 'type-only' || t === 'type-import')) continue;
      if (seen.has(dep.resolved)) continue;
      seen.add(dep.resolved);
      queue.push(dep.resolved);
    }
  }
  return seen;
}

describe('the page as it starts', () => {
  it('loads no reader, writer or report renderer that only some actions need', () => {
    const started = [...startupModules()];
    // Each was part of the app's first long task: the file readers (XML, workbooks), the zip
    // writing, the HTML report's DOM and the charts. They load with the dialog, action or chart
    // that uses them.
    const heavy = ['fast-xml-parser', 'fflate', 'linkedom', '@observablehq/plot', 'node_modules/d3', 'src/engine/io/xlsx-read.ts', 'src/engine/export/report-html/plot-svg.ts'];
    const loaded = started.filter((source) => heavy.some((h) => source.includes(h)));
    expect(loaded, `loaded as the page starts:\n${loaded.join('\n')}`).toEqual([]);
    // The check sees what it should: the page's own start-up modules are there.
    expect(started).toContain('src/viz/app.tsx');
    expect(started.some((s) => s.includes('node_modules/sigma'))).toBe(true);
  });
});
