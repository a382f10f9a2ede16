/**
 * Proposing mentor matches for a new season: start from the mentees and mentors templates,
 * choose the two files, propose pairs, read why each pair was proposed, lock or reject pairs and
 * solve again, then export the pairs. Names and reasons come from the files and are drawn as text.
 */
import { useRef, useState } from 'preact/hooks';
import { formatIssue, type InputIssue } from '../../engine/core/util/issues.ts';
import type { SourceFile } from '../../engine/io/types.ts';
import type { PairRule } from '../../engine/features/matching/model.ts';
import type { MatchingResult } from '../../engine/features/matching/match-mentors.ts';
import type { MatchFilesResult } from '../../engine/features/matching/match-files.ts';
import { pairsCsv } from '../../engine/features/matching/pairs-csv.ts';
import { count } from '../format/readable.ts';
import { MENTEES_TEMPLATE_CSV, MENTEES_TEMPLATE_NAME, MENTORS_TEMPLATE_CSV, MENTORS_TEMPLATE_NAME } from './matching-templates.ts';
import { ShowMoreList, usePaged } from './show-more.tsx';
import { counted } from './program-words.ts';
import './matching-dialog.css';

export interface MatchingRequest {
  mentees: SourceFile;
  mentors: SourceFile;
  rules: PairRule[];
  bridge: boolean;
}

export interface MatchingPanelProps {
  /** Runs the matcher (in the worker). */
  solve: (request: MatchingRequest) => Promise<MatchFilesResult>;
  /** Reads a chosen file (CSV as text, a workbook as bytes). */
  readFile: (file: File) => Promise<SourceFile>;
  /** Saves text as a file on the user's computer. */
  download: (name: string, text: string, type: string) => void;
}

type Action = PairRule['action'];

/** The locks and rejections as one comparable string, to tell whether they changed since the last proposal. */
function rulesKey(rules: readonly PairRule[]): string {
  return rules
    .map((r) => `${r.action}\u0000${r.mentee}\u0000${r.mentor}`)
    .sort()
    .join('\u0001');
}

/** A file chosen through a button (the browser's own input stays hidden), with its name beside. */
export function FilePicker({ label, noun, file, choose }: { label: string; noun: string; file: SourceFile | null; choose: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div class="file-picker">
      <span class="file-picker-label">{label}</span>
      {/* The browser's own file input says "No file chosen" beside our name: it stays hidden, and the button opens it. */}
      <input
        ref={input}
        type="file"
        class="visually-hidden"
        tabIndex={-1}
        accept=".csv,.xlsx,.xls"
        aria-label={label}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (chosen) choose(chosen);
        }}
      />
      <button type="button" onClick={() => input.current?.click()}>
        {file ? `Choose another ${noun}` : `Choose a ${noun}`}
      </button>
      {file ? <span class="file-name">{file.name}</span> : <span class="muted">none chosen yet</span>}
    </div>
  );
}

