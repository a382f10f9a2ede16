/**
 * Bringing data in: pick or drop files, see what netweave thinks each one holds and why (and say
 * it yourself where it is not sure: nothing is imported on a guess), which column is which, the
 * first rows, then import. Templates for every kind of file the app reads are one click away.
 * Errors are listed with file, row and field; a failed or cancelled import changes nothing.
 *
 * A survey with names that could be several people stops at a review of those names; program
 * files (attendance, mentorships), a self-assessment and system-map files join the open project.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { FilePreview } from '../../engine/project/preview-files.ts';
import type { ImportKind } from '../../engine/io/detect-format.ts';
import type { ImportOptions } from '../../engine/io/import-files.ts';
import type { Result } from '../../engine/core/util/result.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import { formatIssue, type InputIssue } from '../../engine/core/util/issues.ts';
import type { Dataset } from '../../engine/core/model/dataset.ts';
import type { Ambiguity, ResolutionDecision, SurveyLayout } from '../../engine/core/model/survey.ts';
import type { SurveyFilesInput, SurveyFilesResult } from '../../engine/features/survey/survey-files.ts';
import type { NetworkCanvasFiles, NetworkCanvasFilesInput } from '../../engine/features/network-canvas/network-canvas-files.ts';
import type { SystemMapImportResult } from '../../engine/features/systemmap/assemble.ts';
import { SYSTEM_MAP_KINDS, type SystemMapFileKind, type SystemMapSourceFile } from '../../engine/features/systemmap/import-files.ts';
import { KUMU_TYPE_ROLES, kumuTypeRolesFor, type KumuTypeRole, type KumuTypeRoles } from '../../engine/io/kumu-types.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import type { ProgramFileKind, ProgramFilesResult } from '../../engine/project/add-program-files.ts';
import { FILE_KINDS, judgeFileKinds, type FileKind, type KindVerdict } from '../../engine/project/file-kinds.ts';
import { readSourceFile } from '../../engine/io/workbook-detect.ts';
import { looksLikeKey } from '../../engine/features/sharing/share.ts';
import { KIND_LABELS, TYPE_ROLE_LABELS, kindWords, typeMappingText, typeName } from './import-words.ts';
import { IMPORT_TEMPLATES } from './import-templates.ts';
import './import-dialog.css';
import { MAX_BROWSER_FILE_BYTES, fileTooLargeMessage } from '../../engine/io/limits.ts';

/** Narrower than this the app is a viewer: importing asks for a larger screen. */
const SMALL_SCREEN = '(max-width: 600px)';

export interface ImportDone {
  dataset: Dataset;
  issues: InputIssue[];
  sources: Array<{ name: string; kind: string }>;
  /** Survey imports: the layouts used and the user's name decisions, saved with the project. */
  survey?: { layouts: Record<string, SurveyLayout>; decisions: ResolutionDecision[] };
  /** Survey imports: who answered, and how the written names were matched. */
  responses?: { respondents: number; nonRespondents: number; responseRate: number; written: number; resolved: number };
}

/**
 * What the dialog asks of the engine: the page's `EngineClient` (src/workers/engine-client.ts),
 * which runs each call in the analysis worker and rejects with `CancelledByUser` on `cancel()`.
 */
export interface ImportEngine {
  preview(files: SourceFile[]): Promise<FilePreview[]>;
  importFiles(files: SourceFile[], options: ImportOptions, onProgress?: (step: string, fraction: number) => void): Promise<Result<Dataset>>;
  importSurvey(input: SurveyFilesInput): Promise<SurveyFilesResult>;
  importNetworkCanvas(input: NetworkCanvasFilesInput): Promise<Result<NetworkCanvasFiles>>;
  importSystemMap(files: SystemMapSourceFile[], name?: string): Promise<SystemMapImportResult>;
  addProgramFiles(dataset: Dataset, files: Array<SourceFile & { kind: ProgramFileKind }>, decisions: ResolutionDecision[]): Promise<ProgramFilesResult>;
  cancel(): void;
}

export interface ImportDialogProps {
  /** The page's EngineClient. */
  engine: ImportEngine;
  /** The dialog is shown (modal) while this is true. */
  open: boolean;
  /** Files to add when the dialog opens (or while it is open): e.g. dropped on the page. */
  files: File[];
  /** The person closed the dialog (Close, Cancel, Escape) or an import finished. */
  onClose: () => void;
  onImported: (result: ImportDone) => void;
  /** Progress of the worker call under way, for the status bar; null when it ends. */
  onBusy: (busy: string | null, step?: string, fraction?: number) => void;
  /** Name decisions saved with the open project, re-applied when its survey is imported again. */
  savedDecisions: () => ResolutionDecision[];
  onSystemMap: (map: SystemMap, issues: InputIssue[]) => void;
  onProgramAdded: (dataset: Dataset, issues: InputIssue[]) => void;
  currentDataset: () => Dataset | null;
  /** A self-assessment joins the open project's people (the Skills view shows it). */
  onAbilities: (file: SourceFile) => void;
  /** Results files, added to the open project's Results view. */
  onResults: (files: SourceFile[]) => void;
  /** A netweave key chosen on its own, with a project open: its names go back into the project. */
  onKey?: (file: { name: string; text: string }) => void;
}

