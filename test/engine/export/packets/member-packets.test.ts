/**
 * Member packets on the coalition sample (two survey waves, the roster, attendance, mentorships),
 * imported as the CLI does, with a consent column written into a copy of the roster: some named,
 * some not to be named, some out, and one hostile label. The zip is opened with fflate and its
 * pages read as text: one packet per named member and none for anyone else, no trace of the
 * people who are out, the unnamed only as "a member", labels only as text, nothing that runs or
 * loads, the weaver's note at the top, and plain-words lines without a raw decimal.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { memberPacket, memberPackets } from '../../../../src/engine/export/packets/member-packets.ts';
import { runAnalysis } from '../../../../src/engine/analysis/run-analysis.ts';
import { consentedDataset, readConsent, UNNAMED_LABEL } from '../../../../src/engine/features/sharing/consent.ts';
import { runSurveyImport } from '../../../../src/engine/features/survey/run-survey-import.ts';
import { nameSurveyWaves } from '../../../../src/engine/features/change/name-waves.ts';
import { importAttendance } from '../../../../src/engine/features/convenings/import-attendance.ts';
import { withAttendance } from '../../../../src/engine/features/convenings/summaries.ts';
import { importMentorships, withMentorships } from '../../../../src/engine/features/mentorship/import-mentorships.ts';
import { readSurveyTable } from '../../../../src/engine/io/read-table.ts';
import { orThrow, readSoFar } from '../../../../src/engine/core/util/result.ts';
import { escapeHtml } from '../../../../src/engine/export/html/html-text.ts';
import { COALITION_DIR } from '../../../helpers/samples.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const NOTE = 'Dear member,\nthank you for answering <b>the survey</b> & coming to the sessions.\n\nSee you in March!';

interface RosterRow {
  name: string;
  email: string;
  consent: string;
}

/** The roster with a consent column: every fifth person out, others not to be named or named; one hostile name. */
function rosterWithConsent(): { text: string; rows: RosterRow[] } {
  const [header, ...lines] = readFileSync(`${COALITION_DIR}people.csv`, 'utf8').trim().split(/\r?\n/);
  const consents = ['no', 'unnamed', '', 'yes', 'yes'];
  const rows: RosterRow[] = [];
  const out = lines.map((line, i) => {
    const cells = line.split(',');
    if (i === 3) cells[0] = HOSTILE;
    rows.push({ name: cells[0]!, email: cells[1]!, consent: consents[i % 5]! });
    return `${cells.join(',')},${consents[i % 5]}`;
  });
  return { text: [`${header},consent`, ...out].join('\n') + '\n', rows };
}

async function coalitionPackets() {
  const file = (name: string) => ({ name, text: readFileSync(`${COALITION_DIR}${name}`, 'utf8') });
  const roster = rosterWithConsent();
  const run = orThrow(runSurveyImport({ surveys: [file('survey_wave1.csv'), file('survey_wave2.csv')], roster: { name: 'people.csv', text: roster.text } })).value;
  let dataset = nameSurveyWaves(run, ['wave1', 'wave2']).dataset;
  dataset = withAttendance(dataset, readSoFar(importAttendance(orThrow(readSurveyTable(file('attendance.csv'))).value, { people: dataset.people })));
  dataset = withMentorships(dataset, readSoFar(importMentorships(orThrow(readSurveyTable(file('mentorships.csv'))).value, { people: dataset.people })));
  const consent = readConsent(dataset.people, 'consent');
  const shared = consentedDataset(dataset, consent.byPerson);
  // The survey's ties and mentorships: with co-attendance (everyone at a session tied to everyone) nothing is left to introduce.
  const result = await runAnalysis(shared.dataset, { relations: ['collaborate', 'advice', 'mentorship'] });
  return { roster: roster.rows, consent, shared, result, original: dataset };
}

const text = (html: string): string => html.replace(/<[^>]*>/g, ' ');
const section = (page: string, heading: string): string => {
  const at = page.indexOf(`<h2>${heading}</h2>`);
  return at < 0 ? '' : page.slice(at, page.indexOf('</section>', at));
};

