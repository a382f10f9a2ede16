/**
 * Every export of the app honours consent and pseudonyms: written from the shared dataset and its
 * own analysis, no export holds the name or email of a person left out or not to be named, and a
 * pseudonymised export holds no roster name or email at all (only its key does). Checked on the
 * coalition roster with a consent column added here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPORTS, exportAvailable, type DownloadFile, type ExportKind } from '../../src/viz/actions/exports.ts';
import { exportFiles, sharedExportFiles, type SharedNetwork } from '../../src/engine/project/export-files.ts';
import { importFiles } from '../../src/engine/io/import-files.ts';
import { runAnalysis } from '../../src/engine/analysis/run-analysis.ts';
import { newProject } from '../../src/engine/project/new-project.ts';
import { projectAnalysisOptions } from '../../src/engine/project/project-analysis.ts';
import { shareDataset, sharingRestricts, consentCounts, looksLikeKey } from '../../src/engine/features/sharing/share.ts';
import { restoreNames } from '../../src/engine/features/sharing/pseudonymise.ts';
import { readSurveyTable } from '../../src/engine/io/read-table.ts';
import { parseProjectFile } from '../../src/engine/project/project-file.ts';
import { SystemMapSchema } from '../../src/engine/core/model/systemmap.ts';
import { createRng } from '../../src/engine/core/util/rng.ts';
import type { Project } from '../../src/engine/core/model/project.ts';
import { countsSentence, identifyingAttributes } from '../../src/viz/components/sharing-dialog.tsx';

const roster = readFileSync(new URL('../../data/samples/coalition/people.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
const header = roster[0]!.split(',');
const rows = roster.slice(1).map((line) => line.split(','));
const nameAt = header.indexOf('name');
const emailAt = header.indexOf('email');
/** Every fifth person left out, every seventh not named (when not also out), the rest yes; one unclear answer. */
const consentOf = (i: number): string => (i % 5 === 0 ? 'no' : i % 7 === 0 ? 'unnamed' : i === 3 ? 'maybe later' : 'yes');
const people = [`${header.join(',')},consent to share`, ...rows.map((r, i) => `${r.join(',')},${consentOf(i)}`)].join('\n');
const rng = createRng(7);
const names = rows.map((r) => r[nameAt]!);
const ties = ['source,target,note', ...Array.from({ length: 300 }, () => {
  const a = names[Math.floor(rng() * names.length)]!;
  const b = names[Math.floor(rng() * names.length)]!;
  return a === b ? null : `${a},${b},reported by ${a}`;
}).filter((line): line is string => line !== null)].join('\n');

function coalition(): Project {
  const read = importFiles([{ name: 'people.csv', text: people }, { name: 'ties.csv', text: ties }], { kinds: { 'people.csv': 'nodes', 'ties.csv': 'edges' } });
  if (!read.ok) throw new Error(read.issues.map((i) => i.message).join('; '));
  const project = newProject('Coalition', read.value);
  // Actors of a system map: one person who is out, one named, and an organisation.
  const systemMap = SystemMapSchema.parse({
    version: 1,
    name: 'Coalition map',
    factors: [{ id: 'f1', label: 'Trust' }, { id: 'f2', label: 'Funding' }],
    links: [{ id: 'l1', from: 'f1', to: 'f2', polarity: '+' }],
    actors: [{ id: names[0], label: names[0] }, { id: names[1], label: names[1] }, { id: 'Nonprofit org 23', label: 'Nonprofit org 23' }],
    worksOn: [{ actor: names[0], factor: 'f1' }, { actor: names[1], factor: 'f2' }, { actor: 'Nonprofit org 23', factor: 'f1' }],
  });
  // Program records that name people: a ledger entry and a circle lock for a person left out.
  const ledger = [{ date: '2026-01-05', weaver: names[2]!, personA: names[0]!, personB: names[5]!, level: 3, kind: 'by hand' as const, note: `met ${names[0]}` }];
  const circles = { ...project.circles, locks: [{ person: names[0]!, circle: 'Circle 1' }] };
  return { ...project, systemMap, ledger, circles, sources: [{ name: `${names[0]} notes.csv`, kind: 'nodes' }] };
}

async function shared(project: Project): Promise<SharedNetwork> {
  const s = shareDataset(project.dataset, project.sharing);
  const analysis = await runAnalysis(s.dataset, projectAnalysisOptions({ settings: project.settings, abilities: null }));
  return { ...s, analysis };
}

/** A file's text; a workbook's sheets read as tables. */
function textOf(file: DownloadFile): string {
  if (typeof file.content === 'string') return file.content;
  return ['Elements', 'Connections']
    .map((sheet) => {
      const table = readSurveyTable({ name: file.name, text: '', bytes: file.content as Uint8Array }, { sheet });
      return table.ok ? [table.value.headers.join(','), ...table.value.records.map((r) => r.cells.join(','))].join('\n') : '';
    })
    .join('\n');
}

/** Whether `text` holds `secret` as a whole (nia.jones@… is not inside yesenia.jones@…). */
const holds = (text: string, secret: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}._-])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

// The report and packets are made in the worker and searched for names in their own tests (engine and e2e).
const DATA_KINDS = EXPORTS.map((e) => e.kind).filter((k): k is Exclude<ExportKind, 'map-png' | 'sharing' | 'project-own' | 'report' | 'packets'> => !['map-png', 'sharing', 'project-own', 'report', 'packets'].includes(k));

