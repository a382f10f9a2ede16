/**
 * `netweave packets`: one short HTML page per member who agreed to be named, in a zip, from the
 * same inputs as `analyze`. Reading, consent and analysis are analyze's (`analyzeInputs`, handed
 * in by src/cli.ts so that this file does not import it back); this file checks the packets' own
 * flags, makes the pages with the engine and writes the zip.
 */
import { writeFileSync } from 'node:fs';
import type { Dataset } from './engine/core/model/dataset.ts';
import type { AnalysisResult } from './engine/analysis/analysis-result.ts';
import { memberPackets } from './engine/export/packets/member-packets.ts';

/** The flags the packets read themselves (the rest are analyze's). */
export interface PacketFlags {
  note?: string;
  out?: string;
  pseudonymise?: boolean;
}

/** What the inputs became (src/cli.ts's `Analysed`, as far as the packets need it). */
export interface PacketsAnalysed {
  dataset: Dataset;
  result: AnalysisResult;
  sharing?: { leftOut: number };
}

export interface PacketsCommand<V extends PacketFlags> {
  /** analyze's reading and analysing of the inputs. */
  analyze(values: V, inputs: string[]): Promise<PacketsAnalysed>;
  /** A mistake in the command line (exit code 2). */
  usage(message: string): Error;
}

/** "1 member", "3 members". */
function counted(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}

/** "7 December 2026", the date the pages say they were made. */
function today(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export async function runPackets<V extends PacketFlags>(values: V, inputs: string[], command: PacketsCommand<V>): Promise<void> {
  // A packet is addressed to a named person: codes instead of names would make it no one's.
  if (values.pseudonymise) throw command.usage('netweave packets cannot be pseudonymised: each packet is addressed to a member by name. Use --consent COLUMN to leave out or not name the people who did not agree.');
  if (values.out === undefined) throw command.usage('netweave packets needs --out FILE.zip (e.g. --out packets.zip).');
  if (!/\.zip$/i.test(values.out)) throw command.usage(`--out must name a .zip file for netweave packets (e.g. packets.zip); got "${values.out}".`);
  const { dataset, result, sharing } = await command.analyze(values, inputs);
  const packets = memberPackets({ dataset, result, leftOut: sharing?.leftOut ?? 0 }, { ...(values.note !== undefined ? { note: values.note } : {}), date: today() });
  if (packets.packets === 0) throw new Error('no member agreed to be named, so there is no one to write a packet for; nothing was written.');
  writeFileSync(values.out, packets.zip);
  const none: string[] = [];
  if (packets.skipped.unnamed > 0) none.push(`${counted(packets.skipped.unnamed, 'member')} not to be named (a packet is addressed to a member by name)`);
  if (packets.skipped.leftOut > 0) none.push(`${counted(packets.skipped.leftOut, 'member')} left out`);
  process.stderr.write(`netweave: ${counted(packets.packets, 'member packet')} and index.html (${Math.round(packets.zip.length / 1024)} kB) -> ${values.out}\n`);
  if (none.length > 0) process.stderr.write(`netweave: no packet for ${none.join(' and ')}.\n`);
}
