/**
 * Did the introductions stick? Each introduction in the ledger is checked against the tie data
 * that came after it:
 *
 * - the waves after it: when every wave carries a date (the earliest `date` of its ties), the
 *   waves dated after the introduction's day; when the waves carry no dates, the last wave (there
 *   must be two waves or more, the first being the one the introductions were made from);
 * - **stuck**: a tie between the two, either direction, in any chosen relation, in one of those
 *   waves; `relations` lists the relations it appeared in, `mutual` says whether each named the
 *   other (an undirected tie counts as mutual), `wave` is the first later wave it appeared in;
 * - **not stuck**: later waves exist and hold no tie between them;
 * - **not yet known**: no wave after the introduction (or none at all);
 * - **not in the project**: a person the ledger names is not in the project, so nothing can be
 *   checked (kept, and counted with the not yet known).
 *
 * `alreadyTied` says the two were already tied in a wave before it, so a tie later may not be the
 * introduction's doing. Rates are given by level, by kind of suggestion and by weaver: how many
 * were made, stuck, did not, and are still unknown, and the share stuck of those known.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import { levelWords, type LedgerEntry } from '../../core/model/ledger.ts';
import { listWaves } from '../change/waves.ts';

export type StickStatus = 'stuck' | 'not-stuck' | 'not-yet-known' | 'not-in-project';

export interface LedgerWave {
  name: string;
  /** The earliest date its ties carry (`YYYY-MM-DD`), or null. */
  date: string | null;
}

export interface CheckedIntroduction {
  /** Position in the ledger (0-based). */
  index: number;
  personA: string;
  personB: string;
  labelA: string;
  labelB: string;
  date: string;
  weaver: string;
  level: number;
  levelWords: string;
  kind: string;
  note: string;
  suggestion?: string;
  status: StickStatus;
  /** True or false once a later wave is known; null while not yet known. */
  stuck: boolean | null;
  /** Whether each named the other; null unless it stuck. */
  mutual: boolean | null;
  /** Relations the tie appeared in (empty unless it stuck). */
  relations: string[];
  /** The first relation it appeared in, or null. */
  relation: string | null;
  /** The first later wave the tie appeared in, or null. */
  wave: string | null;
  /** The waves it was checked against. */
  checkedIn: string[];
  /** Already tied in a wave before the introduction. */
  alreadyTied: boolean;
}

export interface StickRate {
  /** The level (as text), the kind, or the weaver ('' for not recorded). */
  key: string;
  /** Plain words: "Introduced them in person", "by hand", "Not recorded". */
  label: string;
  made: number;
  stuck: number;
  notStuck: number;
  /** Not yet known, or naming someone not in the project. */
  unknown: number;
  /** Stuck out of those known (0..1), or null when none is known yet. */
  share: number | null;
}

export interface LedgerSection {
  introductions: CheckedIntroduction[];
  rates: { byLevel: StickRate[]; byKind: StickRate[]; byWeaver: StickRate[]; all: StickRate };
  waves: LedgerWave[];
  /** `dated`: waves after each introduction's date; `last-wave`: the last wave; `none`: fewer than two undated waves. */
  basis: 'dated' | 'last-wave' | 'none';
  /** Names in the ledger matching nobody in the project. */
  notInProject: string[];
}

export interface StickOptions {
  /** Relations whose ties count (default every relation with waves). */
  relations?: readonly string[];
}

/** The waves in order, each with the earliest date its ties carry. */
export function ledgerWaves(dataset: Dataset, relations?: readonly string[]): LedgerWave[] {
  const names = listWaves(dataset, relations);
  const first = new Map<string, string>();
  for (const t of dataset.ties) {
    if (t.wave === undefined || t.date === undefined || t.date === '') continue;
    const day = t.date.slice(0, 10);
    const before = first.get(t.wave);
    if (before === undefined || day < before) first.set(t.wave, day);
  }
  return names.map((name) => ({ name, date: first.get(name) ?? null }));
}

interface PairTies {
  /** Per wave: relation -> directions seen ('ab', 'ba', 'both' for undirected). */
  byWave: Map<string, Map<string, Set<'ab' | 'ba' | 'both'>>>;
}

/** The rates of a group of checked introductions. */
function rate(key: string, label: string, list: readonly CheckedIntroduction[]): StickRate {
  const stuck = list.filter((i) => i.stuck === true).length;
  const notStuck = list.filter((i) => i.stuck === false).length;
  return { key, label, made: list.length, stuck, notStuck, unknown: list.length - stuck - notStuck, share: stuck + notStuck > 0 ? stuck / (stuck + notStuck) : null };
}

