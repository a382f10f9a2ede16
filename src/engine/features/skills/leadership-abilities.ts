/**
 * The ready-made self-assessment of five collective-leadership abilities, each rated on a 1-5
 * scale: what each ability means in plain words, the words for each scale point, the people
 * noun used in sentences ("untapped conveners"), and the template CSV handed out to members
 * (shipped as data/abilities-template.csv, described in data/abilities-template.md).
 *
 * The five are the abilities network-leadership programmes commonly ask about when leadership is
 * shared across a group rather than held by one person: bringing people in, bringing them
 * together, passing things on, working jointly and speaking up for the shared cause.
 */
import type { AbilityScale } from '../../core/model/abilities.ts';

export interface AbilityDefinition {
  name: string;
  /** What the ability means, in one sentence a member can rate themselves against. */
  description: string;
  /** Someone strong in it: "convener". */
  role: string;
}

export const LEADERSHIP_ABILITIES: readonly AbilityDefinition[] = [
  {
    name: 'Engagement',
    description: 'Bringing people in and keeping them involved: reaching out to those not yet at the table and helping them find a useful part to play.',
    role: 'engager',
  },
  {
    name: 'Convening',
    description: 'Bringing people together: setting up and hosting meetings, workshops and conversations where people with different views work on shared questions.',
    role: 'convener',
  },
  {
    name: 'Sharing',
    description: 'Passing on what you know and who you know: information, resources, contacts and credit, openly and without being asked.',
    role: 'sharer',
  },
  {
    name: 'Collaboration',
    description: 'Working jointly with people from other organisations: sharing decisions, tasks and results towards goals you hold in common.',
    role: 'collaborator',
  },
  {
    name: 'Advocating',
    description: "Speaking up for the group's shared goals: representing the cause to decision-makers, funders, the media and the public.",
    role: 'advocate',
  },
];

/** The template's scale: 1-5, with words for each point. */
export const LEADERSHIP_SCALE: AbilityScale = {
  min: 1,
  max: 5,
  labels: {
    '1': 'Not yet',
    '2': 'Beginning',
    '3': 'Developing',
    '4': 'Strong',
    '5': 'Leading',
  },
};

/** The template's columns: who answers (name, email), then one column per ability. */
export const ABILITIES_TEMPLATE_HEADERS: readonly string[] = ['name', 'email', ...LEADERSHIP_ABILITIES.map((a) => a.name)];

/** The template as CSV text: the header row only, ready to fill in (one row per person). */
export function abilitiesTemplateCsv(): string {
  return `${ABILITIES_TEMPLATE_HEADERS.join(',')}\n`;
}

/** The definition of a known ability, matched case-insensitively (undefined for others). */
export function leadershipAbility(name: string): AbilityDefinition | undefined {
  const key = name.trim().toLowerCase();
  return LEADERSHIP_ABILITIES.find((a) => a.name.toLowerCase() === key);
}

/** "conveners" for Convening; "people strong in X" for abilities outside the template. */
export function abilityPeopleNoun(ability: string): string {
  const known = leadershipAbility(ability);
  return known ? `${known.role}s` : `people strong in ${ability}`;
}
