/**
 * Saved projects: open, rename, delete, and move a project to or from a `.netweave.json` file.
 * Projects live in this browser only; the list is read again whenever it changes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Modal } from './modal.tsx';
import type { ProjectListing } from '../state/project-db.ts';

export interface ProjectsStore {
  list: () => Promise<ProjectListing[]>;
  rename: (id: string, name: string) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

export interface ProjectsDialogProps {
  open: boolean;
  close: () => void;
  projects: ProjectsStore;
  currentId: string | null;
  openSaved: (id: string) => void;
  openFile: (file: File) => void;
  openDemo: () => void;
}

export function ProjectsDialog({ open, close, projects, currentId, openSaved, openFile, openDemo }: ProjectsDialogProps) {
  const [list, setList] = useState<ProjectListing[] | null>(null);
  const [version, setVersion] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    void projects.list().then((l) => live && setList(l));
    return () => {
      live = false;
    };
  }, [open, version, projects]);
  const changed = (): void => setVersion((v) => v + 1);
  return (
    <Modal open={open} title="Projects" close={close} class="projects-dialog">
      <div>
        <p class="muted">Projects are kept in this browser only. Export a project to a file to move it to another computer or share it.</p>
        <table class="projects">
          <thead>
            <tr>
              <th>Name</th>
              <th>People</th>
              <th>Last changed</th>
              <th>
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((p) => {
              const current = p.id === currentId;
              if (p.damaged !== undefined) {
                return (
                  <tr key={p.id} class="damaged">
                    <td>
                      {p.name}
                      <span class="explain hint">{p.damaged}</span>
                    </td>
                    <td class="num">–</td>
                    <td>{p.updatedAt ? new Date(p.updatedAt).toLocaleString() : ''}</td>
                    <td>
                      <button
                        type="button"
                        class="small danger"
                        title="Delete this damaged copy"
                        onClick={() => {
                          if (confirm(`Delete the damaged project "${p.name}"? This cannot be undone.`)) void projects.remove(p.id).then(changed);
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={p.id} class={current ? 'current' : ''}>
                  <td>
                    <input
                      type="text"
                      value={p.name}
                      aria-label={`Name of project ${p.name}`}
                      onChange={(e) => void projects.rename(p.id, (e.currentTarget as HTMLInputElement).value.trim() || p.name).then(changed)}
                    />
                  </td>
                  <td class="num">{p.people}</td>
                  <td>{new Date(p.updatedAt).toLocaleString()}</td>
                  <td>
                    {current ? (
                      <span class="muted">open</span>
                    ) : (
                      <button type="button" class="small" onClick={() => { close(); openSaved(p.id); }}>
                        Open
                      </button>
                    )}{' '}
                    <button
                      type="button"
                      class="small danger"
                      disabled={current}
                      title={current ? 'Open another project before deleting this one' : 'Delete this project'}
                      onClick={() => {
                        if (confirm(`Delete the project "${p.name}"? This cannot be undone.`)) void projects.remove(p.id).then(changed);
                      }}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div class="dialog-actions">
          <button type="button" onClick={() => fileInput.current?.click()}>
            Open a project file…
          </button>
          <button type="button" onClick={() => { close(); openDemo(); }}>
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
  );
}
