/**
 * The report sections on distributed skills and leadership abilities, from one analysed dataset:
 *
 * - `skills`: which skills the network has (skill-table.ts), who holds each and how they are
 *   spread across communities, grouping attributes and the core/periphery, with the rare,
 *   stranded and missing-in-a-community flags (skill-coverage.ts); skills-by-group matrices;
 *   which skills each person reaches within one and two steps and the steps each group would
 *   need to bridge (skill-distances.ts); skill-based introductions (skill-introductions.ts) and
 *   who could learn a skill for the group (learning-candidates.ts); how names were folded.
 * - `abilities` (when an assessment is given, see abilities-import.ts): scores per person,
 *   community and grouping attribute with strengths and growth areas (abilities-profile.ts), and
 *   abilities against network position, with the untapped people (ability-position.ts).
 *
 * Network position comes from the people insights (analysis/people-insights.ts: `peripheral`,
 * `coreScore`, `inCore`, `peripheryScore`, periphery reasons); communities from the metric
 * table's `community` column, numbered as there (from 1) and labelled "group c". Reach reads ties as
 * contacts: either direction, unweighted.
 */
import type { Dataset } from '../../core/model/dataset.ts';
import type { Attributes } from '../../core/model/records.ts';
import type { AbilityAssessment } from '../../core/model/abilities.ts';
import type { Csr } from '../../core/graph/csr.ts';
import { contactsOf } from '../../algorithms/brokerage/contacts.ts';
import { midrankPercentile } from '../../algorithms/brokerage/ranks.ts';
import { groupBy as groupByAttribute, type Grouping } from '../../algorithms/equity/groups.ts';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { skillTable, type SkillTableOptions } from './skill-table.ts';
import type { SkillFolding } from './skill-names.ts';
import { personSkillReach, skillDistances, shareWithin } from './skill-distances.ts';
import {
  communityLabel,
  skillCoverage,
  type CommunitySkills,
  type CoverageOptions,
  type SkillCoverage,
  type SkillMatrix,
} from './skill-coverage.ts';
import { skillIntroductions, type IntroductionOptions, type SkillIntroduction } from './skill-introductions.ts';
import { learningCandidates, type LearningEntry, type LearningOptions } from './learning-candidates.ts';
import { groupingAttributes } from './grouping-attributes.ts';
import { groupProfiles, type GroupAbilityProfile, type ProfileOptions } from './abilities-profile.ts';
import { abilityPosition, type AbilityPosition, type PositionOptions, type UntappedAbility } from './ability-position.ts';

/** What the skills report reads from the people insights (PeopleInsights fits). */
export interface SkillPositionView {
  nodes: Record<string, { coreScore: number; peripheral: boolean; inCore?: boolean; peripheryScore?: number }>;
  /** Peripheral people with their reasons (for the untapped list's sentences). */
  periphery?: ReadonlyArray<{ id: string; reasons: string[] }>;
}

/** What the skills report reads from the metric table (MetricTable fits). */
export interface CommunityTable {
  ids: readonly string[];
  columns: { community: ArrayLike<number> };
}

export interface SkillsReportOptions extends CoverageOptions {
  /** Attribute(s) or checkbox question(s) holding skills. Default `skills`, else detected (CLI `--skills COLUMN`). */
  skillsAttribute?: string | string[];
  /** Attribute name -> column header (survey imports), so check-mark columns name their option. */
  headers?: Record<string, string>;
  /** Attribute saying what people need or want to learn. Default detected; false for none. */
  needsAttribute?: string | false;
  /** Skills the group needs, listed even when no one holds them. */
  required?: string[];
  /** Extra name folds, variant -> skill. */
  synonyms?: Record<string, string>;
  /** Default true. */
  builtInSynonyms?: boolean;
  /** Default true. */
  plurals?: boolean;
  /** Attributes to spread skills and abilities over (sector, region, organisation). Default: detected (grouping-attributes.ts). */
  groupBy?: string | string[];
  /**
   * Per-person lists of skills held / one step / two steps / out of reach. Default `auto`: when
   * there are skills and people x skills is at most 2,000,000 (the lists grow with both).
   */
  perPerson?: boolean | 'auto';
  introductions?: IntroductionOptions;
  learning?: LearningOptions;
  /** A self-assessment (abilities-import.ts): adds the `abilities` section. */
  abilities?: AbilityAssessment;
  /** Strengths/growth areas and "high" scores (default minRespondents 3, margin 0.25, highScore 4). */
  abilityOptions?: ProfileOptions & PositionOptions;
}

