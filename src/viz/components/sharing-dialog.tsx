/**
 * Sharing: what members agreed to, and how shared files are written. The consent column (with
 * counts: named, counted but not named, left out, answers not understood), codes instead of names
 * with the attributes kept, and the way back from codes to names (a key file). Labels and values
 * come from the user's files: they are only ever text. The weaver's own views keep showing
 * everyone; this is about what leaves the computer.
 */
import { useRef, useState } from 'preact/hooks';
import { Modal } from './modal.tsx';
import type { Person } from '../../engine/core/model/records.ts';
import type { SharingSettings } from '../../engine/core/model/project.ts';
import type { InputIssue } from '../../engine/core/util/issues.ts';
import { consentCounts, type ConsentCounts } from '../../engine/features/sharing/share.ts';
import { formatIssue } from '../../engine/core/util/issues.ts';
import './sharing-dialog.css';

export interface SharingDialogProps {
  open: boolean;
  close: () => void;
  people: readonly Person[];
  sharing: SharingSettings;
  change: (patch: Partial<SharingSettings>) => void;
  /** Restores names from a key file; resolves with the problems (none when the names came back). */
  restoreKey: (file: File) => Promise<InputIssue[]>;
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "41 named, 5 counted but not named, 3 left out; 2 answers not understood: read as not named". */
export function countsSentence(c: Pick<ConsentCounts, 'named' | 'unnamed' | 'out' | 'unclear'>): string {
  const main = `${c.named.toLocaleString('en')} named, ${c.unnamed.toLocaleString('en')} counted but not named, ${c.out.toLocaleString('en')} left out`;
  return c.unclear > 0 ? `${main}; ${plural(c.unclear, 'answer', 'answers')} not understood: read as not named` : main;
}

function attributesOf(people: readonly Person[]): string[] {
  const seen = new Set<string>();
  for (const person of people) for (const key of Object.keys(person.attributes)) seen.add(key);
  return [...seen].sort((a, b) => a.localeCompare(b));
}

/**
 * Attributes whose every value belongs to one person only (an email, a phone number, a written
 * answer): kept as they are, they would name people behind their codes.
 */
export function identifyingAttributes(people: readonly Person[]): Set<string> {
  const values = new Map<string, Map<string, number>>();
  for (const person of people) {
    for (const [key, value] of Object.entries(person.attributes)) {
      if (value === null || value === '') continue;
      const text = JSON.stringify(value);
      const counts = values.get(key) ?? new Map<string, number>();
      counts.set(text, (counts.get(text) ?? 0) + 1);
      values.set(key, counts);
    }
  }
  const identifying = new Set<string>();
  for (const [key, counts] of values) if (counts.size > 1 && [...counts.values()].every((n) => n === 1)) identifying.add(key);
  return identifying;
}

export function SharingDialog({ open, close, people, sharing, change, restoreKey }: SharingDialogProps) {
  return (
    <Modal open={open} title="Sharing: consent and pseudonyms" label="Sharing" close={close} class="sharing-dialog">
      {open ? <SharingBody people={people} sharing={sharing} change={change} restoreKey={restoreKey} /> : null}
    </Modal>
  );
}

function SharingBody({ people, sharing, change, restoreKey }: Omit<SharingDialogProps, 'open' | 'close'>) {
  const attributes = attributesOf(people);
  const counts = consentCounts(people, sharing);
  const chosen = Object.keys(sharing.consent).filter((id) => people.some((p) => p.id === id)).length;
  const keyInput = useRef<HTMLInputElement>(null);
  const [keyProblems, setKeyProblems] = useState<InputIssue[] | null>(null);
  const keep = new Set(sharing.keepAttributes);
  const identifying = sharing.pseudonymise ? identifyingAttributes(people) : new Set<string>();
  return (
    <div class="sharing-body">
      <p class="muted">
        This is about what you export and share. Your own map, lists and tables keep showing everyone: it is your data, and it stays in this browser.
      </p>

      <section aria-labelledby="sharing-consent">
        <h3 id="sharing-consent">Who agreed to be shown</h3>
        <label class="field">
          <span>Consent column</span>
          <select value={sharing.consentColumn} onChange={(e) => change({ consentColumn: (e.target as HTMLSelectElement).value })}>
            <option value="">None: everyone is named unless chosen otherwise</option>
            {attributes.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <p class="explain">
          The column's answers are read as named (yes, true, 1), counted but not named (unnamed) or left out (no, false, 0). An answer netweave does not understand, or no answer, is read as counted but not named until you fix it.
        </p>
        <p class="consent-counts">
          <strong>{countsSentence(counts)}</strong>
        </p>
        {chosen > 0 ? (
          <p class="explain">
            {plural(chosen, 'choice', 'choices')} made in people's profiles {chosen === 1 ? 'wins' : 'win'} over the column{counts.overridden > 0 ? ` (${counts.overridden} ${counts.overridden === 1 ? 'differs' : 'differ'} from it)` : ''}.
          </p>
        ) : (
          <p class="explain">To change one person's consent, select them and use Sharing in their profile.</p>
        )}
        {counts.issues.length > 0 ? (
          <details class="consent-issues">
            <summary>What was not understood</summary>
            <ul>
              {counts.issues.map((issue, i) => (
                <li key={i}>{issue.message}</li>
              ))}
            </ul>
          </details>
        ) : null}
        <p class="explain">
          In every export, people counted but not named appear as “a member” (unlabelled, keeping only what they share with others), and people left out are removed before any figure is worked out. The map picture cannot leave anyone out, so it is not offered while anyone is.
        </p>
      </section>

      <section aria-labelledby="sharing-codes">
        <h3 id="sharing-codes">Codes instead of names</h3>
        <label class="check">
          <input type="checkbox" checked={sharing.pseudonymise} onChange={(e) => change({ pseudonymise: (e.target as HTMLInputElement).checked })} />
          <span>Replace every name with a code (P001, P002…) in exported files</span>
        </label>
        <p class="explain">
          Names, emails and written answers are left out; only the details you tick below are kept as they are. A key linking the codes to the names is saved as a separate file with each export. Keep the key apart from what you share, and never send it with the files: anyone holding both can read the names.
        </p>
        {sharing.pseudonymise && attributes.length > 0 ? (
          <fieldset class="keep">
            <legend>Details to keep as they are</legend>
            <div class="keep-list">
              {attributes.map((a) => (
                <label key={a} class="check">
                  <input
                    type="checkbox"
                    checked={keep.has(a)}
                    onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      change({ keepAttributes: on ? [...sharing.keepAttributes, a] : sharing.keepAttributes.filter((k) => k !== a) });
                    }}
                  />
                  <span>
                    {a}
                    {identifying.has(a) ? <span class="explain"> (one per person: could name them)</span> : null}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
      </section>

      <section aria-labelledby="sharing-restore">
        <h3 id="sharing-restore">Names back from a key</h3>
        <p class="explain">
          Got a file back with codes instead of names? Open it with Import data (or Projects), then give its key here, or drop the key on the page. A key that does not fit changes nothing.
        </p>
        <button type="button" onClick={() => keyInput.current?.click()}>
          Restore names from a key…
        </button>
        <input
          ref={keyInput}
          type="file"
          accept=".csv,text/csv"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void restoreKey(file).then(setKeyProblems);
          }}
        />
        {keyProblems !== null ? (
          keyProblems.length > 0 ? (
            <div class="key-problems" role="alert">
              <p>The key could not be used; nothing was changed.</p>
              <ul>
                {keyProblems.map((issue, i) => (
                  <li key={i}>{formatIssue(issue)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p role="status">The names are back.</p>
          )
        ) : null}
      </section>
    </div>
  );
}
