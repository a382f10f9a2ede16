/**
 * The person-event two-mode (bipartite) network of convening attendance (Breiger 1974, "The
 * Duality of Persons and Groups"): people on one side, events on the other, a tie wherever a
 * person attended an event. Built from attendance records as index lists both ways, which the
 * projections (`projection.ts`) and summaries (`summaries.ts`) read.
 *
 * Events are ordered in time: by first date when every event has a parseable date
 * (`YYYY-MM-DD` sorts as text), otherwise as first listed. A record listed twice counts once.
 */
import Graph from 'graphology';
import type { Attendance } from '../../core/model/records.ts';

export interface TwoModeEvent {
  id: string;
  /** First day (`YYYY-MM-DD` or as written), null when undated. */
  date: string | null;
  /** Every day recorded for it. */
  dates: string[];
  /** 0-based position in time. */
  order: number;
}

export interface TwoModeNetwork {
  /** Person ids: those given first (in that order), then anyone else attending, as first listed. */
  people: string[];
  /** Events in time order. */
  events: TwoModeEvent[];
  /** For each person, the events they attended (indices into `events`, ascending). */
  eventsOf: number[][];
  /** For each event, its attendees (indices into `people`, ascending). */
  attendeesOf: number[][];
  /** Attendance records counted (duplicates left out). */
  records: number;
}

export interface TwoModeOptions {
  /** People to include even when they attended nothing (e.g. everyone in the dataset), in this order. */
  people?: readonly string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function twoModeNetwork(attendance: readonly Attendance[], options: TwoModeOptions = {}): TwoModeNetwork {
  const people: string[] = [];
  const personIndex = new Map<string, number>();
  const addPerson = (id: string): number => {
    let at = personIndex.get(id);
    if (at === undefined) {
      at = people.length;
      personIndex.set(id, at);
      people.push(id);
    }
    return at;
  };
  for (const id of options.people ?? []) addPerson(id);
  const drafts: Array<{ id: string; dates: Set<string>; first: number }> = [];
  const eventIndex = new Map<string, number>();
  attendance.forEach((record, i) => {
    let at = eventIndex.get(record.event);
    if (at === undefined) {
      at = drafts.length;
      eventIndex.set(record.event, at);
      drafts.push({ id: record.event, dates: new Set(), first: i });
    }
    if (record.date !== undefined && record.date !== '') drafts[at]!.dates.add(record.date);
  });
  const sortable = drafts.length > 0 && drafts.every((d) => d.dates.size > 0 && [...d.dates].every((x) => ISO_DAY.test(x)));
  const firstDay = (d: (typeof drafts)[number]): string => [...d.dates].sort()[0] ?? '';
  const ordered = [...drafts];
  if (sortable) ordered.sort((a, b) => (firstDay(a) < firstDay(b) ? -1 : firstDay(a) > firstDay(b) ? 1 : a.first - b.first));
  const events: TwoModeEvent[] = ordered.map((d, order) => {
    const dates = [...d.dates].sort();
    return { id: d.id, date: dates[0] ?? null, dates, order };
  });
  const orderOf = new Map(events.map((e) => [e.id, e.order]));
  const pairs = new Set<string>();
  const eventsOf: number[][] = [];
  const attendeesOf: number[][] = events.map(() => []);
  let records = 0;
  for (const record of attendance) {
    const p = addPerson(record.person);
    const e = orderOf.get(record.event)!;
    const key = `${p}:${e}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    records++;
    while (eventsOf.length <= p) eventsOf.push([]);
    eventsOf[p]!.push(e);
    attendeesOf[e]!.push(p);
  }
  while (eventsOf.length < people.length) eventsOf.push([]);
  for (const list of eventsOf) list.sort((a, b) => a - b);
  for (const list of attendeesOf) list.sort((a, b) => a - b);
  return { people, events, eventsOf, attendeesOf, records };
}

export interface TwoModeNodeAttributes {
  label: string;
  mode: 'person' | 'event';
  /** Events: first day, when known. */
  date?: string;
}

/** Key of an event's node in `twoModeGraph` (people keep their ids). */
export function eventNodeKey(event: string): string {
  return `event:${event}`;
}

/**
 * The two-mode network as an undirected graphology graph: person nodes keyed by id, event nodes
 * keyed `event:<name>` with `mode` telling them apart, for drawing the bipartite map.
 */
export function twoModeGraph(network: TwoModeNetwork, labelOf: (id: string) => string = (id) => id): Graph<TwoModeNodeAttributes> {
  const graph = new Graph<TwoModeNodeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  network.people.forEach((id) => graph.addNode(id, { label: labelOf(id), mode: 'person' }));
  for (const event of network.events) {
    const key = eventNodeKey(event.id);
    if (graph.hasNode(key)) graph.mergeNodeAttributes(key, { label: event.id, mode: 'event' });
    else graph.addNode(key, { label: event.id, mode: 'event', ...(event.date !== null ? { date: event.date } : {}) });
  }
  network.attendeesOf.forEach((attendees, e) => {
    const key = eventNodeKey(network.events[e]!.id);
    for (const p of attendees) {
      const person = network.people[p]!;
      if (person !== key && !graph.hasEdge(person, key)) graph.addEdge(person, key);
    }
  });
  return graph;
}
