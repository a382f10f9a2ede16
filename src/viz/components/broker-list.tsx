/**
 * The Brokers panel: who bridges groups (each with why, in plain words), whose
 * leaving would split the network, the only links between two groups, and who to brief first.
 * Every list is paged with its count on top.
 */
import type { InsightSections } from '../../engine/analysis/analysis-result.ts';
import { count, share } from '../format/readable.ts';
import { PagedList } from './paged-list.tsx';
import { PersonLink, Tag, Terms, type People } from './insight-parts.tsx';
import { TERMS, groupName, plural, sentence } from './insight-words.ts';
import './insight-panels.css';

export interface BrokerListProps {
  insights: InsightSections;
  people: People;
}

export function BrokerList({ insights, people }: BrokerListProps) {
  const brokers = insights.brokers;
  const cuts = insights.cutPoints;
  const kp = insights.keyPlayers;
  const selectedClass = (id: string) => (id === people.selected ? 'is-selected' : undefined);
  return (
    <div class="insights brokers">
      <h2>Who bridges groups</h2>
      <p class="insight-total">
        <strong>{count(brokers.length)}</strong> {brokers.length === 1 ? 'person links' : 'people link'} groups that would otherwise be far apart
        {cuts.articulationPoints.length > 0 && (
          <>
            ; <strong>{count(cuts.articulationPoints.length)}</strong> {cuts.articulationPoints.length === 1 ? 'holds' : 'hold'} the network together
          </>
        )}
      </p>
      <p class="explain">Brokers carry ideas and news between people who would not otherwise hear them. Lean on them, and keep them from burning out.</p>
      <Terms terms={[TERMS.bridging, TERMS.separateCircles, TERMS.cutPoint, TERMS.soleLink, TERMS.keyPlayers]} />

      <h3>Brokers, strongest first</h3>
      <PagedList
        items={brokers}
        noun={['broker', 'brokers']}
        pageSize={5}
        resetKey={brokers}
        itemKey={(b) => b.id}
        itemClass={(b) => selectedClass(b.id)}
        empty={<p class="muted">No one stands between others: every pair of people is tied directly or through the same contacts.</p>}
        renderItem={(b) => (
          <>
            <PersonLink id={b.id} people={people} />
            {b.articulationPoint && (
              <Tag warn title={TERMS.cutPoint.explanation}>
                holds the network together
              </Tag>
            )}
            <ul class="insight-reasons">
              {b.reasons.map((r) => (
                <li key={r}>{sentence(r)}</li>
              ))}
            </ul>
          </>
        )}
      />

      <h3>If they left, the network would split</h3>
      <p class="explain">{TERMS.cutPoint.explanation}</p>
      <PagedList
        items={cuts.articulationPoints}
        noun={['person', 'people']}
        resetKey={cuts.articulationPoints}
        itemKey={(a) => a.id}
        itemClass={(a) => selectedClass(a.id)}
        empty={<p class="muted">No single person holds parts of the network together: it would stay in one piece if anyone left.</p>}
        renderItem={(a) => (
          <>
            <PersonLink id={a.id} people={people} />
            <span class="insight-note"> {plural(a.cutOff, 'person', 'people')} would be cut off</span>
          </>
        )}
      />

      {cuts.soleCommunityLinks.length > 0 && (
        <>
          <h3>{TERMS.soleLink.name}</h3>
          <p class="explain">{TERMS.soleLink.explanation}</p>
          <PagedList
            items={cuts.soleCommunityLinks}
            noun={['link', 'links']}
            ordered={false}
            resetKey={cuts.soleCommunityLinks}
            itemKey={(l) => `${l.source}\u0000${l.target}`}
            renderItem={(l) => (
              <>
                <PersonLink id={l.source} people={people} /> – <PersonLink id={l.target} people={people} />
                <span class="insight-note">
                  {' '}
                  links {groupName(l.communities[0])} and {groupName(l.communities[1])}
                </span>
              </>
            )}
          />
        </>
      )}

      <h3>{TERMS.keyPlayers.name}</h3>
      <p class="explain">
        The fewest people who, together, reach {share(kp.targetShare)} of the network within {kp.steps} steps
        {kp.setSize === null ? ' (no set this small reaches that many: these reach the most they can)' : ''}. Brief them and news travels.
      </p>
      <PagedList
        items={kp.players}
        noun={['person', 'people']}
        resetKey={kp.players}
        itemKey={(p) => p.id}
        itemClass={(p) => selectedClass(p.id)}
        renderItem={(p, i) => (
          <>
            <PersonLink id={p.id} people={people} />
            <span class="insight-note">
              {' '}
              {i === 0 ? 'reaches' : 'with those above, reaches'} {share(p.shareReached)} of the network
            </span>
          </>
        )}
      />
    </div>
  );
}
