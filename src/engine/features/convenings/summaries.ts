/**
 * What the convenings did, in numbers a program team reads: per person, how many events they
 * came to, and when first and last; per event, who came, who came for the first time ("new
 * faces", in event order), how many returned, and the mix of groups in the room (by sector,
 * organisation or any attribute): the counts, Blau's heterogeneity index 1 - sum of squared
 * shares (Blau 1977; 0 = one group only), and the share of pairs in the room from different
 * groups (the chance that two attendees met across groups).
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Attendance, Person } from '../../core/model/records.ts';
import { findGroupingAttribute, groupValue, ORGANIZATION_ATTRIBUTES, SECTOR_ATTRIBUTES, WORK_UNIT_ATTRIBUTES } from '../../core/model/group-attributes.ts';
import { coAttendanceTies, CO_ATTENDANCE, DEFAULT_MIN_SHARED, DEFAULT_PROJECTION_WEIGHTING } from './projection.ts';
import type { ProjectionOptions, ProjectionWeighting } from './projection.ts';
import { twoModeNetwork } from './two-mode.ts';
import type { TwoModeNetwork } from './two-mode.ts';

/** Attributes tried, in order, for the mix in the room when none is chosen. */
export const MIX_ATTRIBUTES: readonly string[] = [...SECTOR_ATTRIBUTES, ...ORGANIZATION_ATTRIBUTES, ...WORK_UNIT_ATTRIBUTES];

export interface GroupMix {
  attribute: string;
  /** Attendees per group, largest first. */
  groups: Array<{ value: string; count: number }>;
  /** Number of distinct groups present. */
  distinct: number;
  /** Blau's index, 1 - sum of squared shares over attendees whose group is known (0..1). */
  blau: number;
  /** Share of attendee pairs (both groups known) whose groups differ; null with fewer than two. */
  crossPairShare: number | null;
  /** Attendees whose group is unknown. */
  unknown: number;
}

export interface EventSummary {
  event: string;
  /** First day, null when undated. */
  date: string | null;
  /** Every day recorded, for events of several days. */
  dates: string[];
  /** 0-based position in time. */
  order: number;
  attendees: string[];
  count: number;
  /** People at their first event. */
  newFaces: string[];
  /** People who had been to an earlier event. */
  returning: number;
  mix: GroupMix | null;
}

export interface PersonAttendance {
  id: string;
  label: string;
  /** Events attended. */
  events: number;
  /** Share of all events. */
  share: number;
  /** First and last event attended. */
  first: string;
  last: string;
}

export interface AttendanceSummaryOptions {
  /** Attribute for the mix in the room; default the first of sector, organisation, work unit that forms groups; null for none. */
  mixAttribute?: string | null;
}

export interface AttendanceSummary {
  mixAttribute: string | null;
  events: EventSummary[];
  /** Everyone who attended, most events first, then by first event, then id. */
  people: PersonAttendance[];
}

