/**
 * Export → Report: the weaver picks the sections (those the project has no data for are shown
 * but cannot be picked), writes a title and an introduction, and makes the report. It is made in
 * the worker (consent, analysis, layout, rendering) with progress shown here and a Cancel that
 * stops it; the file is then saved through the page's usual save path. The App hands in what
 * makes, saves and cancels (src/viz/actions/report.ts).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Modal } from './modal.tsx';
import './report-dialog.css';
import type { SectionChoice } from '../../engine/export/report-html/section-catalogue.ts';
import type { ReportMade } from '../../engine/export/report-html/shared-report.ts';

/** What the weaver chose. */
export interface ReportChoices {
  title: string;
  intro: string;
  /** Section ids (the report keeps its own order). */
  sections: string[];
}

/** What the dialog says of a report made (its file is the caller's to save). */
type MadeReport = Omit<ReportMade, 'html'>;

export interface ReportDialogProps<M extends MadeReport> {
  open: boolean;
  /** The open project's name: the title to start from. */
  projectName: string;
  sections: SectionChoice[];
  make: (choices: ReportChoices, onProgress: (step: string, fraction: number) => void) => Promise<M>;
  /** Saves the report (and key); returns the names of the files saved. */
  save: (made: M) => string[];
  cancel: () => void;
  close: () => void;
}

type Phase = { kind: 'choosing' } | { kind: 'making'; step: string; fraction: number } | { kind: 'saved'; files: string[]; made: MadeReport } | { kind: 'failed'; message: string };

/** A worker step as the progress line says it. */
export function stepWords(step: string): string {
  if (step === 'layout') return 'Laying out the map';
  if (step === 'report') return 'Writing the report';
  if (step === 'applying consent') return 'Applying consent';
  if (step === 'finding feedback loops') return 'Finding the system map’s feedback loops';
  return `Analysing: ${step}`;
}

/** What was saved, in a sentence, with what consent did. */
export function savedWords(files: readonly string[], made: Pick<ReportMade, 'leftOut' | 'unnamed' | 'keyCsv'>): string {
  const parts = [`Saved ${files[0] ?? 'the report'}.`];
  if (made.leftOut > 0 || made.unnamed > 0) parts.push(`${made.leftOut} left out and ${made.unnamed} not named, as they asked.`);
  if (made.keyCsv !== null && files[1] !== undefined) parts.push(`The key linking codes to names is in ${files[1]}: keep it apart from the report.`);
  return parts.join(' ');
}

export function ReportDialog<M extends MadeReport>({ open, projectName, sections, make, save, cancel, close }: ReportDialogProps<M>) {
  const [title, setTitle] = useState(projectName);
  const [intro, setIntro] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(sections.filter((s) => s.available).map((s) => s.id)));
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });

  // A newly opened dialog starts from the open project's name and every section it holds. Only
  // opening resets it: the App may hand in a new (equal) list of sections at every render, and
  // a reset then would lose the progress or the saved message.
  useEffect(() => {
    if (!open) return;
    setTitle(projectName);
    setChosen(new Set(sections.filter((s) => s.available).map((s) => s.id)));
    setPhase({ kind: 'choosing' });
  }, [open]);

  const toggle = (id: string, on: boolean): void => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  // Progress messages from the worker can arrive after its answer: only the run still going
  // may show progress, so a late one never hides the "Saved" line.
  const runs = useRef(0);
  const start = async (): Promise<void> => {
    const run = ++runs.current;
    const current = (): boolean => runs.current === run;
    setPhase({ kind: 'making', step: 'Starting', fraction: 0 });
    try {
      const made = await make({ title: title.trim() || projectName, intro, sections: [...chosen] }, (step, fraction) => current() && setPhase({ kind: 'making', step: stepWords(step), fraction }));
      if (!current()) return;
      runs.current++;
      setPhase({ kind: 'saved', files: save(made), made });
    } catch (error) {
      if (!current()) return;
      runs.current++;
      const e = error as Error;
      setPhase(e.name === 'CancelledByUser' ? { kind: 'choosing' } : { kind: 'failed', message: e.message });
    }
  };

  const making = phase.kind === 'making';
  return (
    <Modal open={open} title="Report" label="Make a report" close={() => (making ? cancel() : close())} class="report-dialog">
      <div class="report-body">
        <p class="muted">One file to send on: it opens offline in any browser, prints to a clean PDF, and names no one who did not agree to be named.</p>
        <label class="field">
          Title
          <input type="text" value={title} disabled={making} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label class="field">
          Introduction
          <textarea rows={4} value={intro} disabled={making} placeholder="A few words for your readers (a blank line starts a new paragraph)" onInput={(e) => setIntro((e.target as HTMLTextAreaElement).value)} />
        </label>
        <fieldset disabled={making}>
          <legend>Sections</legend>
          <div class="sections">
            {sections.map((s) => (
              <label key={s.id} class={s.available ? '' : 'muted'} title={s.explanation}>
                <input type="checkbox" name="section" value={s.id} checked={s.available && chosen.has(s.id)} disabled={!s.available} onChange={(e) => toggle(s.id, (e.target as HTMLInputElement).checked)} />
                <span>
                  {s.title}
                  {s.available ? '' : ' (no data for it yet)'}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {phase.kind === 'making' && (
          <div class="working" role="status">
            <span>{phase.step}…</span>
            <progress max={1} value={phase.fraction > 0 ? phase.fraction : undefined} aria-label={phase.step} />
          </div>
        )}
        {phase.kind === 'saved' && <p role="status">{savedWords(phase.files, phase.made)}</p>}
        {phase.kind === 'failed' && (
          <p class="problem" role="alert">
            The report could not be made: {phase.message}
          </p>
        )}
        <div class="actions">
          {making ? (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="button" class="primary" disabled={chosen.size === 0} onClick={() => void start()}>
              Make report
            </button>
          )}
        </div>
      </div>
    </Modal>
  );
}