describe('exports honour consent', () => {
  it('counts the consent column with unclear answers, and says when sharing restricts anything', () => {
    const project = coalition();
    expect(project.sharing.consentColumn).toBe('consent to share');
    const counts = consentCounts(project.dataset.people, project.sharing);
    expect(counts).toMatchObject({ out: 24, unclear: 1 });
    expect(counts.named + counts.unnamed + counts.out).toBe(120);
    expect(sharingRestricts(project.dataset.people, project.sharing)).toBe(true);
    const everyone = { ...project.sharing, consentColumn: '' };
    expect(sharingRestricts(project.dataset.people, everyone)).toBe(false);
    expect(sharingRestricts(project.dataset.people, { ...everyone, consent: { [names[2]!]: 'out' } })).toBe(true);
  });

  it('no export names a person left out or not to be named; the map picture is not offered', async () => {
    const project = coalition();
    const network = await shared(project);
    expect(network.leftOut).toBe(24);
    expect(network.dataset.people.length).toBe(96);
    expect(network.analysis.figures.nodes).toBe(96);
    const hidden = rows.filter((_, i) => consentOf(i) !== 'yes').flatMap((r) => [r[nameAt]!, r[emailAt]!]);
    expect(exportAvailable('shared-as-is', project, network.analysis, true)).toBe(false);
    for (const kind of [...DATA_KINDS, 'introductions' as const]) {
      const files = sharedExportFiles(kind, project, network);
      expect(files.length, kind).toBeGreaterThan(0);
      for (const file of files) {
        const text = textOf(file);
        for (const secret of hidden) expect(holds(text, secret), `${kind} ${file.name} holds ${secret}`).toBe(false);
      }
    }
    // A named person is still named (the search finds what is there: the workbook is read as tables); the system map keeps the organisation and drops the person left out.
    for (const kind of ['gexf', 'kumu'] as const) expect(holds(textOf(sharedExportFiles(kind, project, network)[0]!), names[1]!), kind).toBe(true);
    expect(holds(textOf(exportFiles('kumu', project, await runAnalysis(project.dataset))[0]!), names[0]!)).toBe(true);
    const links = sharedExportFiles('systemmap-kumu', project, network).map(textOf).join('\n');
    expect(links).toContain('Nonprofit org 23');
    expect(links).toContain(names[1]);
    // The shared project file opens again, with the shared people only.
    const file = sharedExportFiles('project', project, network)[0]!;
    const reopened = parseProjectFile(String(file.content), file.name);
    expect(reopened.ok && reopened.value.dataset.people.length).toBe(96);
  });

  it('pseudonymised exports hold no roster name or email; the key restores them, and a wrong key changes nothing', async () => {
    const base = coalition();
    const project: Project = { ...base, sharing: { ...base.sharing, pseudonymise: true, keepAttributes: ['sector'] } };
    const network = await shared(project);
    expect(network.keyCsv).not.toBeNull();
    const secrets = rows.flatMap((r) => [r[nameAt]!, r[emailAt]!]);
    for (const kind of [...DATA_KINDS, 'introductions' as const]) {
      const files = sharedExportFiles(kind, project, network);
      const key = files.find((f) => f.name.includes('KEY'));
      expect(key, kind).toBeDefined();
      expect(looksLikeKey(String(key!.content))).toBe(true);
      for (const file of files.filter((f) => f !== key)) {
        const text = textOf(file);
        for (const secret of secrets) expect(holds(text, secret), `${kind} ${file.name} holds ${secret}`).toBe(false);
      }
    }
    // The shared project file, with codes, no longer points at a consent column it does not carry.
    const projectFile = sharedExportFiles('project', project, network)[0]!;
    const reopened = parseProjectFile(String(projectFile.content), projectFile.name);
    expect(reopened.ok && reopened.value.sharing.consentColumn).toBe('');
    const key = String(sharedExportFiles('people-csv', project, network).find((f) => f.name.includes('KEY'))!.content);
    const restored = restoreNames(network.dataset, key, 'key.csv');
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(restored.value.people.map((p) => p.label)).toContain(names[1]);
    const other = shareDataset(project.dataset, { ...project.sharing, consentColumn: '' });
    const wrong = restoreNames(other.dataset, key, 'key.csv');
    expect(!wrong.ok && wrong.issues[0]!.code).toBe('key-mismatch');
    expect(looksLikeKey('name,email\nAna,a@x.org')).toBe(false);
  });
});

describe('the Sharing dialog, in words', () => {
  it('counts in plain words and marks details that would name people behind their codes', () => {
    expect(countsSentence({ named: 41, unnamed: 5, out: 3, unclear: 2 })).toBe('41 named, 5 counted but not named, 3 left out; 2 answers not understood: read as not named');
    expect(countsSentence({ named: 1, unnamed: 0, out: 0, unclear: 1 })).toBe('1 named, 0 counted but not named, 0 left out; 1 answer not understood: read as not named');
    const people = coalition().dataset.people;
    const identifying = identifyingAttributes(people);
    expect(identifying.has('email')).toBe(true);
    expect(identifying.has('sector')).toBe(false);
  });
});
