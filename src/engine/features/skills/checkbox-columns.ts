/**
 * Checkbox questions exported one column per option ("Skills you bring [Facilitation]",
 * "Skills - Legal", "Skills: Grant writing"; SurveyMonkey, Qualtrics, Typeform and spreadsheet
 * node lists all do this) arrive as separate attributes, one per option. This folds each such
 * family of attributes back into the question it came from, and reads which options a person
 * ticked, so the options become one list of values (a skills list).
 *
 * Attribute names are split like the survey layout splits grid headers: `Question [Option]`
 * (always), or `Question - Option` / `Question: Option` when at least two attributes share the
 * question. The survey importer names repeated attributes `skills`, `skills-2`, `skills-3`: such
 * runs form a family too, and their options are read from the cells (the option text a tool
 * writes when ticked) or, for check marks, from the column headers the caller passes in
 * `headers` (the survey layout's `attributes`: name -> header).
 *
 * A cell counts as ticked when it is `true`, a number above 0, a check mark (x, ✓, yes, y,
 * true, checked, selected, 1) or any other text; not ticked when empty, `false`, 0, or no, n,
 * false, unchecked, not selected, none, n/a, -. Ticked text other than a check mark that differs
 * from the option is the option written out (SurveyMonkey, Typeform) unless the option is
 * "Other": then the text itself is the answer (split on ; and ,).
 */
import type { AttributeValue } from '../../core/model/records.ts';
import type { SurveyLayout } from '../../core/model/survey.ts';

const BRACKET = /^(.*?\S)\s*\[([^[\]]+)\]\s*$/;
const SEPARATED = /^(.*\S)\s+(?:-|–|—|\||:|::)\s+(\S.*)$/;
const COLON = /^(.*\S):\s*(\S.*)$/;
const SUFFIXED = /^(.*\S)-(\d+)$/;
const CHECK_MARK = /^(x|✓|✔|☑|yes|y|true|checked|selected|ticked|1)$/i;
const UNCHECKED = /^(no|n|false|0|unchecked|not selected|not checked|none|n\/a|na|-|–|—)$/i;
const OTHER = /^other\b/i;

export interface CheckboxMember {
  /** The attribute as found on people. */
  attribute: string;
  /** The option it stands for (undefined for survey-suffixed columns whose header is unknown). */
  option?: string;
}

export interface CheckboxFamily {
  /** The question the options belong to ("Skills you bring", or the base name "skills"). */
  question: string;
  members: CheckboxMember[];
}

/** Question and option of one attribute name, when it has the bracket form or a separator. */
export function splitOptionName(name: string): { question: string; option: string; bracket: boolean } | undefined {
  const bracket = BRACKET.exec(name);
  if (bracket !== null) return { question: bracket[1]!.trim(), option: bracket[2]!.trim(), bracket: true };
  const separated = SEPARATED.exec(name) ?? COLON.exec(name);
  if (separated !== null) return { question: separated[1]!.trim(), option: separated[2]!.trim(), bracket: false };
  return undefined;
}

/**
 * Families of checkbox attributes among `attributes`. `headers` maps an attribute name to the
 * column header it was read from (for survey-imported attributes such as `skills-2`).
 */
export function checkboxFamilies(attributes: Iterable<string>, headers: Readonly<Record<string, string>> = {}): CheckboxFamily[] {
  const names = [...new Set(attributes)];
  const byQuestion = new Map<string, { question: string; members: CheckboxMember[]; bracket: boolean }>();
  const taken = new Set<string>();
  const add = (question: string, member: CheckboxMember, bracket: boolean): void => {
    const key = question.toLowerCase();
    const family = byQuestion.get(key) ?? { question, members: [], bracket: false };
    family.members.push(member);
    family.bracket ||= bracket;
    byQuestion.set(key, family);
  };
  // Survey-suffixed runs: base, base-2, base-3 ... (the header says the option, when known).
  const suffixed = new Map<string, string[]>();
  for (const name of names) {
    const m = SUFFIXED.exec(name);
    if (m !== null && names.includes(m[1]!)) {
      const list = suffixed.get(m[1]!) ?? [m[1]!];
      list.push(name);
      suffixed.set(m[1]!, list);
    }
  }
  for (const [base, list] of suffixed) {
    for (const name of list) {
      const header = headers[name];
      const split = header !== undefined ? splitOptionName(header) : undefined;
      add(base, split !== undefined ? { attribute: name, option: split.option } : { attribute: name }, true);
      taken.add(name);
    }
  }
  for (const name of names) {
    if (taken.has(name)) continue;
    const split = splitOptionName(headers[name] ?? name);
    if (split === undefined) continue;
    add(split.question, { attribute: name, option: split.option }, split.bracket);
  }
  return [...byQuestion.values()]
    .filter((f) => f.bracket || f.members.length >= 2)
    .map((f) => ({ question: f.question, members: f.members }));
}

function fromText(text: string, option: string | undefined): string[] {
  const value = text.trim();
  if (value === '' || UNCHECKED.test(value)) return [];
  if (CHECK_MARK.test(value)) return option !== undefined && !OTHER.test(option) ? [option] : [];
  if (option !== undefined && value.toLowerCase() === option.toLowerCase()) return OTHER.test(option) ? [] : [option];
  if (option === undefined || OTHER.test(option)) {
    return value
      .split(/[;,]/)
      .map((part) => part.trim())
      .filter((part) => part !== '' && !UNCHECKED.test(part));
  }
  // Ticked, with the option written out in other words: the option is what was ticked.
  return [option];
}

/**
 * The options a person ticked in one checkbox column (`option` from the family; undefined when
 * only the cell can say it). Check marks without a known option give nothing.
 */
export function tickedOptions(value: AttributeValue | undefined, option: string | undefined): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'boolean') return value && option !== undefined && !OTHER.test(option) ? [option] : [];
  if (typeof value === 'number') return value > 0 && option !== undefined && !OTHER.test(option) ? [option] : [];
  if (Array.isArray(value)) return value.flatMap((item) => fromText(item, option));
  return fromText(value, option);
}

/** True when the cell is a bare check mark (its option must come from the header). */
export function isCheckMark(value: AttributeValue | undefined): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value > 0;
  return typeof value === 'string' && CHECK_MARK.test(value.trim());
}

/** Attribute name -> column header, from the survey layouts an import used (`SurveyImport.layouts`). */
export function surveyAttributeHeaders(layouts: ReadonlyArray<Pick<SurveyLayout, 'attributes'>>): Record<string, string> {
  const out = new Map<string, string>();
  for (const layout of layouts) {
    for (const attribute of layout.attributes) if (!out.has(attribute.name)) out.set(attribute.name, attribute.header);
  }
  // fromEntries defines each key as data, so a column named "__proto__" stays a plain key.
  return Object.fromEntries(out);
}
