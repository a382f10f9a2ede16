/**
 * Convenings: the public surface. `importAttendance` reads (person, event[, date]) records from a
 * table (long or wide), resolving people with the survey's name matching (`lookupPeople`);
 * `twoModeNetwork` builds the person-event network, `projectTwoMode` / `coAttendanceTies` its
 * one-mode projections (events shared, or Newman's collaboration weight, with thresholds);
 * `summarizeAttendance` gives per-person counts and per-event summaries (new faces, group mix);
 * `withAttendance` adds it all to a dataset and `eventsSection` makes the report's `events`.
 */
export { importAttendance, ATTENDEE_ALIASES, DATE_ALIASES, EMAIL_ALIASES, EVENT_ALIASES, PRESENT_ALIASES } from './import-attendance.ts';
export type { AttendanceColumns, AttendanceImport, AttendanceImportOptions, ConveningEvent } from './import-attendance.ts';
export { knownPerson, lookupPeople } from './person-lookup.ts';
export type { LookupEntry, NamedCell, PersonLookup, PersonLookupOptions } from './person-lookup.ts';
export { twoModeNetwork, twoModeGraph, eventNodeKey } from './two-mode.ts';
export type { TwoModeEvent, TwoModeNetwork, TwoModeNodeAttributes, TwoModeOptions } from './two-mode.ts';
export { coAttendanceTies, projectTwoMode, CO_ATTENDANCE } from './projection.ts';
export type { ProjectedPair, ProjectionOptions, ProjectionWeighting } from './projection.ts';
export { eventsSection, summarizeAttendance, withAttendance, MIX_ATTRIBUTES } from './summaries.ts';
export type { AttendanceSummary, AttendanceSummaryOptions, EventSummary, EventsSection, EventsSectionOptions, GroupMix, PersonAttendance } from './summaries.ts';
export { findAttribute, findAttributes, findGroupingAttribute, groupValue, normalizeAttributeName, ORGANIZATION_ATTRIBUTES, SECTOR_ATTRIBUTES, WORK_UNIT_ATTRIBUTES } from './group-attributes.ts';
