/**
 * Observable Plot's charts as one image to assistive technology: Plot names each mark's `<g>`
 * with an aria-label ("rect", "rule"), which ARIA does not allow on an element with no role; the
 * chart's own label (its `ariaLabel` option) says what it shows.
 */
export function accessibleChart<T extends Element>(chart: T): T {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector('svg');
  svg?.setAttribute('role', 'img');
  for (const g of chart.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  return chart;
}