function isProgramKind(kind: FileKind | null): kind is ProgramFileKind {
  return kind === 'attendance' || kind === 'mentorships';
}

/** Network Canvas exports: interviews merged with the people matcher, as surveys are. */
function isInterviewKind(kind: FileKind | null): boolean {
  return kind === 'network-canvas' || kind === 'network-canvas-graphml';
}

function isMapKind(kind: FileKind | null): kind is SystemMapFileKind {
  return (SYSTEM_MAP_KINDS as readonly (string | null)[]).includes(kind);
}

/** Kinds that hold ties, whose direction the user may set. */
const TIE_KINDS: ReadonlySet<FileKind | null> = new Set<FileKind | null>(['edges', 'adjacency', 'gexf', 'graphml', 'json']);

const ROLE_FIELDS: Partial<Record<FileKind, Array<{ key: string; label: string; required?: boolean }>>> = {
  edges: [
    { key: 'source', label: 'From (source)', required: true },
    { key: 'target', label: 'To (target)', required: true },
    { key: 'weight', label: 'Weight' },
    { key: 'relation', label: 'Relation' },
  ],
  nodes: [
    { key: 'id', label: 'Id', required: true },
    { key: 'label', label: 'Name shown' },
  ],
};

interface FileState {
  source: SourceFile;
  preview: FilePreview;
  /** What netweave thinks the file holds, judged with the files beside it. */
  verdict: KindVerdict;
  /** What the user said it holds, when they did. */
  chosen: FileKind | null;
  columns: Record<string, string>;
  /** Kumu files: what the user chose for each element type (the others keep their default). */
  typeRoles: KumuTypeRoles;
}

/** What the file will be read as: the user's choice, else netweave's when it is sure; null until one says. */
function kindOf(f: FileState): FileKind | null {
  return f.chosen ?? f.verdict.kind;
}

/** A Kumu file read as a people network or a system map: every element type's role, the user's choices over the defaults. */
function typeRolesOf(f: FileState): KumuTypeRoles | undefined {
  const kind = kindOf(f);
  const types = f.preview.kumuTypes;
  if ((kind !== 'kumu' && kind !== 'map-kumu') || types === undefined || types.length === 0) return undefined;
  return kumuTypeRolesFor(types, kind === 'kumu' ? 'people' : 'system-map', f.typeRoles);
}

/** The choices with one type's role changed (`__proto__` is a type like any other). */
function withRole(roles: KumuTypeRoles, type: string, role: KumuTypeRole): KumuTypeRoles {
  const next = { ...roles };
  Object.defineProperty(next, type, { value: role, enumerable: true, writable: true, configurable: true });
  return next;
}

function missingRoles(f: FileState): string[] {
  const kind = kindOf(f);
  return (kind ? ROLE_FIELDS[kind] ?? [] : []).filter((r) => r.required && !f.columns[r.key]).map((r) => r.label);
}

/** The files judged again together (a survey makes the people list beside it its roster...). */
function judged(files: Array<Omit<FileState, 'verdict'> & { verdict?: KindVerdict }>): FileState[] {
  const verdicts = judgeFileKinds(files.map((f) => ({ preview: f.preview, chosen: f.chosen })));
  return files.map((f, i) => ({ ...f, verdict: verdicts[i]! }));
}