export interface PersonSkills {
  holds: string[];
  oneStep: string[];
  twoSteps: string[];
  outOfReach: string[];
}

export interface SkillsSection {
  settings: {
    attributes: string[];
    checkboxQuestions: Array<{ question: string; options: string[] }>;
    needsAttribute: string | null;
    groupBy: string[];
    people: number;
    /** People whose skills are known. */
    reported: number;
    rareThreshold: number;
    minCommunity: number;
    gapShare: number;
    perPerson: boolean;
    reach: 'contacts';
  };
  /** Skill names, most held first. */
  skills: string[];
  coverage: SkillCoverage[];
  rare: string[];
  stranded: string[];
  /** Required skills no one holds. */
  absent: string[];
  /** Per community (of at least minCommunity people), keyed by community number. */
  byCommunity: Record<string, CommunitySkills>;
  gaps: Array<{ community: number; label: string; size: number; missing: string[] }>;
  /** Skills x communities (heatmap): counts, shares of members, steps to bridge. */
  matrix: SkillMatrix;
  /** Skills x values of each grouping attribute. */
  byAttribute: Record<string, SkillMatrix>;
  /** Per person: skills held, within one step, within two, out of reach (when perPerson). */
  people?: Record<string, PersonSkills>;
  introductions: SkillIntroduction[];
  learning: LearningEntry[];
  needs: { attribute: string | null; unheld: Array<{ skill: string; people: string[] }> };
  normalisation: SkillFolding[];
  notes: string[];
}

export interface AbilityPersonEntry {
  id: string;
  label: string;
  scores: Record<string, number | null>;
  mean: number | null;
  community: number;
  peripheral: boolean;
  coreScore: number;
}

export interface AbilitiesSection {
  settings: {
    abilities: string[];
    scale: { min: number; max: number; labels: Record<string, string> };
    highScore: number;
    minRespondents: number;
    margin: number;
    groupBy: string[];
  };
  /** People in the network, and how many of them answered. */
  people: number;
  respondents: number;
  overall: GroupAbilityProfile;
  /** One entry per person who answered. */
  individuals: AbilityPersonEntry[];
  byCommunity: GroupAbilityProfile[];
  byAttribute: Record<string, GroupAbilityProfile[]>;
  position: AbilityPosition[];
  untapped: UntappedAbility[];
}

export interface SkillsReport {
  skills: SkillsSection;
  abilities?: AbilitiesSection;
}

const PER_PERSON_BUDGET = 2_000_000;

