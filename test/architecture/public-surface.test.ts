/**
 * src/engine/index.ts is the engine's public surface: everything the CLI, the workers and the UI
 * take from the engine is exported there (with a line of JSDoc), so the surface in one file is
 * the whole of it. This fails when an outside import reaches a name the index does not export.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = readFileSync(join(ROOT, 'src/engine/index.ts'), 'utf8');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Names imported from engine modules by one file (`import { a, type B as C } from '.../engine/...'`). */
function engineImports(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'[^']*\/engine\/[^']+'/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]!.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

const exported = new Set([...INDEX.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((p) => p.trim().replace(/^type\s+/, '').split(/\s+as\s+/).at(-1)!.trim())));

describe('the engine public surface', () => {
  it('exports every name the CLI, the workers and the UI import from the engine', () => {
    const outside = [...files(join(ROOT, 'src/viz')), ...files(join(ROOT, 'src/workers')), ...readdirSync(join(ROOT, 'src')).filter((n) => /^cli.*\.ts$/.test(n)).map((n) => join(ROOT, 'src', n))];
    const missing = outside.flatMap((file) => engineImports(readFileSync(file, 'utf8')).filter((name) => !exported.has(name)).map((name) => `${relative(ROOT, file)}: ${name}`));
    expect(missing, 'add these to src/engine/index.ts (with a line of JSDoc)').toEqual([]);
  });
});
