/** Command-line flags of the browser benchmark (`npm run bench:browser`). */

export const BROWSER_SIZES = {
  /** The 10k import of issue #22: few enough ties that the map draws them, animating its layout. */
  medium: { nodes: 10_000, edges: 40_000 },
  large: { nodes: 50_000, edges: 250_000 },
  huge: { nodes: 100_000, edges: 1_000_000 },
} as const;
export type BrowserSize = keyof typeof BROWSER_SIZES;

export interface BrowserArgs {
  sizes: BrowserSize[];
  seed: number;
  /** Zoom and pan the map after drawing and report frame intervals. */
  interaction: boolean;
  /** Profile the page and say what each long task spent its time on (a build without minification). */
  why: boolean;
}

export function parseBrowserArgs(argv: string[]): BrowserArgs {
  const args: BrowserArgs = { sizes: ['medium', 'large'], seed: 42, interaction: true, why: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--sizes') {
      const list = (argv[++i] ?? '').split(',').filter(Boolean);
      for (const s of list) if (!(s in BROWSER_SIZES)) throw new Error(`unknown size "${s}": use ${Object.keys(BROWSER_SIZES).join(', ')}`);
      args.sizes = list as BrowserSize[];
    } else if (flag === '--seed') {
      args.seed = Number(argv[++i]);
      if (!Number.isInteger(args.seed)) throw new Error('--seed takes an integer');
    } else if (flag === '--no-interaction') {
      args.interaction = false;
    } else if (flag === '--why') {
      args.why = true;
    } else {
      throw new Error(`unknown flag ${flag}: use --sizes ${Object.keys(BROWSER_SIZES).join(',')}, --seed N, --no-interaction, --why`);
    }
  }
  return args;
}
