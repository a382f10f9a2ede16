/**
 * `netweave packets` on the coalition sample (two survey waves, roster with a consent column made
 * in a temporary copy, attendance, mentorships): a zip with one page per named member and
 * index.html, no trace of anyone out or not to be named, what was left out said on standard
 * error; and the command-line mistakes it refuses (--pseudonymise, --out not a .zip, no --out).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { netweave } from './helpers/cli.ts';
import { COALITION_DIR } from './helpers/samples.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'nw-packets-'));

/** The roster with consent: every fourth person out, every fourth not to be named, the rest named. */
function roster(dir: string): { path: string; hidden: Array<{ name: string; email: string }>; named: number } {
  const [header, ...lines] = readFileSync(`${COALITION_DIR}people.csv`, 'utf8').trim().split(/\r?\n/);
  const consents = ['out', 'yes', 'unnamed', 'named'];
  const hidden: Array<{ name: string; email: string }> = [];
  let named = 0;
  const rows = lines.map((line, i) => {
    const consent = consents[i % 4]!;
    const [name, email] = line.split(',');
    if (consent === 'out' || consent === 'unnamed') hidden.push({ name: name!, email: email! });
    else named++;
    return `${line},${consent}`;
  });
  const path = join(dir, 'people.csv');
  writeFileSync(path, [`${header},consent`, ...rows].join('\n') + '\n');
  return { path, hidden, named };
}

const inputs = (rosterPath: string): string[] => [
  '--wave', `w1=${COALITION_DIR}survey_wave1.csv`,
  '--wave', `w2=${COALITION_DIR}survey_wave2.csv`,
  '--roster', rosterPath,
  '--attendance', `${COALITION_DIR}attendance.csv`,
  '--mentorships', `${COALITION_DIR}mentorships.csv`,
];

describe('netweave packets', () => {
  it('writes a zip of one page per named member, naming no one else', async () => {
    const dir = tmp();
    const people = roster(dir);
    const out = join(dir, 'packets.zip');
    const r = await netweave('packets', ...inputs(people.path), '--consent', 'consent', '--note', 'Hello <all>,\nthank you!', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const unnamed = people.hidden.length - 30;
    expect(r.stderr).toContain(`netweave: ${people.named} member packets and index.html`);
    expect(r.stderr).toContain(`no packet for ${unnamed} members not to be named (a packet is addressed to a member by name) and 30 members left out`);
    const files = Object.fromEntries(Object.entries(unzipSync(readFileSync(out))).map(([name, bytes]) => [name, strFromU8(bytes)]));
    expect(Object.keys(files)).toHaveLength(people.named + 1);
    const all = Object.values(files).join('\n');
    for (const { name, email } of people.hidden) {
      expect(all).not.toContain(name);
      expect(all).not.toContain(email);
    }
    for (const [name, page] of Object.entries(files)) {
      if (name === 'index.html') continue;
      expect(page).toMatch(/<header>[\s\S]*<div class="note">Hello &lt;all&gt;,\nthank you!<\/div>[\s\S]*<\/header>/);
      expect(page).not.toMatch(/<script/i);
    }
  });

  it('refuses --pseudonymise, an --out that is not a .zip, and no --out, before reading a file', async () => {
    const pseudo = await netweave('packets', 'missing.csv', '--pseudonymise', '--key-out', 'key.csv', '--out', 'p.zip');
    expect(pseudo.code).toBe(2);
    expect(pseudo.stderr).toContain('cannot be pseudonymised');
    const html = await netweave('packets', 'missing.csv', '--out', 'packets.html');
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('--out must name a .zip file');
    const none = await netweave('packets', 'missing.csv');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('needs --out FILE.zip');
    const note = await netweave('analyze', 'missing.csv', '--note', 'hi');
    expect(note.code).toBe(2);
    expect(note.stderr).toContain('--note goes with netweave packets');
  });
});