function toList(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function groupMembers(ids: readonly string[], grouping: Grouping): Array<{ key: string; label: string; members: string[] }> {
  const members: string[][] = grouping.labels.map(() => []);
  ids.forEach((id, v) => {
    const g = grouping.group[v]!;
    if (g >= 0) members[g]!.push(id);
  });
  return grouping.labels.map((label, g) => ({ key: label, label, members: members[g]! }));
}

export function skillsReport(
  dataset: Dataset,
  csr: Csr,
  table: CommunityTable,
  insights: SkillPositionView,
  options: SkillsReportOptions = {},
  hooks?: RunHooks,
): SkillsReport {
  const n = csr.n;
  const ids = csr.ids;
  if (table.ids.length !== n || table.ids.some((id, i) => id !== ids[i])) {
    throw new Error('skills-report: the metric table and the CSR must list the same people in the same order.');
  }
  const people = new Map(dataset.people.map((p) => [p.id, p]));
  const attributesOf = (id: string): Attributes | undefined => people.get(id)?.attributes;
  const labels = ids.map((id) => people.get(id)?.label || id);
  const node = (id: string) => insights.nodes[id];
  const peripheral = Uint8Array.from(ids, (id) => (node(id)?.peripheral ? 1 : 0));
  const inCore = Uint8Array.from(ids, (id) => (node(id)?.inCore ? 1 : 0));
  const coreScore = Float64Array.from(ids, (id) => node(id)?.coreScore ?? 0);
  const peripheryScore = Float64Array.from(ids, (id) => node(id)?.peripheryScore ?? 0);
  const community = Int32Array.from(table.columns.community);
  const step = (name: string): void => {
    checkCancelled(hooks);
    hooks?.onProgress?.(name, 0);
  };

  step('skills');
  const tableOptions: SkillTableOptions = {
    ...(options.skillsAttribute !== undefined ? { attribute: options.skillsAttribute } : {}),
    ...(options.headers !== undefined ? { headers: options.headers } : {}),
    ...(options.needsAttribute !== undefined ? { needsAttribute: options.needsAttribute } : {}),
    ...(options.required !== undefined ? { required: options.required } : {}),
    ...(options.synonyms !== undefined ? { synonyms: options.synonyms } : {}),
    ...(options.builtInSynonyms !== undefined ? { builtInSynonyms: options.builtInSynonyms } : {}),
    ...(options.plurals !== undefined ? { plurals: options.plurals } : {}),
  };
  const skills = skillTable(ids, attributesOf, tableOptions);
  const notes = [...skills.notes];
  if (skills.attributes.length === 0) {
    notes.push('no attribute holds skills (such as a "skills" column, or checkbox columns like "Skills [facilitation]"); name it with --skills COLUMN');
  }

  const explicitGroups = toList(options.groupBy);
  const exclude = [...skills.attributes, ...(skills.needsAttribute !== null ? [skills.needsAttribute] : [])];
  const groupBy = explicitGroups ?? groupingAttributes(ids.map(attributesOf), { exclude });
  if (explicitGroups !== undefined) {
    const known = new Set(dataset.people.flatMap((p) => Object.keys(p.attributes)));
    const answered = new Set((options.abilities?.responses ?? []).flatMap((r) => Object.keys(r.attributes)));
    const missing = explicitGroups.filter((g) => !known.has(g) && !answered.has(g));
    if (missing.length > 0) {
      throw new Error(`skills-report: no attribute named ${missing.map((m) => `"${m}"`).join(', ')} to group by (attributes: ${[...known].sort().map((k) => `"${k}"`).join(', ') || 'none'}).`);
    }
  }
  const groupings = groupBy.map((attribute) => groupByAttribute(ids, attribute, attributesOf));

  step('skill reach');
  const contacts = contactsOf(csr);
  const rows = { n, offsets: contacts.offsets, targets: contacts.targets };
  const distances = skillDistances(rows, skills.holders, hooks);

  step('skill coverage');
  const coverage = skillCoverage(
    { ids, labels, table: skills, community, peripheral, inCore, coreScore, distances, groupings },
    options,
  );
  const rare = coverage.entries.map((e) => e.rare && e.count > 0);
  const stranded = coverage.entries.map((e) => e.stranded);

  step('skill introductions');
  const contactCount = Float64Array.from({ length: n }, (_, v) => contacts.offsets[v + 1]! - contacts.offsets[v]!);
  const wellConnected = midrankPercentile(contactCount);
  const introductions = skillIntroductions(
    {
      ids,
      labels,
      rows,
      table: skills,
      distances,
      peripheral,
      wellConnected,
      rare,
      stranded,
      reach2: distances.map((d) => shareWithin(d, 2)),
    },
    options.introductions,
  );
  const learning = learningCandidates(
    { ids, labels, rows, table: skills, distances, community, peripheral, inCore, coreScore, rare, stranded, byCommunity: coverage.byCommunity },
    options.learning,
  );

  const perPerson = options.perPerson === undefined || options.perPerson === 'auto' ? skills.skills.length > 0 && n * skills.skills.length <= PER_PERSON_BUDGET : options.perPerson;
  let personSkills: Record<string, PersonSkills> | undefined;
  if (perPerson) {
    personSkills = {};
    const name = (list: number[]): string[] => list.map((s) => skills.skills[s]!);
    for (let v = 0; v < n; v++) {
      const reach = personSkillReach(distances, v);
      personSkills[ids[v]!] = { holds: name(reach.holds), oneStep: name(reach.oneStep), twoSteps: name(reach.twoSteps), outOfReach: name(reach.outOfReach) };
    }
  }

  const [communityMatrix, ...attributeMatrices] = coverage.matrices;
  const skillsSection: SkillsSection = {
    settings: {
      attributes: skills.attributes,
      checkboxQuestions: skills.checkboxQuestions,
      needsAttribute: skills.needsAttribute,
      groupBy,
      people: n,
      reported: skills.reported.reduce((a, b) => a + b, 0),
      rareThreshold: coverage.rareThreshold,
      minCommunity: coverage.minCommunity,
      gapShare: coverage.gapShare,
      perPerson,
      reach: 'contacts',
    },
    skills: skills.skills,
    coverage: coverage.entries,
    rare: coverage.rare,
    stranded: coverage.stranded,
    absent: coverage.absent,
    byCommunity: coverage.byCommunity,
    gaps: coverage.gaps,
    matrix: communityMatrix!,
    byAttribute: Object.fromEntries(attributeMatrices.map((m) => [m.by, m])),
    ...(personSkills !== undefined ? { people: personSkills } : {}),
    introductions,
    learning,
    needs: { attribute: skills.needsAttribute, unheld: skills.unheldNeeds },
    normalisation: skills.folding,
    notes,
  };

  if (options.abilities === undefined) {
    hooks?.onProgress?.('done', 1);
    return { skills: skillsSection };
  }

  step('abilities');
  const assessment = options.abilities;
  const index = new Map(ids.map((id, v) => [id, v]));
  const responses = assessment.responses.filter((r) => index.has(r.person));
  const inNetwork: AbilityAssessment = { ...assessment, responses };
  const abilityOptions = options.abilityOptions ?? {};
  const profileOptions: ProfileOptions = {
    minRespondents: abilityOptions.minRespondents ?? 3,
    margin: abilityOptions.margin ?? 0.25,
    top: abilityOptions.top ?? 2,
  };
  const highScore = abilityOptions.highScore ?? Math.max(assessment.scale.min, assessment.scale.max - 1);

  // Grouping attributes: the person's own, else what they gave with their answers.
  const answers = new Map(responses.map((r) => [r.person, r]));
  const abilityAttributes = (id: string): Attributes | undefined => {
    const own = attributesOf(id);
    const given = answers.get(id)?.attributes;
    if (given === undefined) return own;
    return { ...given, ...(own ?? {}) };
  };
  const abilityGroupBy = explicitGroups ?? groupingAttributes(ids.map(abilityAttributes), { exclude });
  const abilityGroupings = abilityGroupBy.map((attribute) => groupByAttribute(ids, attribute, abilityAttributes));

  const all = groupProfiles(inNetwork, [{ key: 'all', label: 'the network', members: ids }], profileOptions)[0]!;
  const communities = Object.values(coverage.byCommunity).map((c) => c.community);
  const communityMembers = new Map<number, string[]>();
  ids.forEach((id, v) => {
    const list = communityMembers.get(community[v]!) ?? [];
    list.push(id);
    communityMembers.set(community[v]!, list);
  });
  const byCommunity = groupProfiles(
    inNetwork,
    communities.map((c) => ({ key: String(c), label: communityLabel(c), members: communityMembers.get(c) ?? [] })),
    profileOptions,
  );
  const byAttribute: Record<string, GroupAbilityProfile[]> = {};
  for (const grouping of abilityGroupings) byAttribute[grouping.attribute] = groupProfiles(inNetwork, groupMembers(ids, grouping), profileOptions);

  const reasons = new Map((insights.periphery ?? []).map((p) => [p.id, p.reasons]));
  const { untapped, position } = abilityPosition(
    inNetwork,
    { ids, labels, peripheral, peripheryScore, coreScore, contacts: contactCount, reasons },
    { highScore },
  );
  const individuals: AbilityPersonEntry[] = responses.map((r) => {
    const v = index.get(r.person)!;
    const values = Object.values(r.scores).filter((x): x is number => x !== null);
    return {
      id: r.person,
      label: labels[v]!,
      scores: Object.fromEntries(assessment.abilities.map((a) => [a, r.scores[a] ?? null])),
      mean: values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null,
      community: community[v]!,
      peripheral: peripheral[v] === 1,
      coreScore: coreScore[v]!,
    };
  });

  hooks?.onProgress?.('done', 1);
  return {
    skills: skillsSection,
    abilities: {
      settings: {
        abilities: assessment.abilities,
        scale: { min: assessment.scale.min, max: assessment.scale.max, labels: assessment.scale.labels },
        highScore,
        minRespondents: profileOptions.minRespondents!,
        margin: profileOptions.margin!,
        groupBy: abilityGroupBy,
      },
      people: n,
      respondents: responses.length,
      overall: all,
      individuals,
      byCommunity,
      byAttribute,
      position,
      untapped,
    },
  };
}
