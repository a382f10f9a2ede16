/**
 * Seeded pseudo-random numbers (mulberry32): every stochastic step in the engine takes one of
 * these so a report can be reproduced from its recorded seed.
 */
export type Rng = () => number;

/**
 * The seed every seeded step uses when none is given (Louvain, sampled sources, core-periphery
 * restarts, the app's new projects), so that a default run is reproducible and its report says so.
 */
export const DEFAULT_SEED = 42;

export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
