/**
 * Proposing mentor matches for a new season: choose the mentees and mentors files, solve, read
 * why each pair was proposed, lock or reject pairs and solve again, then export the pairs.
 */
import { el, replace, download } from '../dom.ts';
import { formatIssue, type InputIssue } from '../../engine/core/util/issues.ts';
import type { EngineClient } from '../../workers/engine-client.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import type { PairRule } from '../../engine/features/matching/model.ts';
import type { MatchingResult } from '../../engine/features/matching/match-mentors.ts';
import { pairsCsv } from '../../engine/features/matching/pairs-csv.ts';
import { readSourceFile } from '../../engine/io/workbook-detect.ts';

function readSource(file: File): Promise<SourceFile> {
  return readSourceFile(file);
}

export class MatchingDialog {
  readonly root: HTMLDialogElement;
  private body = el('div', { class: 'import-body' });
  private mentees: SourceFile | null = null;
  private mentors: SourceFile | null = null;
  private bridge = false;
  private rules: PairRule[] = [];
  private result: MatchingResult | null = null;

  constructor(private engine: EngineClient) {
    this.root = el('dialog', { class: 'import-dialog', aria: { label: 'Mentor matching' } }, el('div', { class: 'dialog-head' }, el('h2', {}, 'Propose mentor matches'), el('button', { class: 'small', on: { click: () => this.root.close() } }, 'Close')), this.body);
  }

  open(): void {
    if (!this.root.open) this.root.showModal();
    this.render();
  }

  private filePicker(label: string, set: (f: SourceFile) => void, current: SourceFile | null): HTMLElement {
    const input = el('input', { type: 'file', aria: { label } });
    input.accept = '.csv,.xlsx';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) void readSource(file).then((s) => { set(s); this.rules = []; this.result = null; this.render(); });
    });
    return el('label', { class: 'check' }, `${label}: `, input, current ? el('span', { class: 'muted' }, ` ${current.name}`) : null);
  }

  private render(issues: InputIssue[] = []): void {
    const box = el('input', { type: 'checkbox' });
    box.checked = this.bridge;
    box.addEventListener('change', () => (this.bridge = box.checked));
    const r = this.result;
    replace(
      this.body,
      el('p', { class: 'explain' }, 'Mentees: one row each with name or email, goals ("public speaking; budgeting"), and optional identity preferences they asked for. Mentors: name or email, strengths, capacity. Pairs maximise how well strengths meet goals; identity is used only where the mentee asked for it.'),
      this.filePicker('Mentees file', (f) => (this.mentees = f), this.mentees),
      this.filePicker('Mentors file', (f) => (this.mentors = f), this.mentors),
      el('label', { class: 'check' }, box, ' Prefer pairs across work units or groups of the network (bridging)'),
      el('div', { class: 'dialog-actions' }, el('button', { class: 'primary', disabled: !this.mentees || !this.mentors, on: { click: () => void this.solve() } }, r ? 'Solve again' : 'Propose matches'), r ? el('button', { on: { click: () => download('mentor-pairs.csv', pairsCsv(r), 'text/csv') } }, 'Export pairs (CSV)') : null),
      issues.length > 0 ? el('div', { class: 'issues', role: 'alert' }, el('ul', {}, ...issues.slice(0, 20).map((i) => el('li', {}, formatIssue(i))))) : null,
      r ? this.resultView(r) : null,
    );
  }

  private resultView(r: MatchingResult): HTMLElement {
    const rule = (mentee: string, mentor: string) => this.rules.find((x) => x.mentee === mentee && x.mentor === mentor)?.action;
    const setRule = (mentee: string, mentor: string, action: 'lock' | 'reject' | null) => {
      this.rules = this.rules.filter((x) => !(x.mentee === mentee && x.mentor === mentor));
      if (action) this.rules.push({ mentee, mentor, action });
      this.render();
    };
    return el(
      'div',
      {},
      el('p', {}, `${r.placed} of ${r.mentees} mentees placed with ${r.places} mentor places.${r.feasible ? '' : ' Not everyone could be placed: see below.'}`),
      el(
        'table',
        { class: 'metrics' },
        el('thead', {}, el('tr', {}, el('th', {}, 'Mentee'), el('th', {}, 'Mentor'), el('th', {}, 'Why'), el('th', {}, ''))),
        el(
          'tbody',
          {},
          ...r.pairs.map((p) => {
            const current = rule(p.mentee, p.mentor) ?? (p.locked ? 'lock' : undefined);
            return el(
              'tr',
              {},
              el('td', {}, p.menteeLabel),
              el('td', {}, p.mentorLabel),
              el('td', { class: 'explain' }, p.explanation),
              el(
                'td',
                {},
                el('button', { class: 'small', aria: { pressed: String(current === 'lock') }, on: { click: () => setRule(p.mentee, p.mentor, current === 'lock' ? null : 'lock') } }, current === 'lock' ? 'Locked' : 'Lock'),
                ' ',
                el('button', { class: 'small danger', on: { click: () => setRule(p.mentee, p.mentor, 'reject') } }, 'Reject'),
              ),
            );
          }),
        ),
      ),
      r.unplaced.length > 0 ? el('div', {}, el('h3', {}, 'Not placed'), el('ul', {}, ...r.unplaced.map((u) => el('li', {}, `${u.label}: ${u.reason}`)))) : null,
      this.rules.length > 0 ? el('p', { class: 'muted' }, `${this.rules.filter((x) => x.action === 'lock').length} locked, ${this.rules.filter((x) => x.action === 'reject').length} rejected: choose "Solve again".`) : null,
    );
  }

  private async solve(): Promise<void> {
    if (!this.mentees || !this.mentors) return;
    try {
      const outcome = await this.engine.matchMentors({ mentees: this.mentees, mentors: this.mentors, rules: this.rules, bridge: this.bridge });
      if (!outcome.ok) return this.render(outcome.issues);
      this.result = outcome.value;
      this.render(outcome.issues.filter((i) => i.level === 'warning'));
    } catch (error) {
      this.render([{ level: 'error', code: 'match-failed', message: `Matching failed: ${(error as Error).message}` }]);
    }
  }
}
