/**
 * Packets from a project's sharing settings (the app's way): the consent column overridden by
 * per-person choices, the analysis run again on the shared dataset when anyone is out or not
 * named and reused when everyone is named; file names safe and unique.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { sharedPackets } from '../../../../src/engine/export/packets/shared-packets.ts';
import { packetCount } from '../../../../src/engine/export/packets/packet-count.ts';
import { fileNamer, fileStem } from '../../../../src/engine/export/packets/file-names.ts';
import { runAnalysis } from '../../../../src/engine/analysis/run-analysis.ts';
import { emptyDataset, type Dataset } from '../../../../src/engine/core/model/dataset.ts';

const dataset: Dataset = {
  ...emptyDataset('Riverbend'),
  people: [
    { id: 'ana', label: 'Ana Lima', attributes: { consent: 'yes', sector: 'Policy' } },
    { id: 'ben', label: 'Ben Okafor', attributes: { consent: 'yes', sector: 'Youth' } },
    { id: 'cy', label: 'Cy Diaz', attributes: { consent: 'no', sector: 'Youth' } },
    { id: 'dee', label: 'Dee Moreau', attributes: { consent: 'yes', sector: 'Policy' } },
    { id: 'eve', label: 'Ana Lima', attributes: { consent: 'yes', sector: 'Youth' } },
  ],
  ties: [
    { source: 'ana', target: 'ben', relation: 'works with', directed: false, weight: 1 },
    { source: 'ben', target: 'cy', relation: 'works with', directed: false, weight: 1 },
    { source: 'cy', target: 'dee', relation: 'works with', directed: false, weight: 1 },
    { source: 'dee', target: 'ana', relation: 'works with', directed: false, weight: 1 },
    { source: 'eve', target: 'ben', relation: 'works with', directed: false, weight: 1 },
  ],
};

const unzip = (zip: Uint8Array): Record<string, string> => Object.fromEntries(Object.entries(unzipSync(zip)).map(([name, bytes]) => [name, strFromU8(bytes)]));

describe('packets from sharing settings', () => {
  it('applies the column and the choices that win over it, and analyses the shared dataset again', async () => {
    const sharing = { consentColumn: 'consent', consent: { dee: 'unnamed' as const } };
    expect(packetCount(dataset.people, sharing)).toEqual({ named: 3, unnamed: 1, out: 1 });
    const analyze = vi.fn((d: Dataset) => runAnalysis(d, {}));
    const made = await sharedPackets({ dataset, sharing, analysis: async () => runAnalysis(dataset, {}), analyze }, { note: 'Hi' });
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze.mock.calls[0]![0].people).toHaveLength(4);
    expect(made.packets).toBe(3);
    expect(made.skipped).toEqual({ unnamed: 1, leftOut: 1 });
    const files = unzip(made.zip);
    // Two members called Ana Lima: numbered, not overwritten.
    expect(Object.keys(files).sort()).toEqual(['ana-lima-2.html', 'ana-lima.html', 'ben-okafor.html', 'index.html']);
    const all = Object.values(files).join('\n');
    expect(all).not.toContain('Cy Diaz');
    expect(all).not.toContain('Dee Moreau');
    expect(files['ana-lima.html']).toContain('a member');
  });

  it('uses the analysis as it is when everyone is named', async () => {
    const analyze = vi.fn((d: Dataset) => runAnalysis(d, {}));
    const made = await sharedPackets({ dataset, sharing: { consentColumn: '', consent: {} }, analysis: async () => runAnalysis(dataset, {}), analyze });
    expect(analyze).not.toHaveBeenCalled();
    expect(made.packets).toBe(5);
    expect(made.skipped).toEqual({ unnamed: 0, leftOut: 0 });
  });
});

describe('packet file names', () => {
  it('are safe and unique whatever the label', () => {
    expect(fileStem("Zoë O'Neil")).toBe('zoe-o-neil');
    expect(fileStem('../../etc/passwd')).toBe('etc-passwd');
    expect(fileStem('C:\\Users\\x')).toBe('c-users-x');
    expect(fileStem('李雷')).toBe('李雷');
    expect(fileStem('<>')).toBe('member');
    expect(fileStem('CON')).toBe('con-member');
    expect(fileStem('Index')).toBe('index-member');
    const name = fileNamer();
    expect(['Ann Lee', 'ann lee', 'ANN-LEE', '', '  '].map(name)).toEqual(['ann-lee.html', 'ann-lee-2.html', 'ann-lee-3.html', 'member.html', 'member-2.html']);
  });
});