function mixOf(attendees: readonly string[], attribute: string, people: ReadonlyMap<string, Person>): GroupMix {
  const counts = new Map<string, number>();
  let unknown = 0;
  for (const id of attendees) {
    const value = groupValue(people.get(id)?.attributes[attribute]);
    if (value === null) unknown++;
    else counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const groups = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  const known = attendees.length - unknown;
  const sumSquares = groups.reduce((s, g) => s + (g.count / known) ** 2, 0);
  const pairs = (known * (known - 1)) / 2;
  const samePairs = groups.reduce((s, g) => s + (g.count * (g.count - 1)) / 2, 0);
  return {
    attribute,
    groups,
    distinct: groups.length,
    blau: known > 0 ? 1 - sumSquares : 0,
    crossPairShare: pairs > 0 ? (pairs - samePairs) / pairs : null,
    unknown,
  };
}

export function summarizeAttendance(network: TwoModeNetwork, peopleList: readonly Person[], options: AttendanceSummaryOptions = {}): AttendanceSummary {
  const people = new Map(peopleList.map((p) => [p.id, p]));
  const mixAttribute = options.mixAttribute === undefined ? findGroupingAttribute(peopleList, MIX_ATTRIBUTES) : options.mixAttribute;
  const seenBefore = new Uint8Array(network.people.length);
  const events: EventSummary[] = network.events.map((event, e) => {
    const members = network.attendeesOf[e]!;
    const newFaces: string[] = [];
    let returning = 0;
    for (const p of members) {
      if (seenBefore[p]) returning++;
      else newFaces.push(network.people[p]!);
    }
    for (const p of members) seenBefore[p] = 1;
    const attendees = members.map((p) => network.people[p]!);
    return {
      event: event.id,
      date: event.date,
      dates: event.dates,
      order: event.order,
      attendees,
      count: attendees.length,
      newFaces,
      returning,
      mix: mixAttribute !== null ? mixOf(attendees, mixAttribute, people) : null,
    };
  });
  const total = network.events.length;
  const attendance: PersonAttendance[] = [];
  network.eventsOf.forEach((list, p) => {
    if (list.length === 0) return;
    const id = network.people[p]!;
    attendance.push({
      id,
      label: people.get(id)?.label || id,
      events: list.length,
      share: total > 0 ? list.length / total : 0,
      first: network.events[list[0]!]!.id,
      last: network.events[list[list.length - 1]!]!.id,
    });
  });
  const firstOrder = new Map(network.events.map((e) => [e.id, e.order]));
  attendance.sort((a, b) => b.events - a.events || firstOrder.get(a.first)! - firstOrder.get(b.first)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { mixAttribute, events, people: attendance };
}

/** Options of the report's `events` section. */
export interface EventsSectionOptions extends AttendanceSummaryOptions {
  /** How the co-attendance layer was weighted, for the record. Default DEFAULT_PROJECTION_WEIGHTING. */
  weighting?: ProjectionWeighting;
  /** Default DEFAULT_MIN_SHARED. */
  minShared?: number;
}

/** The report's `events` section. */
export interface EventsSection {
  settings: { weighting: ProjectionWeighting; minShared: number; mixAttribute: string | null };
  /** Events, attendance records (one per person and event) and distinct attendees. */
  eventCount: number;
  records: number;
  attendees: number;
  /** Ties in the co-attendance layer, if the dataset has it. */
  coAttendanceTies: number;
  events: EventSummary[];
  /** Per-person attendance counts, most events first. */
  attendance: PersonAttendance[];
}

/** The `events` section of a report for a dataset with attendance records; undefined without any. */
export function eventsSection(dataset: Dataset, options: EventsSectionOptions = {}): EventsSection | undefined {
  if (dataset.attendance.length === 0) return undefined;
  const network = twoModeNetwork(dataset.attendance);
  const summary = summarizeAttendance(network, dataset.people, options);
  return {
    settings: { weighting: options.weighting ?? DEFAULT_PROJECTION_WEIGHTING, minShared: options.minShared ?? DEFAULT_MIN_SHARED, mixAttribute: summary.mixAttribute },
    eventCount: network.events.length,
    records: network.records,
    attendees: summary.people.length,
    coAttendanceTies: dataset.ties.filter((t) => t.relation === CO_ATTENDANCE).length,
    events: summary.events,
    attendance: summary.people,
  };
}

/**
 * Adds attendance to a dataset: the new people, the records (a record already in the dataset is
 * not added twice) and the co-attendance layer recomputed from all of them (relation
 * `co-attendance`, undirected; any earlier co-attendance ties are replaced).
 */
export function withAttendance(dataset: Dataset, add: { attendance: readonly Attendance[]; added?: readonly Person[] }, options: ProjectionOptions = {}): Dataset {
  const known = new Set(dataset.people.map((p) => p.id));
  const people = [...dataset.people, ...(add.added ?? []).filter((p) => !known.has(p.id))];
  const seen = new Set(dataset.attendance.map((a) => `${a.person}\u0000${a.event}`));
  const attendance = [...dataset.attendance];
  for (const record of add.attendance) {
    const key = `${record.person}\u0000${record.event}`;
    if (seen.has(key)) continue;
    seen.add(key);
    attendance.push(record);
  }
  const network = twoModeNetwork(attendance);
  const ties = [...dataset.ties.filter((t) => t.relation !== CO_ATTENDANCE), ...coAttendanceTies(network, options)];
  const weighting = options.weighting ?? DEFAULT_PROJECTION_WEIGHTING;
  const relations = [
    ...dataset.relations.filter((r) => r.name !== CO_ATTENDANCE),
    {
      name: CO_ATTENDANCE,
      directed: false,
      description:
        weighting === 'newman'
          ? "Attended the same convenings; weight: Newman's collaboration weight (each shared event adds 1/(attendees - 1))"
          : 'Attended the same convenings; weight: number of events shared',
    },
  ];
  return { ...dataset, people, attendance, ties, relations };
}