describe('member packets', async () => {
  const { roster, consent, shared, result, original } = await coalitionPackets();
  const packets = memberPackets({ dataset: shared.dataset, result, leftOut: shared.leftOut }, { note: NOTE, madeBy: 'Ana, Riverbend Coalition', date: '7 December 2026', modified: new Date('2026-12-07T00:00:00Z') });
  const files = Object.fromEntries(Object.entries(unzipSync(packets.zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const pages = Object.entries(files).filter(([name]) => name !== 'index.html');
  const named = original.people.filter((p) => consent.byPerson.get(p.id) === 'named');

  it('writes one packet per named member and none for anyone else', () => {
    expect(consent.counts.named).toBeGreaterThan(40);
    expect(shared.leftOut).toBeGreaterThan(20);
    expect(shared.unnamed).toBeGreaterThan(40);
    expect(packets.packets).toBe(named.length);
    expect(pages).toHaveLength(named.length);
    expect(packets.skipped).toEqual({ unnamed: shared.unnamed, leftOut: shared.leftOut });
    const titles = pages.map(([, page]) => /<h1>(.*?): your place in the network<\/h1>/.exec(page)?.[1]);
    expect(titles.sort()).toEqual(named.map((p) => escapeHtml(p.label)).sort());
    expect(Object.keys(files)).toContain('index.html');
    expect(pages.every(([name]) => /^[\p{L}\p{N}-]+\.html$/u.test(name))).toBe(true);
  });

  it('holds no name or email of anyone out, and no name or email of anyone not to be named', () => {
    const all = Object.values(files).join('\n');
    const hidden = roster.filter((r) => r.consent !== 'yes');
    expect(hidden.length).toBeGreaterThan(60);
    for (const row of hidden) {
      expect(all).not.toContain(row.name);
      expect(all).not.toContain(row.email);
    }
    // Named people's emails are not on the pages either: a packet is about ties, not contact details.
    for (const row of roster) expect(all).not.toContain(row.email);
    expect(all).toContain(UNNAMED_LABEL);
  });

  it('shows hostile labels only as text, and nothing runs or loads', () => {
    const all = Object.values(files).join('\n');
    expect(all).not.toContain(HOSTILE);
    expect(all).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(all).not.toContain('<b>');
    for (const [name, page] of Object.entries(files)) {
      // Escaped text holds no "<": every tag is markup netweave wrote.
      const tags = page.match(/<[^>]*>/g) ?? [];
      const names = new Set(tags.map((tag) => /^<\/?([a-z0-9!]+)/i.exec(tag)?.[1]?.toLowerCase()));
      for (const bad of ['script', 'iframe', 'object', 'embed', 'link', 'img', 'svg', 'form', 'base']) expect(names.has(bad), `${name}: <${bad}>`).toBe(false);
      for (const tag of tags) {
        expect(tag, name).not.toMatch(/\son[a-z]+=|javascript:|\ssrc=|:\/\//i);
        const href = /\shref="([^"]*)"/.exec(tag)?.[1];
        if (href !== undefined) expect(href, name).toMatch(/^[\p{L}\p{N}-]+\.html$/u);
      }
      expect(page, name).toContain('Content-Security-Policy');
    }
    const hostileFile = pages.find(([, page]) => page.includes('<h1>&lt;img'));
    expect(hostileFile?.[0]).toBe('img-src-x-onerror-alert-1.html');
  });

  it('puts the weaver\'s note at the top, escaped, with its line breaks', () => {
    for (const [name, page] of pages) {
      const note = page.indexOf('<div class="note">Dear member,\nthank you for answering &lt;b&gt;the survey&lt;/b&gt; &amp; coming to the sessions.\n\nSee you in March!</div>');
      expect(note, name).toBeGreaterThan(0);
      expect(note, name).toBeLessThan(page.indexOf('<h2>Your circle</h2>'));
    }
  });

  it('says where each member sits in plain words: no raw decimal, no rank or percentile', () => {
    const lines = pages.flatMap(([, page]) => [...section(page, 'Where you sit').matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]!));
    expect(lines.length).toBeGreaterThan(named.length);
    for (const line of lines) {
      expect(line).not.toMatch(/\d\.\d|\d%|percentile|\btop \d|\bbottom \d|score|rank/i);
    }
    const words = pages.map(([, page]) => text(section(page, 'Where you sit'))).join('\n');
    expect(words).toMatch(/You connect Group \d/);
    expect(words).toMatch(/(Most|All) of your ties|Most of your ties reach beyond|Your ties are spread/);
    expect(words).toContain('within two steps of you');
    expect(words).toMatch(/You came to \d+ convening/);
  });

  it('names in the circle and in introductions only people who agreed to be named', () => {
    const namedLabels = new Set(named.map((p) => escapeHtml(p.label)));
    for (const [name, page] of pages) {
      for (const m of section(page, 'Your circle').matchAll(/<span class="who">(.*?)<\/span>/g)) expect(namedLabels.has(m[1]!), `${name}: ${m[1]}`).toBe(true);
      for (const m of section(page, 'Your circle').matchAll(/<span class="who muted">(.*?)<\/span>/g)) expect(m[1]).toBe(UNNAMED_LABEL);
      for (const m of section(page, 'Introductions to consider').matchAll(/<li><strong>(.*?)<\/strong>/g)) expect(namedLabels.has(m[1]!), `${name}: ${m[1]}`).toBe(true);
    }
    // Mentorships say who mentors whom, not who named whom.
    const circles = pages.map(([, page]) => section(page, 'Your circle')).join('\n');
    expect(circles).toMatch(/· (your mentor|you mentor them)/);
    expect(circles).not.toMatch(/mentorship ·/);
    // Introductions among named people are kept; ones to "a member" are not.
    const total = pages.reduce((sum, [, page]) => sum + [...section(page, 'Introductions to consider').matchAll(/<li>/g)].length, 0);
    expect(total).toBeGreaterThan(0);
  });

  it('lists rare skills a member holds', () => {
    const rare = pages.map(([, page]) => section(page, 'Skills few others have')).filter((s) => s !== '');
    expect(rare.length).toBeGreaterThan(0);
    expect(text(rare.join(''))).toMatch(/only you and (one other person|\d+ others) have it|you are the only one/);
  });

  it('writes one page for one member, and refuses a member not to be named', () => {
    const first = named[0]!;
    const page = memberPacket({ dataset: shared.dataset, result }, first.id, { note: NOTE });
    expect(page).toContain('your place in the network');
    const member = shared.codes.values().next().value!;
    expect(() => memberPacket({ dataset: shared.dataset, result }, member)).toThrow(/not to be named/);
  });

  it('lists in index.html only the named members, with the others counted', () => {
    const index = files['index.html']!;
    for (const p of named) expect(index).toContain(escapeHtml(p.label));
    expect(text(index)).toContain(`${shared.unnamed} members not to be named and ${shared.leftOut} members left out`);
    expect([...index.matchAll(/<li>/g)]).toHaveLength(named.length);
  });
  it('never says sitting at the same convening was naming someone', async () => {
    // With co-attendance analysed too, the counts of who named whom stay the survey's.
    const everything = await runAnalysis(shared.dataset, { relations: ['collaborate', 'advice', 'mentorship', 'co-attendance'] });
    const survey = memberPackets({ dataset: shared.dataset, result, leftOut: shared.leftOut }, { note: NOTE });
    const withRoom = memberPackets({ dataset: shared.dataset, result: everything, leftOut: shared.leftOut }, { note: NOTE });
    const namedCounts = (zip: Uint8Array): string[] =>
      Object.entries(unzipSync(zip))
        .filter(([name]) => name !== 'index.html')
        .map(([name, bytes]) => `${name}: ${/you named (\d+)/.exec(text(strFromU8(bytes)))?.[1] ?? '-'}`)
        .sort();
    expect(namedCounts(withRoom.zip)).toEqual(namedCounts(survey.zip));
  });
});
