/**
 * One person's profile, for a weaver: who they are (group, whether they answered the survey,
 * attributes), where they stand in the network in plain words (each measure of the registry's
 * profile view as a count, a percentage or a band among everyone, with what it means), the exact
 * values folded away for analysts, and their ties by relation, each a button that selects that
 * person. Labels and attributes come from the user's files: they are only ever text.
 */
import { metricDefinition, metricsFor, type MetricDefinition } from '../../engine/analysis/metric-registry.ts';
import { resultContext } from '../../engine/report/build-report.ts';
import { attributeValues, labelOf, type ViewModel } from '../state/view-model.ts';
import { measureText, percentileBand, percentileOf } from '../format/readable.ts';
import { exactValue, measureHeader, percentText } from './table-columns.ts';
import type { Consent } from '../../engine/features/sharing/consent.ts';
import { columnConsent } from '../../engine/features/sharing/share.ts';
import type { Person } from '../../engine/core/model/records.ts';
import type { SharingSettings } from '../../engine/core/model/project.ts';
import './profile.css';

export interface ProfileProps {
  vm: ViewModel;
  id: string;
  /** Selects another person (a tie's button). */
  select: (id: string) => void;
  /** Sets this person's consent for what is shared; null goes back to the consent column's answer. */
  setConsent?: (id: string, consent: Consent | null) => void;
}

const CONSENT_CHOICES: ReadonlyArray<[Consent, string]> = [
  ['named', 'Named'],
  ['unnamed', 'Counted but not named'],
  ['out', 'Left out'],
];

const CONSENT_WORDS: Record<Consent, string> = { named: 'named', unnamed: 'counted but not named', out: 'left out' };

/**
 * This person's consent for what is shared: a choice made here, else the consent column's answer
 * (said, with whether it was understood), else named.
 */
