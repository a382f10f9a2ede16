/**
 * Under the top bar: the demo's banner, and the status line (a running task with progress and
 * Cancel, an error with its first issues, or what the last import found and its notes). The
 * status line keeps its height whatever it shows: appearing, it would resize the map, which a
 * big network then draws again in one long task.
 */
import { importSummaryLines, type ImportSummary } from '../format/import-summary.ts';
import { formatIssue, type InputIssue } from '../../engine/core/util/issues.ts';
import { formatIssueGroup, groupIssues } from '../../engine/core/util/issue-groups.ts';
import type { Status } from '../state/app-state.ts';

export interface MessagesProps {
  demo: { name: string; description: string } | null;
  hideBanner: () => void;
  openImport: () => void;
  status: Status;
  notices: InputIssue[];
  imported: ImportSummary | null;
  cancel: () => void;
  dismissError: () => void;
  dismissNotices: () => void;
  /** Why this browser is not keeping the project, or null. */
  storageProblem: string | null;
  exportProject: () => void;
}

export function Messages(props: MessagesProps) {
  return (
    <div class="messages" role="region" aria-label="Messages">
      {props.demo ? (
        <div class="banner">
          <div>
            <strong>You are looking at a demo: {props.demo.name}. </strong>
            <span class="banner-more">
              {props.demo.description} To map your own network, choose{' '}
              <button type="button" class="link" onClick={props.openImport}>
                Import data
              </button>{' '}
              or drop a CSV of ties (and one of people) anywhere on this page.
            </span>
          </div>
          <button type="button" class="small" aria-label="Hide this message" onClick={props.hideBanner}>
            Hide
          </button>
        </div>
      ) : null}
      {props.storageProblem !== null ? (
        <div class="status storage" role="alert">
          <span>
            <strong>Not saved in this browser: </strong>
            {props.storageProblem}. Your work stays open in this tab; export the project to a file to keep it.
          </span>{' '}
          <button type="button" class="small" onClick={props.exportProject}>
            Export the project file
          </button>
        </div>
      ) : null}
      <StatusLine {...props} />
    </div>
  );
}

function StatusLine({ status, notices, imported, cancel, dismissError, dismissNotices }: MessagesProps) {
  if (status.kind === 'working') {
    return (
      <div class="status working" role="status" aria-live="polite">
        <span>
          {status.task}: {status.step}…
        </span>
        {/* Without a value the bar shows motion, for steps whose length is unknown. */}
        <progress key={status.fraction > 0 ? "known" : "unknown"} aria-label={status.step} max={1} value={status.fraction > 0 ? status.fraction : undefined} />
        {status.cancellable ? (
          <button type="button" class="small" onClick={cancel}>
            Cancel
          </button>
        ) : null}
      </div>
    );
  }
  if (status.kind === 'error') {
    return (
      <div class="status error" role="status" aria-live="polite">
        <span role="alert">{status.message}</span>
        {(status.issues ?? []).slice(0, 5).map((issue, i) => (
          <div key={i}>{formatIssue(issue)}</div>
        ))}
        <button type="button" class="small" onClick={dismissError}>
          Dismiss
        </button>
      </div>
    );
  }
  if (notices.length > 0 || imported) {
    const lines = imported ? importSummaryLines(imported) : null;
    // Notes of one kind (804 reversed duplicates) are one line with a count and the first places.
    const notes = groupIssues(notices).map(formatIssueGroup);
    return (
      <div class="status notice" role="status" aria-live="polite">
        {lines ? (
          <div class="import-summary">
            <strong>{lines.headline}: </strong>
            {lines.figures.join(' · ')}
          </div>
        ) : null}
        {/* One or two notes on their own are said plainly; more, or under an import's summary, fold away. */}
        {notes.length > 0 && notes.length <= 2 && !imported ? (
          <ul class="notes">
            {notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        ) : notes.length > 0 ? (
          <details>
            <summary>
              {notices.length} note{notices.length === 1 ? '' : 's'}
              {imported ? ' from the import' : ''}
            </summary>
            <ul>
              {notes.slice(0, 50).map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          </details>
        ) : null}
        <button type="button" class="small" onClick={dismissNotices}>
          Dismiss
        </button>
      </div>
    );
  }
  return <div class="status" role="status" aria-live="polite" />;
}
