/**
 * What each report section is and when the data holds it, in report order, without how it
 * renders: all a chooser needs. The app's report dialog reads this, so the page never loads the
 * report's rendering (its charts are drawn on linkedom's DOM, whose tables alone were a long
 * task as the app started); `sections.ts` joins each to how it renders.
 */
import type { ReportInput } from './report-input.ts';
import type { SectionAbout } from './section-kit.ts';

export const SECTION_ABOUT = {
  health: {
    id: 'health',
    title: 'How the network is doing',
    explanation: 'The network as a whole: how many people and ties, whether everyone can reach everyone, and how tight-knit it is.',
    available: (input) => input.result.figures.nodes > 0,
  },
  map: {
    id: 'map',
    title: 'The map',
    explanation: 'Everyone in the network, placed near the people they are tied to and coloured by group.',
    available: (input) => input.result.figures.nodes > 0,
  },
  edge: {
    id: 'edge',
    title: 'Who is at the edge, and why',
    explanation: 'People with few ties, or ties only to others at the edge: the people to reach out to, with the reasons and what they bring.',
    available: (input) => (input.result.insights?.periphery.length ?? 0) > 0,
  },
  brokers: {
    id: 'brokers',
    title: 'Who bridges groups',
    explanation: 'People whose ties connect groups that would otherwise be apart, those whose leaving would split the network, and who to brief first.',
    available: (input) => (input.result.insights?.brokers.length ?? 0) > 0,
  },
  introductions: {
    id: 'introductions',
    title: 'Introductions worth making',
    explanation: 'Pairs of people who are not yet tied and would gain from meeting, best first, with the reason.',
    available: (input) => input.result.introductions.length > 0,
  },
  groups: {
    id: 'groups',
    title: 'Groups and what they are made of',
    explanation: 'Groups of people more tied to each other than to the rest (found by the Louvain method), with what most of their members share.',
    available: (input) => input.result.communities.length > 1,
  },
  equity: {
    id: 'equity',
    title: 'Equity between groups',
    explanation: 'Whether the groups of one attribute are as present in the core as at the edge, and whether ties cross between them.',
    available: (input) => input.result.insights?.equity !== undefined,
  },
  skills: {
    id: 'skills',
    title: 'Skills held, and where they are thin',
    explanation: 'Which skills people hold, how many can reach someone with each skill within two steps, and the skills held by few or stranded in one corner.',
    available: (input) => (input.result.skills?.skills.skills.length ?? 0) > 0,
  },
  change: {
    id: 'change',
    title: 'What changed between survey waves',
    explanation: 'The network in two survey waves side by side: ties gained and lost, who moved in from the edge, and how the figures moved.',
    available: (input) => input.result.program.change !== null,
  },
  convenings: {
    id: 'convenings',
    title: 'Convenings',
    explanation: 'Each event: how many came, how many were there for the first time, and the mix of people in the room.',
    available: (input) => (input.result.program.events?.eventCount ?? 0) > 0,
  },
  mentorship: {
    id: 'mentorship',
    title: 'Mentorships',
    explanation: 'Mentor and mentee pairs, and how many of them connect people from different groups.',
    available: (input) => (input.result.program.mentorship?.pairs ?? 0) > 0,
  },
  systemmap: {
    id: 'systemmap',
    title: 'The system map: loops and leverage points',
    explanation: 'How the factors of the system drive each other: the circles of cause and effect, and the places where a push would travel furthest.',
    available: (input) => input.systemMap !== undefined && input.systemMap.map.factors > 0,
  },
  results: {
    id: 'results',
    title: 'Results: turning the curve',
    explanation: 'Each result with its indicators against their targets, the partners with a role from the system map, leverage points nobody acts on, and the commitments made.',
    available: (input) => input.results !== undefined && input.results.results.length > 0,
  },
} as const satisfies Record<string, SectionAbout>;

/** Every section id, in report order. */
export const SECTION_IDS: readonly string[] = Object.values(SECTION_ABOUT).map((s) => s.id);

/** What a chooser shows: each section with whether this input holds it. */
export interface SectionChoice {
  id: string;
  title: string;
  explanation: string;
  available: boolean;
}

export function sectionChoices(input: ReportInput): SectionChoice[] {
  return Object.values(SECTION_ABOUT).map((s: SectionAbout) => ({ id: s.id, title: s.title, explanation: s.explanation, available: s.available(input) }));
}

/** The ids in `wanted` that are no section. */
export function unknownSections(wanted: readonly string[]): string[] {
  return wanted.filter((id) => !SECTION_IDS.includes(id));
}
