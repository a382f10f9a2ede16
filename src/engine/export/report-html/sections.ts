/**
 * The report's sections, in the order a report lists them. Each is data: what it is and when the
 * data holds it (section-catalogue.ts: an id, what `--sections` and the app's dialog use, a
 * title, a line on what it shows), and how it renders.
 */
import type { ReportInput } from './report-input.ts';
import type { ReportSection } from './section-kit.ts';
import { GROUPS, HEALTH, MAP } from './section-network.ts';
import { BROKERS, EDGE, EQUITY, INTRODUCTIONS } from './section-people.ts';
import { CHANGE, CONVENINGS, MENTORSHIP, SKILLS } from './section-program.ts';
import { SYSTEM_MAP } from './section-systemmap.ts';
import { RESULTS } from './section-results.ts';
import { SECTION_IDS, unknownSections } from './section-catalogue.ts';

export const REPORT_SECTIONS: readonly ReportSection[] = [HEALTH, MAP, EDGE, BROKERS, INTRODUCTIONS, GROUPS, EQUITY, SKILLS, CHANGE, CONVENINGS, MENTORSHIP, SYSTEM_MAP, RESULTS];

/**
 * The sections to render: those wanted (null: all) that the data holds, in report order, so a
 * report reads the same whatever order the ids were given in.
 */
export function chosenSections(input: ReportInput, wanted: readonly string[] | null): ReportSection[] {
  const unknown = unknownSections(wanted ?? []);
  if (unknown.length > 0) throw new Error(`No report section is called ${unknown.map((id) => `"${id}"`).join(', ')}; the sections are ${SECTION_IDS.join(', ')}.`);
  return REPORT_SECTIONS.filter((s) => (wanted === null || wanted.includes(s.id)) && s.available(input));
}
