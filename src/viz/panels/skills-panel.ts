/**
 * Distributed skills: which skills the group holds, where, and where it is thin (rare, stranded
 * at the edge or in one group); the skills-by-group heatmap; introductions that spread skills;
 * and, with a self-assessment, the abilities profile and untapped people.
 */
import * as Plot from '@observablehq/plot';
import { el, replace } from '../dom.ts';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { AppStore } from '../state/app-state.ts';

export interface SkillsActions {
  colourBySkill: (skill: string) => void;
  importAssessment: () => void;
  downloadTemplate: () => void;
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function renderSkills(target: HTMLElement, vm: ViewModel, store: AppStore, actions: SkillsActions): void {
  const report = vm.analysis.skills;
  const section = report?.skills;
  if (!section || section.skills.length === 0) {
    replace(
      target,
      el('h2', {}, 'Distributed skills'),
      el('p', {}, 'No skills are recorded for this network. Add a "skills" column to the people file (several skills in one cell: "facilitation;grant writing"), or a skills question to the survey.'),
      ...(section?.notes ?? []).map((n) => el('p', { class: 'muted' }, n)),
      abilitiesBlock(vm, store, actions),
    );
    return;
  }
  const person = (id: string) => el('button', { class: 'link', on: { click: () => store.set({ selected: id }) } }, labelOf(vm, id));
  const m = section.matrix;
  replace(
    target,
    el('h2', {}, 'Distributed skills'),
    el('p', { class: 'explain' }, `${section.skills.length} skills among the ${section.settings.reported} people whose skills are known. Rare: held by ${section.settings.rareThreshold} people or fewer. Stranded: every holder is at the edge of the network, or all sit in one group.`),
    section.stranded.length > 0 ? el('div', { class: 'readings' }, el('strong', {}, 'Stranded skills: '), section.stranded.join(', ')) : null,
    el(
      'table',
      { class: 'metrics skills' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Skill'), el('th', {}, 'Holders'), el('th', {}, 'Within 2 steps'), el('th', {}, ''))),
      el(
        'tbody',
        {},
        ...section.coverage.map((c) =>
          el(
            'tr',
            { class: c.stranded ? 'flagged' : '' },
            el('td', {}, el('button', { class: 'link', title: 'Colour the map by who holds it', on: { click: () => actions.colourBySkill(c.skill) } }, c.skill), c.rare ? el('span', { class: 'tag' }, 'rare') : null, c.stranded ? el('span', { class: 'tag warn', title: c.strandedBecause.join('; ') }, 'stranded') : null),
            el('td', { class: 'num' }, String(c.count)),
            el('td', { class: 'num', title: 'Share of people who hold it or have a holder within two introductions' }, pct(c.reach.twoSteps)),
            el('td', {}, c.missingIn.length > 0 ? el('span', { class: 'muted' }, `missing in group${c.missingIn.length > 1 ? 's' : ''} ${c.missingIn.map((g) => g + 1).join(', ')}`) : ''),
          ),
        ),
      ),
    ),
    el('h3', {}, 'Skills by group'),
    el(
      'div',
      { class: 'preview-wrap' },
      el(
        'table',
        { class: 'matrix', aria: { label: 'Share of each group holding each skill' } },
        el('thead', {}, el('tr', {}, el('th', {}, ''), ...m.groups.map((g) => el('th', { title: `${g.label} (${g.size} people)` }, g.label.replace(/^group /i, 'G'))))),
        el(
          'tbody',
          {},
          ...m.skills.map((skill, i) =>
            el('tr', {}, el('th', {}, skill), ...m.shares[i]!.map((share, j) => el('td', { class: 'num', title: `${m.counts[i]![j]} of ${m.groups[j]!.size}`, style: { background: `rgba(0, 158, 115, ${Math.min(0.9, share * 1.5)})`, color: share > 0.4 ? '#fff' : '' } }, m.counts[i]![j] ? String(m.counts[i]![j]) : '·'))),
          ),
        ),
      ),
    ),
    section.introductions.length > 0
      ? el('div', {}, el('h3', {}, 'Introductions that spread skills'), el('ol', { class: 'insight-list' }, ...section.introductions.slice(0, 15).map((i) => el('li', {}, person(i.source), ' ↔ ', person(i.target), el('div', { class: 'explain' }, i.reason)))))
      : null,
    section.learning.length > 0
      ? el('div', {}, el('h3', {}, 'Who could learn a skill for the group'), el('ul', {}, ...section.learning.slice(0, 10).map((l) => el('li', {}, el('div', {}, l.text), el('div', { class: 'muted' }, l.candidates.slice(0, 3).map((c) => labelOf(vm, c.id)).join(', '))))))
      : null,
    abilitiesBlock(vm, store, actions),
  );
}

function abilitiesBlock(vm: ViewModel, store: AppStore, actions: SkillsActions): HTMLElement {
  const abilities = vm.analysis.skills?.abilities;
  const tools = el('div', { class: 'row-actions' }, el('button', { on: { click: actions.importAssessment } }, abilities ? 'Replace the self-assessment…' : 'Add a self-assessment…'), el('button', { on: { click: actions.downloadTemplate } }, 'Download the template'));
  if (!abilities) {
    return el('div', {}, el('h3', {}, 'Leadership abilities'), el('p', { class: 'explain' }, 'Hand out the five-abilities self-assessment (Engagement, Convening, Sharing, Collaboration, Advocating, scored 1-5), then add the answers here to see the group\'s strengths and who is untapped.'), tools);
  }
  const overall = abilities.overall;
  const rows = abilities.settings.abilities.map((a) => ({ ability: a, mean: overall.abilities[a]?.mean ?? 0 }));
  const chart = Plot.plot({
    width: 320,
    height: 40 + 28 * rows.length,
    marginLeft: 100,
    x: { domain: [abilities.settings.scale.min, abilities.settings.scale.max], label: 'average score', grid: true },
    y: { label: null },
    marks: [Plot.barX(rows, { y: 'ability', x: 'mean', fill: '#56B4E9' }), Plot.text(rows, { y: 'ability', x: 'mean', text: (d: { mean: number }) => d.mean.toFixed(1), dx: 12 })],
    ariaLabel: 'Average self-assessed score per ability',
  });
  return el(
    'div',
    {},
    el('h3', {}, 'Leadership abilities'),
    el('p', {}, `${abilities.respondents} of ${abilities.people} people answered.${overall.strengths.length ? ` Strengths: ${overall.strengths.join(', ')}.` : ''}${overall.growthAreas.length ? ` Growth areas: ${overall.growthAreas.join(', ')}.` : ''}`),
    chart,
    ...abilities.untapped
      .filter((u) => u.people.length > 0)
      .map((u) => el('div', {}, el('h4', {}, `Untapped ${u.label.replace(/^untapped /i, '')}`), el('ul', {}, ...u.people.slice(0, 8).map((p) => el('li', {}, el('button', { class: 'link', on: { click: () => store.set({ selected: p.id }) } }, p.label), el('div', { class: 'explain' }, p.reasons.join('; '))))))),
    el('h4', {}, 'By group'),
    el(
      'table',
      { class: 'metrics' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Group'), el('th', {}, 'Answered'), el('th', {}, 'Strengths'), el('th', {}, 'Growth areas'))),
      el('tbody', {}, ...abilities.byCommunity.map((g) => el('tr', {}, el('td', {}, g.label), el('td', { class: 'num' }, String(g.respondents)), el('td', {}, g.strengths.join(', ')), el('td', {}, g.growthAreas.join(', '))))),
    ),
    tools,
  );
}
