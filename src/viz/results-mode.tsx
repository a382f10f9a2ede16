/**
 * The results mode of the app, beside the people network and the system map: for each result its
 * indicators' curves, the partners with a role computed from the system map and whether they are
 * connected in the people network, the leverage points nobody acts on, and the action plan; the
 * public list of commitments; adding results files and downloading their templates. One column
 * that scrolls, readable on a phone.
 */
import { useRef } from 'preact/hooks';
import type { AppStore } from './state/app-state.ts';
import { RESULTS_FILE_KINDS, type ResultsFileKind } from '../engine/features/results/results-file-kinds.ts';
import { RESULTS_TEMPLATES } from '../engine/features/results/templates.ts';
import { ResultSection, type ResultActions } from './components/result-section.tsx';
import { commitmentStatus, when } from './components/results-words.ts';
import { count } from './format/readable.ts';
import './components/results.css';

export interface ResultsModeActions extends ResultActions {
  addFiles: (files: File[]) => void;
  downloadTemplate: (kind: ResultsFileKind) => void;
  remove: () => void;
}

/** The template kinds offered (the scorecard export is read, not handed out). */
const TEMPLATE_KINDS = RESULTS_FILE_KINDS.filter((k) => k !== 'scorecard');

function AddFiles({ add }: { add: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" class="primary" onClick={() => input.current?.click()}>
        Add results files…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.tsv,.txt,.xlsx"
        class="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (files.length > 0) add(files);
        }}
      />
    </>
  );
}

function Templates({ download }: { download: (kind: ResultsFileKind) => void }) {
  return (
    <details class="results-templates">
      <summary>Templates to fill in</summary>
      <ul>
        {TEMPLATE_KINDS.map((kind) => (
          <li key={kind}>
            <button type="button" class="link" onClick={() => download(kind)}>
              {RESULTS_TEMPLATES[kind].file}
            </button>
            : {RESULTS_TEMPLATES[kind].what}
          </li>
        ))}
        <li>A scorecard export (Clear Impact's data values: id, date, actual, target) is read as it is.</li>
      </ul>
    </details>
  );
}

export function ResultsMode({ store, actions }: { store: AppStore; actions: ResultsModeActions }) {
  const s = store.signals;
  const project = s.project.value;
  const { report } = s.results.value;
  const has = project?.results != null;
  // The stories as written since the report was made (writing one does not join the results again).
  const stories = project?.results?.stories ?? {};
  return (
    <main class="results-mode" aria-label="Results">
      <div class="results-page">
        <header class="results-head">
          <h1>Results</h1>
          <p class="explain">
            The results the network works toward, with the indicators that measure them. Joined to the system map, they show who has a role (computed from who works on each factor
            upstream), which leverage points nobody acts on, and whether the partners are connected in the people network.
          </p>
          <div class="row-actions">
            <AddFiles add={actions.addFiles} />
            {has && (
              <button type="button" onClick={actions.remove}>
                Remove the results
              </button>
            )}
          </div>
          <Templates download={actions.downloadTemplate} />
          {project && !project.systemMap && has && <p class="muted">Add a system map (Import data) to see the factors upstream, the partners with a role and the leverage points.</p>}
        </header>
        {!has && <p class="results-empty">No results yet. Fill in the templates (at least results and indicators; actions to see who acts on what), then add them here.</p>}
        {has && !report && <p class="muted">Working out the results…</p>}
        {report && (
          <>
            {report.notes.length > 0 && (
              <ul class="result-flags">
                {report.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            {report.results.map((r) => (
              <ResultSection key={r.id} result={{ ...r, indicators: r.indicators.map((i) => ({ ...i, story: stories[i.id] ?? i.story })) }} actions={actions} />
            ))}
            {report.commitments.length > 0 && (
              <section class="result" aria-labelledby="commitments-title">
                <h2 id="commitments-title">Commitments ({count(report.commitments.length)})</h2>
                <p class="explain">Who committed to what, by when, and whether it was kept: the public record.</p>
                <table class="metrics commitments-table">
                  <thead>
                    <tr>
                      <th scope="col">Who</th>
                      <th scope="col">Result</th>
                      <th scope="col">Committed to</th>
                      <th scope="col">By when</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.commitments.map((c, i) => (
                      <tr key={i} class={c.overdue ? 'overdue' : undefined}>
                        <th scope="row">{c.who.label}</th>
                        <td>{c.result}</td>
                        <td>{c.what}</td>
                        <td>{c.due ? when(c.due) : ''}</td>
                        <td>{commitmentStatus(c)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
          </>
        )}
      </div>
    </main>
  );
}
