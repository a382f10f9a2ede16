/**
 * Distributed skills, in plain words: which skills the group holds and how far they reach, where
 * it is thin (rare, stranded at the edge or in one group), the skills-by-group heatmap,
 * introductions that spread skills, who could learn one, and, with a self-assessment, the
 * abilities profile and the people whose abilities are untapped. Long lists show a page at a time;
 * skill names, group names and reasons come from the data and are drawn as text.
 */
import type { SkillsReport } from '../../engine/features/skills/skills-report.ts';
import { count, share } from '../format/readable.ts';
import { ShowMoreList, usePaged } from './show-more.tsx';
import { average, counted, listWords, plainReason } from './program-words.ts';
import './skills-panel.css';
import { useChart } from './chart.ts';

export interface SkillsActions {
  colourBySkill: (skill: string) => void;
  importAssessment: () => void;
  downloadTemplate: () => void;
}

export interface SkillsPanelProps {
  skills: SkillsReport | null;
  labelOf: (id: string) => string;
  select: (id: string) => void;
  actions: SkillsActions;
}

type Section = SkillsReport['skills'];
type Abilities = NonNullable<SkillsReport['abilities']>;
type Matrix = Section['matrix'];

interface People {
  labelOf: (id: string) => string;
  select: (id: string) => void;
}

function Person({ id, people, label }: { id: string; people: People; label?: string }) {
  return (
    <button type="button" class="link" onClick={() => people.select(id)}>
      {label ?? people.labelOf(id)}
    </button>
  );
}

/** "Group 3" for the report's "group 3"; other group names as they are. */
const groupName = (label: string): string => label.replace(/^group (\d+)$/i, 'Group $1');

/** A few items in words, the rest counted: "a, b and c", "a, b, c and 4 more". */
function fewWords(items: readonly string[], shown = 5): string {
  return items.length <= shown ? listWords(items) : `${items.slice(0, shown).join(', ')} and ${count(items.length - shown)} more`;
}

