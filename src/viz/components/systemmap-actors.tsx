/**
 * The "Who works where" tab of the System map view: gaps (factors in feedback loops that no
 * organisation works on) with why each matters, introductions between organisations that work on
 * the same factor but have no tie between their people, and each organisation with the factors it
 * works on. Every list is paged with its count.
 */
import { useMemo } from 'preact/hooks';
import type { SystemMapReport } from '../../engine/features/systemmap/analyze-systemmap.ts';
import type { ActorSummary } from '../../engine/features/systemmap/actors.ts';
import { count } from '../format/readable.ts';
import { counted, listWords } from './program-words.ts';
import { PagedList } from './paged-list.tsx';
import { Tag } from './insight-parts.tsx';
import { gapText, roleOf } from './systemmap-words.ts';
import './insight-panels.css';
import './systemmap.css';

export interface ActorsPanelProps {
  report: SystemMapReport;
  pageSize?: number;
}

/** "Carbon price, Political will and 3 more". */
function factorList(labels: readonly string[], shown = 4): string {
  if (labels.length <= shown) return listWords(labels);
  return `${labels.slice(0, shown).join(', ')} and ${count(labels.length - shown)} more`;
}

export function ActorsPanel({ report, pageSize = 10 }: ActorsPanelProps) {
  const labelOf = useMemo(() => new Map(report.factors.map((f) => [f.id, f.label])), [report]);
  const covered = report.factors.filter((f) => f.actors.length > 0).length;
  const organisations = useMemo(() => [...report.actors].sort((a, b) => b.factors.length - a.factors.length), [report]);
  const none = report.map.actors === 0;
  return (
    <div class="insights systemmap-panel systemmap-actors">
      <h2>Who works where</h2>
      <p class="insight-total">
        {none ? (
          'No organisations are linked to factors yet: import a file of who works where (organisation, factor).'
        ) : (
          <>
            <strong>{count(report.map.actors)}</strong> {report.map.actors === 1 ? 'organisation works' : 'organisations work'} on {count(covered)} of the {counted(report.map.factors, 'factor')}.
          </>
        )}
      </p>

      <h3>Gaps no one works on</h3>
      <p class="explain">Factors that sit in feedback loops but that no organisation works on: places the system turns with no one tending it. Most loops first.</p>
      <PagedList
        items={report.gaps}
        noun={['gap', 'gaps']}
        pageSize={pageSize}
        resetKey={report}
        itemKey={(g) => g.factor}
        empty={<p class="muted">{none ? 'Gaps show once organisations are linked to factors.' : 'Every factor in a loop has someone working on it.'}</p>}
        renderItem={(g) => (
          <>
            <strong class="factor-name">{g.label}</strong>
            {g.quadrant && <Tag title={roleOf(g.quadrant).explanation}>{roleOf(g.quadrant).name}</Tag>}
            <p class="insight-reasons">{gapText(g)}</p>
          </>
        )}
      />

      <h3>Introductions between organisations</h3>
      <p class="explain">Two organisations working on the same factor with no tie between their people in the network: an introduction worth making.</p>
      <PagedList
        items={report.introductions}
        noun={['introduction', 'introductions']}
        pageSize={pageSize}
        resetKey={report}
        itemKey={(i) => i.actors.join('\u0000')}
        empty={<p class="muted">None found.</p>}
        renderItem={(i) => (
          <>
            <strong class="factor-name">
              {i.labels[0]} and {i.labels[1]}
            </strong>
            <p class="insight-reasons">{i.reason}</p>
          </>
        )}
      />

      {organisations.length > 0 && (
        <>
          <h3>Organisations and what they work on</h3>
          <PagedList
            items={organisations}
            noun={['organisation', 'organisations']}
            pageSize={pageSize}
            ordered={false}
            resetKey={report}
            itemKey={(a: ActorSummary) => a.id}
            renderItem={(a) => {
              const labels = a.factors.map((id) => labelOf.get(id) ?? id);
              return (
                <>
                  <strong class="factor-name">{a.label}</strong>
                  <p class="insight-reasons">{labels.length === 0 ? 'No factor yet.' : `Works on ${factorList(labels)}.`}</p>
                </>
              );
            }}
          />
        </>
      )}
      {report.notes.map((n) => (
        <p key={n} class="insight-note">
          {n}
        </p>
      ))}
    </div>
  );
}
