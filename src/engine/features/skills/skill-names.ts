/**
 * Skill names as people write them, folded into one name per skill, conservatively, and every
 * fold reported so a user can see (and undo, through `synonyms`) what was merged:
 *
 * | rule          | folds                                                              |
 * |---------------|--------------------------------------------------------------------|
 * | `case-spacing`| letter case, spaces, underscores, quotes and stray end punctuation |
 * | `spelling`    | hyphens, dots, apostrophes and spaces inside ("grant-writing",     |
 * |               | "grantwriting", "Grant Writing"), "&" read as "and"                 |
 * | `plural`      | a last word's plural ("budgets", "policies", "coaches") onto its    |
 * |               | singular, only when the singular is also written somewhere          |
 * | `synonym`     | the user's `synonyms`, then a few unambiguous abbreviations          |
 * |               | (comms, PR, HR, IT, M&E, UX), see BUILT_IN_SYNONYMS                  |
 *
 * Nothing else is merged: "data analysis" and "data analytics", or "facilitation" and
 * "facilitating", stay two skills unless the user says otherwise. Each skill is shown as its most
 * often written spelling (on a tie the singular, then the first seen).
 */

export type SkillFoldRule = 'same' | 'case-spacing' | 'spelling' | 'plural' | 'synonym';

export interface SkillVariant {
  /** As written (spaces tidied). */
  text: string;
  /** How many times it was written. */
  count: number;
  /** How it was folded onto the skill's name. */
  rule: SkillFoldRule;
}

/** One skill written more than one way. */
export interface SkillFolding {
  skill: string;
  variants: SkillVariant[];
}

export interface SkillNameOptions {
  /**
   * Extra folds, variant -> skill ("data analytics" -> "data analysis"), compared after case and
   * spacing are tidied. The user's word wins over the built-in abbreviations.
   */
  synonyms?: Record<string, string>;
  /** Apply BUILT_IN_SYNONYMS. Default true. */
  builtInSynonyms?: boolean;
  /** Fold plurals onto singulars written elsewhere. Default true. */
  plurals?: boolean;
}

/** Abbreviations whose meaning as a skill is not in doubt (compact key -> skill). */
export const BUILT_IN_SYNONYMS: Readonly<Record<string, string>> = {
  comms: 'communications',
  pr: 'public relations',
  hr: 'human resources',
  it: 'information technology',
  mande: 'monitoring and evaluation',
  ux: 'user experience',
};

