/**
 * One result in the results mode, for a funder: each indicator's curve against its target with
 * the trend and the story behind it; the partners with a role (computed from the system map: who
 * works on the indicator's factor or one upstream) and whether they are in the cohort and tied to
 * it; leverage points nobody acts on; actions that move the indicator the wrong way or are too
 * far from it; the cohort's sectors and ties; introductions to make; what works (strategies and
 * their measures); and the action plan. Names and text from the files are drawn as text only.
 */
import type { IndicatorReport, Partner, ResultReport } from '../../engine/features/results/analyze-results.ts';
import { MEASURE_KIND_WORDS } from '../../engine/core/model/results.ts';
import { count } from '../format/readable.ts';
import { ShowMoreList, usePaged } from './show-more.tsx';
import { counted } from './program-words.ts';
import { CurveTable, IndicatorCurve } from './indicator-curve.tsx';
import { connectednessWords, effectWords, indicatorSummary, sectorWords, trendWords, value, when } from './results-words.ts';

export interface ResultActions {
  setStory: (indicator: string, story: string) => void;
  exportCurve: (indicator: IndicatorReport) => void;
}

function IndicatorPart({ indicator, actions }: { indicator: IndicatorReport; actions: ResultActions }) {
  const trend = trendWords(indicator);
  return (
    <div class="result-indicator">
      <h3>{indicator.id}</h3>
      <p class="muted">
        {indicator.factorLabel ? `Measures "${indicator.factorLabel}" on the system map.` : indicator.factorText ? `Names "${indicator.factorText}", which is no factor of the system map.` : 'Not tied to a factor of the system map.'}
        {indicator.source ? ` Source: ${indicator.source}.` : ''}
      </p>
      <IndicatorCurve indicator={indicator} />
      <p>{indicatorSummary(indicator)}</p>
      {trend && <p>{trend}</p>}
      <details class="result-more">
        <summary>The values behind the curve</summary>
        <CurveTable indicator={indicator} />
      </details>
      <label class="story">
        The story behind the curve
        <textarea rows={3} value={indicator.story} placeholder="Why does the curve look as it does? What helps, what hinders?" onChange={(e) => actions.setStory(indicator.id, e.currentTarget.value)} />
      </label>
      <div class="row-actions">
        <button type="button" class="small" onClick={() => actions.exportCurve(indicator)}>
          Export turn-the-curve table (CSV)
        </button>
      </div>
    </div>
  );
}

/** Partners who most need a connection first: outside the cohort, then in it but tied to no one. */
function partnerOrder(a: Partner, b: Partner): number {
  const rank = (p: Partner) => (p.inCohort ? (p.tiedToCohort === false ? 1 : 2) : 0);
  return rank(a) - rank(b) || a.label.localeCompare(b.label, 'en', { numeric: true });
}

function yesNo(v: boolean | null): string {
  return v === null ? 'not known' : v ? 'yes' : 'no';
}

