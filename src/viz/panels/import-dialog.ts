/**
 * Bringing data in: pick or drop files, see what each one looks like and which column is which,
 * then import. Errors are listed with file, row and field; a failed import changes nothing.
 */
import { el, replace, select } from '../dom.ts';
import type { FilePreview } from '../../engine/project/preview-files.ts';
import type { ImportKind } from '../../engine/io/detect-format.ts';
import type { ImportOptions } from '../../engine/io/import-files.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import { formatIssue, type InputIssue } from '../../engine/core/util/issues.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import type { Dataset } from '../../engine/core/model/dataset.ts';
import type { Ambiguity, ResolutionDecision, SurveyLayout } from '../../engine/core/model/survey.ts';
import type { SurveyFiles } from '../../engine/features/survey/survey-files.ts';
import { SYSTEM_MAP_KINDS, type SystemMapFileKind } from '../../engine/features/systemmap/import-files.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import { tableKindOf, type ProgramFileKind } from '../../engine/project/add-program-files.ts';
import { readSourceFile } from '../../engine/io/workbook-detect.ts';

function isProgramKind(kind: string): kind is ProgramFileKind {
  return kind === 'attendance' || kind === 'mentorships';
}

function isMapKind(kind: string): kind is SystemMapFileKind {
  return (SYSTEM_MAP_KINDS as readonly string[]).includes(kind);
}

/** Above this the in-browser importer would hold the tab too long; say so instead of freezing. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** What a file holds, as the dialog lets the user say it: a network file kind, or survey parts. */
type FileKind = ImportKind | 'survey' | 'roster' | SystemMapFileKind | ProgramFileKind | 'abilities';

const KIND_LABELS: Record<FileKind, string> = {
  attendance: 'Convening attendance (person, event, date)',
  abilities: 'Leadership abilities self-assessment (name, then a score per ability)',
  mentorships: 'Mentorship pairs (mentor, mentee, season)',
  'map-links': 'System map: causal links (from, to, + or −)',
  'map-factors': 'System map: factors (label, description, tags)',
  'map-actors': 'System map: who works on which factor',
  'map-kumu': 'System map: Kumu blueprint (JSON)',
  'map-graphml': 'System map: GraphML',
  survey: 'Relationship survey (a form export: one row per respondent)',
  roster: 'Roster (the people the survey went to)',
  edges: 'Ties (edge list: one row per relationship)',
  nodes: 'People (node list: one row per person)',
  adjacency: 'Matrix (names across the top and down the side)',
  gexf: 'GEXF graph (Gephi)',
  graphml: 'GraphML graph (yEd, Cytoscape)',
  json: 'netweave dataset (JSON)',
};

