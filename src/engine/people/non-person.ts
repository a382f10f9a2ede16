/**
 * Written answers that name nobody: "n/a", "none", "-", "my whole team", "everyone in my org",
 * free text, phone numbers. They are reported, never turned into people. The resolver asks
 * this only for text that matches no known person exactly, so a person called "Al All" is safe.
 */
import { foldText } from './name-normalize.ts';

/** Whole answers meaning "no one" or "no answer", folded and without punctuation. */
const NO_ANSWER = new Set([
  'na', 'n a', 'none', 'no one', 'noone', 'nobody', 'nil', 'null', 'nothing', 'nope', 'no', 'not applicable',
  'not sure', 'unsure', 'dont know', 'do not know', 'i dont know', 'i do not know', 'idk', 'dk', 'unknown',
  'prefer not to say', 'prefer not to answer', 'rather not say', 'same as above', 'see above', 'as above',
  'same', 'ditto', 'no comment', 'pass', 'skip', 'tbd', 'todo', 'none yet', 'nobody yet', 'not yet',
  'no one in particular', 'nobody in particular', 'no answer', 'none really', 'none at the moment',
  'other', 'others', 'etc', 'and others', 'many', 'several', 'various', 'lots', 'many others', 'too many to list',
  'everyone', 'everybody', 'all', 'all of them', 'all of us', 'anyone', 'anybody', 'someone', 'somebody',
]);

/** Words that, anywhere in a short answer, mean a group rather than a person. */
const GROUP_WORDS = new Set([
  'team', 'teams', 'teammates', 'everyone', 'everybody', 'anyone', 'anybody', 'someone', 'somebody', 'nobody',
  'staff', 'colleagues', 'colleague', 'coworkers', 'coworker', 'members', 'member', 'group', 'groups',
  'department', 'dept', 'committee', 'board', 'coalition', 'network', 'partners', 'people', 'folks',
  'others', 'various', 'several', 'family', 'friends', 'friend', 'leadership', 'management', 'managers',
  'manager', 'supervisor', 'boss', 'director', 'directors', 'organization', 'organisation', 'org', 'orgs',
  'agency', 'office', 'volunteers', 'cohort', 'whole', 'entire', 'council', 'steering', 'working',
  'unit', 'division', 'company', 'employees', 'mentor', 'mentors', 'peers', 'peer', 'neighbours', 'neighbors',
]);
/** Possessives and determiners that start a description rather than a name. */
const DESCRIPTION_START = new Set(['my', 'our', 'their', 'his', 'her', 'your', 'the', 'an', 'all', 'some', 'any', 'most', 'many', 'every', 'each', 'other', 'no']);

/** Common English words that do not occur in names: two of them make a sentence. */
const FUNCTION_WORDS = new Set(
  'i we you they it is are was were be been to of in on at for with from by about as and or but so if not no this that these those them us me my our your their his her its who what which when where how can could will would should do does did have has had all also very just'.split(
    ' ',
  ),
);

/** More words than this is a sentence, not a name. */
export const MAX_NAME_WORDS = 6;
/** More characters than this is free text, not a name. */
export const MAX_NAME_LENGTH = 80;

/**
 * Why `text` names nobody, in words for the user; undefined when it may be a name.
 */
export function nonPersonReason(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  if (/^[\p{P}\p{S}\s]*$/u.test(trimmed) || /^[0x]$/i.test(trimmed)) return 'no name, only punctuation';
  const words = foldText(trimmed)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
  if (NO_ANSWER.has(words)) return 'an answer that names no one';
  if (/https?:\/\/|www\./i.test(trimmed)) return 'a web address, not a name';
  if (/\d{3,}/.test(trimmed.replace(/\s+/g, '')) && !/@/.test(trimmed)) return 'contains numbers, not a name';
  if (trimmed.length > MAX_NAME_LENGTH) return `free text (${trimmed.length} characters), not a name`;
  const tokens = words.split(' ').filter((w) => w !== '');
  if (tokens.length > MAX_NAME_WORDS) return `free text (${tokens.length} words), not a name`;
  if (tokens.some((t) => GROUP_WORDS.has(t))) return 'a group, not a person';
  if (tokens.filter((t) => FUNCTION_WORDS.has(t)).length >= 2) return 'a sentence, not a name';
  if (tokens.length > 1 && DESCRIPTION_START.has(tokens[0] as string)) return 'a description, not a name';
  return undefined;
}
