/**
 * Command-line flags for `npm run bench -- [--sizes small,medium] [--skip-igraph] [--seed N]`.
 */
import { SIZES, type SizeName } from './generate-graph.ts';

export interface BenchArgs {
  sizes: SizeName[];
  skipIgraph: boolean;
  seed: number;
}

const USAGE = 'usage: npm run bench -- [--sizes small,medium,large] [--skip-igraph] [--seed N]';

function isSize(name: string): name is SizeName {
  return Object.hasOwn(SIZES, name);
}

export function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { sizes: ['small', 'medium', 'large'], skipIgraph: false, seed: 42 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`bench: ${flag} needs a value. ${USAGE}`);
      return v;
    };
    switch (flag) {
      case '--sizes': {
        const names = value().split(',').map((s) => s.trim()).filter((s) => s.length > 0);
        const unknown = names.filter((s) => !isSize(s));
        if (unknown.length > 0 || names.length === 0) {
          throw new Error(`bench: unknown size ${unknown.join(', ') || '(none)'}; expected small, medium or large. ${USAGE}`);
        }
        // Always smallest first, so the small size's warm-up precedes the others.
        args.sizes = (['small', 'medium', 'large'] as const).filter((s) => names.includes(s));
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
