/**
 * What the page's main thread does in each long task, for `npm run bench:browser -- --why`: a
 * V8 CPU profile of the page (Chrome DevTools Protocol) from the click on, and for every long
 * task the observer saw, the functions its samples fall in. Meant for a build without
 * minification (NETWEAVE_E2E_PLAIN=1, set by --why), so the names are ours.
 *
 * The profile's clock is not the page's: a marker function spins for a few milliseconds at a
 * known `performance.now()`, and its first sample ties the two together.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface TaskCause {
  /** Page time of the task's start, in ms. */
  start: number;
  durationMs: number;
  /** Milliseconds by the function a sample was in (garbage collection and native work by their own names). */
  self: Array<{ what: string; ms: number }>;
  /** Milliseconds by our own functions anywhere on the stack: the steps the task went through. */
  within: Array<{ what: string; ms: number }>;
}

const MARK = '__netweaveProfileMark';

export class PageProfile {
  private constructor(
    private readonly cdp: CDPSession,
    /** Page time (ms) at which the marker last started spinning. */
    private markAt: number,
  ) {}

  static async start(page: Page, intervalMicros = 250): Promise<PageProfile> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: intervalMicros });
    await cdp.send('Profiler.start');
    return new PageProfile(cdp, await mark(page));
  }

  /**
   * Ties the clocks again, after the page reloaded (a new document starts its own clock; the
   * profile goes on, in the same process). Tasks are then read on the new document's clock.
   */
  async remark(page: Page): Promise<void> {
    this.markAt = await mark(page);
  }

  /** Stops profiling and says what each of `tasks` (page times, ms) spent its time on. */
  async causes(tasks: Array<{ start: number; duration: number }>, top = 6): Promise<TaskCause[]> {
    const { profile } = (await this.cdp.send('Profiler.stop')) as { profile: Profile };
    await this.cdp.detach();
    return causesIn(profile, this.markAt, tasks, top);
  }
}

/** Spins the marker for a few milliseconds; returns the page time it started at. */
async function mark(page: Page): Promise<number> {
  // A string, so that no bundler renames the marker.
  return (await page.evaluate(`(() => { const t = performance.now(); function ${MARK}() { while (performance.now() - t < 8) {} } ${MARK}(); return t; })()`)) as number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (url === '') return functionName || '(anonymous)';
  return `${functionName || '(anonymous)'} ${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}`;
}

export function causesIn(profile: Profile, markAt: number, tasks: Array<{ start: number; duration: number }>, top: number): TaskCause[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Sample times in µs on the profile's clock.
  const times = new Float64Array(profile.samples.length);
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times[i] = t;
  }
  const marked = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)?.callFrame.functionName === MARK) return true;
    return false;
  };
  // The first sample of the last time the marker spun (see remark).
  let first = profile.samples.findLastIndex(marked);
  if (first < 0) return [];
  while (first > 0 && marked(profile.samples[first - 1]!)) first--;
  // Profile µs → page ms.
  const offset = times[first]! / 1000 - markAt;
  const ours = (n: ProfileNode): boolean => n.callFrame.url.includes('/assets/');
  return tasks.map((task) => {
    const self = new Map<string, number>();
    const within = new Map<string, number>();
    const from = (task.start + offset) * 1000;
    const to = (task.start + task.duration + offset) * 1000;
    for (let i = 0; i < times.length; i++) {
      if (times[i]! < from || times[i]! > to) continue;
      const ms = ((times[i + 1] ?? times[i]!) - times[i]!) / 1000;
      const node = byId.get(profile.samples[i]!)!;
      self.set(label(node), (self.get(label(node)) ?? 0) + ms);
      const seen = new Set<string>();
      for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
        const n = byId.get(at)!;
        if (!ours(n)) continue;
        const key = label(n);
        if (seen.has(key)) continue;
        seen.add(key);
        within.set(key, (within.get(key) ?? 0) + ms);
      }
    }
    const ranked = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([what, ms]) => ({ what, ms }));
    return { start: task.start, durationMs: task.duration, self: ranked(self), within: ranked(within) };
  });
}
