/**
 * Saved projects: open, rename, delete, and move a project to or from a `.netweave.json` file;
 * what each keeps in this browser and the total; "Forget everything"; and private mode, where
 * nothing is written to the browser. Deleting and forgetting ask first, in a dialog of their own
 * that says what goes and that it cannot be undone. Projects live in this browser only; the list
 * is read again whenever it changes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Modal } from './modal.tsx';
import type { ProjectListing } from '../state/project-db.ts';
import { formatBytes } from '../format/bytes.ts';
import './projects-dialog.css';

export interface ProjectsStore {
  list: () => Promise<ProjectListing[]>;
  rename: (id: string, name: string) => Promise<void>;
  /** Deletes the project and everything kept for it (the open one closes). */
  remove: (id: string) => Promise<void>;
  /** Settings netweave keeps in this browser, and what the browser says the site uses and may use. */
  usage: () => Promise<StorageUsage>;
  /** Removes every project and setting netweave kept in this browser. */
  forgetAll: () => Promise<void>;
}

export interface StorageUsage {
  settings: { count: number; bytes: number };
  /** `navigator.storage.estimate()`, where the browser has it. */
  estimate: { usage: number; quota: number } | null;
}

export interface OpenProject {
  id: string;
  name: string;
  people: number;
}

export interface ProjectsDialogProps {
  open: boolean;
  close: () => void;
  projects: ProjectsStore;
  /** The project open now, or null. */
  current: OpenProject | null;
  privateMode: boolean;
  setPrivate: (on: boolean) => void;
  openSaved: (id: string) => void;
  openFile: (file: File) => void;
  openDemo: () => void;
}

type Asking = { kind: 'one'; project: ProjectListing } | { kind: 'all'; projects: ProjectListing[] } | null;

/** "3 projects" */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The line under the list: what netweave keeps here in all, and what the browser says. */
export function storageSummary(list: readonly ProjectListing[], usage: StorageUsage | null, privateMode: boolean): string {
  const projects = list.reduce((sum, p) => sum + p.bytes, 0);
  const settings = usage?.settings ?? { count: 0, bytes: 0 };
  const kept =
    list.length === 0 && settings.count === 0
      ? 'netweave keeps nothing in this browser.'
      : `In all, netweave keeps about ${formatBytes(projects + settings.bytes)} in this browser: ${count(list.length, 'project')}${settings.count > 0 ? ` and ${count(settings.count, 'setting')}` : ''}.`;
  const estimate = usage?.estimate;
  const browser = estimate ? ` The browser counts ${formatBytes(estimate.usage)} in use for this site, of up to ${formatBytes(estimate.quota)} it allows.` : '';
  return `${kept}${browser}${privateMode ? ' Private mode adds nothing to it.' : ''}`;
}

