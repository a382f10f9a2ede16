/**
 * Bringing data in: pick or drop files, see what each one looks like and which column is which,
 * then import. Errors are listed with file, row and field; a failed import changes nothing.
 */
import { el, replace, select } from '../dom.ts';
import type { FilePreview } from '../../engine/ingest/preview-files.ts';
import type { ImportKind } from '../../engine/ingest/detect-format.ts';
import type { ImportOptions } from '../../engine/ingest/import-files.ts';
import type { SourceFile } from '../../engine/ingest/types.ts';
import { formatIssue, type InputIssue } from '../../engine/util/issues.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import type { Dataset } from '../../engine/model/dataset.ts';

/** Above this the in-browser importer would hold the tab too long; say so instead of freezing. */
export const MAX_FILE_BYTES = 40 * 1024 * 1024;

const KIND_LABELS: Record<ImportKind, string> = {
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
}

interface FileState {
  source: SourceFile;
  preview: FilePreview;
  kind: ImportKind | 'unknown';
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
    private onBusy: (busy: string | null) => void,
  ) {
    this.input = el('input', { type: 'file', class: 'visually-hidden', aria: { label: 'Choose files to import' } });
    this.input.multiple = true;
    this.input.accept = '.csv,.tsv,.txt,.json,.gexf,.graphml,.xml';
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
      sources.push({ name: file.name, text: await file.text() });
    }
    if (sources.length > 0) {
      let previews: FilePreview[];
      try {
        this.setBusy('Reading files');
        previews = await this.engine.preview(sources);
      } catch (error) {
        this.render([{ level: 'error', code: 'preview-failed', message: `The files could not be read: ${(error as Error).message}` }]);
        return;
      } finally {
        this.onBusy(null);
      }
      sources.forEach((source, i) => {
        const preview = previews[i]!;
        const guessed = preview.csv?.guessedColumns ?? {};
        const columns: Record<string, string> = {};
        for (const [k, v] of Object.entries(guessed)) if (v) columns[k] = v;
        this.files = this.files.filter((f) => f.source.name !== source.name);
        this.files.push({ source, preview, kind: preview.detected.kind, columns });
      });
    }
    this.render(errors.map((message) => ({ level: 'error', code: 'too-large', message })));
  }

  /** The dialog is modal, so it shows its own progress and Cancel while the worker reads. */
  private setBusy(task: string | null): void {
    this.onBusy(task);
    this.busyLine.hidden = task === null;
    if (task !== null) replace(this.busyLine, el('progress', { aria: { label: task } }), ` ${task}… `, el('button', { class: 'small', on: { click: () => this.engine.cancel() } }, 'Cancel'));
  }

  private render(issues: InputIssue[] = []): void {
    const drop = el(
      'div',
      { class: 'dropzone', tabindex: 0, role: 'button', aria: { label: 'Choose files, or drop them here' }, on: { click: () => this.input.click(), keydown: (e) => (e.key === 'Enter' || e.key === ' ') && this.input.click() } },
      el('strong', {}, 'Drop files here or choose files'),
      el('div', { class: 'muted' }, 'CSV edge lists and people lists, matrices, GEXF, GraphML or netweave JSON. Several at once is fine: e.g. ties.csv plus people.csv. Nothing leaves your browser.'),
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
    const roles = ROLE_FIELDS[f.kind] ?? [];
    const headerOptions = [{ value: '', label: '(none)' }, ...(csv?.headers ?? []).map((h) => ({ value: h, label: h }))];
    const missing = this.missingRoles(f);
    return el(
      'section',
      { class: 'file-card' },
      el('div', { class: 'file-head' }, el('strong', {}, f.source.name), select(kinds, f.kind, (v) => { f.kind = v as ImportKind; this.render(); }, { aria: { label: `What ${f.source.name} holds` } })),
      f.kind === 'unknown' ? el('p', { class: 'muted' }, f.preview.detected.reason) : null,
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
            el('div', { class: 'muted' }, `${csv.rowCount.toLocaleString('en')} rows · delimiter "${csv.delimiter === '\t' ? 'tab' : csv.delimiter}"`),
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

  private async runImport(): Promise<void> {
    const options: ImportOptions = {
      directed: this.directed ? true : undefined,
      unknownIds: this.unknownIds,
      kinds: Object.fromEntries(this.files.map((f) => [f.source.name, f.kind as ImportKind])),
      columns: Object.fromEntries(this.files.map((f) => [f.source.name, f.columns])),
      name: this.files[0]?.source.name.replace(/\.[^.]+$/, ''),
    };
    let outcome: Awaited<ReturnType<EngineClient['importFiles']>>;
    try {
      this.setBusy('Importing');
      outcome = await this.engine.importFiles(this.files.map((f) => f.source), options);
    } catch (error) {
      const cancelled = (error as Error).name === 'CancelledByUser';
      this.render([{ level: 'error', code: cancelled ? 'cancelled' : 'import-failed', message: cancelled ? 'The import was cancelled. Your current project is unchanged.' : `The import failed: ${(error as Error).message}. Your current project is unchanged.` }]);
      return;
    } finally {
      this.setBusy(null);
    }
    if (!outcome.ok) {
      this.render(outcome.issues);
      return;
    }
    const sources = this.files.map((f) => ({ name: f.source.name, kind: f.kind }));
    this.close();
    this.onImported({ dataset: outcome.dataset, issues: outcome.issues, sources });
  }
}
