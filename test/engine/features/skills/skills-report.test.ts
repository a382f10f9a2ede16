/**
 * The report sections end to end: from imported files through the analysis to `skills` and
 * `abilities`, JSON-ready; directed ties read as contacts; no skills at all; an empty network;
 * the metric table and the CSR must agree.
 */
import { describe, expect, it } from 'vitest';
import { importFiles } from '../../../../src/engine/io/import-files.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import { skillsReport } from '../../../../src/engine/features/skills/skills-report.ts';
import { importAbilities } from '../../../../src/engine/features/skills/abilities-import.ts';
import { abilitiesRead, analyse, fixtureDataset, fixtureText, handMade } from './helpers.ts';

describe('skills report', () => {
  it('produces JSON-ready sections with the documented fields', () => {
    const run = analyse(fixtureDataset());
    const assessment = abilitiesRead(importAbilities({ name: 'abilities-good.csv', text: fixtureText('abilities-good.csv') }, run.dataset.people)).assessment;
    const report = skillsReport(run.dataset, run.csr, run.table, run.insights, { abilities: assessment });
    const copy = JSON.parse(JSON.stringify(report));
    expect(copy).toEqual(report);
    expect(Object.keys(report.skills)).toEqual([
      'settings',
      'skills',
      'coverage',
      'rare',
      'stranded',
      'absent',
      'byCommunity',
      'gaps',
      'matrix',
      'byAttribute',
      'people',
      'introductions',
      'learning',
      'needs',
      'normalisation',
      'notes',
    ]);
    expect(Object.keys(report.abilities!)).toEqual(['settings', 'people', 'respondents', 'overall', 'individuals', 'byCommunity', 'byAttribute', 'position', 'untapped']);
    expect(report.skills.settings).toMatchObject({ attributes: ['skills'], needsAttribute: 'needs', people: 13, reported: 12, rareThreshold: 2, perPerson: true, reach: 'contacts' });
    expect(report.skills.settings.groupBy).toEqual(['organization', 'sector']);
    expect(report.skills.coverage[0]).toMatchObject({ skill: 'communications', holders: ['a1', 'a5', 'b1', 'b3', 'b4'], count: 5 });
    expect(report.skills.normalisation.map((f) => f.skill).sort()).toEqual(['budget', 'communications', 'grant writing']);
  });

  it('reads directed ties either way', () => {
    const dataset = orThrow(importFiles([
      { name: 'people.csv', text: 'id,skills\nx,\ny,\nz,legal\n' },
      { name: 'ties.csv', text: 'source,target\nx,y\nz,y\n' },
    ], { directed: true })).value;
    const run = analyse(dataset);
    expect(run.csr.directed).toBe(true);
    const report = skillsReport(run.dataset, run.csr, run.table, run.insights).skills;
    // x -> y <- z: x is two steps from legal although no directed path leads there.
    expect(report.people!['x']!.twoSteps).toEqual(['legal']);
    expect(report.people!['y']!.oneStep).toEqual(['legal']);
  });

  it('says so when no attribute holds skills', () => {
    const dataset = orThrow(importFiles([{ name: 'ties.csv', text: 'source,target\na,b\nb,c\n' }])).value;
    const run = analyse(dataset);
    const report = skillsReport(run.dataset, run.csr, run.table, run.insights).skills;
    expect(report.skills).toEqual([]);
    expect(report.coverage).toEqual([]);
    expect(report.introductions).toEqual([]);
    expect(report.notes.join(' ')).toMatch(/no attribute holds skills/);
    // With no skills there is nothing to list per person.
    expect(report.settings.perPerson).toBe(false);
    expect(report.people).toBeUndefined();
    expect(() => skillsReport(run.dataset, run.csr, run.table, run.insights, { skillsAttribute: 'skills' })).toThrow(/skills: no attribute named "skills"/);
  });

  it('handles an empty network', () => {
    const net = handMade({}, [], {});
    const report = skillsReport(net.dataset, net.csr, net.table, net.insights).skills;
    expect(report.skills).toEqual([]);
    expect(report.matrix.groups).toEqual([]);
    expect(report.people).toBeUndefined();
  });

  it('refuses a metric table in another order than the CSR', () => {
    const net = handMade({ a: {}, b: {} }, [['a', 'b']], {});
    expect(() => skillsReport(net.dataset, net.csr, { ids: ['b', 'a'], columns: { community: [1, 1] } }, net.insights)).toThrow(/same people in the same order/);
  });

  it('leaves the per-person lists out when asked, or when they would be too big', () => {
    const run = analyse(fixtureDataset());
    expect(skillsReport(run.dataset, run.csr, run.table, run.insights, { perPerson: false }).skills.people).toBeUndefined();
  });
});
