/**
 * Member packets from the app: the action makes them through the worker's own API (run in this
 * thread) from the open demo project and its sharing settings, and saves one zip; the dialog's
 * words say how many members get one and what the worker is doing.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { AppStore } from '../../src/viz/state/app-state.ts';
import { createAppContext, type AppContext } from '../../src/viz/actions/context.ts';
import { openDemo } from '../../src/viz/actions/projects.ts';
import { updateProject } from '../../src/viz/actions/analysis.ts';
import { makePackets, packetsFileName, savePackets } from '../../src/viz/actions/packets.ts';
import { countText, packetStep } from '../../src/viz/components/packets-dialog.tsx';
import type { DownloadFile } from '../../src/viz/actions/exports.ts';
import type { ProjectDb } from '../../src/viz/state/project-db.ts';
import type { EngineClient } from '../../src/workers/engine-client.ts';
import { engineApi } from '../../src/workers/engine-api.ts';
import { ok } from '../../src/engine/core/util/result.ts';
import { packetCount } from '../../src/engine/export/packets/packet-count.ts';
import { unpackDataset } from '../../src/engine/core/model/packed-dataset.ts';

/** The worker's API in this thread, shaped as the page's client, counting analyses. */
function context(): AppContext & { files: DownloadFile[]; analyses: () => number } {
  const analyze = vi.fn((options, onProgress) => engineApi.analyze(options, onProgress));
  const engine = {
    importFiles: async (files, options) => {
      const r = engineApi.importFiles(files, options);
      return r.ok ? ok(unpackDataset(r.value), r.issues) : r;
    },
    setDataset: (dataset) => engineApi.setDataset(dataset),
    analyze,
    analyzeSystemMap: async (map, people) => engineApi.analyzeSystemMap(map, people),
    memberPackets: (dataset, request, onProgress) => {
      engineApi.setDataset(dataset);
      return engineApi.memberPackets(request, onProgress);
    },
    cancel: () => undefined,
  } as Partial<EngineClient> as EngineClient;
  const files: DownloadFile[] = [];
  const db = { save: async () => undefined, load: async () => null, current: async () => null } as unknown as ProjectDb;
  const ctx = createAppContext(new AppStore(), engine, db, { saveFiles: (f) => files.push(...f), mapPicture: async () => undefined, isSmallScreen: () => false });
  return Object.assign(ctx, { files, analyses: () => analyze.mock.calls.length });
}

describe('member packets in the app', () => {
  it('makes one page per named member of the open project, honouring its consent choices, and saves a zip', async () => {
    const ctx = context();
    await openDemo(ctx);
    const project = ctx.store.get().project!;
    const people = project.dataset.people;
    // The demo's roster has a consent column ("consent to share"); two choices made in the app win over it.
    expect(project.sharing.consentColumn).toBe('consent to share');
    const [out, unnamed] = [people[0]!, people[1]!];
    const sharing = { ...project.sharing, consent: { [out.id]: 'out' as const, [unnamed.id]: 'unnamed' as const } };
    updateProject(ctx, { sharing });
    const counts = packetCount(people, sharing);
    const steps: string[] = [];
    const made = await makePackets(ctx, 'Thank you for coming!', (step) => steps.push(step));
    expect(made.packets).toBe(counts.named);
    expect(made.skipped).toEqual({ unnamed: counts.unnamed, leftOut: counts.out });
    expect(steps).toContain('packets');
    const name = savePackets(ctx, made);
    expect(name).toBe(packetsFileName(ctx.store.get().project!.name));
    expect(ctx.files).toEqual([{ name, content: made.zip, type: 'application/zip' }]);
    const files = Object.entries(unzipSync(made.zip)).map(([file, bytes]) => [file, strFromU8(bytes)] as const);
    expect(files).toHaveLength(counts.named + 1);
    const all = files.map(([, page]) => page).join('\n');
    for (const hidden of [out, unnamed]) {
      expect(all).not.toContain(hidden.label);
      expect(all).not.toContain(String(hidden.attributes.email));
    }
    expect(all).toContain('Thank you for coming!');
  });

  it('reuses the analysis on screen when everyone is named', async () => {
    const ctx = context();
    await openDemo(ctx);
    updateProject(ctx, { sharing: { ...ctx.store.get().project!.sharing, consentColumn: '', consent: {} } });
    const before = ctx.analyses();
    const steps: string[] = [];
    const made = await makePackets(ctx, '', (step) => steps.push(step));
    expect(ctx.analyses()).toBe(before);
    // Not sent by the page: the worker recalled the analysis it made, and ran none.
    expect(steps).toContain('recalled');
    expect(steps).not.toContain('shortest paths');
    expect(made.packets).toBe(ctx.store.get().project!.dataset.people.length);
  });

  it('says how many members get a packet and what the worker is doing', () => {
    expect(countText({ named: 41, unnamed: 5, out: 3 })).toEqual([
      '41 members get a packet.',
      '5 not to be named and 3 left out get none: a packet is addressed to a member by name, and on the others\' pages they appear only as “a member” or not at all.',
    ]);
    expect(countText({ named: 1, unnamed: 0, out: 0 })).toEqual(['1 member gets a packet.']);
    expect(packetStep('packets')).toBe('Writing the pages');
    expect(packetStep('reach')).toBe('Analysing the shared network (reach)');
  });
});
