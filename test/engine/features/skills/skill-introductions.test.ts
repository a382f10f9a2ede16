/**
 * Skill introductions and learning candidates on the fixture network (test/fixtures/skills):
 * teams a (a1-a5, holding facilitation) and b (b1-b5) joined by a5-b1, and the chain
 * a1 - p1 - p2 - p3 at the edge, where p1 and p2 hold legal (p1 also mapping). Ben Brooks (a2)
 * needs legal, Hal Hughes (b3) needs facilitation, Eli Evans (a5) needs translation (no one has
 * it). The positions come from the real people insights.
 */
import { describe, expect, it } from 'vitest';
import { skillsReport } from '../../../../src/engine/features/skills/skills-report.ts';
import { suggestionId } from '../../../../src/engine/features/weaving/suggestions.ts';
import { analyse, fixtureDataset } from './helpers.ts';

describe('skill introductions', () => {
  const run = analyse(fixtureDataset());
  const report = skillsReport(run.dataset, run.csr, run.table, run.insights).skills;

  it('finds the planted situation: legal and mapping stranded at the edge, facilitation in one team', () => {
    expect(run.insights.nodes['p1']!.peripheral).toBe(true);
    expect(run.insights.nodes['p2']!.peripheral).toBe(true);
    expect(report.stranded).toEqual(['facilitation', 'legal', 'mapping']);
    expect(report.coverage.find((c) => c.skill === 'legal')!.strandedBecause.map((r) => r.code)).toContain('all-peripheral');
    expect(report.coverage.find((c) => c.skill === 'facilitation')!.strandedBecause.map((r) => r.code)).toEqual(['one-community']);
    // Three communities (a, b and the chain): facilitation is held in one of b's two others, not
    // more than half, so b does not "miss" it; the chain misses what both teams hold.
    const chain = run.table.columns.community[run.csr.ids.indexOf('p1')]!;
    expect(report.gaps).toEqual([{ community: chain, label: `group ${chain}`, size: 3, missing: ['communications', 'data analysis', 'budget', 'grant writing'] }]);
  });

  it('connects someone who needs a skill to a holder two steps away, through the contact they share', () => {
    const legal = report.introductions.find((i) => i.purpose === 'need' && i.skill === 'legal')!;
    expect(legal).toMatchObject({ source: 'a2', target: 'p1', steps: 2, via: ['a1'], kind: 'skill-introduction' });
    expect(legal.id).toBe(suggestionId('a2', 'p1'));
    expect(legal.reason).toBe('Connect Ben Brooks, who needs legal help, to Kai Kim, who has legal and is two steps away (Ana Alvarez knows both).');
  });

  it('falls back to the nearest holder when none is two steps away', () => {
    const facilitation = report.introductions.find((i) => i.purpose === 'need' && i.skill === 'facilitation')!;
    expect(facilitation.source).toBe('b3');
    expect(facilitation.steps).toBe(3);
    expect(facilitation.reason).toMatch(/^Connect Hal Hughes, who needs facilitation help, to .+, the nearest person with facilitation \(3 steps away\)\.$/);
    expect(report.needs.unheld).toEqual([{ skill: 'translation', people: ['a5'] }]);
  });

  it('spreads stranded skills through the best-placed person, and says what it would bring', () => {
    const spread = report.introductions.filter((i) => i.purpose === 'spread');
    const legal = spread.find((i) => i.shared.includes('legal'))!;
    expect(legal.target).toBe('p1');
    expect(legal.source).toBe('b1');
    expect(legal.gain).toBe(5);
    expect(legal.shared).toEqual(['legal', 'mapping']);
    expect(legal.reason).toContain('Introducing them would bring legal within two steps of 5 more people.');
    expect(legal.reason).toContain('Kai Kim is one of only 2 people with legal and sits at the edge of the network');
    for (const i of report.introductions) {
      expect(i.id).toBe(suggestionId(i.source, i.target));
      expect(i.score).toBeGreaterThan(0);
      expect(i.score).toBeLessThanOrEqual(1);
    }
    expect(new Set(report.introductions.map((i) => i.id)).size).toBe(report.introductions.length);
    for (let k = 1; k < report.introductions.length; k++) expect(report.introductions[k - 1]!.score).toBeGreaterThanOrEqual(report.introductions[k]!.score);
  });

  it('respects the caps and the limit', () => {
    const capped = skillsReport(run.dataset, run.csr, run.table, run.insights, { introductions: { perHolder: 1, limit: 2 } }).skills.introductions;
    expect(capped.length).toBeLessThanOrEqual(2);
    const none = skillsReport(run.dataset, run.csr, run.table, run.insights, { needsAttribute: false, introductions: { minGain: 100 } }).skills.introductions;
    expect(none).toEqual([]);
  });

  it('is deterministic', () => {
    const again = skillsReport(run.dataset, run.csr, run.table, run.insights).skills;
    expect(again.introductions).toEqual(report.introductions);
    expect(again.learning).toEqual(report.learning);
  });

  it('proposes central people to learn a skill the group lacks, never peripheral ones or holders', () => {
    const legal = report.learning.find((l) => l.skill === 'legal' && l.scope === 'network')!;
    expect(legal.why).toBe('stranded');
    expect(legal.text).toBe('legal is stranded: only 2 people have it, all at the edge of the network.');
    expect(legal.candidates.length).toBeGreaterThan(0);
    // The chain misses skills, but all its members sit at the edge: no one to propose there.
    expect(report.learning.filter((l) => l.why === 'missing')).toEqual([]);
    for (const entry of report.learning) {
      for (const c of entry.candidates) {
        expect(run.insights.nodes[c.id]!.peripheral).toBe(false);
        expect(report.people![c.id]!.holds).not.toContain(entry.skill);
        expect(c.gain).toBeGreaterThan(0);
        expect(c.reason).toContain(`if they learned ${entry.skill}, ${c.gain} more`);
      }
      const gains = entry.candidates.map((c) => c.gain);
      expect([...gains].sort((a, b) => b - a)).toEqual(gains);
    }
  });
});

