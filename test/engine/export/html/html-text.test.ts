import { describe, expect, it } from 'vitest';
import { escapeHtml, html, htmlString, trusted } from '../../../../src/engine/export/html/html-text.ts';

describe('html templates', () => {
  it('escapes every interpolated string, in content and attributes', () => {
    const label = `<img src=x onerror="alert(1)">&'`;
    const out = htmlString(html`<p title="${label}">${label}</p>`);
    expect(out).toBe('<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;</p>');
  });

  it('keeps markup built by html and trusted, flattens lists and drops empty values', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(htmlString(html`<ul>${items}${null}${false}${undefined}${3}</ul>${trusted('<svg></svg>')}`)).toBe('<ul><li>a&lt;b</li><li>c</li>3</ul><svg></svg>');
  });

  it('replaces control characters and lone surrogates, keeps pairs', () => {
    expect(escapeHtml('a\u0000b\uD800c\u{1F600}\n\t')).toBe('a\uFFFDb\uFFFDc\u{1F600}\n\t');
  });
});

describe('htmlPage', () => {
  it('is one file with no script and no external reference, its title escaped', async () => {
    const { htmlPage } = await import('../../../../src/engine/export/html/page.ts');
    const page = htmlPage({ title: '</title><script>x()</script>', body: html`<h1>${'<b>'}</h1>` });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).not.toMatch(/<script|src=|href=|@import|url\(/i);
    expect(page).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
    expect(page).toContain("default-src 'none'");
  });
});
