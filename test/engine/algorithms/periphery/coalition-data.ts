/**
 * The coalition sample (data/samples/coalition) as a Dataset, built straight from its answer key
 * (the survey importer is separate): people from truth/people.json with the roster's attributes
 * (people.csv, matched by email; skills split on ";"), ties from truth/mentions.json's resolved
 * mentions of one wave (respondent -> person, relation = question, directed). `responded` is
 * false for people who gave no answer in that wave.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import type { Attributes } from '../../../../src/engine/core/model/records.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

interface TruthPerson {
  id: string;
  name: string;
  email: string;
  community: number;
  peripheral: boolean;
  broker: boolean;
}

interface Mention {
  wave: number;
  respondent: string;
  person: string | null;
  question: string;
}

export function coalitionTruth(): TruthPerson[] {
  return JSON.parse(readFileSync(`${COALITION_DIR}truth/people.json`, 'utf8')) as TruthPerson[];
}

export function coalitionDataset(options: { wave?: number; questions?: string[] } = {}): Dataset {
  const wave = options.wave ?? 1;
  const truth = coalitionTruth();
  const roster = Papa.parse<Record<string, string>>(readFileSync(`${COALITION_DIR}people.csv`, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  const byEmail = new Map(roster.map((r) => [r.email!.trim().toLowerCase(), r]));
  const mentions = (JSON.parse(readFileSync(`${COALITION_DIR}truth/mentions.json`, 'utf8')) as Mention[]).filter(
    (m) => m.wave === wave && m.person !== null && (!options.questions || options.questions.includes(m.question)),
  );
  const responded = new Set(
    (JSON.parse(readFileSync(`${COALITION_DIR}truth/mentions.json`, 'utf8')) as Mention[])
      .filter((m) => m.wave === wave)
      .map((m) => m.respondent),
  );
  const people = truth.map((p) => {
    const row = byEmail.get(p.email.toLowerCase());
    const attributes: Attributes = { responded: responded.has(p.id) };
    if (row) {
      for (const key of ['organization', 'sector', 'region']) attributes[key] = row[key]!.trim();
      attributes.skills = row.skills!.split(';').map((s) => s.trim()).filter((s) => s !== '');
    }
    return { id: p.id, label: p.name, attributes };
  });
  const questions = [...new Set(mentions.map((m) => m.question))].sort();
  return {
    format: 'netweave-dataset',
    version: 1,
    name: `Coalition wave ${wave}`,
    people,
    relations: questions.map((name) => ({ name, directed: true })),
    ties: mentions
      .filter((m) => m.respondent !== m.person)
      .map((m) => ({ source: m.respondent, target: m.person!, relation: m.question, directed: true, weight: 1 })),
    attendance: [],
    mentorships: [],
  };
}
