/**
 * Skills as data: who holds which skill, read from people's attributes, whatever import they
 * came from. A skill attribute may hold lists (`facilitation;grant writing` cells become lists
 * on import), text (split on `;` and `|`, and on `,` when a fifth or more of the attribute's
 * cells hold one), or be a family of checkbox columns (`Skills [facilitation]`, see
 * checkbox-columns.ts), all folded into one list per person; names are folded as skill-names.ts
 * says. What people need or want to learn, when an attribute says so, is read the same way.
 *
 * Which attributes: `attribute` when given (an attribute's name or a checkbox question, matched
 * case-insensitively; several allowed); otherwise `skills` if some person has it, else every
 * attribute whose name says skills, expertise or competences; plus the checkbox families whose
 * question matches. Needs: `needsAttribute`, or an attribute named like "needs", "looking for",
 * "want to learn", "skills needed".
 */
import type { Attributes, AttributeValue } from '../../core/model/records.ts';
import { attributeValues } from '../../core/model/attribute-values.ts';
import { isBookkeeping } from '../weaving/interests.ts';
import { checkboxFamilies, tickedOptions, isCheckMark, type CheckboxFamily } from './checkbox-columns.ts';
import { foldSkillNames, skillKey, tidySkill, type SkillFolding, type SkillNameOptions } from './skill-names.ts';

const SKILL_NAME = /\b(skills?|expertise|competenc(e|es|y|ies)|capabilit(y|ies)|what (can )?you (bring|offer))\b/i;
const NEEDS_NAME =
  /^(needs?|needs? help with|help needed|help wanted|looking for|seeking|skills? (needed|wanted|sought|to learn)|(wants?|would like) to learn|learning (goals?|needs?)|what (do )?you need)$/i;

export interface SkillTableOptions extends SkillNameOptions {
  /**
   * The attribute(s) or checkbox question(s) holding skills. Default: `skills` when present, else
   * detected (see the module comment).
   */
  attribute?: string | string[];
  /** Attribute name -> the column header it came from (survey imports), to read check marks. */
  headers?: Readonly<Record<string, string>>;
  /** Attribute saying what people need or want to learn. Default: detected; `false` for none. */
  needsAttribute?: string | false;
  /** Skills the group needs: listed in the coverage even when no one holds them. */
  required?: string[];
}

export interface SkillTable {
  /** Attributes read as skills (checkbox members included). */
  attributes: string[];
  /** Checkbox families folded into the skills, by question. */
  checkboxQuestions: Array<{ question: string; options: string[] }>;
  /** Skills, most held first, then by name. */
  skills: string[];
  /** Node indices holding each skill (ascending). */
  holders: Int32Array[];
  /** Skill indices each node holds (ascending). */
  held: number[][];
  /** 1 when the person's skills are known (some skill attribute is filled in). */
  reported: Uint8Array;
  needsAttribute: string | null;
  /** Skill indices each node says they need (skills no one holds are in `unheldNeeds`). */
  needs: number[][];
  /** Needs no one in the network holds. */
  unheldNeeds: Array<{ skill: string; people: string[] }>;
  /** Skills written more than one way, and how they were folded. */
  folding: SkillFolding[];
  /** Things the user should know (check marks whose option is unknown, ...). */
  notes: string[];
}

interface Source {
  attribute: string;
  /** Checkbox option, or undefined for a plain attribute / an unknown option. */
  option?: string;
  checkbox: boolean;
}

