/**
 * Writes the 10,000-node test graph for `betweenness_10k.py` as `source,target` lines: the
 * benchmark's planted-group generator at its medium size, so the reference and the test read
 * the very same ties (the JSON records a fingerprint the test checks).
 *
 *     npx tsx test/reference/betweenness_10k.ts > /tmp/betweenness_10k.csv
 */
import { generateGraph, SIZES } from '../../bench/generate-graph.ts';

export const BETWEENNESS_10K_SEED = 2201;

export function betweenness10kEdges(): { n: number; source: Int32Array; target: Int32Array } {
  return generateGraph(SIZES.medium, { seed: BETWEENNESS_10K_SEED });
}

/** FNV-1a over the edge list, so a changed generator shows up as a changed graph, not a failed bound. */
export function edgeFingerprint(source: Int32Array, target: Int32Array): string {
  let h = 0x811c9dc5;
  for (let e = 0; e < source.length; e++) {
    for (const x of [source[e]!, target[e]!]) {
      h ^= x;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

if (process.argv[1]?.endsWith('betweenness_10k.ts')) {
  const { source, target } = betweenness10kEdges();
  const lines = ['source,target'];
  for (let e = 0; e < source.length; e++) lines.push(`${source[e]},${target[e]}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  process.stderr.write(`fingerprint ${edgeFingerprint(source, target)}\n`);
}
