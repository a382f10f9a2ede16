/**
 * Observable Plot's charts as SVG text, outside any browser: Plot draws on the document it is
 * given (`document` option), here linkedom's, a DOM written in JavaScript that runs in Node and
 * in a Worker alike. This file is the engine's one door to a DOM: nothing of it leaks out but a
 * string, so the engine's types stay free of DOM globals.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { trusted, type Html } from '../html/html-text.ts';

/** The few element methods used here, typed without the DOM library. */
interface SeamElement {
  outerHTML: string;
  tagName: string;
  attributes: Iterable<{ name: string; value: string }>;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelectorAll(selector: string): Iterable<SeamElement>;
}

/** Plot's options less the document, which this seam supplies. */
export type ChartOptions = Omit<Plot.PlotOptions, 'document'>;

/** Elements and attributes a chart must never hold: a label that became markup would show up as one. */
const FORBIDDEN_TAGS = /^(script|foreignobject|iframe|image|img|use|a|object|embed|link)$/i;
const FORBIDDEN_ATTRIBUTES = /^(on.*|href|src|xlink:href)$/i;

/** The chart's elements that could run or load something (none, as Plot writes charts today). */
function activeParts(chart: SeamElement): string[] {
  const found: string[] = [];
  for (const el of [chart, ...chart.querySelectorAll('*')]) {
    if (FORBIDDEN_TAGS.test(el.tagName)) found.push(el.tagName);
    for (const attribute of el.attributes) if (FORBIDDEN_ATTRIBUTES.test(attribute.name) || /url\(/i.test(attribute.value)) found.push(`${el.tagName} ${attribute.name}`);
  }
  return found;
}

/**
 * The chart as inline SVG markup, announced to assistive technology as one image named `label`.
 * Plot writes every label as text through the DOM, which escapes it when serialising; the check
 * of the chart's elements refuses any script, handler or reference, should that ever change.
 */
export function chartSvg(options: ChartOptions, label: string): Html {
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body></body></html>');
  const chart = Plot.plot({ ...options, ariaLabel: label, document: document as unknown as Plot.PlotOptions['document'] }) as unknown as SeamElement;
  chart.setAttribute('role', 'img');
  // Plot names each mark's <g> ("bar", "rule"), which ARIA does not allow without a role.
  for (const g of chart.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
  const active = activeParts(chart);
  if (active.length > 0) throw new Error(`A chart came out with markup that must not be in a report (${active.join(', ')}); it was not written.`);
  return trusted(chart.outerHTML);
}

export { Plot };
