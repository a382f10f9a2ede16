/**
 * Member packets: the weaver writes a note for the top of every page, sees how many members get
 * a packet (those who agreed to be named) and why the others do not, makes them (in the worker,
 * with progress and Cancel) and saves the zip. The making and saving are handed in as props.
 */
import { useRef, useState } from 'preact/hooks';
import { Modal } from './modal.tsx';
import type { Person } from '../../engine/core/model/records.ts';
import type { SharingSettings } from '../../engine/core/model/project.ts';
import type { PacketsMade } from '../../engine/export/packets/shared-packets.ts';
import { packetCount } from '../../engine/export/packets/packet-count.ts';
import './packets-dialog.css';

export interface PacketsDialogProps {
  open: boolean;
  close: () => void;
  people: readonly Person[];
  sharing: SharingSettings;
  /** Makes the packets with this note at the top of every page (in the worker). */
  make: (note: string, onProgress: (step: string, fraction: number) => void) => Promise<PacketsMade>;
  /** Saves the zip; returns the file's name. */
  save: (made: PacketsMade) => string;
  /** Stops the making. */
  cancel: () => void;
}

type Phase =
  | { kind: 'ready' }
  | { kind: 'working'; step: string; fraction: number }
  | { kind: 'saved'; file: string; packets: number }
  | { kind: 'failed'; message: string };

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** What the worker is doing, in words: the analysis's steps, then the pages, then the zip. */
export function packetStep(step: string): string {
  if (step === 'packets') return 'Writing the pages';
  if (step === 'zip' || step === 'done') return 'Putting them in a zip';
  if (step === 'applying consent') return 'Applying consent';
  return `Analysing the shared network (${step})`;
}

/** "41 members get a packet. 5 not to be named and 3 left out get none: …". */
export function countText(counts: { named: number; unnamed: number; out: number }): string[] {
  const lines = [`${plural(counts.named, 'member gets', 'members get')} a packet.`];
  const none: string[] = [];
  if (counts.unnamed > 0) none.push(`${counts.unnamed.toLocaleString('en')} not to be named`);
  if (counts.out > 0) none.push(`${counts.out.toLocaleString('en')} left out`);
  if (none.length > 0) lines.push(`${none.join(' and ')} get none: a packet is addressed to a member by name, and on the others' pages they appear only as “a member” or not at all.`);
  return lines;
}

export function PacketsDialog(props: PacketsDialogProps) {
  return (
    <Modal open={props.open} title="Member packets" close={props.close} class="packets-dialog">
      {props.open ? <PacketsBody {...props} /> : null}
    </Modal>
  );
}

function PacketsBody({ people, sharing, make, save, cancel }: PacketsDialogProps) {
  const [note, setNote] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const counts = packetCount(people, sharing);
  const working = phase.kind === 'working';
  // Read after the await: a Cancel clicked meanwhile is a choice, not a failure to report.
  const cancelled = useRef(false);

  const run = async (): Promise<void> => {
    cancelled.current = false;
    setPhase({ kind: 'working', step: 'applying consent', fraction: 0 });
    try {
      const made = await make(note, (step, fraction) => setPhase((p) => (p.kind === 'working' ? { kind: 'working', step, fraction } : p)));
      setPhase({ kind: 'saved', file: save(made), packets: made.packets });
    } catch (error) {
      setPhase(cancelled.current ? { kind: 'ready' } : { kind: 'failed', message: (error as Error).message });
    }
  };

  return (
    <div class="packets-body">
      <p>
        One short page for each member: their circle, where they sit in the network in plain words, introductions suggested for them and the rare skills they hold. Each page is its own file, in one zip, with a list for you of who gets which.
      </p>
      {countText(counts).map((line, i) => (
        <p key={i} class={i === 0 ? 'packet-count' : 'muted'}>
          {i === 0 ? <strong>{line}</strong> : line}
        </p>
      ))}
      {sharing.pseudonymise ? <p class="muted">Pseudonyms do not apply here: each packet is addressed to a member by name.</p> : null}
      <label class="field">
        <span>Your note, at the top of every page</span>
        <textarea value={note} disabled={working} placeholder="Thank you for taking part…" onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      {phase.kind === 'working' ? (
        <div class="working" role="status">
          <progress key={phase.fraction > 0 ? 'known' : 'unknown'} aria-label={packetStep(phase.step)} max={1} value={phase.fraction > 0 ? phase.fraction : undefined} />
          <span>{packetStep(phase.step)}</span>
          <button
            type="button"
            class="small"
            onClick={() => {
              cancelled.current = true;
              cancel();
            }}
          >
            Cancel
          </button>
        </div>
      ) : null}
      {phase.kind === 'saved' ? <p role="status">{`${plural(phase.packets, 'packet', 'packets')} saved as ${phase.file}.`}</p> : null}
      {phase.kind === 'failed' ? <p class="problem" role="alert">{`The packets could not be made: ${phase.message}`}</p> : null}
      <div class="actions">
        <button type="button" class="primary" disabled={working || counts.named === 0} onClick={() => void run()}>
          {phase.kind === 'saved' ? 'Make them again' : 'Make the packets'}
        </button>
      </div>
      {counts.named === 0 ? <p class="muted">No member has agreed to be named yet: choose who did in Sharing.</p> : null}
    </div>
  );
}
