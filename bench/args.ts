/**
 * Command-line flags for `npm run bench -- [--sizes small,medium] [--skip-igraph] [--seed N]
 * [--threads N] [--huge-sources N]`.
 */
import { availableParallelism } from 'node:os';
import { SIZE_ORDER, SIZES, type SizeName } from './generate-graph.ts';

export interface BenchArgs {
  sizes: SizeName[];
  skipIgraph: boolean;
  seed: number;
  /** Workers in the pool timed as "all cores". Default: every core (availableParallelism()). */
  threads: number;
  /**
   * Sources the path kernels run from at the huge size (a seeded sample, the same on both
   * sides): exact all-pairs passes there take the best part of an hour per side.
   */
  hugeSources: number;
}

/** The default leaves out huge: it is opt-in (`--sizes huge` or `--sizes all`). */
const DEFAULT_SIZES: SizeName[] = ['small', 'medium', 'large'];
export const DEFAULT_HUGE_SOURCES = 1000;

const USAGE =
  'usage: npm run bench -- [--sizes small,medium,large,huge|all] [--skip-igraph] [--seed N] [--threads N] [--huge-sources N]';

function isSize(name: string): name is SizeName {
  return Object.hasOwn(SIZES, name);
}

function positiveInteger(flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${flag} expects a positive integer. ${USAGE}`);
  return n;
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = {
    sizes: DEFAULT_SIZES,
    skipIgraph: false,
    seed: 42,
    threads: availableParallelism(),
    hugeSources: DEFAULT_HUGE_SOURCES,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`bench: ${flag} needs a value. ${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--sizes': {
        const given = value().split(',').map((s) => s.trim()).filter((s) => s.length > 0);
        const names = given.includes('all') ? [...SIZE_ORDER] : given;
        const unknown = names.filter((s) => !isSize(s));
        if (unknown.length > 0 || names.length === 0) {
          throw new Error(`bench: unknown size ${unknown.join(', ') || '(none)'}; expected ${SIZE_ORDER.join(', ')} or all. ${USAGE}`);
        }
        // Always smallest first, so the small size's warm-up precedes the others.
        args.sizes = SIZE_ORDER.filter((s) => names.includes(s));
        break;
      }
      case '--skip-igraph':
        args.skipIgraph = true;
        break;
      case '--seed': {
        const seed = Number(value());
        if (!Number.isInteger(seed)) throw new Error(`bench: --seed expects an integer. ${USAGE}`);
        args.seed = seed;
        break;
      }
      case '--threads':
        args.threads = positiveInteger(flag, value());
        break;
      case '--huge-sources':
        args.hugeSources = positiveInteger(flag, value());
        break;
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
      default:
        throw new Error(`bench: unknown flag ${flag}. ${USAGE}`);
    }
  }
  return args;
}
