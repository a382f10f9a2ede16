/**
 * Saved projects: open, rename, delete, and move a project to or from a `.netweave.json` file.
 */
import { el, replace } from '../dom.ts';
import type { ProjectDb } from '../state/project-db.ts';

export interface ProjectsActions {
  open: (id: string) => void;
  openFile: (file: File) => void;
  openDemo: () => void;
  currentId: () => string | null;
}

export class ProjectsDialog {
  readonly root: HTMLDialogElement;
  private body: HTMLElement;

  constructor(private db: ProjectDb, private actions: ProjectsActions) {
    this.body = el('div', {});
    this.root = el('dialog', { class: 'projects-dialog', aria: { label: 'Projects' } }, el('div', { class: 'dialog-head' }, el('h2', {}, 'Projects'), el('button', { class: 'small', on: { click: () => this.root.close() } }, 'Close')), this.body);
  }

  async open(): Promise<void> {
    if (!this.root.open) this.root.showModal();
    await this.render();
  }

  private async render(): Promise<void> {
    const list = await this.db.list();
    const current = this.actions.currentId();
    const fileInput = el('input', { type: 'file', class: 'visually-hidden', aria: { label: 'Open a project file' } });
    fileInput.accept = '.json,.netweave.json';
    fileInput.addEventListener('change', () => {
      const file = fileInput.files?.[0];
      if (file) {
        this.root.close();
        this.actions.openFile(file);
      }
    });
    replace(
      this.body,
      el('p', { class: 'muted' }, 'Projects are kept in this browser only. Export a project to a file to move it to another computer or share it.'),
      el(
        'table',
        { class: 'projects' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'People'), el('th', {}, 'Last changed'), el('th', {}, ''))),
        el(
          'tbody',
          {},
          ...list.map((p) => {
            const name = el('input', { type: 'text', value: p.name, aria: { label: `Name of project ${p.name}` } });
            name.addEventListener('change', () => void this.db.rename(p.id, name.value.trim() || p.name).then(() => this.render()));
            return el(
              'tr',
              { class: p.id === current ? 'current' : '' },
              el('td', {}, name),
              el('td', { class: 'num' }, String(p.people)),
              el('td', {}, new Date(p.updatedAt).toLocaleString()),
              el(
                'td',
                {},
                p.id === current ? el('span', { class: 'muted' }, 'open') : el('button', { class: 'small', on: { click: () => { this.root.close(); this.actions.open(p.id); } } }, 'Open'),
                ' ',
                el('button', { class: 'small danger', disabled: p.id === current, title: p.id === current ? 'Open another project before deleting this one' : 'Delete this project', on: { click: () => { if (confirm(`Delete the project "${p.name}"? This cannot be undone.`)) void this.db.remove(p.id).then(() => this.render()); } } }, 'Delete'),
              ),
            );
          }),
        ),
      ),
      el('div', { class: 'dialog-actions' }, el('button', { on: { click: () => fileInput.click() } }, 'Open a project file…'), el('button', { on: { click: () => { this.root.close(); this.actions.openDemo(); } } }, 'Open the demo'), fileInput),
    );
  }
}
