/** The stick check's rules on small made-up networks: dated waves, not yet known, already tied, undirected ties. */
import { describe, expect, it } from 'vitest';
import { checkLedger } from '../../../../src/engine/features/ledger/stick.ts';
import { ProjectSchema } from '../../../../src/engine/core/model/project.ts';
import { LedgerEntrySchema, type LedgerEntryInput } from '../../../../src/engine/core/model/ledger.ts';
import type { Dataset } from '../../../../src/engine/core/model/dataset.ts';
import type { Tie } from '../../../../src/engine/core/model/records.ts';

const people = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase(), attributes: {} }));
const dataset = (ties: Array<Partial<Tie> & { source: string; target: string }>): Dataset => ({
  format: 'netweave-dataset',
  version: 1,
  name: 'test',
  people,
  relations: [],
  ties: ties.map((t) => ({ relation: 'knows', directed: true, weight: 1, ...t })),
  attendance: [],
  mentorships: [],
});
const entry = (e: Partial<LedgerEntryInput>): LedgerEntryInput => ({ date: '2025-05-01', personA: 'a', personB: 'b', level: 3, ...e });
const check = (d: Dataset, entries: LedgerEntryInput[]) => checkLedger(d, entries.map((e) => LedgerEntrySchema.parse(e)));

describe('checkLedger', () => {
  it('uses the waves dated after each introduction when every wave has a date', () => {
    const d = dataset([
      { source: 'c', target: 'd', wave: 'spring', date: '2025-03-01' },
      { source: 'b', target: 'a', wave: 'autumn', date: '2025-10-01', relation: 'advice' },
    ]);
    const out = check(d, [entry({}), entry({ date: '2025-11-01' })]);
    expect(out.basis).toBe('dated');
    expect(out.introductions[0]).toMatchObject({ status: 'stuck', relation: 'advice', mutual: false, wave: 'autumn', checkedIn: ['autumn'] });
    expect(out.introductions[1]).toMatchObject({ status: 'not-yet-known', stuck: null, checkedIn: [] });
    expect(out.rates.all).toMatchObject({ made: 2, stuck: 1, unknown: 1, share: 1 });
  });

  it('counts both directions as mutual, and an undirected tie too; says when they were already tied', () => {
    const d = dataset([
      { source: 'a', target: 'b', wave: 'w1' },
      { source: 'a', target: 'b', wave: 'w2' },
      { source: 'b', target: 'a', wave: 'w2', relation: 'advice' },
      { source: 'c', target: 'd', wave: 'w2', directed: false },
    ]);
    const out = check(d, [entry({}), entry({ personA: 'd', personB: 'c' })]);
    expect(out.basis).toBe('last-wave');
    expect(out.introductions[0]).toMatchObject({ stuck: true, mutual: true, relations: ['knows', 'advice'], alreadyTied: true });
    expect(out.introductions[1]).toMatchObject({ stuck: true, mutual: true, alreadyTied: false });
  });

  it('is not yet known with a single undated wave, or none', () => {
    expect(check(dataset([{ source: 'a', target: 'b', wave: 'w1' }]), [entry({})]).introductions[0]).toMatchObject({ status: 'not-yet-known', stuck: null });
    expect(check(dataset([{ source: 'a', target: 'b' }]), [entry({})])).toMatchObject({ basis: 'none', introductions: [expect.objectContaining({ status: 'not-yet-known' })] });
  });

  it('rejects a level outside 1-7 and a date not written YYYY-MM-DD', () => {
    expect(LedgerEntrySchema.safeParse(entry({ level: 8 })).success).toBe(false);
    expect(LedgerEntrySchema.safeParse(entry({ date: '5/1/2025' })).success).toBe(false);
  });

  it('opens a project saved before the ledger with an empty one', () => {
    const old = { format: 'netweave-project', version: 1, id: 'p', name: 'Old', createdAt: '', updatedAt: '', dataset: dataset([]) };
    expect(ProjectSchema.parse(old).ledger).toEqual([]);
    const kept = ProjectSchema.parse({ ...old, ledger: [entry({ note: 'hi', suggestion: 'intro:a+b', kind: 'close-triangle' })] });
    expect(ProjectSchema.parse(JSON.parse(JSON.stringify(kept))).ledger).toEqual([{ date: '2025-05-01', weaver: '', personA: 'a', personB: 'b', level: 3, kind: 'close-triangle', note: 'hi', suggestion: 'intro:a+b' }]);
  });
});
