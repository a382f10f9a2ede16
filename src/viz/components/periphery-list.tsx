/**
 * The Edge panel: people at the edge of the network, framed as people to engage, with why each
 * is at the edge and what they bring; how clearly the network has a core at all, in a word.
 */
import { useMemo, useState } from 'preact/hooks';
import type { InsightSections } from '../../engine/analysis/analysis-result.ts';
import type { PeripheryEntry } from '../../engine/analysis/people-insights.ts';
import { attributeValues } from '../state/view-model.ts';
import { count, share } from '../format/readable.ts';
import { PagedList } from './paged-list.tsx';
import { Choice, PersonLink, Tag, Terms, type People } from './insight-parts.tsx';
import { TERMS, coreFit, plural, reasonsText } from './insight-words.ts';
import './insight-panels.css';

type Show = 'all' | 'isolate' | 'pendant' | 'silent';

const SHOW: ReadonlyArray<{ key: Show; name: string; keep: (p: PeripheryEntry) => boolean }> = [
  { key: 'all', name: 'Everyone', keep: () => true },
  { key: 'isolate', name: 'No ties', keep: (p) => p.isolate },
  { key: 'pendant', name: 'One tie', keep: (p) => p.pendant },
  { key: 'silent', name: 'Did not answer', keep: (p) => p.nonRespondent },
];

/** What someone brings: up to four of their attributes, "sector: Nonprofit · skills: media, data". */
export function bringsText(brings: PeripheryEntry['brings']): string {
  return Object.entries(brings)
    .map(([key, value]) => [key, attributeValues(value).join(', ')] as const)
    .filter(([, text]) => text !== '')
    .slice(0, 4)
    .map(([key, text]) => `${key}: ${text}`)
    .join(' · ');
}

function CoreSummary({ cp }: { cp: InsightSections['corePeriphery'] }) {
  const fit = coreFit(cp.partition.fit);
  const d = cp.partition.density;
  const size = cp.partition.coreSize;
  return (
    <div class="insight-figure">
      <div class="insight-figure-head">
        <span class="insight-figure-name">{TERMS.corePeripheryFit.name}</span>
        <strong class={`fit fit-${fit.word}`}>{fit.headline}</strong>
      </div>
      <p>
        {fit.sentence}
        {size > 0 && ` ${fit.word === 'weak' ? 'The closest thing to a core is' : 'The core is'} ${plural(size, 'person', 'people')}`}
        {size > 0 && d ? `: ${share(d.coreCore)} of the pairs among them are tied, against ${share(d.corePeriphery)} of pairs between them and the rest.` : size > 0 ? '.' : ''}
      </p>
    </div>
  );
}

export interface PeripheryListProps {
  insights: InsightSections;
  people: People;
}

export function PeripheryList({ insights, people }: PeripheryListProps) {
  const [show, setShow] = useState<Show>('all');
  const list = insights.periphery;
  // Only the views that hold someone (and everyone).
  const options = useMemo(() => SHOW.map((s) => ({ key: s.key, name: s.name, count: list.filter(s.keep).length })).filter((o) => o.key === 'all' || o.count > 0), [list]);
  // A view left empty by a new analysis falls back to everyone.
  const current = options.some((o) => o.key === show) ? show : 'all';
  const shown = useMemo(() => list.filter(SHOW.find((s) => s.key === current)!.keep), [list, current]);
  return (
    <div class="insights periphery">
      <h2>People at the edge</h2>
      <p class="insight-total">
        <strong>{count(list.length)}</strong> {list.length === 1 ? 'person is' : 'people are'} at the edge of the network
      </p>
      <p class="explain">The edge is an asset: people here often bring new ideas and links to other communities. These are the people to engage, those furthest out first.</p>
      {options.length > 1 && <Choice label="Show people at the edge" options={options} value={current} onChange={setShow} />}
      <PagedList
        items={shown}
        noun={['person at the edge', 'people at the edge']}
        resetKey={shown}
        itemKey={(p) => p.id}
        itemClass={(p) => (p.id === people.selected ? 'is-selected' : undefined)}
        empty={<p class="muted">{list.length === 0 ? 'No one is at the edge: everyone is well tied in.' : 'No one here.'}</p>}
        renderItem={(p) => {
          const brings = bringsText(p.brings);
          return (
            <>
              <PersonLink id={p.id} people={people} />
              {p.nonRespondent && <Tag title="Did not answer the survey: known only from what others said">did not answer</Tag>}
              <div class="insight-reasons">{reasonsText(p.reasons)}</div>
              {brings && <div class="insight-brings">Brings: {brings}</div>}
            </>
          );
        }}
      />
      <CoreSummary cp={insights.corePeriphery} />
      <Terms terms={[TERMS.corePeripheryFit, TERMS.coreDensity]} />
    </div>
  );
}
