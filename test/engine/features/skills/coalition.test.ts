/**
 * On the coalition sample (data/samples/coalition): truth/people.json places three rare
 * skills only with members planted at the edge of the network. Do they come out rare and
 * stranded, and are introductions proposed to spread them? The network is wave 1, built two
 * ways: from the answer key's resolved ties (truth/mentions.json, respondent -> person) and
 * through the survey importer (survey_wave1.csv + people.csv as roster); abilities.csv is the
 * self-assessment. Figures are reported in README.md ("Distributed skills").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../../src/engine/core/graph/build-graph.ts';
import { toCsr } from '../../../../src/engine/core/graph/csr.ts';
import { computeMetrics } from '../../../../src/engine/analysis/compute-metrics.ts';
import { peopleInsights } from '../../../../src/engine/analysis/people-insights.ts';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import { orThrow } from '../../../../src/engine/core/util/result.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import { importAbilities } from '../../../../src/engine/features/skills/abilities-import.ts';
import { skillsReport, type SkillsReport } from '../../../../src/engine/features/skills/skills-report.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';
import { abilitiesRead } from './helpers.ts';
import { coalitionDataset } from '../../algorithms/periphery/coalition-data.ts';

interface TruthPerson {
  id: string;
  email: string;
  peripheral: boolean;
  skills: string[];
}

const source = (name: string) => ({ name, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });

interface Run {
  report: SkillsReport;
  abilities: ReturnType<typeof abilitiesRead>;
  /** Our person id -> the answer key's id. */
  truthId: (id: string) => string;
}

function run(dataset: Dataset, relations?: string[]): Run {
  const graph = buildGraph(dataset, { relations });
  const csr = toCsr(graph);
  const { table } = computeMetrics(graph, {}, undefined, csr);
  const insights = peopleInsights(dataset, graph, csr, table, {});
  const abilities = abilitiesRead(importAbilities(source('abilities.csv'), dataset.people));
  const report = skillsReport(dataset, csr, table, insights, { abilities: abilities.assessment });
  const truth = JSON.parse(readFileSync(`${COALITION_DIR}truth/people.json`, 'utf8')) as TruthPerson[];
  const byEmail = new Map(truth.map((p) => [p.email.toLowerCase(), p.id]));
  const emails = new Map(dataset.people.map((p) => [p.id, String(p.attributes['email'] ?? '').toLowerCase()]));
  return { report, abilities, truthId: (id) => (id.startsWith('p') && /^p\d+$/.test(id) ? id : (byEmail.get(emails.get(id) ?? '') ?? id)) };
}

describe('coalition sample: planted rare skills at the edge come out stranded', () => {
  const truth = JSON.parse(readFileSync(`${COALITION_DIR}truth/people.json`, 'utf8')) as TruthPerson[];
  const holders = new Map<string, TruthPerson[]>();
  for (const p of truth) for (const s of p.skills) holders.set(s, [...(holders.get(s) ?? []), p]);
  /** Skills the answer key gives only to peripheral members. */
  const planted = [...holders.entries()].filter(([, list]) => list.every((p) => p.peripheral)).map(([s]) => s).sort();

  const survey = orThrow(runSurveyImport({ surveys: [source('survey_wave1.csv')], roster: source('people.csv') })).value.dataset;
  const runs: Record<string, Run> = {
    'answer key, collaboration': run(coalitionDataset({ wave: 1 }), ['collaborate']),
    'answer key, all relations': run(coalitionDataset({ wave: 1 })),
    'survey import, collaboration': run(survey, ['collaborate']),
    'survey import, all relations': run(survey),
  };

  it('figures (printed for the README)', () => {
    const lines = Object.entries(runs).map(([name, r]) => {
      const s = r.report.skills;
      const found = planted.filter((p) => s.stranded.includes(p));
      return `${name}: ${s.skills.length} skills, rare ${s.rare.length} (${s.rare.join(', ')}), planted stranded ${found.length}/${planted.length}, other skills stranded ${s.stranded.length - found.length}, introductions ${s.introductions.length}, untapped conveners ${r.report.abilities!.untapped.find((u) => u.ability === 'Convening')!.people.length}`;
    });
    console.log(lines.join('\n'));
    expect(planted).toEqual(['Spanish interpretation', 'graphic design', 'legal']);
  });

  it('finds the planted skills rare, and nothing else', () => {
    for (const r of Object.values(runs)) {
      expect(r.report.skills.settings.rareThreshold).toBe(3);
      expect([...r.report.skills.rare].sort()).toEqual(planted);
    }
  });

  it('surfaces every planted skill as stranded on the collaboration ties', () => {
    for (const name of ['answer key, collaboration', 'survey import, collaboration'] as const) {
      const s = runs[name]!.report.skills;
      expect([...s.stranded].sort()).toEqual(planted);
      for (const skill of planted) {
        const entry = s.coverage.find((c) => c.skill === skill)!;
        expect(entry.strandedBecause.map((b) => b.code)).toContain('all-peripheral');
        expect(entry.holders.map(runs[name]!.truthId).sort()).toEqual(holders.get(skill)!.map((p) => p.id).sort());
      }
    }
  });

  it('on all relations, stranded skills are planted ones; legal has a holder asked for advice by many', () => {
    for (const name of ['answer key, all relations', 'survey import, all relations'] as const) {
      const s = runs[name]!.report.skills;
      expect(s.stranded.every((skill) => planted.includes(skill))).toBe(true);
      expect([...s.stranded].sort()).toEqual(['Spanish interpretation', 'graphic design']);
      // p045 holds legal; five colleagues ask them for advice, so with advice ties they are not flagged peripheral.
      const legal = s.coverage.find((c) => c.skill === 'legal')!;
      expect(legal.position.peripheral).toBe(1);
      expect(legal.reach.twoSteps).toBeGreaterThan(s.coverage.find((c) => c.skill === 'graphic design')!.reach.twoSteps);
    }
  });

  it('proposes introductions that spread each planted skill, and people to learn it', () => {
    for (const r of Object.values(runs)) {
      const s = r.report.skills;
      const spread = new Set(s.introductions.filter((i) => i.purpose === 'spread').flatMap((i) => i.shared));
      for (const skill of planted) expect(spread.has(skill)).toBe(true);
      for (const skill of s.stranded) expect(s.learning.some((l) => l.skill === skill && l.why === 'stranded' && l.candidates.length > 0)).toBe(true);
      for (const i of s.introductions) expect(i.gain).toBeGreaterThan(0);
    }
  });

  it('imports the assessment and names untapped conveners at the edge', () => {
    for (const r of Object.values(runs)) {
      expect(r.abilities.issues).toEqual([]);
      expect(r.abilities.matches).toHaveLength(88);
      const abilities = r.report.abilities!;
      expect(abilities.respondents).toBe(88);
      const conveners = abilities.untapped.find((u) => u.ability === 'Convening')!;
      expect(conveners.people.length).toBeGreaterThan(0);
      for (const p of conveners.people) {
        expect(p.score).toBeGreaterThanOrEqual(4);
        expect(abilities.individuals.find((x) => x.id === p.id)!.peripheral).toBe(true);
      }
      expect(abilities.byCommunity.reduce((sum, c) => sum + c.respondents, 0)).toBeLessThanOrEqual(88);
    }
  });
});