function Coverage({ section, actions }: { section: Section; actions: SkillsActions }) {
  const { visible, more } = usePaged(section.coverage, 15, 'skill');
  const groupLabel = new Map(section.matrix.by === 'community' ? section.matrix.groups.map((g) => [g.key, groupName(g.label)]) : []);
  return (
    <>
      <table class="metrics skills">
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col" class="num">
              People
            </th>
            <th scope="col" class="num" title="Share of people who hold it or have a holder within two introductions">
              Within 2 steps
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((c) => (
            <tr key={c.skill} class={c.stranded ? 'flagged' : undefined}>
              <td>
                <button type="button" class="link" title="Colour the map by who holds it" onClick={() => actions.colourBySkill(c.skill)}>
                  {c.skill}
                </button>
                {c.rare && <span class="tag">rare</span>}
                {c.stranded && (
                  <span class="tag warn" title={c.strandedBecause.map((r) => r.text).join('; ')}>
                    stranded
                  </span>
                )}
                {c.missingIn.length > 0 && <div class="muted skill-note">missing in {listWords(c.missingIn.map((g) => groupLabel.get(String(g)) ?? `Group ${g}`))}</div>}
              </td>
              <td class="num">{count(c.count)}</td>
              <td class="num">{share(c.reach.twoSteps)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
      <p class="explain">Within 2 steps: the share of everyone who holds the skill or knows someone who knows a holder.</p>
    </>
  );
}

/** Skills down the side, groups across: how many in each group hold each skill, shaded by share. */
function SkillMatrix({ matrix }: { matrix: Matrix }) {
  const rows = matrix.skills.map((skill, i) => ({ skill, i }));
  const { visible, more } = usePaged(rows, 15, 'skill');
  const short = (label: string) => (matrix.by === 'community' ? label.replace(/^group /i, 'G') : label);
  return (
    <>
      <div class="matrix-wrap">
        <table class="matrix" aria-label="How many in each group hold each skill">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">Skill</span>
              </th>
              {matrix.groups.map((g) => (
                <th key={g.key} scope="col" title={`${groupName(g.label)}: ${counted(g.size, 'person', 'people')}`}>
                  {short(g.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {visible.map(({ skill, i }) => (
              <tr key={skill}>
                <th scope="row" title={skill}>
                  {skill}
                </th>
                {matrix.shares[i]!.map((s, j) => {
                  const n = matrix.counts[i]![j]!;
                  const group = matrix.groups[j]!;
                  return (
                    <td
                      key={group.key}
                      class="num"
                      title={`${count(n)} of ${counted(group.size, 'person', 'people')} in ${groupName(group.label)} (${share(s)})`}
                      style={{ background: `rgba(0, 158, 115, ${Math.min(0.9, s * 1.5)})` }}
                    >
                      {n > 0 ? count(n) : '·'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more}
    </>
  );
}

function Introductions({ section, people }: { section: Section; people: People }) {
  return (
    <div>
      <h3>Introductions that spread skills</h3>
      <ShowMoreList
        ordered
        class="insight-list skill-introductions"
        items={section.introductions}
        first={5}
        noun="introduction"
        render={(i) => (
          <li key={i.id}>
            <Person id={i.source} label={i.sourceLabel} people={people} /> ↔ <Person id={i.target} label={i.targetLabel} people={people} />
            <div class="explain">{i.reason}</div>
          </li>
        )}
      />
    </div>
  );
}

function Learning({ section, people }: { section: Section; people: People }) {
  return (
    <div>
      <h3>Who could learn a skill for the group</h3>
      <ShowMoreList
        class="learning"
        items={section.learning}
        first={5}
        render={(l, n) => (
          <li key={`${l.skill} ${l.label} ${n}`}>
            <div>{l.text}</div>
            {l.candidates.length > 0 && (
              <div class="muted">
                For instance:{' '}
                {l.candidates.slice(0, 3).map((c, k) => (
                  <span key={c.id}>
                    {k > 0 ? ', ' : ''}
                    <Person id={c.id} label={c.label} people={people} />
                  </span>
                ))}
              </div>
            )}
          </li>
        )}
      />
    </div>
  );
}

/** The average score of each ability, on the assessment's scale. */
function AbilitiesChart({ abilities }: { abilities: Abilities }) {
  const host = useChart((Plot) => {
    const { min, max } = abilities.settings.scale;
    const rows = abilities.settings.abilities.map((a) => ({ ability: a, mean: abilities.overall.abilities[a]?.mean ?? min }));
    const chart = Plot.plot({
      width: 320,
      height: 40 + 28 * rows.length,
      marginLeft: 100,
      marginRight: 30,
      x: { domain: [min, max], ticks: Array.from({ length: max - min + 1 }, (_, i) => min + i), label: `average score (${min} to ${max})`, tickFormat: 'd', grid: true },
      y: { label: null },
      // Bars start at the bottom of the scale, not at 0 (which lies off the axis, under the labels).
      marks: [Plot.barX(rows, { y: 'ability', x1: min, x2: 'mean', fill: '#56B4E9' }), Plot.text(rows, { y: 'ability', x: 'mean', text: (d: { mean: number }) => average(d.mean), dx: 14 })],
      ariaLabel: 'Average self-assessed score per ability',
    });
    return chart;
  }, [abilities]);
  return <div class="chart" ref={host} />;
}

function AbilityGroups({ abilities }: { abilities: Abilities }) {
  const { visible, more } = usePaged(abilities.byCommunity, 10, 'group');
  return (
    <>
      <h4>By group</h4>
      <table class="metrics ability-groups">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" class="num">
              Answered
            </th>
            <th scope="col">Strengths</th>
            <th scope="col">Growth areas</th>
          </tr>
        </thead>
        <tbody>
          {visible.map((g) => (
            <tr key={g.key}>
              <td>{groupName(g.label)}</td>
              <td class="num">
                {count(g.respondents)} of {count(g.size)}
              </td>
              <td>{listWords(g.strengths) || '–'}</td>
              <td>{listWords(g.growthAreas) || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more}
    </>
  );
}

function AbilitiesBlock({ abilities, people, actions }: { abilities: Abilities | undefined; people: People; actions: SkillsActions }) {
  const tools = (
    <div class="row-actions ability-tools">
      <button type="button" onClick={actions.importAssessment}>
        {abilities ? 'Replace the self-assessment…' : 'Add a self-assessment…'}
      </button>
      <button type="button" onClick={actions.downloadTemplate}>
        Download the template
      </button>
    </div>
  );
  if (!abilities) {
    return (
      <div class="abilities">
        <h3>Leadership abilities</h3>
        <p class="explain">
          Hand out the five-abilities self-assessment (Engagement, Convening, Sharing, Collaboration, Advocating, scored 1 to 5), then add the answers here to see the group's strengths and who
          is untapped.
        </p>
        {tools}
      </div>
    );
  }
  const overall = abilities.overall;
  const answered = abilities.people > 0 ? ` (${share(abilities.respondents / abilities.people)})` : '';
  return (
    <div class="abilities">
      <h3>Leadership abilities</h3>
      <p>
        {count(abilities.respondents)} of {counted(abilities.people, 'person', 'people')} answered{answered}.
        {overall.strengths.length > 0 ? ` Strengths: ${listWords(overall.strengths)}.` : ''}
        {overall.growthAreas.length > 0 ? ` Growth areas: ${listWords(overall.growthAreas)}.` : ''}
      </p>
      <AbilitiesChart abilities={abilities} />
      {abilities.untapped
        .filter((u) => u.people.length > 0)
        .map((u) => (
          <div key={u.ability}>
            <h4>Untapped {u.label.replace(/^untapped /i, '')}</h4>
            <ShowMoreList
              items={u.people}
              first={5}
              render={(p) => (
                <li key={p.id}>
                  <Person id={p.id} label={p.label} people={people} />
                  <div class="explain">{plainReason(p.reasons.join('; '))}</div>
                </li>
              )}
            />
          </div>
        ))}
      <AbilityGroups abilities={abilities} />
      {tools}
    </div>
  );
}

export function SkillsPanel({ skills, labelOf, select, actions }: SkillsPanelProps) {
  const people: People = { labelOf, select };
  const section = skills?.skills;
  if (!section || section.skills.length === 0) {
    return (
      <div class="skills-panel">
        <h2>Distributed skills</h2>
        <p>
          No skills are recorded for this network. Add a "skills" column to the people file (several skills in one cell: "facilitation;grant writing"), or a skills question to the
          survey.
        </p>
        <ShowMoreList items={section?.notes ?? []} first={5} class="muted notes" render={(n, i) => <li key={i}>{n}</li>} />
        <AbilitiesBlock abilities={skills?.abilities} people={people} actions={actions} />
      </div>
    );
  }
  const settings = section.settings;
  return (
    <div class="skills-panel">
      <h2>Distributed skills</h2>
      <p>
        {counted(section.skills.length, 'skill')} among the {counted(settings.reported, 'person', 'people')} whose skills are known
        {settings.reported < settings.people ? ` (of ${count(settings.people)})` : ''}.
      </p>
      <p class="explain">
        Rare: held by {counted(settings.rareThreshold, 'person', 'people')} or fewer. Stranded: every holder is at the edge of the network, or all sit in one group.
      </p>
      {section.stranded.length > 0 && (
        <div class="readings">
          <strong>Stranded skills: </strong>
          {fewWords(section.stranded)}
        </div>
      )}
      <Coverage section={section} actions={actions} />
      <h3>Skills by group</h3>
      <p class="explain">How many people in each group hold each skill; the darker, the larger their share of the group.</p>
      <SkillMatrix matrix={section.matrix} />
      {section.introductions.length > 0 && <Introductions section={section} people={people} />}
      {section.learning.length > 0 && <Learning section={section} people={people} />}
      <AbilitiesBlock abilities={skills?.abilities} people={people} actions={actions} />
    </div>
  );
}
