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
import { WeaveList, type WeaveActions, type WeaveSuggestion } from './weave-list.tsx';
import type { ResultIntroduction } from '../../engine/features/results/people-join.ts';
import { SkillsPanel, type SkillsActions } from './skills-panel.tsx';
import { ProgramPanel, type ProgramActions } from './program-panel.tsx';
import type { CirclesPanelProps } from './circles-panel.tsx';
import { identityKey } from './identity-key.ts';
import type { People } from './insight-parts.tsx';
import { labelOf, type ViewModel } from '../state/view-model.ts';
import type { DetailsTab } from '../state/app-state.ts';
import type { ProjectSettings } from '../../engine/core/model/project.ts';
import type { ProgramParts } from '../../engine/analysis/program-parts.ts';
import { LedgerPanel, type LedgerActions } from './ledger-panel.tsx';
import type { PeoplePicker } from './introduction-form.tsx';
import type { Dataset } from '../../engine/core/model/dataset.ts';

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
  ledger: LedgerActions;
  skills: SkillsActions;
  program: ProgramActions;
  /** One person's consent for what is shared (their profile); null: the consent column's answer. */
  setConsent: (id: string, consent: Consent | null) => void;
}

export interface DetailsPanelProps {
  view: ViewModel;
  tab: DetailsTab;
  selected: string | null;
  /** The ladder and the ledger as the project now holds them. */
  program: ProgramParts | null;
  /** Introductions that bring partners into the work on a result (the results mode), joined to the suggestions. */
  resultIntroductions: readonly ResultIntroduction[];
  actions: DetailsActions;
}

export function DetailsPanel({ view, tab, selected, program, resultIntroductions, actions }: DetailsPanelProps) {
  return (
    <>
      <Tabs label="Views" tabs={DETAILS_TABS} current={tab} choose={actions.choose} />
      {/* Scrollable regions take focus, so keyboard users can scroll them. */}
      <div class="panel-body" tabIndex={0} role="region" aria-label="Selected view">
        <DetailsBody view={view} tab={tab} selected={selected} program={program} resultIntroductions={resultIntroductions} actions={actions} />
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

/** Finds the project's people by name or id as typed (names first), for recording introductions. */
function peoplePicker(dataset: Dataset, label: (id: string) => string): PeoplePicker {
  // Built at the first lookup, not with the panel: 50,000 people's names took 28 ms of the task
  // that shows a new analysis.
  let built: { byText: Map<string, string>; labels: string[]; lower: string[] } | null = null;
  const lookups = (): { byText: Map<string, string>; labels: string[]; lower: string[] } => {
    if (built) return built;
    const byText = new Map<string, string>();
    for (const p of dataset.people) byText.set(p.id.toLowerCase(), p.id);
    for (const p of dataset.people) if (p.label) byText.set(p.label.trim().toLowerCase(), p.id);
    const labels = dataset.people.map((p) => p.label || p.id);
    return (built = { byText, labels, lower: labels.map((l) => l.toLowerCase()) });
  };
  return {
    label,
    resolve: (text) => lookups().byText.get(text.trim().toLowerCase()) ?? null,
    matching: (text, limit) => {
      const { labels, lower } = lookups();
      const t = text.trim().toLowerCase();
      const starts = labels.filter((_, i) => lower[i]!.startsWith(t));
      const within = starts.length >= limit ? [] : labels.filter((_, i) => !lower[i]!.startsWith(t) && lower[i]!.includes(t));
      return [...starts, ...within].slice(0, limit);
    },
  };
}

function DetailsBody({ view, tab, selected, program, resultIntroductions, actions }: DetailsPanelProps) {
  const analysis = view.analysis;
  const people = useMemo<People>(() => ({ label: (id) => labelOf(view, id), select: actions.select, selected }), [view, actions.select, selected]);
  const dataset = view.project.dataset;
  const picker = useMemo(() => peoplePicker(dataset, (id) => labelOf(view, id)), [dataset]);
  const ledger = program?.ledger ?? null;
  const stuckByKind = useMemo(() => new Map((ledger?.rates.byKind ?? []).map((r) => [r.key, r])), [ledger]);
  const lastWeaver = view.project.ledger.at(-1)?.weaver ?? '';
  // A pair the analysis suggests already keeps its own reason; a result's introduction between people no longer in the network is left out.
  const introductions = useMemo<WeaveSuggestion[]>(() => {
    const known = new Set(analysis.introductions.map((s) => s.id));
    const people = new Set(view.ids);
    return [...analysis.introductions, ...resultIntroductions.filter((s) => !known.has(s.id) && people.has(s.source) && people.has(s.target))];
  }, [analysis, resultIntroductions, view.ids]);
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
      return (
        <>
          {insights ? (
            <WeaveList key={key} introductions={introductions} marks={view.project.weaving} people={people} picker={picker} stuckByKind={stuckByKind} lastWeaver={lastWeaver} actions={actions.weave} />
          ) : (
            <p>Suggestions were not computed for this network.</p>
          )}
          <LedgerPanel key={view.project.id} ledger={ledger} people={people} picker={picker} lastWeaver={lastWeaver} actions={actions.ledger} />
        </>
      );
    case 'skills':
      return <SkillsPanel key={key} skills={analysis.skills} labelOf={people.label} select={actions.select} actions={actions.skills} />;
    case 'program': {
      const circles = circlesOf(view);
      return (
        <ProgramPanel
          key={key}
          program={analysis.program}
          labelOf={people.label}
          select={actions.select}
          actions={actions.program}
          circles={circles}
          ladder={program?.ladder ? { ladder: program.ladder, rules: view.project.ladder, columns: circles.columns } : null}
        />
      );
    }
    default:
      return <SummaryPanel analysis={analysis} />;
  }
}
