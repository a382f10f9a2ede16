/**
 * The import dialog for a shell that places panels imperatively: the ImportDialog component
 * (src/viz/components/import-dialog.tsx) drawn into `root`, opened with `open(files)`. `root`
 * fires `close` when the dialog closes, as the <dialog> it holds does.
 */
import { h, render } from 'preact';
import { el } from '../dom.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import type { Dataset } from '../../engine/core/model/dataset.ts';
import type { ResolutionDecision } from '../../engine/core/model/survey.ts';
import type { SystemMap } from '../../engine/core/model/systemmap.ts';
import { ImportDialog as ImportDialogView, MAX_FILE_BYTES, type ImportDone } from '../components/import-dialog.tsx';

export { MAX_FILE_BYTES };
export type { ImportDone };

export class ImportDialog {
  readonly root: HTMLElement = el('div', { class: 'component-host import-dialog-host' });
  private isOpen = false;
  private files: File[] = [];

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
    this.draw();
  }

  /** Shows the dialog (if it is not shown) and adds the files, e.g. those dropped on the page. */
  open(files: File[] = []): void {
    this.isOpen = true;
    this.files = files;
    this.draw();
  }

  private draw(): void {
    render(
      h(ImportDialogView, {
        engine: this.engine,
        open: this.isOpen,
        files: this.files,
        onClose: () => {
          this.isOpen = false;
          this.files = [];
          this.draw();
          this.root.dispatchEvent(new Event('close'));
        },
        onImported: this.onImported,
        onBusy: this.onBusy,
        savedDecisions: this.savedDecisions,
        onSystemMap: this.onSystemMap,
        onProgramAdded: this.onProgramAdded,
        currentDataset: this.currentDataset,
        onAbilities: this.onAbilities,
      }),
      this.root,
    );
  }
}
