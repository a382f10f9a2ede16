/**
 * The rare skills a member holds: skills few in the network hold (the skills report's `rare`
 * flag), with how many others hold them, so a member sees what they bring that is hard to find.
 */
import type { SkillsReport } from '../../features/skills/skills-report.ts';

export interface RareSkill {
  skill: string;
  /** Other people in the network who hold it. */
  others: number;
}

/** Each person's rare skills, by id, rarest first. */
export function rareSkillsByPerson(skills: SkillsReport | null): Map<string, RareSkill[]> {
  const out = new Map<string, RareSkill[]>();
  for (const entry of skills?.skills.coverage ?? []) {
    if (!entry.rare || entry.count === 0) continue;
    for (const id of entry.holders) {
      const list = out.get(id) ?? [];
      list.push({ skill: entry.skill, others: entry.count - 1 });
      out.set(id, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.others - b.others || a.skill.localeCompare(b.skill));
  return out;
}

/** "you are the only one in the network who does" / "only you and 1 other person". */
export function rareSkillWords(rare: RareSkill): string {
  if (rare.others === 0) return 'you are the only one in the network with it';
  return `only you and ${rare.others === 1 ? 'one other person have' : `${rare.others.toLocaleString('en')} others have`} it`;
}