/** Spaces tidied: what a variant is shown as. */
export function tidySkill(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0_]+/g, ' ')
    .replace(/^["'“”‘’\s.,;:!?*•·-]+|["'“”‘’\s.,;:!?*•·]+$/g, '')
    .trim();
}

/** Case and spacing folded: the `case-spacing` key. */
export function skillKey(text: string): string {
  return tidySkill(text).toLowerCase();
}

/** Inner punctuation and spaces dropped, "&" read as "and": the `spelling` key. */
export function compactSkillKey(text: string): string {
  return skillKey(text)
    .replace(/&/g, 'and')
    .replace(/[\s\-‐‑–—.'’/+]+/g, '');
}

/** Singular forms the last word of `key` could be the plural of (most likely first). */
export function singularCandidates(key: string): string[] {
  const match = /^(.*?)(\p{L}+)$/u.exec(key);
  if (match === null) return [];
  const head = match[1] ?? '';
  const word = match[2] ?? '';
  if (word.length < 4 || !word.endsWith('s') || /(ss|us|is)$/.test(word)) return [];
  const out: string[] = [];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (/(s|x|z|ch|sh)es$/.test(word)) out.push(word.slice(0, -2));
  out.push(word.slice(0, -1));
  return out.map((w) => head + w);
}

export interface SkillNames {
  /** Skill names, in first-seen order of their groups. */
  names: string[];
  /** The skill a written text folds into, by the text's `skillKey`. */
  nameOf(text: string): string | undefined;
  /** Skills written more than one way. */
  folding: SkillFolding[];
}

/**
 * Folds the written texts (each with how often it was written) into skills. Texts that tidy to
 * nothing are dropped.
 */
export function foldSkillNames(written: Iterable<[string, number]>, options: SkillNameOptions = {}): SkillNames {
  const plurals = options.plurals ?? true;
  const synonyms = new Map<string, string>();
  if (options.builtInSynonyms ?? true) for (const [from, to] of Object.entries(BUILT_IN_SYNONYMS)) synonyms.set(from, to);
  for (const [from, to] of Object.entries(options.synonyms ?? {})) {
    const key = compactSkillKey(from);
    if (key !== '' && tidySkill(to) !== '') synonyms.set(key, tidySkill(to));
  }

  // Variants by case-spacing key, with counts of each tidy spelling.
  const spellings = new Map<string, Map<string, number>>();
  for (const [raw, count] of written) {
    const text = tidySkill(raw);
    if (text === '') continue;
    const key = text.toLowerCase();
    const forms = spellings.get(key) ?? new Map<string, number>();
    forms.set(text, (forms.get(text) ?? 0) + count);
    spellings.set(key, forms);
  }

  // Groups: one per compact key; the rule each key joined by.
  const groupOfCompact = new Map<string, number>();
  const groups: Array<{ keys: Map<string, SkillFoldRule>; compact: string }> = [];
  const join = (compact: string, key: string, rule: SkillFoldRule): void => {
    let g = groupOfCompact.get(compact);
    if (g === undefined) {
      g = groups.length;
      groups.push({ keys: new Map(), compact });
      groupOfCompact.set(compact, g);
    }
    const group = groups[g]!;
    if (!group.keys.has(key)) group.keys.set(key, group.keys.size === 0 ? 'same' : rule);
  };
  const synonymNames = new Map<string, string>();
  for (const key of spellings.keys()) {
    const compact = compactSkillKey(key);
    const target = synonyms.get(compact);
    if (target !== undefined && compactSkillKey(target) !== compact) {
      // The synonym's target joins (or founds) its own group; the variant joins it as a synonym.
      join(compactSkillKey(target), target.toLowerCase(), 'same');
      if (!synonymNames.has(target.toLowerCase())) synonymNames.set(target.toLowerCase(), target);
      join(compactSkillKey(target), key, 'synonym');
    } else {
      join(compact, key, 'spelling');
    }
  }
  // Keys people wrote (a synonym's target may not be one of them: it is not counted as written).
  const written0 = new Set(spellings.keys());

  // Plurals: a group whose compact key is the plural of another group's joins it.
  const mergedInto = new Int32Array(groups.length).fill(-1);
  if (plurals) {
    groups.forEach((group, g) => {
      // Try each key of the group (its spaced form matters for "last word").
      for (const key of group.keys.keys()) {
        for (const singular of singularCandidates(key)) {
          const target = groupOfCompact.get(compactSkillKey(singular));
          if (target !== undefined && target !== g) {
            mergedInto[g] = target;
            return;
          }
        }
      }
    });
  }
  const rootOf = (g: number): number => {
    let r = g;
    while (mergedInto[r]! >= 0) r = mergedInto[r]!;
    return r;
  };

  // Final skills: each root group with the keys of the groups merged into it.
  const members = new Map<number, Array<{ key: string; rule: SkillFoldRule }>>();
  groups.forEach((group, g) => {
    const root = rootOf(g);
    const list = members.get(root) ?? [];
    for (const [key, rule] of group.keys) list.push({ key, rule: root === g ? rule : 'plural' });
    members.set(root, list);
  });

  const nameByKey = new Map<string, string>();
  const names: string[] = [];
  const folding: SkillFolding[] = [];
  for (const [, list] of [...members.entries()].sort((a, b) => a[0] - b[0])) {
    const forms: Array<{ text: string; count: number; rule: SkillFoldRule }> = [];
    for (const { key, rule } of list) {
      if (!written0.has(key)) continue;
      for (const [text, count] of spellings.get(key)!) forms.push({ text, count, rule });
    }
    if (forms.length === 0) continue;
    // Shown as its most written spelling; a skill only written as a synonym is shown as the synonym says.
    const own = forms.filter((f) => f.rule !== 'synonym');
    const target = list.find((m) => m.rule === 'same');
    const name = own.length > 0 ? own.reduce((a, b) => (b.count > a.count || (b.count === a.count && a.rule === 'plural' && b.rule !== 'plural') ? b : a)).text : (synonymNames.get(target?.key ?? '') ?? target?.key ?? forms[0]!.text);
    names.push(name);
    for (const { key } of list) nameByKey.set(key, name);
    if (forms.length > 1 || forms[0]!.text !== name) {
      const nameKey = name.toLowerCase();
      const nameCompact = compactSkillKey(name);
      const ruleOf = (f: { text: string; rule: SkillFoldRule }): SkillFoldRule => {
        if (f.text === name) return 'same';
        if (f.text.toLowerCase() === nameKey) return 'case-spacing';
        if (compactSkillKey(f.text) === nameCompact) return 'spelling';
        return f.rule === 'synonym' ? 'synonym' : 'plural';
      };
      folding.push({
        skill: name,
        variants: forms
          .map((f) => ({ text: f.text, count: f.count, rule: ruleOf(f) }))
          .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)),
      });
    }
  }
  return {
    names,
    nameOf: (text: string) => nameByKey.get(skillKey(text)),
    folding,
  };
}
