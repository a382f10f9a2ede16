/**
 * The details drawer of the people network: its views as tabs (Network, Person, Edge, Brokers,
 * Equity, Weave, Skills, Program) and the chosen one below. A view keeps its own state (pages,
 * open sections) while others change around it, and starts afresh for a new analysis.
 */
import { useMemo } from 'preact/hooks';
import { Tabs } from './tabs.tsx';
import { SummaryPanel } from './summary-panel.tsx';
import { ProfilePanel } from './profile-panel.tsx';
import type { Consent } from '../../engine/features/sharing/consent.ts';
import { PeripheryList } from './periphery-list.tsx';
import { BrokerList } from './broker-list.tsx';
import { EquityView } from './equity-view.tsx';
import { WeaveList, type WeaveActions } from './weave-list.tsx';
import { SkillsPanel, type SkillsActions } from './skills-panel.tsx';
import { ProgramPanel, type ProgramActions } from './program-panel.tsx';
import type { CirclesPanelProps } from './circles-panel.tsx';
import { identityKey } from './identity-key.ts';
import type { People } from './insight-parts.tsx';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { DetailsTab } from '../state/app-state.ts';
import type { ProjectSettings } from '../../engine/core/model/project.ts';

export const DETAILS_TABS: ReadonlyArray<readonly [DetailsTab, string]> = [
  ['summary', 'Network'],
  ['person', 'Person'],
  ['periphery', 'Edge'],
  ['brokers', 'Brokers'],
  ['equity', 'Equity'],
  ['weaving', 'Weave'],
  ['skills', 'Skills'],
  ['program', 'Program'],
];

export interface DetailsActions {
  choose: (tab: DetailsTab) => void;
  select: (id: string) => void;
  reanalyse: (patch: Partial<ProjectSettings>) => void;
  weave: WeaveActions;
  skills: SkillsActions;
  program: ProgramActions;
  /** One person's consent for what is shared (their profile); null: the consent column's answer. */
  setConsent: (id: string, consent: Consent | null) => void;
}

export interface DetailsPanelProps {
  view: ViewModel;
  tab: DetailsTab;
  selected: string | null;
  actions: DetailsActions;
}

export function DetailsPanel({ view, tab, selected, actions }: DetailsPanelProps) {
  return (
    <>
      <Tabs label="Views" tabs={DETAILS_TABS} current={tab} choose={actions.choose} />
      {/* Scrollable regions take focus, so keyboard users can scroll them. */}
      <div class="panel-body" tabIndex={0} role="region" aria-label="Selected view">
        <DetailsBody view={view} tab={tab} selected={selected} actions={actions} />
      </div>
    </>
  );
}

/** What the peer circles section chooses from: the project's columns, its mentorships and what it kept. */
function circlesOf(view: ViewModel): Omit<CirclesPanelProps, 'actions'> {
  const dataset = view.project.dataset;
  const columns = [...new Set(dataset.people.flatMap((p) => Object.keys(p.attributes)))].sort((a, b) => a.localeCompare(b));
  return { saved: view.project.circles, groupColumns: view.categorical, columns, mentorships: dataset.mentorships.length };
}

function DetailsBody({ view, tab, selected, actions }: DetailsPanelProps) {
  const analysis = view.analysis;
  const people = useMemo<People>(() => ({ label: (id) => labelOf(view, id), select: actions.select, selected }), [view, actions.select, selected]);
  const key = identityKey(analysis);
  const insights = analysis.insights;
  switch (tab) {
    case 'person':
      return selected ? <ProfilePanel vm={view} id={selected} select={actions.select} setConsent={actions.setConsent} /> : <p class="muted">Click a person on the map or in the table to see their profile.</p>;
    case 'periphery':
      return insights ? <PeripheryList key={key} insights={insights} people={people} /> : <p>Periphery analysis was not run for this network.</p>;
    case 'brokers':
      return insights ? <BrokerList key={key} insights={insights} people={people} /> : <p>Broker analysis was not run for this network.</p>;
    case 'equity':
      return (
        <EquityView
          equity={insights?.equity}
          attributes={view.categorical.map((c) => c.key)}
          current={view.project.settings.groupBy}
          directed={analysis.settings.directed}
          choose={(groupBy: string) => actions.reanalyse({ groupBy })}
        />
      );
    case 'weaving':
      return insights ? (
        <WeaveList key={key} introductions={analysis.introductions} marks={view.project.weaving} people={people} actions={actions.weave} />
      ) : (
        <p>Suggestions were not computed for this network.</p>
      );
    case 'skills':
      return <SkillsPanel key={key} skills={analysis.skills} labelOf={people.label} select={actions.select} actions={actions.skills} />;
    case 'program':
      return <ProgramPanel key={key} program={analysis.program} labelOf={people.label} select={actions.select} actions={actions.program} circles={circlesOf(view)} />;
    default:
      return <SummaryPanel analysis={analysis} />;
  }
}