describe('merging with the weaving suggestions', () => {
  it('keeps one entry per pair, the better score, with the skills added', async () => {
    const { mergeSuggestions } = await import('../../../../src/engine/features/skills/merge-suggestions.ts');
    const run = analyse(fixtureDataset());
    const skills = skillsReport(run.dataset, run.csr, run.table, run.insights).skills.introductions;
    const first = skills[0]!;
    const weaving = [
      { id: first.id, kind: 'close-triangle' as const, source: first.source, target: first.target, sourceLabel: '', targetLabel: '', score: 2, reason: 'w', shared: ['maps'], via: [] },
      { id: 'intro:x+y', kind: 'engage-periphery' as const, source: 'x', target: 'y', sourceLabel: 'X', targetLabel: 'Y', score: 0.1, reason: 'w', shared: [], via: [] },
    ];
    const merged = mergeSuggestions(weaving, skills);
    expect(merged).toHaveLength(skills.length + 1);
    expect(merged[0]).toMatchObject({ id: first.id, kind: 'close-triangle', score: 2, shared: ['maps', ...first.shared] });
    expect(merged[merged.length - 1]!.id).toBe('intro:x+y');
    expect(weaving[0]!.shared).toEqual(['maps']);
    expect(mergeSuggestions(weaving, skills, 2)).toHaveLength(2);
  });

  it('stops when cancelled', async () => {
    const { CancelledError } = await import('../../../../src/engine/core/util/cancel.ts');
    const run = analyse(fixtureDataset());
    expect(() => skillsReport(run.dataset, run.csr, run.table, run.insights, {}, { isCancelled: () => true })).toThrow(CancelledError);
  });
});