const ROLE_FIELDS: Record<string, Array<{ key: string; label: string; required?: boolean }>> = {
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

export interface ImportDone {
  dataset: Dataset;
  issues: InputIssue[];
  sources: Array<{ name: string; kind: string }>;
  /** Survey imports: the layouts used and the user's name decisions, saved with the project. */
  survey?: { layouts: Record<string, SurveyLayout>; decisions: ResolutionDecision[] };
  /** Survey imports: who answered, and how the written names were matched. */
  responses?: { respondents: number; nonRespondents: number; responseRate: number; written: number; resolved: number };
}

interface FileState {
  source: SourceFile;
  preview: FilePreview;
  kind: FileKind | 'unknown';
  columns: Record<string, string>;
}

export class ImportDialog {
  readonly root: HTMLDialogElement;
  private body: HTMLElement;
  private busyLine = el('div', { class: 'busy', hidden: true, role: 'status' });
  private files: FileState[] = [];
  private directed = false;
  private unknownIds: 'add' | 'reject' = 'add';
  private input: HTMLInputElement;

  constructor(
    private engine: EngineClient,
    private onImported: (result: ImportDone) => void,
    private onBusy: (busy: string | null, step?: string, fraction?: number) => void,
    /** Name decisions saved with the open project, re-applied when its survey is imported again. */
    private savedDecisions: () => ResolutionDecision[],
    private onSystemMap: (map: SystemMap, issues: InputIssue[]) => void,
    private onProgramAdded: (dataset: Dataset, issues: InputIssue[]) => void,
    private currentDataset: () => Dataset | null,
    /** A self-assessment joins the open project's people (the Skills view shows it). */
    private onAbilities: (file: SourceFile) => void,
  ) {
    this.input = el('input', { type: 'file', class: 'visually-hidden', tabindex: -1, aria: { label: 'Choose files to import' } });
    this.input.multiple = true;
    this.input.accept = '.csv,.tsv,.txt,.json,.gexf,.graphml,.xml,.xlsx';
    this.input.addEventListener('change', () => {
      if (this.input.files) void this.addFiles([...this.input.files]);
      this.input.value = '';
    });
    this.body = el('div', { class: 'import-body' });
    this.root = el(
      'dialog',
      { class: 'import-dialog', aria: { label: 'Import data' } },
      el('div', { class: 'dialog-head' }, el('h2', {}, 'Import your data'), el('button', { class: 'small', aria: { label: 'Close' }, on: { click: () => this.close() } }, 'Close')),
      this.busyLine,
      this.body,
    );
    this.root.addEventListener('close', () => (this.files = []));
  }

  open(files: File[] = []): void {
    if (!this.root.open) this.root.showModal();
    if (files.length > 0) void this.addFiles(files);
    else this.render();
  }

  close(): void {
    this.files = [];
    this.root.close();
  }

  async addFiles(files: File[]): Promise<void> {
    const errors: string[] = [];
    const sources: SourceFile[] = [];
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        errors.push(`${file.name}: ${(file.size / 1e6).toFixed(0)} MB is more than this version imports in the browser (${MAX_FILE_BYTES / 1e6} MB). Split the file, or analyse it with the command line: npx netweave analyze.`);
        continue;
      }
      // Workbooks (by their first bytes, else their name) are binary; everything else is read as text.
      sources.push(await readSourceFile(file));
    }
    if (sources.length > 0) {
      const previews = await this.busy('Reading files', () => this.engine.preview(sources));
      if (!previews) return;
      sources.forEach((source, i) => {
        const preview = previews[i]!;
        const guessed = preview.csv?.guessedColumns ?? {};
        const columns: Record<string, string> = {};
        for (const [k, v] of Object.entries(guessed)) if (v) columns[k] = v;
        this.files = this.files.filter((f) => f.source.name !== source.name);
        const program = preview.csv ? tableKindOf(preview.csv.headers, preview.csv.rows) : null;
        this.files.push({ source, preview, kind: preview.mapKind ?? program ?? (preview.survey ? 'survey' : preview.detected.kind), columns });
      });
      // Beside causal links, a list of names is the factors; one naming factors per organisation, the actors.
      if (this.files.some((f) => f.kind === 'map-links')) {
        for (const f of this.files) {
          if (!f.preview.csv || (f.kind !== 'nodes' && f.kind !== 'edges' && f.kind !== 'unknown')) continue;
          const headers = f.preview.csv.headers.map((h) => h.toLowerCase());
          f.kind = headers.some((h) => /actor|organi[sz]ation|\borg\b|works? on/.test(h)) ? 'map-actors' : 'map-factors';
        }
      }
      // Beside a survey, a list of people is the roster its names are matched against.
      if (this.files.some((f) => f.kind === 'survey')) {
        for (const f of this.files) if (f.kind === 'nodes') f.kind = 'roster';
      }
    }
    this.render(errors.map((message) => ({ level: 'error', code: 'too-large', message })));
  }

  /**
   * Runs one worker call with the dialog's progress line; a failure (or Cancel) is shown in the
   * dialog and gives undefined, so the open project is never touched.
   */
  private async busy<T>(task: string, call: (onProgress: (step: string, fraction: number) => void) => Promise<T>): Promise<T | undefined> {
    // Progress travels on its own channel and can arrive after the result: late steps are dropped,
    // or the status bar would say "Importing" after the import ended.
    let finished = false;
    try {
      this.setBusy(task);
      return await call((step, fraction) => {
        if (!finished) this.showProgress(task, step, fraction);
      });
    } catch (error) {
      const cancelled = (error as Error).name === 'CancelledByUser';
      this.render([{ level: 'error', code: cancelled ? 'cancelled' : 'import-failed', message: cancelled ? 'The import was cancelled. Your current project is unchanged.' : `The import failed: ${(error as Error).message}. Your current project is unchanged.` }]);
      return undefined;
    } finally {
      finished = true;
      this.setBusy(null);
    }
  }

  /** The dialog is modal, so it shows its own progress and Cancel while the worker reads. */
  private setBusy(task: string | null): void {
    this.onBusy(task);
    this.busyLine.hidden = task === null;
    if (task !== null) this.showProgress(task, '', 0);
  }

  private showProgress(task: string, step: string, fraction: number): void {
    this.onBusy(task, step, fraction);
    const bar = el('progress', { aria: { label: step ? `${task}: ${step}` : task } });
    // No value means "working, amount unknown"; a value shows how far the step is.
    if (fraction > 0) bar.value = fraction;
    replace(this.busyLine, bar, ` ${task}${step ? `: ${step}` : ''}… `, el('button', { class: 'small', on: { click: () => this.engine.cancel() } }, 'Cancel'));
  }

  private render(issues: InputIssue[] = []): void {
    // A drop target with one real button in it: the file input stays out of the tab order.
    const drop = el(
      'div',
      { class: 'dropzone', on: { click: (e) => e.target === drop && this.input.click() } },
      el('button', { class: 'primary', on: { click: () => this.input.click() } }, 'Choose files'),
      el('span', { class: 'muted' }, ' or drop them here'),
      el('div', { class: 'muted' }, 'CSV or Excel edge lists and people lists, matrices, survey exports with a roster, GEXF, GraphML, netweave JSON, or a system map (causal links CSV, Kumu JSON). Several at once is fine: e.g. ties.csv plus people.csv. Nothing leaves your browser.'),
      this.input,
    );
    const fileCards = this.files.map((f) => this.fileCard(f));
    const ready = this.files.length > 0 && this.files.every((f) => f.kind !== 'unknown' && this.missingRoles(f).length === 0);
    replace(
      this.body,
      drop,
      ...fileCards,
      this.files.length > 0
        ? el(
            'div',
            { class: 'import-options' },
            el('label', {}, this.checkbox(this.directed, (v) => (this.directed = v)), ' Ties have a direction (A named B does not mean B named A)'),
            el('label', {}, 'Ties naming people missing from the people list: ', select([{ value: 'add', label: 'add them as people' }, { value: 'reject', label: 'reject those ties' }], this.unknownIds, (v) => (this.unknownIds = v as 'add' | 'reject'))),
          )
        : null,
      issues.length > 0 ? this.issueList(issues) : null,
      el('div', { class: 'dialog-actions' }, el('button', { class: 'primary', disabled: !ready, on: { click: () => void this.runImport() } }, 'Import and analyse'), el('button', { on: { click: () => this.close() } }, 'Cancel')),
    );
  }

  private checkbox(value: boolean, onChange: (v: boolean) => void): HTMLInputElement {
    const box = el('input', { type: 'checkbox' });
    box.checked = value;
    box.addEventListener('change', () => onChange(box.checked));
    return box;
  }

  private missingRoles(f: FileState): string[] {
    return (ROLE_FIELDS[f.kind] ?? []).filter((r) => r.required && !f.columns[r.key]).map((r) => r.label);
  }

  private fileCard(f: FileState): HTMLElement {
    const kinds = [...(f.kind === 'unknown' ? [{ value: 'unknown', label: 'Choose what this file holds…' }] : []), ...Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))];
    const csv = f.preview.csv;
    const roles = f.kind === 'survey' || f.kind === 'roster' || isMapKind(f.kind) || isProgramKind(f.kind) ? [] : ROLE_FIELDS[f.kind] ?? [];
    const headerOptions = [{ value: '', label: '(none)' }, ...(csv?.headers ?? []).map((h) => ({ value: h, label: h }))];
    const missing = this.missingRoles(f);
    return el(
      'section',
      { class: 'file-card' },
      el('div', { class: 'file-head' }, el('strong', {}, f.source.name), select(kinds, f.kind, (v) => { f.kind = v as FileKind; this.render(); }, { aria: { label: `What ${f.source.name} holds` } })),
      f.kind === 'unknown' ? el('p', { class: 'muted' }, f.preview.detected.reason) : null,
      f.kind === 'survey' ? this.surveyLayout(f) : null,
      roles.length > 0 && csv
        ? el(
            'div',
            { class: 'roles' },
            ...roles.map((r) =>
              el('label', {}, `${r.label}: `, select(headerOptions, f.columns[r.key] ?? '', (v) => { if (v) f.columns[r.key] = v; else delete f.columns[r.key]; this.render(); }, { aria: { label: `${r.label} column of ${f.source.name}` } })),
            ),
          )
        : null,
      missing.length > 0 ? el('p', { class: 'error-text' }, `Say which column holds: ${missing.join(', ')}.`) : null,
      csv && csv.headers.length > 0
        ? el(
            'div',
            { class: 'preview-wrap' },
            el('table', { class: 'preview' }, el('thead', {}, el('tr', {}, ...csv.headers.map((h) => el('th', {}, h)))), el('tbody', {}, ...csv.rows.slice(0, 5).map((row) => el('tr', {}, ...row.map((cell) => el('td', {}, cell.length > 60 ? `${cell.slice(0, 60)}…` : cell)))))),
            el('div', { class: 'muted' }, `${csv.rowCountApproximate ? 'about ' : ''}${csv.rowCount.toLocaleString('en')} rows · delimiter "${csv.delimiter === '\t' ? 'tab' : csv.delimiter}"`),
          )
        : null,
      csv && csv.issues.length > 0 ? this.issueList(csv.issues) : null,
    );
  }

  private issueList(issues: InputIssue[]): HTMLElement {
    const errors = issues.filter((i) => i.level === 'error');
    const shown = (errors.length > 0 ? errors : issues).slice(0, 30);
    return el(
      'div',
      { class: 'issues', role: 'alert' },
      el('strong', {}, errors.length > 0 ? `The import stopped: ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix. Your current project is unchanged.` : `${issues.length} note${issues.length === 1 ? '' : 's'}`),
      el('ul', {}, ...shown.map((i) => el('li', {}, formatIssue(i)))),
      issues.length > shown.length ? el('div', { class: 'muted' }, `…and ${issues.length - shown.length} more.`) : null,
    );
  }

  /** How a survey will be read; question short names (the relation layers) can be edited. */
  private surveyLayout(f: FileState): HTMLElement {
    const layout = f.preview.survey;
    if (!layout) return el('p', { class: 'error-text' }, 'No relationship question was recognised in this file: choose another kind, or check that it is a survey export.');
    const identity = Object.entries(layout.identity).map(([k, c]) => `${k}: "${c!.header}"`).join(', ') || 'not found';
    return el(
      'div',
      { class: 'survey-layout' },
      el('div', {}, el('strong', {}, 'Who answered: '), identity, layout.timestamp ? ` · submitted: "${layout.timestamp.header}"` : ''),
      el('div', {}, el('strong', {}, `Relationship questions (${layout.questions.length}): `), 'each becomes a layer of ties from the respondent to the people they named.'),
      el(
        'ul',
        {},
        ...layout.questions.map((q) => {
          const name = el('input', { type: 'text', value: q.relation, aria: { label: `Short name for "${q.question}"` } });
          name.addEventListener('change', () => {
            if (name.value.trim()) q.relation = name.value.trim();
          });
          return el('li', {}, name, ' ', el('span', { class: 'muted' }, q.question.length > 90 ? `${q.question.slice(0, 90)}…` : q.question));
        }),
      ),
      layout.attributes.length > 0 ? el('div', {}, el('strong', {}, 'Kept as attributes: '), layout.attributes.map((a) => a.name).join(', ')) : null,
      layout.notes.length > 0 ? el('ul', { class: 'muted' }, ...layout.notes.map((n) => el('li', {}, n))) : null,
    );
  }

  private async runImport(): Promise<void> {
    if (this.files.length > 0 && this.files.every((f) => isMapKind(f.kind))) return this.runSystemMapImport();
    if (this.files.length > 0 && this.files.every((f) => isProgramKind(f.kind))) return this.runProgramImport(null);
    if (this.files.some((f) => f.kind === 'abilities')) {
      const [assessment, ...rest] = this.files;
      if (rest.length > 0 || !assessment) {
        return this.render([{ level: 'error', code: 'mixed-import', message: 'Import a self-assessment on its own, once its people are in the open network.' }]);
      }
      this.close();
      this.onAbilities(assessment.source);
      return;
    }
    if (this.files.some((f) => isMapKind(f.kind))) {
      return this.render([{ level: 'error', code: 'mixed-import', message: 'Import system map files on their own: they are added to the open project beside its people network.' }]);
    }
    if (this.files.some((f) => f.kind === 'survey')) return this.runSurveyImport(this.savedDecisions());
    await this.runNetworkImport();
  }

  /** Survey path: names that could be several people come back for review before anything is imported. */
  private async runSurveyImport(decisions: ResolutionDecision[]): Promise<void> {
    const surveys = this.files.filter((f) => f.kind === 'survey');
    const roster = this.files.find((f) => f.kind === 'roster');
    const others = this.files.filter((f) => f.kind !== 'survey' && f.kind !== 'roster' && f.kind !== 'unknown' && !isProgramKind(f.kind));
    const layouts = Object.fromEntries(surveys.filter((f) => f.preview.survey).map((f) => [f.source.name, f.preview.survey!]));
    const result = await this.busy('Matching names', () =>
      this.engine.importSurvey({
        surveys: surveys.map((f) => f.source),
        ...(roster ? { roster: roster.source } : {}),
        others: others.map((f) => ({ ...f.source, kind: f.kind as ImportKind })),
        layouts,
        decisions,
        name: surveys[0]!.source.name.replace(/\.[^.]+$/, ''),
      }),
    );
    if (!result) return;
    if (!result.ok) return this.render(result.issues);
    const found = result.value;
    if (found.pending.length > 0) return this.renderReview(found, decisions);
    const h = found.hygiene;
    this.finish({
      dataset: found.dataset,
      issues: result.issues,
      responses: { respondents: h.respondents, nonRespondents: h.nonRespondents.length, responseRate: h.responseRate, written: found.written, resolved: found.resolved },
      sources: this.sourcesList(),
      survey: { layouts: Object.fromEntries(found.layouts.map((l, i) => [surveys[i]!.source.name, l])), decisions },
    });
  }

  /** Hands the import over, after adding any attendance or mentorship files given with it. */
  private finish(done: ImportDone): void {
    if (this.files.some((f) => isProgramKind(f.kind))) {
      void this.runProgramImport(done);
      return;
    }
    this.close();
    this.onImported(done);
  }

  /**
   * Attendance and mentorship files: added to the dataset just imported (`base`), or on their own
   * to the open project. A failed read changes nothing.
   */
  private async runProgramImport(base: ImportDone | null): Promise<void> {
    const dataset = base?.dataset ?? this.currentDataset();
    if (!dataset) return this.render([{ level: 'error', code: 'no-network', message: 'Open or import a network before adding attendance or mentorships.' }]);
    const files = this.files.filter((f) => isProgramKind(f.kind)).map((f) => ({ ...f.source, kind: f.kind as ProgramFileKind }));
    const result = await this.busy('Matching attendees', () => this.engine.addProgramFiles(dataset, files, this.savedDecisions()));
    if (!result) return;
    if (!result.ok) return this.render(result.issues);
    this.close();
    if (base) this.onImported({ ...base, dataset: result.value, issues: [...base.issues, ...result.issues] });
    else this.onProgramAdded(result.value, result.issues);
  }

  /** System map files join the open project; a failed read changes nothing. */
  private async runSystemMapImport(): Promise<void> {
    const files = this.files.map((f) => ({ ...f.source, kind: f.kind as SystemMapFileKind }));
    const result = await this.busy('Reading the system map', () => this.engine.importSystemMap(files, this.files[0]!.source.name.replace(/\.[^.]+$/, '')));
    if (!result) return;
    if (!result.ok) return this.render(result.issues);
    this.close();
    this.onSystemMap(result.value, result.issues);
  }

  private sourcesList(): Array<{ name: string; kind: string }> {
    return this.files.map((f) => ({ name: f.source.name, kind: f.kind }));
  }

  /** The review step: each ambiguous name with its candidates; the user picks, adds or rejects. */
  private renderReview(result: SurveyFiles, decisions: ResolutionDecision[]): void {
    const choices = new Map<Ambiguity, { choice: string; everywhere: boolean }>();
    const items = result.pending.map((a, i) => {
      const state = { choice: a.chosen ?? a.candidates[0]?.person ?? '__new', everywhere: false };
      choices.set(a, state);
      const group = `amb-${i}`;
      const option = (value: string, label: string, detail?: string) => {
        const radio = el('input', { type: 'radio' });
        radio.name = group;
        radio.value = value;
        radio.checked = state.choice === value;
        radio.addEventListener('change', () => (state.choice = value));
        return el('label', { class: 'check' }, radio, ` ${label}`, detail ? el('span', { class: 'muted' }, ` ${detail}`) : null);
      };
      const everywhere = el('input', { type: 'checkbox' });
      everywhere.addEventListener('change', () => (state.everywhere = everywhere.checked));
      return el(
        'li',
        { class: 'ambiguity' },
        el('div', {}, el('strong', {}, `"${a.written}"`), el('span', { class: 'muted' }, ` written by ${a.respondent} (${a.question}; ${a.file}, row ${a.row})`)),
        ...a.candidates.map((c) => option(c.person, c.label, `${Math.round(c.confidence * 100)}% · ${c.reasons.join(', ')}`)),
        option('__new', 'Someone new (add as a person)'),
        option('__none', 'Not a person (leave out)'),
        el('label', { class: 'check muted' }, everywhere, ` apply to "${a.written}" wherever it is written`),
      );
    });
    const apply = (): void => {
      const made: ResolutionDecision[] = [...choices].map(([a, { choice, everywhere }]) => {
        const scope = { written: a.written, ...(everywhere ? {} : { respondent: a.respondent, question: a.question }) };
        if (choice === '__new') return { action: 'new-person' as const, ...scope };
        if (choice === '__none') return { action: 'not-a-person' as const, ...scope };
        return { action: 'match' as const, person: choice, ...scope };
      });
      void this.runSurveyImport([...decisions, ...made]);
    };
    replace(
      this.body,
      el('h3', {}, `${result.pending.length} name${result.pending.length === 1 ? '' : 's'} could be more than one person`),
      el('p', { class: 'explain' }, `${result.resolved} of ${result.written} names were matched with confidence. For each name below, pick who was meant; your choices are saved with the project and applied again if you re-import.`),
      el('ol', { class: 'review-list' }, ...items),
      el('div', { class: 'dialog-actions' }, el('button', { class: 'primary', on: { click: apply } }, 'Apply and import'), el('button', { on: { click: () => this.render() } }, 'Back')),
    );
  }

  private async runNetworkImport(): Promise<void> {
    const options: ImportOptions = {
      directed: this.directed ? true : undefined,
      unknownIds: this.unknownIds,
      kinds: Object.fromEntries(this.networkFiles().map((f) => [f.source.name, (f.kind === 'roster' ? 'nodes' : f.kind) as ImportKind])),
      columns: Object.fromEntries(this.files.map((f) => [f.source.name, f.columns])),
      name: this.files[0]?.source.name.replace(/\.[^.]+$/, ''),
    };
    const outcome = await this.busy('Importing', (onProgress) => this.engine.importFiles(this.networkFiles().map((f) => f.source), options, onProgress));
    if (!outcome) return;
    if (!outcome.ok) {
      this.render(outcome.issues);
      return;
    }
    this.finish({ dataset: outcome.value, issues: outcome.issues, sources: this.sourcesList() });
  }

  /** The files that make the network itself (attendance and mentorships are added after). */
  private networkFiles(): FileState[] {
    return this.files.filter((f) => !isProgramKind(f.kind));
  }
}
