/**
 * Weaving suggestions: introductions worth making, ranked, each with a reason in plain words.
 * Network weavers close gaps deliberately (Krebs & Holley 2006, "Building smart communities
 * through network weaving"); three kinds are proposed:
 *
 *  - `engage-periphery`: a peripheral person and a well-connected one who share an interest,
 *    skill or goal. Score 0.4 periphery score + 0.3 how well connected the other is + 0.3 shared
 *    interests (two or more count fully). At most `perPeripheral` per peripheral person and
 *    `perConnector` per well-connected person, so the load is spread.
 *  - `close-triangle`: two people in different groups who are not tied but share contacts, so an
 *    introduction is warm. Score 0.3 (crossing groups) + 0.35 shared contacts (three or more
 *    count fully) + 0.15 the more peripheral one's periphery score: at most 0.8, so closing
 *    triangles ranks below engaging the periphery and linking separate communities.
 *  - `link-communities`: two communities with no tie at all, joined through a well-connected
 *    member of each (preferring a pair who share an interest). Score 0.5 + 0.3 the pair's share
 *    of the network + 0.2 shared interests.
 *
 * Everything is deterministic (ties broken by node index) and each suggestion has a stable id
 * built from the two people's ids, so a saved "done" or "dismissed" survives re-analysis. A pair
 * is suggested once, under its best-scoring kind.
 */
import type { Contacts } from '../../algorithms/brokerage/contacts.ts';
import type { InterestItem } from './interests.ts';
import { listNames } from '../../algorithms/brokerage/ranks.ts';

export const SUGGESTION_KINDS = ['engage-periphery', 'close-triangle', 'link-communities'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface Suggestion {
  /** Stable across runs: `intro:` + the two ids (sorted, URI-encoded) joined by `+`. */
  id: string;
  kind: SuggestionKind;
  /** The two people (node indices); `a` is the one the reason starts from. */
  a: number;
  b: number;
  score: number;
  reason: string;
  /** Interest values the two share, if any. */
  shared: string[];
  /** close-triangle: people who know both. */
  via: number[];
}

export interface SuggestionEntry {
  /** Stable: the same two people always give the same id. */
  id: string;
  kind: SuggestionKind;
  source: string;
  target: string;
  sourceLabel: string;
  targetLabel: string;
  score: number;
  reason: string;
  shared: string[];
  via: string[];
}

export interface WeavingInputs {
  ids: string[];
  labels: string[];
  contacts: Contacts;
  peripheral: Uint8Array;
  peripheryScore: Float64Array;
  /** How well connected each person is, in [0, 1] (e.g. a percentile of contacts). */
  wellConnected: Float64Array;
  /** Contacts per person (for sentences). */
  interests: InterestItem[][];
  /** Groups for triangles (attribute groups or communities), -1 unknown. */
  group: Int32Array;
  groupName: (g: number) => string;
  community: Int32Array;
  communityName: (c: number) => string;
}

export interface WeavingOptions {
  /** Longest list returned. Default 60. */
  limit?: number;
  perPeripheral?: number;
  perConnector?: number;
  /** Well-connected means at least this percentile. Default 0.75. */
  connectorFloor?: number;
  /** Most close-triangle suggestions. Default 30. */
  triangles?: number;
  /** Communities smaller than this are not linked (isolates are engaged instead). Default 3. */
  minCommunity?: number;
}

export function suggestionId(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return `intro:${idPart(x)}+${idPart(y)}`;
}

/**
 * URI-encodes an id; a lone surrogate (which `encodeURIComponent` throws on: a damaged file can
 * hold one) is written `%uD800`, so every id still gets its own suggestion id.
 */
function idPart(id: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < id.length; i++) {
    const unit = id.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff && (id.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++;
      continue;
    }
    out += `${encodeURIComponent(id.slice(from, i))}%u${unit.toString(16).toUpperCase()}`;
    from = i + 1;
  }
  return out + encodeURIComponent(id.slice(from));
}

function sharedItems(a: InterestItem[], b: InterestItem[]): string[] {
  if (a.length === 0 || b.length === 0) return [];
  const out: string[] = [];
  for (const x of a) {
    for (const y of b) {
      if (x.key === y.key) {
        out.push(x.text);
        break;
      }
    }
  }
  return out;
}