function Issues({ issues }: { issues: InputIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.some((i) => i.level === 'error');
  return (
    <div class="issues" role={errors ? 'alert' : 'status'}>
      <p>{errors ? 'The files could not be matched:' : `${counted(issues.length, 'note')} on the files:`}</p>
      <ShowMoreList items={issues} first={10} noun="problem" render={(i, n) => <li key={n}>{formatIssue(i)}</li>} />
    </div>
  );
}

interface PairsProps {
  result: MatchingResult;
  actionOf: (mentee: string, mentor: string) => Action | undefined;
  setAction: (mentee: string, mentor: string, action: Action | null) => void;
}

function Pairs({ result, actionOf, setAction }: PairsProps) {
  const { visible, more } = usePaged(result.pairs, 25, 'pair');
  return (
    <>
      <table class="metrics pairs">
        <thead>
          <tr>
            <th scope="col">Mentee</th>
            <th scope="col">Mentor</th>
            <th scope="col">Why</th>
            <th scope="col">
              <span class="visually-hidden">Lock or reject</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {visible.map((p) => {
            const action = actionOf(p.mentee, p.mentor) ?? (p.locked ? 'lock' : undefined);
            return (
              <tr key={`${p.mentee}\u0000${p.mentor}`} class={action === 'reject' ? 'rejected' : action === 'lock' ? 'locked' : undefined}>
                <td class="pair-mentee">{p.menteeLabel}</td>
                <td class="pair-mentor">{p.mentorLabel}</td>
                <td class="explain">{p.explanation}</td>
                <td class="pair-actions">
                  <button type="button" class="small" aria-pressed={action === 'lock'} onClick={() => setAction(p.mentee, p.mentor, action === 'lock' ? null : 'lock')}>
                    {action === 'lock' ? 'Locked' : 'Lock'}
                  </button>{' '}
                  <button type="button" class="small danger" aria-pressed={action === 'reject'} onClick={() => setAction(p.mentee, p.mentor, action === 'reject' ? null : 'reject')}>
                    {action === 'reject' ? 'Rejected' : 'Reject'}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more}
    </>
  );
}

/** "1 pair locked", "3 pairs rejected", "2 pairs locked and 1 rejected". */
function rulesText(rules: readonly PairRule[]): string {
  const locked = rules.filter((r) => r.action === 'lock').length;
  const rejected = rules.length - locked;
  if (locked > 0 && rejected > 0) return `${counted(locked, 'pair')} locked and ${count(rejected)} rejected`;
  return locked > 0 ? `${counted(locked, 'pair')} locked` : `${counted(rejected, 'pair')} rejected`;
}

function Result({ result, rules, solvedRules, setRules, actionOf, setAction }: PairsProps & { rules: PairRule[]; solvedRules: string; setRules: (rules: PairRule[]) => void }) {
  const pending = rulesKey(rules) !== solvedRules;
  const room = result.mentors.reduce((sum, m) => sum + Math.max(0, m.capacity - m.assigned), 0);
  const withRoom = result.mentors.filter((m) => m.capacity > m.assigned).length;
  return (
    <div class="matching-result">
      <p class="matching-summary">
        {count(result.placed)} of {counted(result.mentees, 'mentee')} placed, using {count(result.placed)} of {counted(result.places, 'mentor place')}.
        {result.feasible ? '' : ' Not everyone could be placed: see below.'}
        {room > 0 ? ` ${counted(withRoom, 'mentor')} could take ${counted(room, 'more mentee')}.` : ''}
      </p>
      {pending ? (
        <p class="matching-pending" role="status">
          {rules.length > 0 ? `With ${rulesText(rules)}` : 'With no pair locked or rejected'}: choose Solve again to see the pairs that follow.
        </p>
      ) : (
        rules.length > 0 && (
          <p class="muted matching-kept">
            This proposal keeps {rulesText(rules)}.{' '}
            <button type="button" class="link" onClick={() => setRules([])}>
              Clear them
            </button>
          </p>
        )
      )}
      <Pairs result={result} actionOf={actionOf} setAction={setAction} />
      {result.unplaced.length > 0 && (
        <div>
          <h3>Not placed</h3>
          <ShowMoreList
            items={result.unplaced}
            first={10}
            render={(u) => (
              <li key={u.mentee}>
                <strong>{u.label}</strong>: {u.reason}
              </li>
            )}
          />
        </div>
      )}
    </div>
  );
}

export function MatchingPanel({ solve, readFile, download }: MatchingPanelProps) {
  const [mentees, setMentees] = useState<SourceFile | null>(null);
  const [mentors, setMentors] = useState<SourceFile | null>(null);
  const [bridge, setBridge] = useState(false);
  const [rules, setRules] = useState<PairRule[]>([]);
  const [result, setResult] = useState<MatchingResult | null>(null);
  /** The locks and rejections the shown result was solved with. */
  const [solvedRules, setSolvedRules] = useState('');
  const [issues, setIssues] = useState<InputIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const choose = (set: (f: SourceFile) => void) => (file: File) => {
    readFile(file).then(
      (source) => {
        set(source);
        setRules([]);
        setResult(null);
        setSolvedRules('');
        setIssues([]);
      },
      (error: unknown) => setIssues([{ level: 'error', code: 'read-failed', file: file.name, message: `the file could not be read: ${(error as Error).message}` }]),
    );
  };

  const run = async (): Promise<void> => {
    if (!mentees || !mentors || busy) return;
    setBusy(true);
    try {
      const outcome = await solve({ mentees, mentors, rules, bridge });
      if (!outcome.ok) {
        setIssues(outcome.issues);
        return;
      }
      setResult(outcome.value);
      setSolvedRules(rulesKey(rules));
      setIssues(outcome.issues.filter((i) => i.level === 'warning'));
    } catch (error) {
      setIssues([{ level: 'error', code: 'match-failed', message: `Matching failed: ${(error as Error).message}` }]);
    } finally {
      setBusy(false);
    }
  };

  const actionOf = (mentee: string, mentor: string) => rules.find((r) => r.mentee === mentee && r.mentor === mentor)?.action;
  const setAction = (mentee: string, mentor: string, action: Action | null) => {
    const others = rules.filter((r) => !(r.mentee === mentee && r.mentor === mentor));
    setRules(action ? [...others, { mentee, mentor, action }] : others);
  };

  return (
    <div class="matching-panel">
      <p class="explain">
        Mentees: one row each with a name or email, their goals ("public speaking; budgeting"), and any identity preference they asked for. Mentors: a name or email, their
        strengths and how many mentees they can take. Pairs make the most of how well strengths meet goals; identity is used only where a mentee asked for it.
      </p>
      <div class="row-actions templates">
        <span class="muted">Start from a template:</span>
        <button type="button" class="small" onClick={() => download(MENTEES_TEMPLATE_NAME, MENTEES_TEMPLATE_CSV, 'text/csv')}>
          Download mentees template
        </button>
        <button type="button" class="small" onClick={() => download(MENTORS_TEMPLATE_NAME, MENTORS_TEMPLATE_CSV, 'text/csv')}>
          Download mentors template
        </button>
      </div>
      <FilePicker label="Mentees file" noun="mentees file" file={mentees} choose={choose(setMentees)} />
      <FilePicker label="Mentors file" noun="mentors file" file={mentors} choose={choose(setMentors)} />
      <label class="check">
        <input type="checkbox" checked={bridge} onChange={(e) => setBridge(e.currentTarget.checked)} /> Prefer pairs across work units or groups of the network (bridging)
      </label>
      <div class="dialog-actions">
        <button type="button" class="primary" disabled={!mentees || !mentors || busy} onClick={() => void run()}>
          {busy ? 'Matching…' : result ? 'Solve again' : 'Propose matches'}
        </button>
        {result && (
          <button type="button" onClick={() => download('mentor-pairs.csv', pairsCsv(result), 'text/csv')}>
            Export pairs (CSV)
          </button>
        )}
      </div>
      <Issues issues={issues} />
      {result && <Result result={result} rules={rules} solvedRules={solvedRules} setRules={setRules} actionOf={actionOf} setAction={setAction} />}
    </div>
  );
}
