/**
 * The self-contained HTML report, on the coalition sample: parsed back with linkedom to check
 * that the chosen sections and only those are there, that nothing runs or loads (no script, no
 * handler, no reference but #fragments), that hostile labels stay text in the text and in Plot's
 * charts, that a shared report names no one who is out or unnamed, and that it prints.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyDataset, type Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { runAnalysis } from '../../../../src/engine/analysis/run-analysis.ts';
import type { AnalysisResult } from '../../../../src/engine/analysis/analysis-result.ts';
import { consentedDataset, readConsent, UNNAMED_LABEL } from '../../../../src/engine/features/sharing/consent.ts';
import { renderReport } from '../../../../src/engine/export/report-html/render-report.ts';
import { SECTION_ABOUT, SECTION_IDS, sectionChoices } from '../../../../src/engine/export/report-html/section-catalogue.ts';
import { REPORT_SECTIONS } from '../../../../src/engine/export/report-html/sections.ts';
import type { ReportInput } from '../../../../src/engine/export/report-html/report-input.ts';
import { coalitionDataset, coalitionSystemMap, rosterNames } from './coalition-input.ts';

const HOSTILE_SECTOR = '<img src=x onerror=alert(1)>';
const HOSTILE_SKILL = '</svg><script>alert(1)</script>';
const HOSTILE_NAME = '"><svg onload=alert(2)>';

/** Every way a file could run or load something, found by parsing it as a browser would. */
function activeParts(text: string): string[] {
  const { document } = parseHTML(text);
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'object', 'embed', 'link', 'foreignobject', 'image', 'use'].includes(tag)) found.push(`<${tag}>`);
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag} ${name}`);
      if ((name === 'href' || name === 'src' || name === 'xlink:href' || name === 'action') && !/^(#|data:)/.test(attribute.value)) found.push(`${tag} ${name}=${attribute.value}`);
    }
  }
  if (/url\(|@import/i.test(text)) found.push('url( or @import in CSS');
  return found;
}

const sectionIds = (text: string): string[] => [...parseHTML(text).document.querySelectorAll('section.report-section')].map((s) => s.id);

describe('renderReport on the coalition sample', () => {
  let dataset: Dataset;
  let result: AnalysisResult;
  let input: ReportInput;
  let full: string;

  beforeAll(async () => {
    const read = coalitionDataset();
    // Hostile values where the charts write them (sector, a skill) and a hostile name.
    dataset = {
      ...read,
      people: read.people.map((p, i) => ({
        ...p,
        label: i === 0 ? HOSTILE_NAME : p.label,
        attributes: {
          ...p.attributes,
          sector: p.attributes.sector === 'Business' ? HOSTILE_SECTOR : p.attributes.sector!,
          skills: Array.isArray(p.attributes.skills) ? p.attributes.skills.map((s) => (s === 'budgeting' ? HOSTILE_SKILL : s)) : p.attributes.skills!,
        },
      })),
    };
    result = await runAnalysis(dataset, { groupBy: 'sector' });
    input = { dataset, result, systemMap: coalitionSystemMap() };
    full = renderReport(input, { title: 'Spring <b>report</b>', intro: 'First paragraph,\nsecond line.\n\nSecond paragraph.', layoutIterations: 40 });
  }, 60_000);

  it('holds every section the data holds, in order, each with a title and a line on what it shows', () => {
    const available = sectionChoices(input).filter((c) => c.available).map((c) => c.id);
    expect(available).toEqual(expect.arrayContaining(['health', 'map', 'edge', 'brokers', 'groups', 'equity', 'skills', 'change', 'mentorship', 'systemmap']));
    expect(sectionIds(full)).toEqual(available);
    const { document } = parseHTML(full);
    for (const section of document.querySelectorAll('section.report-section')) {
      expect(section.querySelector('h2')?.textContent).toBeTruthy();
      expect(section.querySelector('p.explain')?.textContent).toBeTruthy();
    }
    // The contents link to each section by fragment.
    expect([...document.querySelectorAll('nav.contents a')].map((a) => a.getAttribute('href'))).toEqual(available.map((id) => `#${id}`));
  });

  it('renders only the chosen sections, in report order, and refuses unknown ones', () => {
    const some = renderReport(input, { sections: ['equity', 'health', 'map'], layoutIterations: 20 });
    expect(sectionIds(some)).toEqual(['health', 'map', 'equity']);
    expect(() => renderReport(input, { sections: ['health', 'gossip'] })).toThrow(/"gossip".*health, map/);
  });

  it('runs and loads nothing: no script, no handler, no reference but #fragments', () => {
    expect(activeParts(full)).toEqual([]);
    expect(full).toContain("default-src 'none'");
  });

  it('keeps hostile labels as text, in the text and inside the charts', () => {
    const { document } = parseHTML(full);
    const text = document.body.textContent ?? '';
    expect(text).toContain(HOSTILE_SECTOR);
    expect(text).toContain(HOSTILE_SKILL);
    expect(document.querySelector('h1')?.textContent).toBe('Spring <b>report</b>');
    // The charts (Plot's SVG) hold the hostile sector and skill as text of <text> elements.
    const chartText = [...document.querySelectorAll('figure svg text')].map((t) => t.textContent).join('\n');
    expect(chartText).toContain(HOSTILE_SECTOR);
    expect(chartText).toContain(HOSTILE_SKILL);
    // In the file they are escaped text: no tag opens.
    expect(full).not.toMatch(/<img|<script|<svg onload/i);
  });

  it('keeps the introduction as paragraphs and its line breaks', () => {
    const { document } = parseHTML(full);
    expect([...document.querySelectorAll('.intro p')].map((p) => p.textContent)).toEqual(['First paragraph,\nsecond line.', 'Second paragraph.']);
  });

  it('draws the map as inline SVG with a legend and only a few names', () => {
    const { document } = parseHTML(full);
    const map = document.querySelector('figure.network-map > svg')!;
    expect(map).toBeTruthy();
    expect(map.getAttribute('viewBox')).toMatch(/^0 0 800 \d+$/);
    const names = [...map.querySelectorAll('.map-labels text')].map((t) => t.textContent);
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThanOrEqual(12);
    expect(document.querySelectorAll('.map-legend li').length).toBe(result.communities.length);
  });

  it('words measures as a weaver reads them: no raw decimals in the text', () => {
    const { document } = parseHTML(full);
    for (const svg of document.querySelectorAll('svg')) svg.remove();
    const text = document.querySelector('main')!.textContent!;
    // "3.6 steps" and "4.1%" are the app's own roundings; a score such as 0.84 never appears.
    expect(text).not.toMatch(/\b0\.\d{2,}/);
    expect(text).not.toMatch(/\d\.\d{2,}/);
  });

  it('is the same file for the same input, and uses stored positions when everyone has one', () => {
    expect(renderReport(input, { title: 'Spring <b>report</b>', intro: 'First paragraph,\nsecond line.\n\nSecond paragraph.', layoutIterations: 40 })).toBe(full);
    const positions = Object.fromEntries(result.table.ids.map((id, i) => [id, { x: i % 10, y: Math.floor(i / 10) }]));
    const a = renderReport({ ...input, positions }, { sections: ['map'], layoutSeed: 1 });
    const b = renderReport({ ...input, positions }, { sections: ['map'], layoutSeed: 2 });
    expect(a).toBe(b);
  });

  it('prints: sections break to new pages, figures are not cut', () => {
    const { document } = parseHTML(full);
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n');
    expect(css).toMatch(/@media print[\s\S]*section\.report-section\s*\{\s*break-before: page/);
    expect(css).toMatch(/figure[^{]*\{\s*break-inside: avoid/);
    expect(css).toMatch(/@page/);
  });

  it('renders every section its catalogue lists, in the same order (the app reads only the catalogue)', () => {
    expect(REPORT_SECTIONS.map((s) => s.id)).toEqual(SECTION_IDS);
    expect(REPORT_SECTIONS.map((s) => s.title)).toEqual(Object.values(SECTION_ABOUT).map((s) => s.title));
  });

  it('lists every section id in the help of the command line', async () => {
    const { HELP } = await import('../../../../src/cli.ts');
    for (const id of SECTION_IDS) expect(HELP).toContain(id);
  });
});

describe('renderReport with consent', () => {
  it('names no one who is out or unnamed, anywhere in the file, and says how many', async () => {
    const read = coalitionDataset();
    const roster = rosterNames();
    const wish = (i: number): string => (i < 3 ? 'no' : i < 8 ? 'unnamed' : 'yes');
    const order = new Map(roster.map((r, i) => [r.email.toLowerCase(), i]));
    const withConsent: Dataset = {
      ...read,
      people: read.people.map((p) => ({ ...p, attributes: { ...p.attributes, consent: wish(order.get(String(p.attributes.email ?? '').toLowerCase()) ?? 99) } })),
    };
    const consent = readConsent(withConsent.people, 'consent');
    const shared = consentedDataset(withConsent, consent.byPerson);
    expect(shared).toMatchObject({ leftOut: 3, unnamed: 5 });
    const result = await runAnalysis(shared.dataset, { groupBy: 'sector' });
    const text = renderReport({ dataset: shared.dataset, result, sharing: { leftOut: 3, unnamed: 5, pseudonymised: false } }, { layoutIterations: 30 });
    for (const [i, person] of roster.entries()) {
      if (wish(i) === 'yes') continue;
      expect(text, person.name).not.toContain(person.name);
      expect(text, person.email).not.toContain(person.email);
      // Survey answers write names in other forms too: no first name + last name pair either.
      expect(text).not.toContain(person.email.split('@')[0]!);
    }
    expect(text).toContain('3 members asked not to be included and are left out of every figure; 5 are counted but not named');
    const { document } = parseHTML(text);
    const names = [...document.querySelectorAll('.map-labels text')].map((t) => t.textContent);
    expect(names).not.toContain(UNNAMED_LABEL);
    expect(activeParts(text)).toEqual([]);
  }, 60_000);
});

describe('renderReport on a big network', () => {
  it('keeps a 10,000-person map small', async () => {
    const n = 10_000;
    const people = Array.from({ length: n }, (_, i) => ({ id: `p${i}`, label: `Person ${i}`, attributes: {} }));
    const ties = Array.from({ length: 3 * n }, (_, e) => ({ source: `p${e % n}`, target: `p${(e * 7919 + 13) % n}`, relation: 'knows', directed: false, weight: 1 + (e % 3) })).filter((t) => t.source !== t.target);
    const dataset: Dataset = { ...emptyDataset('Big'), people, relations: [{ name: 'knows', directed: false }], ties } as Dataset;
    const result = await runAnalysis(dataset, { insights: false, approximateAbove: 1000 });
    const progress: number[] = [];
    const text = renderReport({ dataset, result }, { sections: ['health', 'map'], layoutIterations: 4 }, { onProgress: (step, f) => step === 'layout' && progress.push(f) });
    expect(progress.at(-1)).toBe(1);
    expect(text.length).toBeLessThan(600_000);
    expect(text).toContain('5,000 of its');
  }, 120_000);
});
