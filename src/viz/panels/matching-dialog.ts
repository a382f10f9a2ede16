/**
 * The mentor-matching dialog: the MatchingPanel component in a <dialog>, matching in the worker.
 */
import { h, render } from 'preact';
import { el, download } from '../dom.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import { readSourceFile } from '../../engine/io/workbook-detect.ts';
import { MatchingPanel } from '../components/matching-dialog.tsx';

export class MatchingDialog {
  readonly root: HTMLDialogElement;

  constructor(engine: EngineClient) {
    const body = el('div', { class: 'import-body' });
    this.root = el(
      'dialog',
      { class: 'import-dialog matching-dialog', aria: { label: 'Mentor matching' } },
      el('div', { class: 'dialog-head' }, el('h2', {}, 'Propose mentor matches'), el('button', { class: 'small', on: { click: () => this.root.close() } }, 'Close')),
      body,
    );
    // Drawn once: what was chosen and solved stays while the dialog is closed and opened again.
    render(
      h(MatchingPanel, {
        solve: (request) => engine.matchMentors(request),
        readFile: (file) => readSourceFile(file),
        download: (name, text, type) => download(name, text, type),
      }),
      body,
    );
  }

  open(): void {
    if (!this.root.open) this.root.showModal();
  }
}