function Partners({ result, factorLabel }: { result: ResultReport; factorLabel: (id: string) => string }) {
  const partners = [...result.partners].sort(partnerOrder);
  const { visible, more } = usePaged(partners, 10, 'partner');
  const inCohort = partners.filter((p) => p.inCohort).length;
  const tied = partners.filter((p) => p.tiedToCohort === true).length;
  return (
    <div>
      <h3>Partners with a role ({count(partners.length)})</h3>
      <p class="explain">Who works on what the indicator measures, or on a factor upstream of it on the system map: computed, not typed.</p>
      {partners.length === 0 ? (
        <p class="muted">No one on the system map works on these factors yet: add who works where to the map.</p>
      ) : (
        <>
          <p>
            {count(inCohort)} in the group aligned to this result, {count(partners.length - inCohort)} not; {count(tied)} tied to someone in it in the people network.
          </p>
          <table class="metrics partners-table">
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Works on</th>
                <th scope="col">In the group</th>
                <th scope="col">Tied to it</th>
              </tr>
            </thead>
            <tbody>
              {visible.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{p.factors.map(factorLabel).join(', ')}</td>
                  <td>{p.inCohort ? 'yes' : 'no'}</td>
                  <td>{yesNo(p.tiedToCohort)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {more}
        </>
      )}
    </div>
  );
}

function Reasons({ title, explain, items }: { title: string; explain: string; items: ReadonlyArray<{ key: string; reason: string }> }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3>
        {title} ({count(items.length)})
      </h3>
      <p class="explain">{explain}</p>
      <ShowMoreList items={items} first={5} render={(i) => <li key={i.key}>{i.reason}</li>} />
    </div>
  );
}

export function ResultSection({ result, actions }: { result: ResultReport; actions: ResultActions }) {
  const labels = new Map(result.upstream.map((u) => [u.factor, u.label]));
  for (const i of result.indicators) if (i.factor && i.factorLabel) labels.set(i.factor, i.factorLabel);
  const factorLabel = (id: string) => labels.get(id) ?? id;
  const c = result.cohort;
  return (
    <section class="result" aria-labelledby={`result-${result.id}`}>
      <h2 id={`result-${result.id}`}>{result.id}</h2>
      {(result.condition || result.population) && (
        <p class="result-condition">
          {result.condition}
          {result.population ? ` (${result.population})` : ''}
        </p>
      )}
      {result.flags.length > 0 && (
        <ul class="result-flags">
          {result.flags.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {result.indicators.map((i) => (
        <IndicatorPart key={i.id} indicator={i} actions={actions} />
      ))}
      <Partners result={result} factorLabel={factorLabel} />
      <Reasons
        title="Leverage points nobody acts on"
        explain="Factors upstream of the indicator where a push moves much of the system, and no aligned action pushes them."
        items={result.unactedLeverage.map((l) => ({ key: `${l.factor}\u0000${l.indicator}`, reason: l.reason }))}
      />
      <Reasons title="Actions that move the indicator the wrong way" explain="Following the signed links of the map, these push the indicator away from better." items={result.wrongDirection.map((a) => ({ key: `${a.action}\u0000${a.indicator}`, reason: a.reason }))} />
      <Reasons title="Actions whose effect is uncertain" explain="Some paths of the map raise the indicator, others lower it." items={result.uncertain.map((a) => ({ key: `${a.action}\u0000${a.indicator}`, reason: a.reason }))} />
      <Reasons title="Actions far from the result" explain="No path on the map within the steps looked at leads from what they push to the indicator." items={result.noPath.map((a) => ({ key: a.action, reason: a.reason }))} />
      <div>
        <h3>The group aligned to this result</h3>
        <p>
          {counted(c.people.length, 'person', 'people')}
          {c.organizations.length > 0 ? ` and ${counted(c.organizations.length, 'organisation')}` : ''} named in its actions and commitments.
        </p>
        {c.sectors && <p>{sectorWords(c.sectors)}</p>}
        {c.connectedness && <p>{connectednessWords(c.connectedness)}</p>}
        {c.connectedness && c.connectedness.holdTogether.length > 0 && <p>Holding it together: {c.connectedness.holdTogether.map((h) => `${h.label} (${counted(h.cutOff, 'person', 'people')} would be cut off)`).join(', ')}.</p>}
        {c.connectedness && c.connectedness.bridges.length > 0 && <p>Outside the group, could bridge its parts: {c.connectedness.bridges.slice(0, 8).map((b) => b.label).join(', ')}.</p>}
      </div>
      {result.introductions.length > 0 && (
        <div>
          <h3>Introductions to make ({count(result.introductions.length)})</h3>
          <p class="explain">Partners with a role who are not in the group, or tied to no one in it: someone who could introduce them. They are also in the Weave view's suggestions.</p>
          <ShowMoreList
            items={result.introductions}
            first={5}
            render={(s) => (
              <li key={s.id}>
                <strong>{s.sourceLabel}</strong> ↔ <strong>{s.targetLabel}</strong>
                <div class="insight-note">{s.reason}</div>
              </li>
            )}
          />
        </div>
      )}
      {result.strategies.length > 0 && (
        <div>
          <h3>What works</h3>
          {result.strategies.map((s) => (
            <div key={s.id} class="strategy">
              <p>
                <strong>{s.id}</strong>
                {s.description ? `: ${s.description}` : ''}
              </p>
              <ul>
                {s.measures.map((m) => {
                  const last = m.points.filter((p) => p.actual !== undefined).at(-1);
                  return (
                    <li key={m.id}>
                      {MEASURE_KIND_WORDS[m.kind]} {m.question || m.id}: {last ? `${value(last.actual!)} (${when(last.date)})` : 'no value yet'}
                      {m.trend ? `, ${m.trend.slopePerYear === 0 ? 'flat' : (m.trend.slopePerYear > 0) === (m.better === 'up') ? 'getting better' : 'getting worse'}` : ''}
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
        </div>
      )}
      {result.actions.length > 0 && (
        <div>
          <h3>Action plan ({count(result.actions.length)})</h3>
          <table class="metrics actions-table">
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">By</th>
                <th scope="col">Pushes</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {result.actions.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.id}</th>
                  <td>{a.by.map((b) => b.label).join(', ')}</td>
                  <td>
                    {a.direction === 'increase' ? 'more' : 'less'} {a.factorLabel ?? a.factorText ?? '(no factor)'}
                  </td>
                  <td>
                    {a.status.replace('-', ' ')}
                    {a.start ? `, from ${when(a.start)}` : ''}
                    {a.end ? ` to ${when(a.end)}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.upstream.length > 0 && (
        <details class="result-more">
          <summary>Factors upstream of the indicator ({count(result.upstream.length)})</summary>
          <table class="metrics upstream-table">
            <thead>
              <tr>
                <th scope="col">Factor</th>
                <th scope="col">Links away</th>
                <th scope="col">Effect</th>
              </tr>
            </thead>
            <tbody>
              {result.upstream.map((u) => (
                <tr key={`${u.indicator}\u0000${u.factor}`}>
                  <th scope="row">{u.label}</th>
                  <td>{count(u.steps)}</td>
                  <td>{effectWords(u.effect)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