function ConsentControl({ person, sharing, set }: { person: Person; sharing: SharingSettings; set: (consent: Consent | null) => void }) {
  const column = columnConsent(person, sharing.consentColumn);
  const chosen = Object.hasOwn(sharing.consent, person.id) ? sharing.consent[person.id]! : null;
  const current = chosen ?? column?.consent ?? 'named';
  const name = `consent-${person.id}`;
  const columnSays =
    column === null
      ? 'No consent column is chosen (Export, Sharing): everyone is named unless chosen here.'
      : column.value.trim() === ''
        ? `The consent column “${sharing.consentColumn}” has no answer for them: read as counted but not named.`
        : column.understood
          ? `The consent column “${sharing.consentColumn}” says “${column.value}”: ${CONSENT_WORDS[column.consent]}.`
          : `The consent column “${sharing.consentColumn}” says “${column.value}”, which netweave does not understand: read as counted but not named.`;
  return (
    <fieldset class="consent-control">
      <legend>In what you share</legend>
      <div class="consent-choices">
        {CONSENT_CHOICES.map(([value, label]) => (
          <label key={value} class="check">
            <input type="radio" name={name} value={value} checked={current === value} onChange={() => set(value)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
      <p class="explain">{columnSays}</p>
      {chosen !== null && column !== null ? (
        <p class="explain">
          {chosen === column.consent ? 'Chosen here too.' : 'Chosen here: this wins over the column.'}{' '}
          <button type="button" class="link" onClick={() => set(null)}>
            Use the column's answer
          </button>
        </p>
      ) : null}
      <p class="explain">Your own map and lists keep showing everyone; exports, the report and packets follow this.</p>
    </fieldset>
  );
}

interface Tie {
  other: string;
  /** 'out': this person named them; 'in': they named this person; null: undirected. */
  direction: 'out' | 'in' | null;
}

/** This person's ties in the analysed relations, by relation, in the order of the files. */
function tiesOf(vm: ViewModel, id: string): Map<string, Tie[]> {
  const ties = new Map<string, Tie[]>();
  const names = new Set(vm.analysis.relationNames);
  for (const tie of vm.project.dataset.ties) {
    if (!names.has(tie.relation)) continue;
    let found: Tie | null = null;
    if (tie.source === id) found = { other: tie.target, direction: tie.directed ? 'out' : null };
    else if (tie.target === id) found = { other: tie.source, direction: tie.directed ? 'in' : null };
    if (found === null) continue;
    const list = ties.get(tie.relation);
    if (list) list.push(found);
    else ties.set(tie.relation, [found]);
  }
  return ties;
}

/** A measure's plain reading; counts and shares also say where they stand ("3 · top 25%"). */
function reading(metric: MetricDefinition, column: Float64Array, index: number): { text: string; band: string | null } {
  const text = measureText(metric, column, index);
  const value = column[index]!;
  const band = (metric.display === 'count' || metric.display === 'share') && !Number.isNaN(value) ? percentileBand(percentileOf(column, value)) : null;
  return { text, band };
}

const DIRECTION = {
  out: { arrow: '→', title: 'Named by this person' },
  in: { arrow: '←', title: 'Named this person' },
};

export function ProfilePanel({ vm, id, select, setConsent }: ProfileProps) {
  const index = vm.indexOf.get(id);
  if (index === undefined) return <p>This person is not in the current analysis.</p>;
  const person = vm.personOf.get(id);
  const columns = vm.analysis.table.columns as unknown as Record<string, Float64Array | undefined>;
  const approximated = vm.analysis.figures.approximation !== null;
  const metrics = metricsFor('profile', resultContext(vm.analysis)).filter((m) => columns[m.id] !== undefined);
  const attributes = Object.entries(person?.attributes ?? {}).filter(([, v]) => attributeValues(v).length > 0);
  const ties = tiesOf(vm, id);
  // The group by its name, as on the map's legend ("Group 3 · mostly Philanthropy").
  const groupNumber = vm.analysis.table.columns.community[index]!;
  const group = vm.analysis.communities.find((c) => c.id === groupNumber)?.name ?? measureText(metricDefinition('community')!, vm.analysis.table.columns.community, index);
  const noAnswer = !person || person.attributes.responded === false;

  return (
    <div class="profile">
      <h2>{labelOf(vm, id)}</h2>
      <p class="muted">
        {group}
        {noAnswer ? " · did not answer the survey: known only from others' answers" : ''}
      </p>
      {attributes.length > 0 ? (
        <dl class="attributes">
          {attributes.map(([key, value]) => [<dt key={`t:${key}`}>{key}</dt>, <dd key={`d:${key}`}>{attributeValues(value).join(', ')}</dd>])}
        </dl>
      ) : (
        <p class="muted">No attributes recorded.</p>
      )}

      {person && setConsent ? <ConsentControl person={person} sharing={vm.project.sharing} set={(consent) => setConsent(id, consent)} /> : null}

      <h3>Position in the network</h3>
      {approximated && metrics.some((m) => m.estimated) && <p class="explain">This network is large: measures marked “estimate” come from a sample of people.</p>}
      <ul class="measures">
        {metrics.map((m) => {
          const { text, band } = reading(m, columns[m.id]!, index);
          return (
            <li key={m.id} class="measure">
              <div class="measure-line">
                <span class="measure-label">{measureHeader(m, approximated)}</span>
                <span class="measure-reading">
                  <strong>{text}</strong>
                  {band && <span class="measure-band"> · {band}</span>}
                </span>
              </div>
              <p class="explain">{m.explanation}</p>
            </li>
          );
        })}
      </ul>
      <details class="exact-values">
        <summary>Exact values</summary>
        <table class="metrics">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Value</th>
              <th scope="col">Percentile</th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => {
              const column = columns[m.id]!;
              const value = column[index]!;
              return (
                <tr key={m.id}>
                  <td>
                    <div>{m.label}</div>
                  </td>
                  <td class="num">{exactValue(value)}</td>
                  <td class="num">{Number.isNaN(value) ? '–' : percentText(percentileOf(column, value))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p class="explain">Percentile: the share of people with a lower value, counting half of those level with this person (the CSV export has every value).</p>
      </details>

      <h3>Ties</h3>
      {ties.size === 0 ? (
        <p>No ties in the chosen relations: a person to reach out to.</p>
      ) : (
        <div class="ties">
          {[...ties].map(([relation, list]) => (
            <div key={relation} class="tie-group">
              <h4>
                {relation} ({list.length})
              </h4>
              <ul class="tie-list">
                {list.map((tie, i) => (
                  <li key={`${i}:${tie.other}`}>
                    {tie.direction && (
                      <span class="tie-direction" title={DIRECTION[tie.direction].title}>
                        {DIRECTION[tie.direction].arrow}{' '}
                      </span>
                    )}
                    <button type="button" class="link" onClick={() => select(tie.other)}>
                      {labelOf(vm, tie.other)}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
