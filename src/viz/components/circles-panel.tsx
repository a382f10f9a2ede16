/**
 * Peer circles in the Program view: the user chooses who takes part, the unit each circle mixes,
 * sizes, reports-to and identity columns, an earlier season and a seed; "Form circles" runs in
 * the worker with progress and Cancel. The circles come back as tables, each with its sentence;
 * a person can be kept in their circle or moved to another and kept there, and "Solve again"
 * keeps them. Rules relaxed, reports-to names not found, participants outside the network and
 * the comparison with a random draw and a greedy pass are said in words and tables. The last
 * circles, the choices and the locks are kept in the project (`save`). Text from the data is
 * always drawn as text.
 */
import { useRef, useState } from 'preact/hooks';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import { formatIssue } from '../../engine/core/util/issues.ts';
import type { Result } from '../../engine/core/util/result.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import type { CirclesResult } from '../../engine/features/circles/form-circles.ts';
import type { ProjectCirclesRequest } from '../../engine/features/circles/project-circles.ts';
import { SavedCirclesResultSchema, type CircleChoices, type ProjectCircles, type SavedCirclesResult } from '../../engine/core/model/circles.ts';
import { baselineText, circlesCsvWithNames, circlesRequest, onlyOffered, type Offered, comparisonRows, labels, locksKept, mixRuleText, relaxedRows, withLock } from './circles-words.ts';
import { FilePicker } from './matching-dialog.tsx';
import { ShowMoreList, usePaged } from './show-more.tsx';
import './circles.css';

export interface CirclesActions {
  /** Forms circles in the worker. */
  form: (request: ProjectCirclesRequest, onProgress: (step: string, fraction: number) => void) => Promise<Result<CirclesResult>>;
  /** Stops the worker. */
  cancel: () => void;
  /** Keeps the circles' choices, locks and last result in the project. */
  save: (circles: ProjectCircles) => void;
  /** Saves the CSV; returns the file's name. */
  exportCsv: (csv: string) => string;
  /** Reads a chosen file (CSV as text, a workbook as bytes). */
  readFile: (file: File) => Promise<SourceFile>;
  /** A table file's column names (read in the worker). */
  headers: (file: SourceFile) => Promise<string[]>;
}

export interface CirclesPanelProps {
  saved: ProjectCircles;
  /** Columns whose values form groups (for "across" and "who takes part"), with their values. */
  groupColumns: Array<{ key: string; values: string[] }>;
  /** Every column of the project's people (for reports-to and identity). */
  columns: string[];
  /** The project's mentorships, never repeated. */
  mentorships: number;
  actions: CirclesActions;
}

type Phase = { kind: 'ready' } | { kind: 'working'; step: string } | { kind: 'failed'; issues: InputIssue[]; message: string };

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function Choose({ label, value, options, set, none }: { label: string; value: string; options: readonly string[]; set: (value: string) => void; none?: string }) {
  return (
    <label class="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => set(e.currentTarget.value)}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

function WholeNumber({ label, value, min, set }: { label: string; value: number; min: number; set: (value: number) => void }) {
  return (
    <label class="field number">
      <span>{label}</span>
      <input
        type="number"
        min={min}
        step={1}
        value={value}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n >= min) set(n);
        }}
      />
    </label>
  );
}

function Choices({ choices, set, props, files, setFile, open, offered }: { choices: CircleChoices; set: (patch: Partial<CircleChoices>) => void; props: CirclesPanelProps; files: Files; setFile: (which: keyof Files, file: File) => void; open: boolean; offered: Offered }) {
  const groupKeys = props.groupColumns.map((c) => c.key);
  const shown = onlyOffered(choices, offered);
  const values = props.groupColumns.find((c) => c.key === choices.whoAttribute)?.values ?? [];
  return (
    <details class="circle-choices" open={open}>
      <summary>How to form them: who takes part, the mix, sizes and rules</summary>
      <label class="field">
        <span>Who takes part</span>
        <select value={choices.who} onChange={(e) => set({ who: e.currentTarget.value as CircleChoices['who'] })}>
          <option value="everyone">Everyone in the project</option>
          <option value="attribute" disabled={groupKeys.length === 0}>
            People with a chosen value
          </option>
          <option value="file">People in a participants file</option>
        </select>
      </label>
      {choices.who === 'attribute' ? (
        <div class="circle-row">
          <Choose label="Column" value={choices.whoAttribute} options={groupKeys} none="Choose…" set={(whoAttribute) => set({ whoAttribute, whoValue: '' })} />
          <Choose label="Value" value={choices.whoValue} options={values} none="Choose…" set={(whoValue) => set({ whoValue })} />
        </div>
      ) : null}
      {choices.who === 'file' ? <FilePicker label="Participants file (name or email, and any columns)" noun="file" file={files.participants} choose={(f) => setFile('participants', f)} /> : null}
      <Choose label="Mix each circle across" value={shown.across} options={offered.groups} none="Work unit or sector, found automatically" set={(across) => set({ across })} />
      <div class="circle-row">
        <WholeNumber label="Different values in each circle" value={choices.minDistinct} min={1} set={(minDistinct) => set({ minDistinct })} />
        <WholeNumber label="Smallest circle" value={choices.minSize} min={2} set={(minSize) => set({ minSize })} />
        <WholeNumber label="Largest circle" value={choices.maxSize} min={2} set={(maxSize) => set({ maxSize })} />
      </div>
      <div class="circle-row">
        <Choose label="Who each person reports to" value={shown.reportsTo} options={offered.columns} none="Not used" set={(reportsTo) => set({ reportsTo })} />
        <Choose label="Identity wishes" value={shown.identity} options={offered.columns} none="Not used" set={(identity) => set({ identity })} />
      </div>
      <p class="muted">
        {props.mentorships > 0 ? `The project's ${plural(props.mentorships, 'mentorship', 'mentorships')} are never put in one circle again.` : 'The project has no mentorships to keep apart.'} A previous season's circles (circle, person) or mentorships
        (mentor, mentee) can be added too.
      </p>
      <FilePicker label="Previous season" noun="file" file={files.previous} choose={(f) => setFile('previous', f)} />
      <WholeNumber label="Seed (the same seed gives the same circles)" value={choices.seed} min={0} set={(seed) => set({ seed })} />
    </details>
  );
}

