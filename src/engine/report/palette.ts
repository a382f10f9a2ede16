/**
 * Colour-blind-safe colours. Categories use Okabe & Ito's eight-colour set extended with Paul
 * Tol's "muted" scheme; values beyond the palette share a neutral grey ("other"), since more
 * than a dozen hues cannot be told apart anyway. Continuous values use viridis stops.
 */
export const CATEGORY_COLORS = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000',
  '#332288', '#88CCEE', '#44AA99', '#117733', '#999933', '#DDCC77', '#CC6677', '#882255', '#AA4499',
];
export const OTHER_COLOR = '#BBBBBB';
export const MISSING_COLOR = '#E2E2E2';

const VIRIDIS = ['#440154', '#482878', '#3e4989', '#31688e', '#26828e', '#1f9e89', '#35b779', '#6ece58', '#b5de2b', '#fde725'];

export function categoryColor(index: number): string {
  return index >= 0 && index < CATEGORY_COLORS.length ? CATEGORY_COLORS[index]! : OTHER_COLOR;
}

/** Colour for t in [0, 1] on the viridis ramp (interpolated between stops). */
export function rampColor(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = parseInt(VIRIDIS[i]!.slice(1), 16);
  const b = parseInt(VIRIDIS[i + 1]!.slice(1), 16);
  const mix = (shift: number): number => Math.round(((a >> shift) & 255) * (1 - f) + ((b >> shift) & 255) * f);
  return `#${[16, 8, 0].map((s) => mix(s).toString(16).padStart(2, '0')).join('')}`;
}
