/**
 * One self-contained HTML page: inline styles only, no script, no external reference of any
 * kind (a Content-Security-Policy in the page forbids loading anything), readable on a phone and
 * printing cleanly on A4 and Letter. The report and each member packet are written with it.
 */
import { html, htmlString, trusted, type Html } from './html-text.ts';

export interface PageOptions {
  title: string;
  /** The page's body. */
  body: Html;
  /** Styles added after the shared ones. */
  css?: string;
  /** The document's language (default English). */
  lang?: string;
}

/** Nothing loads, nothing runs: the page is its own content. `data:` images only. */
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * The shared styles: system fonts, a readable measure, tables that scroll inside themselves on a
 * phone instead of the page, and print rules (sections start on a new page, no cut rows or
 * figures, margins that fit both A4 and Letter since neither size is forced).
 */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --panel: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; }
h2 { font-size: 1.4rem; margin: 2.5rem 0 .5rem; padding-top: .5rem; border-top: 2px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
p, li { max-width: 42rem; }
.muted, figcaption, .explain { color: var(--muted); }
.explain { font-size: .92rem; margin-top: -.2rem; }
.lead { font-size: 1.1rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.figures li { background: var(--panel); border-radius: 6px; padding: .6rem .8rem; }
.figures strong { display: block; font-size: 1.4rem; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { background: var(--panel); border-left: 4px solid var(--accent); padding: .6rem 1rem; white-space: pre-line; }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  section.report-section { break-before: page; }
  section.report-section:first-of-type { break-before: auto; }
  h2 { border-top: none; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  figure, tr, .figures li, .note { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The whole file's text. */
export function htmlPage(options: PageOptions): string {
  const css = PAGE_CSS + (options.css ?? '');
  return `<!DOCTYPE html>\n${htmlString(html`<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${trusted(PAGE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${options.title}</title>
<style>${trusted(css)}</style>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>`)}\n`;
}