function contactCount(c: Contacts, v: number): number {
  return c.offsets[v + 1]! - c.offsets[v]!;
}

function ties(k: number): string {
  return k === 1 ? '1 tie' : `${k} ties`;
}

class TieSet {
  constructor(private readonly c: Contacts) {}
  has(u: number, v: number): boolean {
    // Rows are sorted: binary search.
    let lo = this.c.offsets[u]!;
    let hi = this.c.offsets[u + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = this.c.targets[mid]!;
      if (t === v) return true;
      if (t < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

function engagePeriphery(inp: WeavingInputs, opts: Required<WeavingOptions>, tied: TieSet): Suggestion[] {
  const n = inp.contacts.n;
  // Inverted index: interest key -> well-connected people holding it, best connected first.
  const holders = new Map<string, number[]>();
  for (let v = 0; v < n; v++) {
    if (inp.peripheral[v] || inp.wellConnected[v]! < opts.connectorFloor) continue;
    for (const item of inp.interests[v]!) {
      const list = holders.get(item.key) ?? [];
      list.push(v);
      holders.set(item.key, list);
    }
  }
  for (const list of holders.values()) list.sort((a, b) => inp.wellConnected[b]! - inp.wellConnected[a]! || a - b);
  const candidates: Suggestion[] = [];
  for (let p = 0; p < n; p++) {
    if (!inp.peripheral[p]) continue;
    const seen = new Set<number>();
    const mine: Suggestion[] = [];
    for (const item of inp.interests[p]!) {
      const list = holders.get(item.key) ?? [];
      for (let i = 0; i < list.length && i < 30; i++) {
        const q = list[i]!;
        if (q === p || seen.has(q) || tied.has(p, q)) continue;
        seen.add(q);
        const shared = sharedItems(inp.interests[p]!, inp.interests[q]!);
        const score =
          0.4 * inp.peripheryScore[p]! + 0.3 * inp.wellConnected[q]! + 0.3 * Math.min(1, shared.length / 2);
        const k = contactCount(inp.contacts, p);
        const where = k === 0 ? 'has no ties yet' : `has ${ties(k)}`;
        mine.push({
          id: suggestionId(inp.ids[p]!, inp.ids[q]!),
          kind: 'engage-periphery',
          a: p,
          b: q,
          score,
          reason: `${inp.labels[p]} is at the edge of the network (${where}); ${inp.labels[q]} is well connected (${ties(contactCount(inp.contacts, q))}) and also brings ${listNames(shared.slice(0, 3))}.`,
          shared,
          via: [],
        });
      }
    }
    mine.sort((x, y) => y.score - x.score || x.b - y.b);
    candidates.push(...mine.slice(0, opts.perPeripheral * 3));
  }
  // Spread the asks: accept best first, within both caps.
  candidates.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  const perP = new Map<number, number>();
  const perQ = new Map<number, number>();
  const out: Suggestion[] = [];
  for (const s of candidates) {
    if ((perP.get(s.a) ?? 0) >= opts.perPeripheral || (perQ.get(s.b) ?? 0) >= opts.perConnector) continue;
    perP.set(s.a, (perP.get(s.a) ?? 0) + 1);
    perQ.set(s.b, (perQ.get(s.b) ?? 0) + 1);
    out.push(s);
  }
  return out;
}

/** Candidate triangle closures, best first: higher score, more people in common, then by index. */
interface Closure {
  /** The more peripheral of the two (the sentence starts from them), and the other. */
  a: number;
  c: number;
  score: number;
  common: number;
}

function closureBefore(s: Closure, t: Closure): boolean {
  if (s.score !== t.score) return s.score > t.score;
  if (s.common !== t.common) return s.common > t.common;
  return s.a !== t.a ? s.a < t.a : s.c < t.c;
}

/** Keeps the `limit` best closures seen, in order (insertion into a short sorted list). */
function keepBest(best: Closure[], candidate: Closure, limit: number): void {
  if (limit <= 0) return;
  if (best.length === limit && !closureBefore(candidate, best[limit - 1]!)) return;
  let i = best.length === limit ? limit - 1 : best.length;
  if (best.length < limit) best.push(candidate);
  while (i > 0 && closureBefore(candidate, best[i - 1]!)) {
    best[i] = best[i - 1]!;
    i--;
  }
  best[i] = candidate;
}

/**
 * Pairs in different groups, not tied, with contacts in common. Each person's contact list is
 * cut to their 40 best-connected contacts (so hubs keep the work bounded); a pair counts a
 * common contact when both are on that contact's list. Pairs are counted one person at a time
 * over dense arrays (no table of all pairs), and only the best few get their sentences.
 */
function closeTriangles(inp: WeavingInputs, opts: Required<WeavingOptions>): Suggestion[] {
  const { contacts } = inp;
  const n = contacts.n;
  const MAX_CONTACTS = 40;
  // Each person's kept contacts (known group only), as rows of one array.
  const keptOffsets = new Int32Array(n + 1);
  const keptRows: number[] = [];
  for (let b = 0; b < n; b++) {
    const list: number[] = [];
    for (let k = contacts.offsets[b]!; k < contacts.offsets[b + 1]!; k++) {
      if (inp.group[contacts.targets[k]!]! >= 0) list.push(contacts.targets[k]!);
    }
    if (list.length > MAX_CONTACTS) {
      list.sort((x, y) => inp.wellConnected[y]! - inp.wellConnected[x]! || x - y);
      list.length = MAX_CONTACTS;
    }
    for (const v of list) keptRows.push(v);
    keptOffsets[b + 1] = keptRows.length;
  }
  const kept = Int32Array.from(keptRows);
  // Who keeps each person: the contacts through whom they can be introduced.
  const keptByOffsets = new Int32Array(n + 1);
  for (let k = 0; k < kept.length; k++) keptByOffsets[kept[k]! + 1]!++;
  for (let v = 0; v < n; v++) keptByOffsets[v + 1]! += keptByOffsets[v]!;
  const keptBy = new Int32Array(kept.length);
  const fill = keptByOffsets.slice(0, n);
  for (let b = 0; b < n; b++) for (let k = keptOffsets[b]!; k < keptOffsets[b + 1]!; k++) keptBy[fill[kept[k]!]!++] = b;

  const count = new Int32Array(n);
  const tiedTo = new Int32Array(n).fill(-1);
  const touched: number[] = [];
  const best: Closure[] = [];
  for (let x = 0; x < n; x++) {
    if (inp.group[x]! < 0) continue;
    for (let k = contacts.offsets[x]!; k < contacts.offsets[x + 1]!; k++) tiedTo[contacts.targets[k]!] = x;
    for (let i = keptByOffsets[x]!; i < keptByOffsets[x + 1]!; i++) {
      const b = keptBy[i]!;
      for (let k = keptOffsets[b]!; k < keptOffsets[b + 1]!; k++) {
        const y = kept[k]!;
        if (y <= x || inp.group[y] === inp.group[x] || tiedTo[y] === x) continue;
        if (count[y] === 0) touched.push(y);
        count[y]!++;
      }
    }
    for (const y of touched) {
      const common = count[y]!;
      count[y] = 0;
      const [a, c] = inp.peripheryScore[y]! > inp.peripheryScore[x]! ? [y, x] : [x, y];
      const score = 0.3 + 0.35 * Math.min(1, common / 3) + 0.15 * Math.max(inp.peripheryScore[a]!, inp.peripheryScore[c]!);
      keepBest(best, { a, c, score, common }, opts.triangles);
    }
    touched.length = 0;
  }
  return best.map(({ a, c, score }): Suggestion => {
    const via: number[] = [];
    const [x, y] = a < c ? [a, c] : [c, a];
    for (let i = keptByOffsets[x]!; i < keptByOffsets[x + 1]!; i++) {
      const b = keptBy[i]!;
      for (let k = keptOffsets[b]!; k < keptOffsets[b + 1]!; k++) if (kept[k] === y) via.push(b);
    }
    via.sort((u, v) => u - v);
    const names = via.slice(0, 3).map((v) => inp.labels[v]!);
    const more = via.length > 3 ? ` and ${via.length - 3} more` : '';
    const who =
      via.length === 1 ? `${names[0]} knows both and could introduce them` : `${listNames(names)}${more} know both`;
    return {
      id: suggestionId(inp.ids[a]!, inp.ids[c]!),
      kind: 'close-triangle',
      a,
      b: c,
      score,
      reason: `${inp.labels[a]} (${inp.groupName(inp.group[a]!)}) and ${inp.labels[c]} (${inp.groupName(inp.group[c]!)}) are in different groups and not yet tied; ${who}.`,
      shared: sharedItems(inp.interests[a]!, inp.interests[c]!),
      via,
    };
  });
}

function linkCommunities(inp: WeavingInputs, opts: Required<WeavingOptions>, unlinked: Array<[number, number]>): Suggestion[] {
  const n = inp.contacts.n;
  const members = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const c = inp.community[v]!;
    if (c < 0) continue;
    const list = members.get(c) ?? [];
    list.push(v);
    members.set(c, list);
  }
  const best = new Map<number, number[]>();
  for (const [c, list] of members) {
    best.set(c, [...list].sort((x, y) => inp.wellConnected[y]! - inp.wellConnected[x]! || x - y).slice(0, 3));
  }
  const out: Suggestion[] = [];
  for (const [ca, cb] of unlinked) {
    const sizeA = members.get(ca)?.length ?? 0;
    const sizeB = members.get(cb)?.length ?? 0;
    if (sizeA < opts.minCommunity || sizeB < opts.minCommunity) continue;
    let pick: { a: number; b: number; shared: string[]; value: number } | null = null;
    for (const a of best.get(ca)!) {
      for (const b of best.get(cb)!) {
        const shared = sharedItems(inp.interests[a]!, inp.interests[b]!);
        const value = Math.min(2, shared.length) * 2 + inp.wellConnected[a]! + inp.wellConnected[b]!;
        if (!pick || value > pick.value + 1e-12) pick = { a, b, shared, value };
      }
    }
    if (!pick) continue;
    const share = (sizeA + sizeB) / Math.max(1, n);
    const score = 0.5 + 0.3 * Math.min(1, share * 2) + 0.2 * Math.min(1, pick.shared.length / 2);
    const also = pick.shared.length > 0 ? `, and both bring ${listNames(pick.shared.slice(0, 3))}` : '';
    out.push({
      id: suggestionId(inp.ids[pick.a]!, inp.ids[pick.b]!),
      kind: 'link-communities',
      a: pick.a,
      b: pick.b,
      score,
      reason: `${inp.communityName(ca)} (${sizeA} people) and ${inp.communityName(cb)} (${sizeB} people) have no ties between them; ${inp.labels[pick.a]} is well connected in the first and ${inp.labels[pick.b]} in the second${also}.`,
      shared: pick.shared,
      via: [],
    });
  }
  return out;
}

/**
 * Ranked introductions. `unlinkedCommunities` lists community pairs with no tie (from
 * groupLinks on the communities).
 */
export function weavingSuggestions(
  inputs: WeavingInputs,
  unlinkedCommunities: Array<[number, number]>,
  options: WeavingOptions = {},
): Suggestion[] {
  const opts: Required<WeavingOptions> = {
    limit: options.limit ?? 60,
    perPeripheral: options.perPeripheral ?? 2,
    perConnector: options.perConnector ?? 3,
    connectorFloor: options.connectorFloor ?? 0.75,
    triangles: options.triangles ?? 30,
    minCommunity: options.minCommunity ?? 3,
  };
  const tied = new TieSet(inputs.contacts);
  const all = [
    ...engagePeriphery(inputs, opts, tied),
    ...linkCommunities(inputs, opts, unlinkedCommunities),
    ...closeTriangles(inputs, opts),
  ];
  all.sort((s, t) => t.score - s.score || (s.id < t.id ? -1 : s.id > t.id ? 1 : 0));
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const s of all) {
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    out.push(s);
    if (out.length >= opts.limit) break;
  }
  return out;
}