export function ProjectsDialog({ open, close, projects, current, privateMode, setPrivate, openSaved, openFile, openDemo }: ProjectsDialogProps) {
  const [list, setList] = useState<ProjectListing[] | null>(null);
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [version, setVersion] = useState(0);
  const [asking, setAsking] = useState<Asking>(null);
  const [done, setDone] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const said = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!open) {
      setDone('');
      return;
    }
    let live = true;
    void projects.list().then((l) => live && setList(l), () => live && setList([]));
    void projects.usage().then((u) => live && setUsage(u), () => undefined);
    return () => {
      live = false;
    };
  }, [open, version, projects, privateMode]);
  const changed = (): void => setVersion((v) => v + 1);
  /** After a deletion: the list again, what happened said, and focus on that sentence (the row is gone). */
  const finished = (sentence: string): void => {
    setAsking(null);
    setDone(sentence);
    changed();
    setTimeout(() => said.current?.focus(), 0);
  };
  const stored = list ?? [];
  const openUnsaved = current !== null && list !== null && !stored.some((p) => p.id === current.id) ? current : null;
  return (
    <>
      <Modal open={open} title="Projects" close={close} class="projects-dialog">
        <div>
          <p class="muted">Projects are kept in this browser only. Export a project to a file to move it to another computer or share it.</p>
          <div class={privateMode ? 'private-switch on' : 'private-switch'}>
            <label>
              <input type="checkbox" role="switch" checked={privateMode} aria-describedby="private-explain" onChange={(e) => setPrivate((e.currentTarget as HTMLInputElement).checked)} />
              <span>
                <strong>Private mode</strong>: save nothing in this browser
              </span>
            </label>
            <p id="private-explain" class="explain">
              {privateMode
                ? 'On. Nothing you open or change is written to this browser: no autosave, no settings. Closing or reloading this page loses your work unless you export the whole project to a file (Export menu, “Whole project”). Projects kept earlier stay listed; opening one reads it and never changes it. Private mode lasts while this page is open (also after a reload): it is in the page address, not stored.'
                : 'For a shared or borrowed computer: while on, nothing is written to this browser, and leaving the page warns you first. Export the whole project to a file to keep your work.'}
            </p>
          </div>
          <p class="done" tabIndex={-1} ref={said} role="status" aria-live="polite">
            {done}
          </p>
          <table class="projects">
            <thead>
              <tr>
                <th>Name</th>
                <th class="num">People</th>
                <th class="num">Stored</th>
                <th>Last changed</th>
                <th>
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {openUnsaved ? (
                <tr class="current unsaved">
                  <td data-label="Name">
                    {openUnsaved.name}
                    <span class="explain hint">{privateMode ? 'open now, not saved in this browser (private mode)' : 'open now, not saved in this browser yet'}</span>
                  </td>
                  <td class="num" data-label="People">
                    {openUnsaved.people.toLocaleString('en')}
                  </td>
                  <td class="num" data-label="Stored">
                    nothing
                  </td>
                  <td data-label="Last changed" />
                  <td>
                    <span class="muted">open</span>
                  </td>
                </tr>
              ) : null}
              {stored.map((p) => {
                const isCurrent = p.id === current?.id;
                const size = (
                  <td class="num" data-label="Stored">
                    {formatBytes(p.bytes)}
                  </td>
                );
                const remove = (
                  <button type="button" class="small danger" aria-label={`Delete ${p.name}`} onClick={() => setAsking({ kind: 'one', project: p })}>
                    Delete
                  </button>
                );
                if (p.damaged !== undefined) {
                  return (
                    <tr key={p.id} class="damaged">
                      <td data-label="Name">
                        {p.name}
                        <span class="explain hint">{p.damaged}</span>
                      </td>
                      <td class="num" data-label="People">
                        –
                      </td>
                      {size}
                      <td data-label="Last changed">{p.updatedAt ? new Date(p.updatedAt).toLocaleString() : ''}</td>
                      <td>{remove}</td>
                    </tr>
                  );
                }
                return (
                  <tr key={p.id} class={isCurrent ? 'current' : ''}>
                    <td data-label="Name">
                      <input
                        type="text"
                        value={p.name}
                        readOnly={privateMode}
                        title={privateMode ? 'Renaming is saved in this browser: turn private mode off to rename' : undefined}
                        aria-label={`Name of project ${p.name}`}
                        onChange={(e) => void projects.rename(p.id, (e.currentTarget as HTMLInputElement).value.trim() || p.name).then(changed)}
                      />
                    </td>
                    <td class="num" data-label="People">
                      {p.people.toLocaleString('en')}
                    </td>
                    {size}
                    <td data-label="Last changed">{new Date(p.updatedAt).toLocaleString()}</td>
                    <td class="actions">
                      {isCurrent ? (
                        <span class="muted">open</span>
                      ) : (
                        <button
                          type="button"
                          class="small"
                          aria-label={`Open ${p.name}`}
                          onClick={() => {
                            close();
                            openSaved(p.id);
                          }}
                        >
                          Open
                        </button>
                      )}{' '}
                      {remove}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {list !== null && stored.length === 0 && !openUnsaved ? <p class="muted">No projects are kept in this browser.</p> : null}
          <p class="storage-total">{list === null ? '' : storageSummary(stored, usage, privateMode)}</p>
          <div class="dialog-actions">
            <button type="button" class="danger forget" disabled={list === null || (stored.length === 0 && (usage?.settings.count ?? 0) === 0)} onClick={() => setAsking({ kind: 'all', projects: stored })}>
              Forget everything…
            </button>
            <span class="spacer" />
            <button type="button" onClick={() => fileInput.current?.click()}>
              Open a project file…
            </button>
            <button
              type="button"
              onClick={() => {
                close();
                openDemo();
              }}
            >
              Open the demo
            </button>
            <input
              ref={fileInput}
              type="file"
              class="visually-hidden"
              tabIndex={-1}
              aria-label="Open a project file"
              accept=".json,.netweave.json"
              onChange={(e) => {
                const input = e.currentTarget as HTMLInputElement;
                const file = input.files?.[0];
                input.value = '';
                if (file) {
                  close();
                  openFile(file);
                }
              }}
            />
          </div>
        </div>
      </Modal>
      <ConfirmForget asking={open ? asking : null} current={current} cancel={() => setAsking(null)} projects={projects} finished={finished} />
    </>
  );
}

/** The question before anything is removed: what goes, that it cannot be undone, and the way to keep it. */
function ConfirmForget({ asking, current, cancel, projects, finished }: { asking: Asking; current: OpenProject | null; cancel: () => void; projects: ProjectsStore; finished: (sentence: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState('');
  useEffect(() => setFailed(''), [asking]);
  const run = (work: () => Promise<void>, sentence: string): void => {
    setBusy(true);
    void work().then(
      () => {
        setBusy(false);
        finished(sentence);
      },
      (error: unknown) => {
        setBusy(false);
        setFailed(`It could not be removed: ${error instanceof Error ? error.message : String(error)}.`);
      },
    );
  };
  const one = asking?.kind === 'one' ? asking.project : null;
  const all = asking?.kind === 'all' ? asking.projects : null;
  const title = one ? 'Delete a project' : 'Forget everything';
  return (
    <Modal open={asking !== null} title={title} close={cancel} class="confirm-dialog">
      <div class="confirm-body">
        {one ? (
          <>
            <p>
              <strong>Delete “{one.name}” from this browser?</strong>
            </p>
            <p>
              This removes everything netweave keeps for it here ({formatBytes(one.bytes)}): its people and ties, the map’s layout, its settings, survey answers and
              choices, and marked introductions.{one.id === current?.id ? ' It is open now: it closes, and you can start again from an empty page.' : ''}
            </p>
          </>
        ) : all ? (
          <>
            <p>
              <strong>Remove everything netweave keeps in this browser?</strong>
            </p>
            <p>
              This removes {all.length === 0 ? 'the settings it kept' : `${all.length === 1 ? 'its one project' : `all ${count(all.length, 'project')}`} (${formatBytes(all.reduce((s, p) => s + p.bytes, 0))}) and every setting it kept`} (drawer sizes,
              table columns, map labels).{current ? ' The open project closes.' : ''}
            </p>
          </>
        ) : null}
        <p>
          <strong>This cannot be undone.</strong> To keep a project, open it and export it to a file first (Export menu, “Whole project”); a file you exported stays where you saved it.
        </p>
        {failed ? (
          <p class="error-text" role="alert">
            {failed}
          </p>
        ) : null}
        <div class="dialog-actions">
          <button type="button" autoFocus onClick={cancel}>
            {one ? 'Keep it' : 'Keep everything'}
          </button>
          <button
            type="button"
            class="danger-fill"
            disabled={busy}
            onClick={() => {
              if (one) run(() => projects.remove(one.id), `“${one.name}” is deleted from this browser.`);
              else run(() => projects.forgetAll(), 'Everything netweave kept in this browser is removed.');
            }}
          >
            {one ? 'Delete for good' : 'Forget everything'}
          </button>
        </div>
      </div>
    </Modal>
  );
}
