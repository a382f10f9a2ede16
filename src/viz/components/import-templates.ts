/**
 * The templates the import dialog hands out, one for every kind of file the app defines: each
 * file's name, what it is for in words, the kind the import reads it as (null for the mentor
 * matching files, which Propose mentor matches reads), and its CSV from the engine.
 */
import type { FileKind } from '../../engine/project/file-kinds.ts';
import { edgeListTemplateCsv, peopleTemplateCsv } from '../../engine/io/network-templates.ts';
import { attendanceTemplateCsv } from '../../engine/features/convenings/attendance-template.ts';
import { mentorshipsTemplateCsv } from '../../engine/features/mentorship/mentorships-template.ts';
import { abilitiesTemplateCsv } from '../../engine/features/skills/leadership-abilities.ts';
import { systemMapActorsTemplateCsv, systemMapFactorsTemplateCsv, systemMapLinksTemplateCsv } from '../../engine/features/systemmap/templates.ts';
import { MENTEES_TEMPLATE_CSV, MENTEES_TEMPLATE_NAME, MENTORS_TEMPLATE_CSV, MENTORS_TEMPLATE_NAME } from './matching-templates.ts';

export interface ImportTemplate {
  file: string;
  /** The button's words. */
  label: string;
  /** The group it is listed under. */
  group: 'Network' | 'Program' | 'System map';
  kind: FileKind | null;
  csv: () => string;
}

export const IMPORT_TEMPLATES: readonly ImportTemplate[] = [
  { file: 'ties-template.csv', label: 'Ties (edge list)', group: 'Network', kind: 'edges', csv: edgeListTemplateCsv },
  { file: 'people-template.csv', label: 'People', group: 'Network', kind: 'nodes', csv: peopleTemplateCsv },
  { file: 'attendance-template.csv', label: 'Convening attendance', group: 'Program', kind: 'attendance', csv: attendanceTemplateCsv },
  { file: 'mentorships-template.csv', label: 'Mentorship pairs', group: 'Program', kind: 'mentorships', csv: mentorshipsTemplateCsv },
  { file: 'abilities-template.csv', label: 'Abilities self-assessment', group: 'Program', kind: 'abilities', csv: abilitiesTemplateCsv },
  { file: MENTEES_TEMPLATE_NAME, label: 'Mentees (for mentor matching)', group: 'Program', kind: null, csv: () => MENTEES_TEMPLATE_CSV },
  { file: MENTORS_TEMPLATE_NAME, label: 'Mentors (for mentor matching)', group: 'Program', kind: null, csv: () => MENTORS_TEMPLATE_CSV },
  { file: 'system-map-links-template.csv', label: 'Causal links', group: 'System map', kind: 'map-links', csv: systemMapLinksTemplateCsv },
  { file: 'system-map-factors-template.csv', label: 'Factors', group: 'System map', kind: 'map-factors', csv: systemMapFactorsTemplateCsv },
  { file: 'system-map-actors-template.csv', label: 'Who works on what', group: 'System map', kind: 'map-actors', csv: systemMapActorsTemplateCsv },
];
