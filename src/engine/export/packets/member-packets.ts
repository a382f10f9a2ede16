/**
 * Member packets: one HTML page per member who agreed to be named (people not to be named and
 * people left out get none: a packet is addressed to a named person), as files and as one zip
 * with index.html for the weaver. Everything comes from the analysis of the dataset as it may be
 * shared, so no page can name or count anyone the consent keeps out.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { checkCancelled, type RunHooks } from '../../core/util/cancel.ts';
import { fileNamer } from './file-names.ts';
import { indexPage, type IndexEntry, type PacketsSkipped } from './index-page.ts';
import { memberView } from './member-view.ts';
import { resolvePacketOptions, type PacketInput, type PacketOptions } from './packet-options.ts';
import { packetPage, type PacketContext } from './packet-page.ts';
import { rareSkillsByPerson } from './rare-skills.ts';

export interface PacketFile {
  name: string;
  content: string;
}

export interface MemberPackets {
  /** One page per named member, in the analysis's order, then index.html (unless turned off). */
  files: PacketFile[];
  zip: Uint8Array;
  /** How many packets: one per named member. */
  packets: number;
  skipped: PacketsSkipped;
}

function packetContext(input: PacketInput, options: PacketOptions): PacketContext {
  return {
    view: memberView(input),
    introductions: input.result.introductions,
    rareSkills: rareSkillsByPerson(input.result.skills),
    options: resolvePacketOptions(input, options),
  };
}

/** One member's page. Throws when the person is not in the analysis or may not be named. */
export function memberPacket(input: PacketInput, person: string, options: PacketOptions = {}): string {
  const context = packetContext(input, options);
  const v = context.view.indexOf.get(person);
  if (v === undefined) throw new Error(`member-packets: "${person}" is not in the analysis.`);
  if (!context.view.named[v]) throw new Error('member-packets: this person is not to be named, so gets no packet.');
  return packetPage(context, v);
}

/** Every named member's page and the zip of them all. */
export function memberPackets(input: PacketInput, options: PacketOptions = {}, hooks?: RunHooks): MemberPackets {
  const context = packetContext(input, options);
  const { view } = context;
  const nameFile = fileNamer();
  const files: PacketFile[] = [];
  const entries: IndexEntry[] = [];
  const total = view.ids.length;
  for (let v = 0; v < total; v++) {
    if (!view.named[v]) continue;
    if (v % 50 === 0) {
      checkCancelled(hooks);
      hooks?.onProgress?.('packets', v / total);
    }
    const name = nameFile(view.shownLabel[v]!);
    files.push({ name, content: packetPage(context, v) });
    entries.push({ label: view.shownLabel[v]!, file: name });
  }
  const skipped: PacketsSkipped = { unnamed: total - entries.length, leftOut: input.leftOut ?? 0 };
  entries.sort((a, b) => a.label.localeCompare(b.label) || a.file.localeCompare(b.file));
  if (context.options.index) files.push({ name: 'index.html', content: indexPage(entries, skipped, context.options) });
  hooks?.onProgress?.('zip', 0);
  const zippable: Zippable = {};
  for (const file of files) zippable[file.name] = [strToU8(file.content), { mtime: context.options.modified }];
  const zip = zipSync(zippable, { level: 6 });
  hooks?.onProgress?.('done', 1);
  return { files, zip, packets: entries.length, skipped };
}