interface Files {
  participants: SourceFile | null;
  previous: SourceFile | null;
}

/** A table of words: the first cell of each row heads it. */
function WordsTable({ caption, heads, rows, class: cls }: { caption: string; heads: string[]; rows: string[][]; class: string }) {
  return (
    <table class={`metrics ${cls}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {heads.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([head, ...cells], i) => (
          <tr key={i}>
            <th scope="row">{head}</th>
            {cells.map((c, j) => (
              <td key={j}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One circle: its sentence as the caption, a row for each member with where they are kept. */
function CircleTable({ circle, names, across, locks, keep }: { circle: SavedCirclesResult['circles'][number]; names: string[]; across: string | null; locks: ProjectCircles['locks']; keep: (person: string, circle: string) => void }) {
  return (
    <table class="metrics circle-table">
      <caption>
        <strong>{circle.name}</strong>: {circle.explanation}
      </caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          {across !== null ? <th scope="col">{across}</th> : null}
          <th scope="col">Keep in</th>
        </tr>
      </thead>
      <tbody>
        {circle.members.map((m) => {
          const lock = locks.find((l) => l.person === m.id)?.circle ?? '';
          return (
            <tr key={m.id}>
              <th scope="row">
                {m.label}
                {m.edge ? <span class="muted"> · at the edge</span> : null}
                {!m.inNetwork ? <span class="muted"> · not in the network</span> : null}
              </th>
              {across !== null ? <td>{m.unit ?? 'not given'}</td> : null}
              <td>
                <select aria-label={`Keep ${m.label} in`} value={lock} onChange={(e) => keep(m.id, e.currentTarget.value)}>
                  <option value="">Free</option>
                  {names.map((n) => (
                    <option key={n} value={n}>
                      {n === circle.name ? `Here (${n})` : `Move to ${n}`}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Results({ last, locks, keep }: { last: SavedCirclesResult; locks: ProjectCircles['locks']; keep: (person: string, circle: string) => void }) {
  const names = last.circles.map((c) => c.name);
  const { visible, more } = usePaged(last.circles, 8, 'circle');
  const relaxed = relaxedRows(last);
  const who = labels(last);
  const mix = mixRuleText(last);
  return (
    <div class="circle-results">
      <p class="circle-summary">
        <strong>
          {plural(last.metrics.circles, 'circle', 'circles')} of {plural(last.metrics.people, 'person', 'people')}: {baselineText(last)}
        </strong>
        {mix !== null ? ` ${mix}` : ''}
      </p>
      <WordsTable class="circle-compare" caption="Against other ways of forming them" heads={['Circles', 'New pairs', 'Circles mixed enough']} rows={comparisonRows(last).map((r) => [r.what, r.newPairs, r.mix])} />
      {relaxed.length > 0 ? (
        <WordsTable class="circle-relaxed" caption="Rules that could not all hold" heads={['Rule', 'For whom', 'What happened']} rows={relaxed.map((r) => [r.rule, r.who, r.what])} />
      ) : (
        <p>Every rule holds.</p>
      )}
      {last.unknownReportsTo.length > 0 ? (
        <WordsTable class="circle-unknown" caption="Reports to someone not found among the participants or in the network" heads={['Person', 'Reports to, as written']} rows={last.unknownReportsTo.map((u) => [u.label, u.written])} />
      ) : null}
      {last.notInNetwork.length > 0 ? (
        <div class="circle-outside">
          <h4>Not in the network ({last.notInNetwork.length.toLocaleString('en')})</h4>
          <p class="muted">Kept and placed by their columns only: nothing is known of who they already know.</p>
          <ShowMoreList items={last.notInNetwork} first={10} noun="person" render={(id) => <li key={id}>{who.get(id) ?? id}</li>} />
        </div>
      ) : null}
      <p class="muted">
        {locks.length > 0 ? `${plural(locks.length, 'person is', 'people are')} kept where you chose; Solve again keeps them there.` : 'Keep a person in their circle, or move them to another, then Solve again: the rest are arranged around them.'}
      </p>
      {visible.map((c) => (
        <CircleTable key={c.name} circle={c} names={names} across={last.settings.across} locks={locks} keep={keep} />
      ))}
      {more}
    </div>
  );
}

export function CirclesPanel(props: CirclesPanelProps) {
  const { saved, actions } = props;
  const [choices, setChoices] = useState<CircleChoices>(saved.choices);
  const [files, setFiles] = useState<Files>({ participants: null, previous: null });
  const [fileColumns, setFileColumns] = useState<string[]>([]);
  // With a participants file, its own columns are the ones to choose from.
  const offered: Offered = choices.who === 'file' ? { columns: fileColumns, groups: fileColumns } : { columns: props.columns, groups: props.groupColumns.map((c) => c.key) };
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [warnings, setWarnings] = useState<InputIssue[]>([]);
  const cancelled = useRef(false);
  const last = saved.last;
  const working = phase.kind === 'working';

  const setFile = (which: keyof Files, file: File): void => {
    actions.readFile(file).then(
      (source) => {
        setFiles((f) => ({ ...f, [which]: source }));
        if (which === 'participants') void actions.headers(source).then(setFileColumns, () => setFileColumns([]));
      },
      (error: unknown) => setPhase({ kind: 'failed', issues: [], message: `${file.name} could not be read: ${(error as Error).message}` }),
    );
  };

  const run = async (): Promise<void> => {
    const request = circlesRequest(onlyOffered(choices, offered), saved.locks, files);
    if (typeof request === 'string') {
      setPhase({ kind: 'failed', issues: [], message: request });
      return;
    }
    cancelled.current = false;
    setPhase({ kind: 'working', step: 'Forming circles' });
    try {
      const result = await actions.form(request, () => setPhase((p) => (p.kind === 'working' ? { kind: 'working', step: 'Forming circles: trying arrangements' } : p)));
      if (!result.ok) {
        setPhase({ kind: 'failed', issues: result.issues, message: 'The circles could not be formed:' });
        return;
      }
      const kept = SavedCirclesResultSchema.parse(result.value);
      setWarnings(result.value.issues.filter((i) => i.level === 'warning' && i.code !== 'rules-relaxed'));
      actions.save({ choices: onlyOffered(choices, offered), locks: locksKept(saved.locks, kept), last: kept });
      setPhase({ kind: 'ready' });
    } catch (error) {
      setPhase(cancelled.current ? { kind: 'ready' } : { kind: 'failed', issues: [], message: `The circles could not be formed: ${(error as Error).message}` });
    }
  };

  const [exported, setExported] = useState<string | null>(null);
  return (
    <section class="program-circles" aria-labelledby="circles-heading">
      <h2 id="circles-heading">Peer circles</h2>
      <p>Small groups that meet across work units, so that people meet colleagues they do not know yet. Nobody is put with the person they report to, nor with someone they were paired with before.</p>
      <Choices choices={choices} set={(patch) => setChoices((c) => ({ ...c, ...patch }))} props={props} files={files} setFile={setFile} open={last === null} offered={offered} />
      <div class="row-actions circle-actions">
        <button type="button" class="primary" disabled={working} onClick={() => void run()}>
          {last ? 'Solve again' : 'Form circles'}
        </button>
        {last && saved.locks.length > 0 ? (
          <button type="button" disabled={working} onClick={() => actions.save({ ...saved, locks: [] })}>
            Free everyone
          </button>
        ) : null}
        {last ? (
          <button type="button" disabled={working} onClick={() => setExported(actions.exportCsv(circlesCsvWithNames(last)))}>
            Export circles CSV
          </button>
        ) : null}
      </div>
      {phase.kind === 'working' ? (
        <div class="working" role="status">
          <progress aria-label={phase.step} />
          <span>{phase.step}</span>
          <button
            type="button"
            class="small"
            onClick={() => {
              cancelled.current = true;
              actions.cancel();
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {phase.kind === 'failed' ? (
        <div class="problem" role="alert">
          <p>{phase.message}</p>
          {phase.issues.length > 0 ? <ShowMoreList items={phase.issues} first={8} noun="problem" render={(i, n) => <li key={n}>{formatIssue(i)}</li>} /> : null}
        </div>
      ) : null}
      {exported !== null ? <p role="status">Saved as {exported}.</p> : null}
      {warnings.length > 0 ? (
        <div role="status" class="circle-warnings">
          <p>{plural(warnings.length, 'note', 'notes')} on the participants:</p>
          <ShowMoreList items={warnings} first={5} noun="note" render={(i, n) => <li key={n}>{formatIssue(i)}</li>} />
        </div>
      ) : null}
      {last ? <Results last={last} locks={saved.locks} keep={(person, circle) => actions.save({ ...saved, locks: withLock(saved.locks, person, circle) })} /> : null}
    </section>
  );
}