/** Each ambiguous name starts at its suggested person, else its best candidate. */
function firstChoices(pending: readonly Ambiguity[]): Choice[] {
  return pending.map((a) => ({ choice: a.chosen ?? a.candidates[0]?.person ?? '__new', everywhere: false }));
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

interface Busy {
  task: string;
  step: string;
  fraction: number;
}

interface Choice {
  choice: string;
  everywhere: boolean;
}

interface Review {
  /** Names waiting for the user, and how many were matched with confidence (a survey's or interviews'). */
  result: { pending: Ambiguity[]; resolved: number; written: number };
  decisions: ResolutionDecision[];
  choices: Choice[];
  /** Imports again with the user's decisions added. */
  rerun: (decisions: ResolutionDecision[]) => Promise<void>;
}

function useSmallScreen(): boolean {
  const [small, setSmall] = useState(() => typeof window !== 'undefined' && window.matchMedia(SMALL_SCREEN).matches);
  useEffect(() => {
    const query = window.matchMedia(SMALL_SCREEN);
    const changed = (): void => setSmall(query.matches);
    query.addEventListener('change', changed);
    return () => query.removeEventListener('change', changed);
  }, []);
  return small;
}

function IssueList({ issues }: { issues: InputIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.level === 'error');
  const shown = (errors.length > 0 ? errors : issues).slice(0, 30);
  return (
    <div class="issues" role={errors.length > 0 ? 'alert' : 'status'}>
      <strong>{errors.length > 0 ? `The import stopped: ${plural(errors.length, 'problem')} to fix. Your current project is unchanged.` : plural(issues.length, 'note')}</strong>
      <ul>
        {shown.map((issue, i) => (
          <li key={i}>{formatIssue(issue)}</li>
        ))}
      </ul>
      {issues.length > shown.length ? <div class="muted">…and {(issues.length - shown.length).toLocaleString('en')} more.</div> : null}
    </div>
  );
}

/** How a survey will be read; question short names (the relation layers) can be edited. */
function SurveyLayoutView({ layout, rename }: { layout: SurveyLayout | undefined; rename: (question: number, relation: string) => void }) {
  if (!layout) return <p class="error-text">No relationship question was recognised in this file: choose another kind, or check that it is a survey export.</p>;
  const identity = Object.entries(layout.identity)
    .filter(([, c]) => c !== undefined)
    .map(([k, c]) => `${k}: "${c!.header}"`)
    .join(', ');
  return (
    <div class="survey-layout">
      <div>
        <strong>Who answered: </strong>
        {identity || 'not found'}
        {layout.timestamp ? ` · submitted: "${layout.timestamp.header}"` : ''}
      </div>
      <div>
        <strong>Relationship questions ({layout.questions.length}): </strong>each becomes a layer of ties from the respondent to the people they named.
      </div>
      <ul>
        {layout.questions.map((q, i) => (
          <li key={i}>
            <input
              type="text"
              value={q.relation}
              aria-label={`Short name for "${q.question}"`}
              onInput={(e) => {
                const value = e.currentTarget.value.trim();
                if (value) rename(i, value);
              }}
            />{' '}
            <span class="muted">{q.question.length > 90 ? `${q.question.slice(0, 90)}…` : q.question}</span>
          </li>
        ))}
      </ul>
      {layout.attributes.length > 0 ? (
        <div>
          <strong>Kept as attributes: </strong>
          {layout.attributes.map((a) => a.name).join(', ')}
        </div>
      ) : null}
      {layout.notes.length > 0 ? (
        <ul class="muted">
          {layout.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A Kumu file's element types and what each is read as, with a menu per type: the mapping found
 * ("Interviewee → person"), changed before importing.
 */
function KumuTypesView({ file: f, setRole }: { file: FileState; setRole: (type: string, role: KumuTypeRole) => void }) {
  const heading = useId();
  const roles = typeRolesOf(f);
  const types = f.preview.kumuTypes ?? [];
  if (!roles) return null;
  const name = f.source.name;
  const people = kindOf(f) === 'kumu';
  return (
    <div class="kumu-types" role="group" aria-labelledby={heading}>
      <strong id={heading}>What each type of element is</strong>
      <p class="muted">
        Read as: {typeMappingText(types, roles)}.{' '}
        {people
          ? `People and organisations become the points of the map${Object.values(roles).includes('factor') ? '; system factors stay on it, marked as factors' : ''}. `
          : 'People and organisations become the actors who work on the factors. '}
        Change any type below; left out elements are not imported, nor their connections.
      </p>
      <ul>
        {types.map((t, i) => (
          <li key={i}>
            <label>
              <span class="kumu-type-name">{typeName(t.type)}</span> <span class="muted">({t.count.toLocaleString('en')} {t.count === 1 ? 'element' : 'elements'})</span> is{' '}
              <select aria-label={`What ${typeName(t.type)} elements in ${name} are`} value={roles[t.type]} onChange={(e) => setRole(t.type, e.currentTarget.value as KumuTypeRole)}>
                {KUMU_TYPE_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {TYPE_ROLE_LABELS[role]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FileCardProps {
  file: FileState;
  choose: (kind: FileKind) => void;
  setColumn: (role: string, header: string) => void;
  renameQuestion: (question: number, relation: string) => void;
  setTypeRole: (type: string, role: KumuTypeRole) => void;
  remove: () => void;
}

function FileCard({ file: f, choose, setColumn, renameQuestion, setTypeRole, remove }: FileCardProps) {
  const name = f.source.name;
  const kind = kindOf(f);
  const words = kindWords(f.verdict, kind);
  const csv = f.preview.csv;
  const roles = kind ? ROLE_FIELDS[kind] ?? [] : [];
  const missing = missingRoles(f);
  const fits = f.verdict.candidates.map((c) => c.kind);
  const others = FILE_KINDS.filter((k) => !fits.includes(k));
  const option = (k: FileKind) => (
    <option key={k} value={k}>
      {KIND_LABELS[k]}
    </option>
  );
  return (
    <section class={`file-card${words.unsure ? ' unsure' : ''}`}>
      <div class="file-head">
        <strong class="file-name">{name}</strong>
        <select aria-label={`What ${name} holds`} value={kind ?? 'unknown'} onChange={(e) => e.currentTarget.value !== 'unknown' && choose(e.currentTarget.value as FileKind)}>
          {kind === null ? <option value="unknown">Choose what this file holds…</option> : null}
          {fits.length > 0 ? <optgroup label="Fits this file">{fits.map(option)}</optgroup> : null}
          {fits.length > 0 ? <optgroup label="Other kinds">{others.map(option)}</optgroup> : others.map(option)}
        </select>
        <button type="button" class="small" aria-label={`Remove ${name}`} onClick={remove}>
          Remove
        </button>
      </div>
      <p class={words.unsure ? 'kind-verdict unsure' : 'kind-verdict'}>{words.text}</p>
      {words.unsure && fits.length > 0 ? (
        <ul class="kind-picks" aria-label={`What ${name} could hold`}>
          {f.verdict.candidates.map((c) => (
            <li key={c.kind}>
              <button type="button" class="small" onClick={() => choose(c.kind)}>
                {KIND_LABELS[c.kind]}
              </button>{' '}
              <span class="muted">{c.found}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {words.alsoFits ? <p class="muted kind-also">{words.alsoFits}</p> : null}
      {f.verdict.note ? <p class="muted kind-note">{f.verdict.note}</p> : null}
      {kind === 'survey' ? <SurveyLayoutView layout={f.preview.survey} rename={renameQuestion} /> : null}
      <KumuTypesView file={f} setRole={setTypeRole} />
      {roles.length > 0 && csv ? (
        <div class="roles">
          {roles.map((r) => (
            <label key={r.key}>
              {r.label}:{' '}
              <select aria-label={`${r.label} column of ${name}`} value={f.columns[r.key] ?? ''} onChange={(e) => setColumn(r.key, e.currentTarget.value)}>
                <option value="">(none)</option>
                {csv.headers.map((h, i) => (
                  <option key={i} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      ) : null}
      {missing.length > 0 ? <p class="error-text">Say which column holds: {missing.join(', ')}.</p> : null}
      {csv && csv.headers.length > 0 ? (
        // Scrolls sideways when the file is wide: focusable, so the keyboard can scroll it too.
        <div class="preview-wrap" tabIndex={0} role="region" aria-label={`First rows of ${name}`}>
          <table class="preview">
            <thead>
              <tr>
                {csv.headers.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {csv.rows.slice(0, 5).map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{cell.length > 60 ? `${cell.slice(0, 60)}…` : cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div class="muted">
            {csv.rowCountApproximate ? 'about ' : ''}
            {plural(csv.rowCount, 'row')} · delimiter "{csv.delimiter === '\t' ? 'tab' : csv.delimiter}"
          </div>
        </div>
      ) : null}
      {csv && csv.issues.length > 0 ? <IssueList issues={csv.issues} /> : null}
    </section>
  );
}

/** A CSV as a link's address: the template downloads with one click, with no script and nothing sent anywhere. */
function csvHref(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;
}

/** Links to every template, grouped as the app's parts are. */
function Templates() {
  const heading = useId();
  const groups = [...new Set(IMPORT_TEMPLATES.map((t) => t.group))];
  return (
    <section class="import-templates" aria-labelledby={heading}>
      <h3 id={heading}>Templates</h3>
      <p class="muted">Start from a CSV with the right columns and a few example rows to replace.</p>
      <dl>
        {groups.map((group) => (
          <div key={group} class="template-group">
            <dt>{group}</dt>
            <dd>
              {IMPORT_TEMPLATES.filter((t) => t.group === group).map((t) => (
                <a key={t.file} href={csvHref(t.csv())} download={t.file} title={`Download ${t.file}`}>
                  {t.label}
                </a>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ReviewView({ review, setChoice, apply, back }: { review: Review; setChoice: (i: number, choice: Choice) => void; apply: () => void; back: () => void }) {
  const { result } = review;
  return (
    <>
      <h3>
        {plural(result.pending.length, 'name')} could be more than one person
      </h3>
      <p class="explain">
        {result.resolved} of {result.written} names were matched with confidence. For each name below, pick who was meant; your choices are saved with the project and applied again if you re-import.
      </p>
      <ol class="review-list">
        {result.pending.map((a: Ambiguity, i) => {
          const state = review.choices[i]!;
          const group = `amb-${i}`;
          const option = (value: string, label: string, detail?: string) => (
            <label class="check">
              <input type="radio" name={group} value={value} checked={state.choice === value} onChange={() => setChoice(i, { ...state, choice: value })} /> {label}
              {detail ? <span class="muted"> {detail}</span> : null}
            </label>
          );
          return (
            <li key={i} class="ambiguity">
              <div>
                <strong>"{a.written}"</strong>
                <span class="muted">
                  {' '}
                  written by {a.respondent} ({a.question}; {a.file}, row {a.row})
                </span>
              </div>
              {a.candidates.map((c) => (
                <div key={c.person}>{option(c.person, c.label, `${Math.round(c.confidence * 100)}% · ${c.reasons.join(', ')}`)}</div>
              ))}
              {option('__new', 'Someone new (add as a person)')}
              {option('__none', 'Not a person (leave out)')}
              <label class="check muted">
                <input type="checkbox" checked={state.everywhere} onChange={(e) => setChoice(i, { ...state, everywhere: e.currentTarget.checked })} /> apply to "{a.written}" wherever it is written
              </label>
            </li>
          );
        })}
      </ol>
      <div class="dialog-actions">
        <button type="button" class="primary" onClick={apply}>
          Apply and import
        </button>
        <button type="button" onClick={back}>
          Back
        </button>
      </div>
    </>
  );
}

export function ImportDialog(props: ImportDialogProps) {
  const { engine, open } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const why = useId();
  // Callbacks and files are read through refs: imports run across awaits, after later renders.
  const latest = useRef(props);
  latest.current = props;
  const [files, setFilesState] = useState<FileState[]>([]);
  const filesRef = useRef(files);
  const setFiles = (next: FileState[]): void => {
    filesRef.current = next;
    setFilesState(next);
  };
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [busy, setBusyState] = useState<Busy | null>(null);
  const busyRef = useRef(false);
  /** Counts the times the dialog closed: work that ends after its dialog closed is dropped. */
  const session = useRef(0);
  const [review, setReview] = useState<Review | null>(null);
  const [directed, setDirected] = useState(false);
  const [unknownIds, setUnknownIds] = useState<'add' | 'reject'>('add');
  const small = useSmallScreen();

  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open && d.isConnected) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (open && props.files.length > 0 && !small) void addFiles(props.files);
  }, [open, props.files]);

  const close = (): void => {
    dialog.current?.close();
  };

  /** The dialog closed (Close, Cancel, Escape, or an import handed over): start afresh next time. */
  const closed = (): void => {
    // Closing while the worker reads abandons the import: it is cancelled, and changes nothing.
    if (busyRef.current) engine.cancel();
    session.current += 1;
    setFiles([]);
    setIssues([]);
    setReview(null);
    if (latest.current.open) latest.current.onClose();
  };

  const showBusy = (task: string, step: string, fraction: number): void => {
    latest.current.onBusy(task, step, fraction);
    setBusyState({ task, step, fraction });
  };

  /**
   * Runs one worker call with the dialog's progress line; a failure (or Cancel) is shown in the
   * dialog and gives undefined, so the open project is never touched.
   */
  async function runBusy<T>(task: string, call: (onProgress: (step: string, fraction: number) => void) => Promise<T>): Promise<T | undefined> {
    // Progress travels on its own channel and can arrive after the result: late steps are dropped,
    // or the status bar would say "Importing" after the import ended.
    let finished = false;
    const at = session.current;
    busyRef.current = true;
    try {
      showBusy(task, '', 0);
      const result = await call((step, fraction) => {
        if (!finished) showBusy(task, step, fraction);
      });
      return session.current === at ? result : undefined;
    } catch (error) {
      if (session.current !== at) return undefined;
      const cancelled = (error as Error).name === 'CancelledByUser';
      setReview(null);
      setIssues([
        {
          level: 'error',
          code: cancelled ? 'cancelled' : 'import-failed',
          message: cancelled ? 'The import was cancelled. Your current project is unchanged.' : `The import failed: ${(error as Error).message}. Your current project is unchanged.`,
        },
      ]);
      return undefined;
    } finally {
      finished = true;
      busyRef.current = false;
      setBusyState(null);
      latest.current.onBusy(null);
    }
  }

  async function addFiles(list: File[]): Promise<void> {
    const at = session.current;
    const errors: InputIssue[] = [];
    const sources: SourceFile[] = [];
    for (const file of list) {
      if (file.size > MAX_BROWSER_FILE_BYTES) {
        errors.push({ level: 'error', code: 'file-too-large', file: file.name, message: fileTooLargeMessage(file.size, MAX_BROWSER_FILE_BYTES) });
        continue;
      }
      // Workbooks (by their first bytes, else their name) are binary; everything else is read as text.
      sources.push(await readSourceFile(file));
    }
    if (session.current !== at) return;
    // A key file on its own is not data to import: it puts the names back into the open project.
    const [only] = sources;
    if (sources.length === 1 && only && filesRef.current.length === 0 && latest.current.onKey && latest.current.currentDataset() !== null && looksLikeKey(only.text)) {
      close();
      latest.current.onKey({ name: only.name, text: only.text });
      return;
    }
    if (sources.length > 0) {
      const previews = await runBusy('Reading files', () => engine.preview(sources));
      if (!previews) return;
      const names = new Set(sources.map((s) => s.name));
      const added = sources.map((source, i) => {
        const preview = previews[i]!;
        const columns: Record<string, string> = {};
        for (const [role, header] of Object.entries(preview.csv?.guessedColumns ?? {})) if (header) columns[role] = header;
        return { source, preview, chosen: null, columns, typeRoles: {} };
      });
      setFiles(judged([...filesRef.current.filter((f) => !names.has(f.source.name)), ...added]));
    }
    setIssues(errors);
  }

  /** Changes one file (by name: the files are judged afresh, as new objects, after every change). */
  const update = (name: string, change: (f: FileState) => Partial<FileState>): void => {
    setFiles(judged(filesRef.current.map((f) => (f.source.name === name ? { ...f, ...change(f) } : f))));
  };

  const sourcesList = (): Array<{ name: string; kind: string }> => filesRef.current.map((f) => ({ name: f.source.name, kind: kindOf(f) ?? 'unknown' }));

  /** Hands the import over, after adding any attendance or mentorship files given with it. */
  const finish = (done: ImportDone): void => {
    if (filesRef.current.some((f) => isProgramKind(kindOf(f)))) {
      void runProgramImport(done);
      return;
    }
    close();
    latest.current.onImported(done);
  };

  /**
   * Attendance and mentorship files: added to the dataset just imported (`base`), or on their own
   * to the open project. A failed read changes nothing.
   */
  async function runProgramImport(base: ImportDone | null): Promise<void> {
    const dataset = base?.dataset ?? latest.current.currentDataset();
    if (!dataset) return setIssues([{ level: 'error', code: 'no-network', message: 'Open or import a network before adding attendance or mentorships.' }]);
    const program = filesRef.current.flatMap((f) => {
      const kind = kindOf(f);
      return isProgramKind(kind) ? [{ ...f.source, kind }] : [];
    });
    const result = await runBusy('Matching attendees', () => engine.addProgramFiles(dataset, program, latest.current.savedDecisions()));
    if (!result) return;
    if (!result.ok) return setIssues(result.issues);
    close();
    if (base) latest.current.onImported({ ...base, dataset: result.value, issues: [...base.issues, ...result.issues] });
    else latest.current.onProgramAdded(result.value, result.issues);
  }

  /** System map files join the open project; a failed read changes nothing. */
  async function runSystemMapImport(): Promise<void> {
    const current = filesRef.current;
    const mapFiles = current.map((f) => {
      const typeRoles = typeRolesOf(f);
      return { ...f.source, kind: kindOf(f) as SystemMapFileKind, ...(typeRoles ? { typeRoles } : {}) };
    });
    const result = await runBusy('Reading the system map', () => engine.importSystemMap(mapFiles, current[0]!.source.name.replace(/\.[^.]+$/, '')));
    if (!result) return;
    if (!result.ok) return setIssues(result.issues);
    close();
    latest.current.onSystemMap(result.value, result.issues);
  }

  /**
   * A name-matching import's result: its value when no name waits for the user; otherwise the
   * review of those names is shown (or the problems, on failure) and nothing is imported yet.
   */
  function readyOrReview<T extends Review['result']>(result: Result<T> | undefined, decisions: ResolutionDecision[], rerun: Review['rerun']): T | undefined {
    if (!result) return undefined;
    if (!result.ok) {
      setReview(null);
      setIssues(result.issues);
      return undefined;
    }
    if (result.value.pending.length > 0) {
      setIssues([]);
      setReview({ result: result.value, decisions, choices: firstChoices(result.value.pending), rerun });
      return undefined;
    }
    return result.value;
  }

  /** Survey path: names that could be several people come back for review before anything is imported. */
  async function runSurveyImport(decisions: ResolutionDecision[]): Promise<void> {
    const current = filesRef.current;
    const surveys = current.filter((f) => kindOf(f) === 'survey');
    const roster = current.find((f) => kindOf(f) === 'roster');
    const others = current.filter((f) => {
      const kind = kindOf(f);
      return kind !== null && kind !== 'survey' && kind !== 'roster' && !isProgramKind(kind);
    });
    const layouts = Object.fromEntries(surveys.filter((f) => f.preview.survey).map((f) => [f.source.name, f.preview.survey!]));
    const result = await runBusy('Matching names', () =>
      engine.importSurvey({
        surveys: surveys.map((f) => f.source),
        ...(roster ? { roster: roster.source } : {}),
        others: others.map((f) => ({ ...f.source, kind: kindOf(f) as ImportKind })),
        layouts,
        decisions,
        name: surveys[0]!.source.name.replace(/\.[^.]+$/, ''),
      }),
    );
    const found = readyOrReview(result, decisions, runSurveyImport);
    if (!found) return;
    const h = found.hygiene;
    finish({
      dataset: found.dataset,
      issues: result?.issues ?? [],
      responses: { respondents: h.respondents, nonRespondents: h.nonRespondents.length, responseRate: h.responseRate, written: found.written, resolved: found.resolved },
      sources: sourcesList(),
      survey: { layouts: Object.fromEntries(found.layouts.map((l, i) => [surveys[i]!.source.name, l])), decisions },
    });
  }

  /** Network Canvas path: interviews merged into one network; names that could be several people are reviewed first. */
  async function runInterviewImport(decisions: ResolutionDecision[]): Promise<void> {
    const current = filesRef.current;
    const interviews = current.filter((f) => isInterviewKind(kindOf(f)));
    const roster = current.find((f) => kindOf(f) === 'roster');
    const others = current.filter((f) => f !== roster && !isInterviewKind(kindOf(f)) && !isProgramKind(kindOf(f)));
    const result = await runBusy('Matching names', () =>
      engine.importNetworkCanvas({
        files: interviews.map((f) => ({ ...f.source, kind: kindOf(f) as ImportKind })),
        ...(roster ? { roster: roster.source } : {}),
        others: others.map((f) => ({ ...f.source, kind: kindOf(f) as ImportKind })),
        decisions,
      }),
    );
    const found = readyOrReview(result, decisions, runInterviewImport);
    if (!found) return;
    finish({ dataset: found.dataset, issues: result?.issues ?? [], sources: sourcesList(), survey: { layouts: {}, decisions } });
  }

  /** The files that make the network itself (attendance and mentorships are added after). */
  const networkFiles = (): FileState[] => filesRef.current.filter((f) => !isProgramKind(kindOf(f)));

  async function runNetworkImport(): Promise<void> {
    const network = networkFiles();
    const options: ImportOptions = {
      directed: directed ? true : undefined,
      unknownIds,
      kinds: Object.fromEntries(network.map((f) => [f.source.name, (kindOf(f) === 'roster' ? 'nodes' : kindOf(f)) as ImportKind])),
      columns: Object.fromEntries(filesRef.current.map((f) => [f.source.name, f.columns])),
      typeRoles: Object.fromEntries(network.flatMap((f) => {
        const roles = typeRolesOf(f);
        return roles ? [[f.source.name, roles]] : [];
      })),
      name: filesRef.current[0]?.source.name.replace(/\.[^.]+$/, ''),
    };
    const outcome = await runBusy('Importing', (onProgress) => engine.importFiles(network.map((f) => f.source), options, onProgress));
    if (!outcome) return;
    if (!outcome.ok) return setIssues(outcome.issues);
    finish({ dataset: outcome.value, issues: outcome.issues, sources: sourcesList() });
  }

  async function runImport(): Promise<void> {
    const current = filesRef.current;
    const kinds = current.map(kindOf);
    // Never on a guess: every file has a kind the user saw (the button is disabled until then).
    if (current.length === 0 || kinds.some((k) => k === null)) return;
    setIssues([]);
    if (kinds.every(isMapKind)) return runSystemMapImport();
    if (kinds.every(isProgramKind)) return runProgramImport(null);
    if (kinds.every((k) => k === 'results')) {
      close();
      latest.current.onResults(current.map((f) => f.source));
      return;
    }
    if (kinds.includes('results')) {
      return setIssues([{ level: 'error', code: 'mixed-import', message: "Import results files on their own: they are added to the open project's Results view, beside its people network." }]);
    }
    if (kinds.includes('abilities')) {
      if (current.length > 1) return setIssues([{ level: 'error', code: 'mixed-import', message: 'Import a self-assessment on its own, once its people are in the open network.' }]);
      close();
      latest.current.onAbilities(current[0]!.source);
      return;
    }
    if (kinds.some(isMapKind)) {
      return setIssues([{ level: 'error', code: 'mixed-import', message: 'Import system map files on their own: they are added to the open project beside its people network.' }]);
    }
    if (kinds.some(isInterviewKind)) return runInterviewImport(latest.current.savedDecisions());
    if (kinds.includes('survey')) return runSurveyImport(latest.current.savedDecisions());
    await runNetworkImport();
  }

  const applyReview = (): void => {
    if (!review) return;
    const made: ResolutionDecision[] = review.result.pending.map((a, i) => {
      const { choice, everywhere } = review.choices[i]!;
      const scope = { written: a.written, ...(everywhere ? {} : { respondent: a.respondent, question: a.question }) };
      if (choice === '__new') return { action: 'new-person' as const, ...scope };
      if (choice === '__none') return { action: 'not-a-person' as const, ...scope };
      return { action: 'match' as const, person: choice, ...scope };
    });
    void review.rerun([...review.decisions, ...made]);
  };

  const kinds = files.map(kindOf);
  const unsure = files.filter((f) => kindOf(f) === null);
  const needColumns = files.filter((f) => missingRoles(f).length > 0);
  const ready = files.length > 0 && unsure.length === 0 && needColumns.length === 0 && busy === null;
  // Options only where they apply: the network importer's, for files that hold ties and people.
  const networkPath = files.length > 0 && !kinds.some((k) => k === 'survey' || k === 'abilities' || k === 'results' || isMapKind(k) || isInterviewKind(k));
  const showDirected = networkPath && kinds.some((k) => TIE_KINDS.has(k));
  const showUnknownIds = networkPath && kinds.some((k) => k === 'nodes' || k === 'roster') && kinds.some((k) => k === 'edges' || k === 'adjacency');
  const waiting =
    files.length === 0
      ? 'Choose or drop the files to import.'
      : unsure.length > 0
        ? `Say what ${unsure.map((f) => f.source.name).join(', ')} ${unsure.length === 1 ? 'holds' : 'hold'} to import ${unsure.length === files.length && unsure.length === 1 ? 'it' : 'them'}.`
        : needColumns.length > 0
          ? `Say which columns of ${needColumns.map((f) => f.source.name).join(', ')} to use.`
          : null;

  const body = small ? (
    <p class="explain">Importing files needs a larger screen: open netweave on a computer or tablet to add your data. On a phone you can read the map and the lists.</p>
  ) : review ? (
    <ReviewView
      review={review}
      setChoice={(i, choice) => setReview({ ...review, choices: review.choices.map((c, j) => (j === i ? choice : c)) })}
      apply={applyReview}
      back={() => setReview(null)}
    />
  ) : (
    <>
      {/* A drop target with one real button in it: the file input stays out of the tab order. */}
      <div class="dropzone" onClick={(e) => e.target === e.currentTarget && input.current?.click()}>
        <button type="button" class="primary" onClick={() => input.current?.click()}>
          Choose files
        </button>
        <span class="muted"> or drop them here</span>
        <div class="muted">
          CSV or Excel edge lists and people lists, matrices, survey exports with a roster, Network Canvas interviews (CSV or GraphML export), convening attendance, mentorship pairs, an abilities self-assessment, GEXF, GraphML, netweave JSON, or a system map (causal links, factors, actors, a Kumu blueprint or workbook). Several at once is
          fine: e.g. ties.csv plus people.csv. Nothing leaves your browser.
        </div>
        <input
          ref={input}
          type="file"
          class="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to import"
          multiple
          accept=".csv,.tsv,.txt,.json,.gexf,.graphml,.xml,.xlsx"
          onChange={(e) => {
            const chosen = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            if (chosen.length > 0) void addFiles(chosen);
          }}
        />
      </div>
      {files.map((f) => (
        <FileCard
          key={f.source.name}
          file={f}
          choose={(kind) => update(f.source.name, () => ({ chosen: kind }))}
          setColumn={(role, header) =>
            update(f.source.name, (g) => {
              const columns = { ...g.columns };
              if (header) columns[role] = header;
              else delete columns[role];
              return { columns };
            })
          }
          renameQuestion={(question, relation) =>
            update(f.source.name, (g) => {
              const layout = g.preview.survey;
              if (!layout) return {};
              const questions = layout.questions.map((q, i) => (i === question ? { ...q, relation } : q));
              return { preview: { ...g.preview, survey: { ...layout, questions } } };
            })
          }
          setTypeRole={(type, role) => update(f.source.name, (g) => ({ typeRoles: withRole(g.typeRoles, type, role) }))}
          remove={() => setFiles(judged(filesRef.current.filter((g) => g.source.name !== f.source.name)))}
        />
      ))}
      {showDirected || showUnknownIds ? (
        <div class="import-options">
          {showDirected ? (
            <label>
              <input type="checkbox" checked={directed} onChange={(e) => setDirected(e.currentTarget.checked)} /> Ties have a direction (A named B does not mean B named A)
            </label>
          ) : null}
          {showUnknownIds ? (
            <label>
              Ties naming people missing from the people list:{' '}
              <select value={unknownIds} onChange={(e) => setUnknownIds(e.currentTarget.value as 'add' | 'reject')}>
                <option value="add">add them as people</option>
                <option value="reject">reject those ties</option>
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
      <IssueList issues={issues} />
      <div class="dialog-actions">
        {waiting ? (
          <p id={why} class="muted import-waiting">
            {waiting}
          </p>
        ) : null}
        <button type="button" class="primary" disabled={!ready} aria-describedby={waiting ? why : undefined} onClick={() => void runImport()}>
          Import and analyse
        </button>
        <button type="button" onClick={close}>
          Cancel
        </button>
      </div>
      <Templates />
    </>
  );

  return (
    <dialog ref={dialog} class="import-dialog" aria-label="Import data" onClose={closed}>
      <div class="dialog-head">
        <h2>Import your data</h2>
        <button type="button" class="small" aria-label="Close" onClick={close}>
          Close
        </button>
      </div>
      {/* The dialog is modal, so it shows its own progress and Cancel while the worker reads. */}
      <div class="busy" role="status" hidden={busy === null}>
        {busy ? (
          <>
            <progress key={busy.fraction > 0 ? 'amount' : 'working'} aria-label={busy.step ? `${busy.task}: ${busy.step}` : busy.task} {...(busy.fraction > 0 ? { value: busy.fraction } : {})} /> {busy.task}
            {busy.step ? `: ${busy.step}` : ''}…{' '}
            <button type="button" class="small" onClick={() => engine.cancel()}>
              Cancel
            </button>
          </>
        ) : null}
      </div>
      <div class="import-body">{body}</div>
    </dialog>
  );
}
