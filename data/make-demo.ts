/**
 * Generates the bundled demo: "Riverbend Climate Coalition", a fictional 140-member coalition
 * (seeded, so the files are reproducible). People belong to organisations in five sectors and
 * four regions, work in planted issue groups, and answered two questions (collaboration,
 * advice). A few members sit at the edge with one tie or none; a few broker between groups. Each
 * says whether they may be named in what is shared (consent to share: yes, unnamed or no).
 *
 *   npx tsx data/make-demo.ts   (writes data/demo/people.csv and data/demo/ties.csv)
 */
import { writeFileSync } from 'node:fs';
import { createRng } from '../src/engine/core/util/rng.ts';
import { toCsv } from '../src/engine/io/csv-cells.ts';

const rng = createRng(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

const FIRST = ['Amara', 'Ben', 'Carmen', 'Deshawn', 'Elena', 'Farid', 'Grace', 'Hiroshi', 'Imani', 'Jonas', 'Keiko', 'Luis', 'Maya', 'Nikhil', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Samir', 'Tamara', 'Umar', 'Valeria', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Aiyana', 'Bashir', 'Chloe', 'Dmitri', 'Esther', 'Femi', 'Gabriel', 'Hana', 'Ibrahim', 'Julia', 'Kwame', 'Lena', 'Mateo', 'Nadia'];
const LAST = ['Abara', 'Bennett', 'Castillo', 'Dubois', 'Eriksen', 'Fofana', 'Garcia', 'Haddad', 'Ivanova', 'Johnson', 'Kaur', 'Lindqvist', 'Mensah', 'Nakamura', 'Okafor', 'Petrov', 'Quispe', 'Rahman', 'Silva', 'Tanaka', 'Usman', 'Vasquez', 'Walker', 'Xu', 'Yilmaz', 'Zulu'];
const SECTORS = ['Nonprofit', 'Government', 'Business', 'Philanthropy', 'Community group'] as const;
const REGIONS = ['North Valley', 'Riverside', 'Eastern Hills', 'Downtown'] as const;
const GROUPS = ['Clean transit', 'Energy justice', 'Green jobs', 'Watershed', 'Policy & advocacy', 'Youth climate'] as const;
const SKILLS = ['facilitation', 'grant writing', 'policy analysis', 'data analysis', 'media relations', 'community organizing', 'budgeting', 'translation', 'legal advice', 'graphic design', 'evaluation', 'youth engagement'];
const RARE_SKILLS = ['legal advice', 'translation', 'graphic design'];

interface Member {
  id: string;
  name: string;
  email: string;
  organization: string;
  sector: string;
  region: string;
  group: number;
  role: 'core' | 'member' | 'edge' | 'broker';
  skills: string[];
  joined: number;
}

const N = 140;
const used = new Set<string>();
const members: Member[] = [];
for (let i = 0; i < N; i++) {
  let name = '';
  do name = `${pick(FIRST)} ${pick(LAST)}`;
  while (used.has(name));
  used.add(name);
  const group = i % GROUPS.length;
  const sector = SECTORS[(group + Math.floor(rng() * 3)) % SECTORS.length]!;
  const role = i < 18 ? 'core' : i >= N - 16 ? 'edge' : i % 23 === 5 ? 'broker' : 'member';
  const skillCount = 1 + Math.floor(rng() * 3);
  const skills = new Set<string>();
  while (skills.size < skillCount) {
    const s = pick(SKILLS);
    // Rare skills live mostly at the edge, as they often do in real coalitions.
    if (RARE_SKILLS.includes(s) && role !== 'edge' && rng() < 0.85) continue;
    skills.add(s);
  }
  members.push({
    id: `m${String(i + 1).padStart(3, '0')}`,
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
    organization: `${sector === 'Community group' ? 'Neighbours of' : sector} ${['Riverbend', 'Oakridge', 'Millbrook', 'Cedar', 'Harbor', 'Summit'][Math.floor(rng() * 6)]}${sector === 'Government' ? ' County' : ''}`,
    sector,
    region: group % 4 === 0 && rng() < 0.5 ? 'Downtown' : REGIONS[(group + (rng() < 0.2 ? 1 : 0)) % REGIONS.length]!,
    group,
    role,
    skills: [...skills],
    joined: 2019 + Math.floor(rng() * 6),
  });
}

type Relation = 'collaboration' | 'advice';
const ties = new Map<string, { source: string; target: string; relation: Relation; weight: number }>();
// Collaboration goes both ways (one row per pair); advice has a direction (who asks whom).
function addTie(a: Member, b: Member, relation: Relation, weight: number): void {
  if (a === b) return;
  const key = relation === 'collaboration' ? `${relation}|${[a.id, b.id].sort().join('|')}` : `${relation}|${a.id}|${b.id}`;
  if (!ties.has(key)) ties.set(key, { source: a.id, target: b.id, relation, weight });
}

for (const a of members) {
  if (a.role === 'edge') continue;
  const own = members.filter((b) => b.group === a.group && b !== a && b.role !== 'edge');
  const collaborations = a.role === 'core' ? 9 : 3 + Math.floor(rng() * 3);
  for (let k = 0; k < collaborations; k++) addTie(a, pick(own), 'collaboration', 1 + Math.floor(rng() * 3));
  const outside = a.role === 'broker' ? 5 : a.role === 'core' ? 2 : rng() < 0.25 ? 1 : 0;
  for (let k = 0; k < outside; k++) {
    const other = members.filter((b) => b.group !== a.group && b.role !== 'edge' && (a.role === 'broker' || b.role === 'core'));
    addTie(a, pick(other), 'collaboration', 1);
  }
  // Advice flows toward the core of one's own group.
  const advisers = own.filter((b) => b.role === 'core' || b.joined < a.joined);
  for (let k = 0; k < 2 && advisers.length > 0; k++) addTie(a, pick(advisers), 'advice', 1);
}
// Edge members: some with a single tie, some named by no one, two isolates.
members
  .filter((m) => m.role === 'edge')
  .forEach((m, k) => {
    if (k < 2) return;
    const anchor = pick(members.filter((b) => b.group === m.group && b.role !== 'edge'));
    if (k % 2 === 0) addTie(m, anchor, 'collaboration', 1);
    else addTie(m, anchor, 'advice', 1);
  });

// What each member agreed to when the report is shared: most yes, a few counted but not named, a
// few left out (by their place in the list: the random draws above stay as they were).
const consentOf = (i: number): string => (i % 29 === 11 ? 'no' : i % 17 === 6 ? 'unnamed' : 'yes');
const header = ['name', 'email', 'organization', 'sector', 'region', 'issue group', 'skills', 'member since', 'consent to share'];
const people = members.map((m, i) => [m.name, m.email, m.organization, m.sector, m.region, GROUPS[m.group], m.skills.join(';'), m.joined, consentOf(i)]);
writeFileSync(new URL('./demo/people.csv', import.meta.url), toCsv(header, people) + '\n');
const nameOf = new Map(members.map((m) => [m.id, m.name]));
const rows = [...ties.values()].map((t) => [nameOf.get(t.source), nameOf.get(t.target), t.relation, t.weight, t.relation === 'advice']);
writeFileSync(new URL('./demo/ties.csv', import.meta.url), toCsv(['source', 'target', 'relation', 'weight', 'directed'], rows) + '\n');
process.stdout.write(`demo: ${members.length} people, ${rows.length} ties\n`);
