/**
 * Observable Plot's charts, drawn after the panel that holds them: Plot (with the d3 modules it
 * brings) is loaded when the first chart is drawn, and each chart is drawn in a task of its own.
 * Evaluated as the app started, Plot was part of its first long task; drawn in the effects of the
 * panel that shows them, the results' charts together were a task of 50 ms.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { yieldTurn } from '../../engine/core/util/yield-turn.ts';

export type PlotModule = typeof import('@observablehq/plot');

let plot: Promise<PlotModule> | null = null;

/** Plot, loaded once; asked again after a failed load (a network that came back, say). */
function loadPlot(): Promise<PlotModule> {
  plot ??= import('@observablehq/plot').catch((error: unknown) => {
    plot = null;
    throw error;
  });
  return plot;
}

/**
 * The element a chart goes in: `draw` makes the chart (given Plot and that element) whenever
 * `inputs` change, in a task after the one that drew the panel. From the panel's drawing on, the
 * element's `data-chart` is "drawing" (for scripts and tests), then "drawn", or "failed" with a
 * line saying so where Plot could not be loaded or the chart not made.
 */
export function useChart(draw: (Plot: PlotModule, host: HTMLElement) => Element, inputs: readonly unknown[]): RefObject<HTMLDivElement> {
  const host = useRef<HTMLDivElement>(null);
  // A layout effect only marks the chart and asks for it: marked as the panel is drawn, a chart
  // is never taken as drawn before its drawing began.
  useLayoutEffect(() => {
    const target = host.current;
    if (!target) return;
    let live = true;
    target.dataset.chart = 'drawing';
    const failed = (sentence: string): void => {
      target.replaceChildren(sentence);
      target.dataset.chart = 'failed';
    };
    void loadPlot().then(
      async (Plot) => {
        await yieldTurn();
        if (!live) return;
        try {
          target.replaceChildren(draw(Plot, target));
          target.dataset.chart = 'drawn';
        } catch (error) {
          console.error(error);
          failed('The chart could not be drawn.');
        }
      },
      () => live && failed('The chart could not be loaded: reload the page to try again.'),
    );
    return () => {
      live = false;
    };
  }, inputs);
  return host;
}

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