function rates(list: readonly CheckedIntroduction[], keyOf: (i: CheckedIntroduction) => string, labelOf: (key: string) => string, order?: (a: string, b: string) => number): StickRate[] {
  const groups = new Map<string, CheckedIntroduction[]>();
  for (const i of list) {
    const key = keyOf(i);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const keys = [...groups.keys()].sort(order ?? ((a, b) => a.localeCompare(b, 'en')));
  return keys.map((k) => rate(k, labelOf(k), groups.get(k)!));
}

/** Checks every introduction of the ledger against the dataset's waves. */
export function checkLedger(dataset: Dataset, ledger: readonly LedgerEntry[], options: StickOptions = {}): LedgerSection {
  const chosen = options.relations !== undefined && options.relations.length > 0 ? new Set(options.relations) : null;
  const waves = ledgerWaves(dataset, options.relations);
  const dated = waves.length > 0 && waves.every((w) => w.date !== null);
  const basis: LedgerSection['basis'] = dated ? 'dated' : waves.length >= 2 ? 'last-wave' : 'none';
  const labels = new Map(dataset.people.map((p) => [p.id, p.label ?? p.id]));

  // The ties between the people the ledger names, by pair.
  const wanted = new Set<string>();
  const pair = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  for (const e of ledger) wanted.add(pair(e.personA, e.personB));
  const ties = new Map<string, PairTies>();
  for (const t of dataset.ties) {
    if (t.wave === undefined || t.wave === '' || t.source === t.target || (chosen !== null && !chosen.has(t.relation))) continue;
    const key = pair(t.source, t.target);
    if (!wanted.has(key)) continue;
    const entry = ties.get(key) ?? { byWave: new Map() };
    const relations = entry.byWave.get(t.wave) ?? new Map<string, Set<'ab' | 'ba' | 'both'>>();
    const dirs = relations.get(t.relation) ?? new Set();
    dirs.add(!t.directed ? 'both' : t.source < t.target ? 'ab' : 'ba');
    relations.set(t.relation, dirs);
    entry.byWave.set(t.wave, relations);
    ties.set(key, entry);
  }

  const introductions = ledger.map((e, index): CheckedIntroduction => {
    const known = labels.has(e.personA) && labels.has(e.personB);
    const later = basis === 'dated' ? waves.filter((w) => w.date! > e.date) : basis === 'last-wave' ? [waves[waves.length - 1]!] : [];
    const earlier = basis === 'dated' ? waves.filter((w) => w.date! <= e.date) : basis === 'last-wave' ? waves.slice(0, -1) : [];
    const found = ties.get(pair(e.personA, e.personB));
    const relations: string[] = [];
    const dirs = new Set<string>();
    let wave: string | null = null;
    for (const w of later) {
      const inWave = found?.byWave.get(w.name);
      if (inWave === undefined) continue;
      wave ??= w.name;
      for (const [relation, d] of inWave) {
        if (!relations.includes(relation)) relations.push(relation);
        for (const x of d) dirs.add(x);
      }
    }
    const status: StickStatus = !known ? 'not-in-project' : later.length === 0 ? 'not-yet-known' : wave !== null ? 'stuck' : 'not-stuck';
    const stuck = status === 'stuck' ? true : status === 'not-stuck' ? false : null;
    return {
      index,
      personA: e.personA,
      personB: e.personB,
      labelA: labels.get(e.personA) ?? e.personA,
      labelB: labels.get(e.personB) ?? e.personB,
      date: e.date,
      weaver: e.weaver,
      level: e.level,
      levelWords: levelWords(e.level),
      kind: e.kind,
      note: e.note,
      ...(e.suggestion !== undefined ? { suggestion: e.suggestion } : {}),
      status,
      stuck,
      mutual: stuck === true ? dirs.has('both') || (dirs.has('ab') && dirs.has('ba')) : null,
      relations,
      relation: relations[0] ?? null,
      wave,
      checkedIn: known ? later.map((w) => w.name) : [],
      alreadyTied: known && earlier.some((w) => found?.byWave.has(w.name) === true),
    };
  });

  const notInProject = [...new Set(ledger.flatMap((e) => [e.personA, e.personB]).filter((id) => !labels.has(id)))];
  return {
    introductions,
    rates: {
      byLevel: rates(introductions, (i) => String(i.level), (k) => levelWords(Number(k)), (a, b) => Number(a) - Number(b)),
      byKind: rates(introductions, (i) => i.kind, (k) => k),
      byWeaver: rates(introductions, (i) => i.weaver, (k) => (k === '' ? 'Not recorded' : k)),
      all: rate('all', 'All introductions', introductions),
    },
    waves,
    basis,
    notInProject,
  };
}

/** "3 of 5 stuck; 1 did not; 1 not yet known" for a rate row. */
export function rateWords(r: StickRate): string {
  const known = r.stuck + r.notStuck;
  const parts = [known === 0 ? 'none known yet' : `${r.stuck} of ${known} stuck (${Math.round((100 * r.stuck) / known)}%)`];
  if (r.unknown > 0 && known > 0) parts.push(`${r.unknown} not yet known`);
  return parts.join('; ');
}