function splitText(text: string, comma: boolean): string[] {
  return text
    .split(comma ? /[;|,]/ : /[;|]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Attributes whose text cells hold commas often enough to be lists. */
function commaLists(people: ReadonlyArray<Attributes | undefined>, attributes: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const attribute of attributes) {
    let texts = 0;
    let withComma = 0;
    for (const attrs of people) {
      const value = attrs?.[attribute];
      if (typeof value !== 'string' || value.trim() === '') continue;
      texts++;
      if (value.includes(',')) withComma++;
    }
    if (texts > 0 && withComma >= Math.max(1, 0.2 * texts)) out.add(attribute);
  }
  return out;
}

function matches(name: string, wanted: readonly string[]): boolean {
  const key = name.trim().toLowerCase();
  return wanted.some((w) => w.trim().toLowerCase() === key);
}

/** The skill sources among the attributes present (see the module comment). */
function skillSources(
  present: readonly string[],
  families: readonly CheckboxFamily[],
  explicit: readonly string[] | undefined,
  needs: string | null,
): Source[] {
  const inFamily = new Set(families.flatMap((f) => f.members.map((m) => m.attribute)));
  const out: Source[] = [];
  const addFamily = (family: CheckboxFamily): void => {
    for (const m of family.members) out.push({ attribute: m.attribute, ...(m.option !== undefined ? { option: m.option } : {}), checkbox: true });
  };
  if (explicit !== undefined) {
    for (const family of families) if (matches(family.question, explicit)) addFamily(family);
    for (const name of present) {
      if (!inFamily.has(name) && matches(name, explicit)) out.push({ attribute: name, checkbox: false });
    }
    return out;
  }
  const plain = present.filter((name) => !inFamily.has(name) && !isBookkeeping(name) && name !== needs);
  const exact = plain.filter((name) => name.trim().toLowerCase() === 'skills');
  const chosen = exact.length > 0 ? exact : plain.filter((name) => SKILL_NAME.test(name) && !NEEDS_NAME.test(name.trim()));
  for (const name of chosen) out.push({ attribute: name, checkbox: false });
  for (const family of families) {
    if (family.question.trim().toLowerCase() === 'skills' || (SKILL_NAME.test(family.question) && !NEEDS_NAME.test(family.question.trim()))) {
      addFamily(family);
    }
  }
  return out;
}

/** Reads each person's skills (and needs); node order is `ids`. */
export function skillTable(
  ids: readonly string[],
  attributesOf: (id: string) => Attributes | undefined,
  options: SkillTableOptions = {},
): SkillTable {
  const n = ids.length;
  const people = ids.map((id) => attributesOf(id));
  const present = [...new Set(people.flatMap((a) => (a ? Object.keys(a) : [])))].sort();
  const headers = options.headers ?? {};
  const families = checkboxFamilies(present, headers);
  const notes: string[] = [];

  let needsAttribute: string | null = null;
  if (options.needsAttribute !== false) {
    if (options.needsAttribute !== undefined) {
      needsAttribute = present.find((name) => matches(name, [options.needsAttribute as string])) ?? null;
      if (needsAttribute === null) notes.push(`no attribute named "${options.needsAttribute}" says what people need; needs were not read`);
    } else {
      needsAttribute = present.find((name) => NEEDS_NAME.test(name.trim())) ?? null;
    }
  }

  const explicit = options.attribute === undefined ? undefined : Array.isArray(options.attribute) ? options.attribute : [options.attribute];
  const sources = skillSources(present, families, explicit, needsAttribute);
  if (explicit !== undefined) {
    const found = new Set(sources.map((s) => s.attribute.toLowerCase()));
    const foundQuestions = new Set(families.filter((f) => matches(f.question, explicit)).map((f) => f.question.toLowerCase()));
    const missing = explicit.filter((e) => !found.has(e.trim().toLowerCase()) && !foundQuestions.has(e.trim().toLowerCase()));
    if (missing.length > 0) {
      const list = present.filter((k) => !isBookkeeping(k)).map((k) => `"${k}"`).join(', ') || 'none';
      throw new Error(`skills: no attribute named ${missing.map((m) => `"${m}"`).join(', ')} holds skills (attributes: ${list}).`);
    }
  }
  const comma = commaLists(people, sources.filter((s) => !s.checkbox).map((s) => s.attribute));
  const unknownMarks = new Set<string>();

  const written = (value: AttributeValue | undefined, source: Source): string[] => {
    if (source.checkbox) {
      if (source.option === undefined && isCheckMark(value)) unknownMarks.add(source.attribute);
      return tickedOptions(value, source.option);
    }
    if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number') return [];
    if (Array.isArray(value)) return value.flatMap((item) => splitText(item, false));
    return splitText(value, comma.has(source.attribute));
  };

  // Texts written, per person, for skills and needs.
  const rawSkills: string[][] = people.map((attrs) => (attrs ? sources.flatMap((s) => written(attrs[s.attribute], s)) : []));
  const reported = Uint8Array.from(people, (attrs) =>
    attrs !== undefined && sources.some((s) => attributeValues(attrs[s.attribute] ?? null).length > 0 || typeof attrs[s.attribute] === 'boolean') ? 1 : 0,
  );
  const rawNeeds: string[][] = people.map((attrs) => {
    if (!attrs || needsAttribute === null) return [];
    const value = attrs[needsAttribute];
    if (value === null || value === undefined || typeof value === 'boolean' || typeof value === 'number') return [];
    return Array.isArray(value) ? value.flatMap((item) => splitText(item, false)) : splitText(value, value.includes(';') ? false : true);
  });
  if (unknownMarks.size > 0) {
    notes.push(
      `${[...unknownMarks].map((a) => `"${a}"`).join(', ')} hold check marks but their option is not known; give the columns' headers (the survey layout) so the ticks count`,
    );
  }

  const counts = new Map<string, number>();
  const tally = (text: string): void => {
    counts.set(text, (counts.get(text) ?? 0) + 1);
  };
  rawSkills.forEach((list) => list.forEach(tally));
  // Needs and required skills join the folding (so "Facilitation" needed meets "facilitation"
  // held) without counting as written skills unless someone holds them.
  const extra = new Map<string, number>();
  for (const list of rawNeeds) for (const text of list) if (!counts.has(text)) extra.set(text, 0);
  for (const text of options.required ?? []) if (!counts.has(text)) extra.set(text, 0);
  const names = foldSkillNames([...counts, ...extra], options);

  const index = new Map<string, number>();
  const heldSets: Array<Set<number>> = Array.from({ length: n }, () => new Set());
  const nameList: string[] = [];
  const indexOf = (name: string): number => {
    let i = index.get(name);
    if (i === undefined) {
      i = nameList.length;
      nameList.push(name);
      index.set(name, i);
    }
    return i;
  };
  rawSkills.forEach((list, v) => {
    for (const text of list) {
      const name = names.nameOf(text);
      if (name !== undefined) heldSets[v]!.add(indexOf(name));
    }
  });
  const heldCount = new Map<number, number>();
  for (const set of heldSets) for (const s of set) heldCount.set(s, (heldCount.get(s) ?? 0) + 1);
  for (const text of options.required ?? []) {
    const name = names.nameOf(text) ?? tidySkill(text);
    if (name !== '') indexOf(name);
  }

  // Order: most held first, then by name; renumber.
  const order = nameList
    .map((name, i) => ({ name, i, count: heldCount.get(i) ?? 0 }))
    .sort((a, b) => b.count - a.count || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  const renumber = new Int32Array(nameList.length);
  order.forEach((entry, k) => {
    renumber[entry.i] = k;
  });
  const skills = order.map((e) => e.name);
  const held = heldSets.map((set) => [...set].map((s) => renumber[s]!).sort((a, b) => a - b));
  const holderLists: number[][] = skills.map(() => []);
  held.forEach((list, v) => list.forEach((s) => holderLists[s]!.push(v)));
  const holders = holderLists.map((list) => Int32Array.from(list));

  const skillIndex = new Map(skills.map((name, i) => [name, i]));
  const unheld = new Map<string, string[]>();
  const needs = rawNeeds.map((list, v) => {
    const out = new Set<number>();
    for (const text of list) {
      const name = names.nameOf(text) ?? tidySkill(text);
      const s = skillIndex.get(name);
      if (s !== undefined && holders[s]!.length > 0) out.add(s);
      else if (name !== '') {
        const who = unheld.get(name) ?? [];
        if (!who.includes(ids[v]!)) who.push(ids[v]!);
        unheld.set(name, who);
      }
    }
    return [...out].sort((a, b) => a - b);
  });

  const inFamily = new Map(families.map((f) => [f.question, f]));
  const checkboxQuestions = [...inFamily.values()]
    .filter((f) => f.members.some((m) => sources.some((s) => s.checkbox && s.attribute === m.attribute)))
    .map((f) => ({ question: f.question, options: f.members.map((m) => m.option ?? m.attribute) }));
  return {
    attributes: sources.map((s) => s.attribute),
    checkboxQuestions,
    skills,
    holders,
    held,
    reported,
    needsAttribute,
    needs,
    unheldNeeds: [...unheld.entries()]
      .map(([skill, people]) => ({ skill, people }))
      .sort((a, b) => b.people.length - a.people.length || (skillKey(a.skill) < skillKey(b.skill) ? -1 : 1)),
    // Only spellings people wrote as skills (a need spelled differently is not a variant held).
    folding: names.folding
      .filter((f) => skillIndex.has(f.skill))
      .map((f) => ({ ...f, variants: f.variants.filter((v) => v.count > 0) }))
      .filter((f) => f.variants.length > 1 || (f.variants.length === 1 && f.variants[0]!.text !== f.skill)),
    notes,
  };
}
