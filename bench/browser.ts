/**
 * Browser benchmark: the built app in Debian's Chromium (playwright-core, software WebGL),
 * importing a generated edge list through the import dialog as a user would, then drawing it.
 *
 *   npm run bench:browser -- [--sizes medium,large,huge] [--seed N] [--no-interaction] [--why]
 *
 * The default sizes are medium (10,000 people, 40,000 ties: a map that draws its ties and
 * animates its layout, the hard case where WebGL runs in software, as here with --disable-gpu)
 * and large (50,000 / 250,000). Reports, per size: time from "Import and analyse" to the import finishing, to the analysis
 * finishing, and to the people table showing every row ("import to summary"); every long task
 * (> 50 ms on the page's main thread) by phase, up to a drawn map whose layout has stopped and after; the peak memory of the whole browser (the sum
 * of proportional set sizes of every Chromium process: page, workers, GPU process); and how the
 * map responds to zooming and panning once drawn (frame intervals while the camera moves); then
 * the page is reloaded and the project reopened from storage, with its long tasks; then the
 * Projects dialog lists every project kept in the browser, with its long tasks.
 * Each long task is listed with the long animation frame it fell in; with --why, the app is built
 * without minification and the page's main thread profiled, and each long task also lists the
 * functions its time went to (browser-why.ts).
 * Figures only: nothing here asserts on time. Raw results go to bench/out/browser-<sizes>.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chooseFiles, closeApp, openApp, startApp, stopApp, stopLayout } from '../test/e2e/harness.ts';
import { generateGraph, type EdgeList } from './generate-graph.ts';
import { BROWSER_SIZES, parseBrowserArgs, type BrowserSize } from './browser-args.ts';
import { formatSeconds, logStep } from './timing.ts';
import { PageProfile, type TaskCause } from './browser-why.ts';

/** A long animation frame (the Long Animation Frames API), as the probe keeps it. */
interface LongFrame {
  start: number;
  duration: number;
  /** When the frame's rendering began (0: it rendered nothing) and its style and layout. */
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: Array<{ invoker: string; duration: number; forcedStyleAndLayoutDuration: number }>;
}

interface Probe {
  clickedAt: number;
  /** Every distinct status-bar text, with when it first showed. */
  statuses: Array<{ at: number; text: string }>;
  analysingAt: number | null;
  resultsAt: number | null;
  tableAt: number | null;
  /** The map taken down for the new analysis (data-state "building"). */
  mapBuildingAt: number | null;
  /** After that: the map drawn and its layout stopped ("Run layout" shows again). */
  mapSettledAt: number | null;
  longTasks: Array<{ start: number; duration: number }>;
  /** Long animation frames (over 50 ms): how much of each was rendering, and which scripts ran. */
  frames: LongFrame[];
}

/** Proportional set size (KiB) of a process, from smaps_rollup; 0 when it has gone. */
function pssKiB(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const match = /^Pss:\s+(\d+) kB/m.exec(text);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** A process's command line ('' once it has gone). */
function cmdlineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** Every process descended from this one (Chromium and its children), by walking /proc. */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is parenthesised and may hold spaces: the parent pid follows its ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const pid = Number(entry);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * Samples the browser's total PSS every `intervalMs` until stopped; keeps the peak, and the
 * peak of the biggest renderer process: the app's tab, its page and every worker it started.
 */
class BrowserMemory {
  peakMiB = 0;
  tabPeakMiB = 0;
  private timer: NodeJS.Timeout | null = null;

  start(intervalMs = 250): void {
    this.peakMiB = 0;
    this.tabPeakMiB = 0;
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): number {
    // Chromium is launched by this process; other children (Vite's esbuild service) are not the browser.
    const chromium = descendants(process.pid)
      .map((pid) => ({ cmdline: cmdlineOf(pid), pss: pssKiB(pid) }))
      .filter((p) => p.cmdline.includes('chromium'));
    const mib = chromium.reduce((sum, p) => sum + p.pss, 0) / 1024;
    this.peakMiB = Math.max(this.peakMiB, mib);
    const tab = Math.max(0, ...chromium.filter((p) => p.cmdline.includes('--type=renderer')).map((p) => p.pss)) / 1024;
    this.tabPeakMiB = Math.max(this.tabPeakMiB, tab);
    return mib;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peakMiB;
  }
}

function edgeCsv(list: EdgeList): Buffer {
  // Names rather than bare numbers, as real exports have.
  const name = (i: number) => `member-${i}`;
  const lines = ['source,target'];
  for (let e = 0; e < list.source.length; e++) lines.push(`${name(list.source[e]!)},${name(list.target[e]!)}`);
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

async function installProbe(page: Page, people: number): Promise<void> {
  await page.evaluate((expectedRows) => {
    const probe: Probe = { clickedAt: performance.now(), statuses: [], analysingAt: null, resultsAt: null, tableAt: null, mapBuildingAt: null, mapSettledAt: null, longTasks: [], frames: [] };
    (window as unknown as { __probe: Probe }).__probe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: false });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as Array<Omit<LongFrame, "start"> & { startTime: number }>) {
        probe.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          renderStart: entry.renderStart,
          styleAndLayoutStart: entry.styleAndLayoutStart,
          scripts: entry.scripts.map((x) => ({ invoker: x.invoker, duration: x.duration, forcedStyleAndLayoutDuration: x.forcedStyleAndLayoutDuration })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
    const record = (text: string): void => {
      const last = probe.statuses[probe.statuses.length - 1];
      // Step names, not percentages: the figures are "when did this step start".
      const step = text.replace(/\d+(\.\d+)?\s*%/g, '').replace(/Cancel$/, '').trim();
      if (step && last?.text !== step) probe.statuses.push({ at: performance.now(), text: step });
    };
    const status = document.querySelector('.status')!;
    new MutationObserver(() => {
      const now = performance.now();
      const working = status.classList.contains('working');
      const text = status.textContent ?? '';
      record(text);
      if (working && text.startsWith('Analysing')) probe.analysingAt ??= now;
      else if (probe.analysingAt !== null && probe.resultsAt === null && !working) probe.resultsAt = now;
    }).observe(status, { childList: true, subtree: true, characterData: true, attributes: true });
    const dialogLine = document.querySelector('.import-dialog');
    if (dialogLine) new MutationObserver(() => record(`dialog: ${document.querySelector('.import-dialog .busy-line, .import-dialog progress')?.parentElement?.textContent ?? ''}`)).observe(dialogLine, { childList: true, subtree: true, characterData: true });
    const rowsText = `${expectedRows.toLocaleString('en')} of ${expectedRows.toLocaleString('en')} rows`;
    const tableObserver = new MutationObserver(() => {
      if (document.querySelector('.table-host .vt-tools .muted')?.textContent === rowsText) {
        probe.tableAt = performance.now();
        tableObserver.disconnect();
      }
    });
    tableObserver.observe(document.querySelector('.table-host')!, { childList: true, subtree: true, characterData: true });
    const map = document.querySelector<HTMLElement>('section.map')!;
    const mapObserver = new MutationObserver(() => {
      if (probe.mapBuildingAt === null) {
        if (map.dataset.state === 'building') probe.mapBuildingAt = performance.now();
        return;
      }
      const button = [...map.querySelectorAll('.map-controls button')].some((b) => b.textContent === 'Run layout');
      if (map.dataset.state === 'drawn' && button) {
        probe.mapSettledAt = performance.now();
        mapObserver.disconnect();
      }
    });
    mapObserver.observe(map, { attributes: true, attributeFilter: ['data-state'], childList: true, subtree: true, characterData: true });
  }, people);
}

interface FrameStats {
  frames: number;
  seconds: number;
  medianMs: number;
  p95Ms: number;
  worstMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/**
 * Zooms and pans the map for a few seconds with the mouse (wheel, then drag) and records the
 * interval between animation frames and any long task meanwhile.
 */
async function measureInteraction(page: Page): Promise<FrameStats> {
  const canvas = page.locator('.map-canvas canvas').last();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the map canvas is not on screen');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __tasks: number[]; __stop: boolean };
    w.__frames = [];
    w.__tasks = [];
    w.__stop = false;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = (now: number): void => {
      w.__frames.push(now - last);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, i < 6 ? -240 : 240);
    await page.waitForTimeout(120);
  }
  await page.mouse.down();
  for (let i = 0; i < 30; i++) {
    await page.mouse.move(cx + 200 * Math.sin(i / 5), cy + 120 * Math.cos(i / 5));
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
  await page.waitForTimeout(300);
  const { frames, tasks } = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __tasks: number[]; __stop: boolean };
    w.__stop = true;
    return { frames: w.__frames.slice(1), tasks: w.__tasks };
  });
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return {
    frames: frames.length,
    seconds: (Date.now() - started) / 1000,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    worstMs: sorted[sorted.length - 1] ?? 0,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
  };
}

/** One export made from the Export menu: how long until its file came, and the long tasks meanwhile. */
interface ExportMeasure {
  what: string;
  seconds: number;
  longTasks: Array<{ durationMs: number; cause: TaskCause | null }>;
}

/** The Export menu's entries measured; those with a dialog are made with its button. */
const EXPORTS_MEASURED: Array<{ what: string; entry: RegExp; dialog?: { name: string; button: string } }> = [
  { what: 'people and metrics (CSV)', entry: /^People and metrics \(CSV\)/ },
  { what: 'network for Gephi (GEXF)', entry: /^Network for Gephi \(GEXF\)/ },
  { what: 'report to share (HTML)', entry: /^Report to share/, dialog: { name: 'Make a report', button: 'Make report' } },
];

/** Starts recording the page's long tasks from now on (and forgets those recorded before). */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __watchedTasks: Array<{ start: number; duration: number }>; __taskObserver?: PerformanceObserver };
    w.__taskObserver?.disconnect();
    w.__watchedTasks = [];
    w.__taskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__watchedTasks.push({ start: e.startTime, duration: e.duration });
    });
    w.__taskObserver.observe({ type: 'longtask', buffered: false });
  });
}

/** The long tasks recorded since watchLongTasks. */
async function watchedLongTasks(page: Page): Promise<Array<{ start: number; duration: number }>> {
  return (await page.evaluate('window.__watchedTasks')) as Array<{ start: number; duration: number }>;
}

/** The Projects dialog opened: how long until every stored project is listed, and the long tasks meanwhile. */
interface ProjectsMeasure {
  seconds: number;
  projects: number;
  longTasks: Array<{ durationMs: number; cause: TaskCause | null }>;
}

/**
 * Opens the Projects dialog as a user would and records the long tasks until it lists every
 * project kept in this browser (the one just imported among them), then closes it.
 */
async function measureProjects(page: Page, why: boolean): Promise<ProjectsMeasure> {
  await watchLongTasks(page);
  const profile = why ? await PageProfile.start(page) : null;
  const started = Date.now();
  await page.locator('header.topbar').getByRole('button', { name: 'Projects' }).click();
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  const names = dialog.getByRole('textbox', { name: /^Name of project / });
  await names.first().waitFor({ timeout: 10 * 60_000 });
  const seconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(500);
  const tasks = await watchedLongTasks(page);
  const causes = profile ? await profile.causes(tasks) : null;
  const projects = await names.count();
  await page.keyboard.press('Escape');
  return { seconds, projects, longTasks: tasks.map((t, i) => ({ durationMs: t.duration, cause: causes?.[i] ?? null })) };
}

/**
 * Makes each export as a user would (the Export menu, then the dialog's button where it has one)
 * and records the long tasks from the click until the file is handed to the browser.
 */
async function measureExports(page: Page, why: boolean): Promise<ExportMeasure[]> {
  const measured: ExportMeasure[] = [];
  for (const spec of EXPORTS_MEASURED) {
    await page.locator('header.topbar').getByRole('button', { name: 'Export ▾' }).click();
    const item = page.getByRole('menuitem', { name: spec.entry });
    const dialog = spec.dialog ? page.getByRole('dialog', { name: spec.dialog.name }) : null;
    // An entry with a dialog opens it first; the measure starts at the dialog's button.
    if (dialog) {
      await item.click();
      await dialog.waitFor();
    }
    await watchLongTasks(page);
    const profile = why ? await PageProfile.start(page) : null;
    const started = Date.now();
    const download = page.waitForEvent('download', { timeout: 10 * 60_000 });
    await (dialog && spec.dialog ? dialog.getByRole('button', { name: spec.dialog.button }) : item).click();
    await download;
    const seconds = (Date.now() - started) / 1000;
    await page.waitForTimeout(500);
    const tasks = await watchedLongTasks(page);
    const causes = profile ? await profile.causes(tasks) : null;
    measured.push({ what: spec.what, seconds, longTasks: tasks.map((t, i) => ({ durationMs: t.duration, cause: causes?.[i] ?? null })) });
    // A dialog still open after saving is closed before the next export.
    if (dialog && (await dialog.isVisible())) await page.keyboard.press('Escape');
  }
  return measured;
}

interface Reopened {
  /** From the reload until the table shows every row (the analysis runs again), and until the map is drawn and settled. */
  tableSeconds: number;
  mapSeconds: number;
  longTasks: Array<{ startSeconds: number; durationMs: number; cause: TaskCause | null }>;
}

/**
 * Reopens the project as a user coming back would (the page reloaded: the project read back from
 * this browser's storage, analysed again, drawn) and records the long tasks until its map is
 * drawn and settled.
 */
async function measureReopen(page: Page, people: number, why: boolean): Promise<Reopened> {
  // The profile starts before the reload: the tasks of the app's first moments are the ones to see.
  const profile = why ? await PageProfile.start(page) : null;
  await page.addInitScript(`window.__reopen = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__reopen.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true });`);
  const started = Date.now();
  await page.reload();
  const rowsText = `${people.toLocaleString('en')} of ${people.toLocaleString('en')} rows`;
  // Predicates as functions: the app's Content-Security-Policy refuses strings evaluated as code.
  await page.waitForFunction((text) => document.querySelector('.table-host .vt-tools .muted')?.textContent === text, rowsText, { timeout: 30 * 60_000, polling: 250 });
  const tableSeconds = (Date.now() - started) / 1000;
  await page.waitForFunction(() => document.querySelector<HTMLElement>('section.map')?.dataset.state === 'drawn' && [...document.querySelectorAll('.map-controls button')].some((b) => b.textContent === 'Run layout'), undefined, { timeout: 180_000, polling: 250 });
  const mapSeconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(3_000);
  const tasks = (await page.evaluate('window.__reopen')) as Array<{ start: number; duration: number }>;
  await profile?.remark(page);
  const causes = profile ? await profile.causes(tasks) : null;
  return { tableSeconds, mapSeconds, longTasks: tasks.map((t, i) => ({ startSeconds: t.start / 1000, durationMs: t.duration, cause: causes?.[i] ?? null })) };
}

interface SizeResult {
  size: string;
  nodes: number;
  edges: number;
  fileMiB: number;
  importSeconds: number | null;
  analysisSeconds: number | null;
  importToSummarySeconds: number | null;
  statuses: Array<{ atSeconds: number; text: string }>;
  /** Each long task, with the long animation frame it fell in and, with --why, what it spent its time on. */
  longTasks: Array<{ startSeconds: number; durationMs: number; phase: string; frame: LongFrame | null; cause: TaskCause | null }>;
  longestTaskMs: number;
  /** The longest main-thread task from the click to a drawn, settled map. */
  longestToMapMs: number;
  /** From the click until the map was drawn and its layout stopped. */
  settledMapSeconds: number | null;
  peakMemoryMiB: number;
  /** Peak until the summary (table) showed, before the map is drawn. */
  summaryMemoryMiB: number;
  /** The same for the app's renderer process alone (page and workers). */
  summaryTabMiB: number;
  tabPeakMiB: number;
  /** From the click until the map was drawn (after its layout, on big maps). */
  mapSeconds: number;
  /** What drew the map: 'worker' (the canvas drawn off the main thread, where WebGL runs in software) or 'webgl' (sigma). */
  renderer: string;
  interaction: FrameStats | null;
  /** Exports made from the Export menu once the map settled (null when one did not finish). */
  exports: ExportMeasure[] | null;
  /** The page reloaded afterwards: the project reopened from storage (null when it did not come back in time). */
  reopened: Reopened | null;
  /** Then the Projects dialog opened (null when it did not list the projects in time). */
  projects: ProjectsMeasure | null;
}

/** The promise's value, or null when it takes longer than `ms` (a page too busy to answer). */
async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A task's functions and their milliseconds, for the printout. */
function causeList(items: TaskCause['self']): string {
  return items.map((x) => `${x.what} ${x.ms.toFixed(0)}`).join(' · ');
}

function phaseOf(start: number, end: number, probe: Probe): string {
  if (probe.analysingAt === null || end <= probe.analysingAt) return 'import';
  if (probe.resultsAt === null || end < probe.resultsAt) return 'analysis';
  if (probe.tableAt === null || start <= probe.tableAt) return 'drawing results';
  if (probe.mapSettledAt === null || start <= probe.mapSettledAt) return 'map (layout and drawing)';
  return 'after the map settled';
}

async function runSize(size: BrowserSize, seed: number, interact: boolean, why: boolean): Promise<SizeResult> {
  const spec = BROWSER_SIZES[size];
  logStep(size, `generating ${spec.nodes} nodes / ${spec.edges} edges (seed ${seed})`);
  const content = edgeCsv(generateGraph({ name: 'large', nodes: spec.nodes, edges: spec.edges }, { seed }));
  const app = await openApp();
  const { page } = app;
  const memory = new BrowserMemory();
  try {
    // tsx (esbuild) wraps named inner functions in __name(); functions sent to the page need it.
    await page.evaluate('globalThis.__name = (fn) => fn');
    await stopLayout(page);
    const dialog = await chooseFiles(page, [{ name: `${size}.csv`, content }]);
    await installProbe(page, spec.nodes);
    const profile = why ? await PageProfile.start(page) : null;
    memory.start();
    logStep(size, 'import and analyse: clicked');
    await dialog.getByRole('button', { name: 'Import and analyse' }).click();
    const timeout = 30 * 60_000;
    await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.tableAt !== null, undefined, { timeout, polling: 500 });
    logStep(size, 'the table shows every row');
    const summaryMemoryMiB = memory.peakMiB;
    const summaryTabMiB = memory.tabPeakMiB;
    // Big maps lay out off-screen (at most 20 s) and are drawn when the layout stops.
    await page.locator('section.map[data-state="drawn"]').waitFor({ timeout: 180_000 });
    const mapSeconds = await page.evaluate(() => (performance.now() - (window as unknown as { __probe: Probe }).__probe.clickedAt) / 1000);
    const renderer = (await page.locator('section.map').getAttribute('data-renderer')) ?? 'unknown';
    logStep(size, 'the map is drawn');
    await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.mapSettledAt !== null, undefined, { timeout: 120_000, polling: 500 });
    logStep(size, 'the map is drawn and settled');
    // Let the first frames draw and the autosave run before reading memory and long tasks.
    await page.waitForTimeout(3_000);
    const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    const causes = profile ? await profile.causes(probe.longTasks) : null;
    const interaction = interact ? await withTimeout(measureInteraction(page), 180_000) : null;
    logStep(size, 'exporting');
    const exports = await measureExports(page, why).catch((error: unknown) => {
      logStep(size, `exporting failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return null;
    });
    logStep(size, 'reopening: the page reloaded');
    const reopened = await measureReopen(page, spec.nodes, why).catch((error: unknown) => {
      logStep(size, `reopening failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return null;
    });
    logStep(size, 'listing the projects');
    const projects = await measureProjects(page, why).catch((error: unknown) => {
      logStep(size, `listing the projects failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return null;
    });
    const peak = memory.stop();
    const rel = (t: number | null) => (t === null ? null : (t - probe.clickedAt) / 1000);
    const frameOf = (start: number) => probe.frames.find((f) => f.start <= start + 1 && start < f.start + f.duration) ?? null;
    const longTasks = probe.longTasks.map((t, i) => ({
      startSeconds: (t.start - probe.clickedAt) / 1000,
      durationMs: t.duration,
      phase: phaseOf(t.start, t.start + t.duration, probe),
      frame: frameOf(t.start),
      cause: causes?.[i] ?? null,
    }));
    return {
      size,
      nodes: spec.nodes,
      edges: spec.edges,
      fileMiB: content.length / 2 ** 20,
      importSeconds: rel(probe.analysingAt),
      analysisSeconds: probe.analysingAt !== null && probe.resultsAt !== null ? (probe.resultsAt - probe.analysingAt) / 1000 : null,
      importToSummarySeconds: rel(probe.tableAt),
      statuses: probe.statuses.map((s) => ({ atSeconds: (s.at - probe.clickedAt) / 1000, text: s.text })),
      longTasks,
      longestTaskMs: Math.max(0, ...longTasks.filter((t) => ['import', 'analysis', 'drawing results'].includes(t.phase)).map((t) => t.durationMs)),
      longestToMapMs: Math.max(0, ...longTasks.filter((t) => t.phase !== 'after the map settled').map((t) => t.durationMs)),
      settledMapSeconds: rel(probe.mapSettledAt),
      peakMemoryMiB: peak,
      summaryMemoryMiB,
      summaryTabMiB,
      tabPeakMiB: memory.tabPeakMiB,
      mapSeconds,
      renderer,
      interaction,
      exports,
      reopened,
      projects,
    };
  } finally {
    memory.stop();
    await closeApp(app);
  }
}

function printResult(r: SizeResult): void {
  const s = (x: number | null) => (x === null ? '—' : `${formatSeconds(x)} s`);
  const byPhase = new Map<string, number[]>();
  for (const t of r.longTasks) byPhase.set(t.phase, [...(byPhase.get(t.phase) ?? []), t.durationMs]);
  console.log('');
  console.log(`## browser, ${r.size}: ${r.nodes.toLocaleString('en')} people, ${r.edges.toLocaleString('en')} ties (${r.fileMiB.toFixed(1)} MiB CSV)`);
  console.log('');
  console.log(`- import (click to "Analysing"): ${s(r.importSeconds)}`);
  console.log(`- analysis (in workers): ${s(r.analysisSeconds)}`);
  console.log(`- import to summary (click to the table showing every row): ${s(r.importToSummarySeconds)}`);
  console.log(`- longest main-thread task up to the summary: ${Math.round(r.longestTaskMs)} ms`);
  for (const [phase, list] of byPhase) console.log(`  - ${phase}: ${list.length} long tasks, longest ${Math.round(Math.max(...list))} ms, ${Math.round(list.reduce((a, b) => a + b, 0))} ms in all`);
  const drawnBy: Record<string, string> = { worker: 'the drawing worker (WebGL runs in software here)', webgl: 'sigma (WebGL)' };
  console.log(`- map drawn by: ${drawnBy[r.renderer] ?? r.renderer}`);
  console.log(`- map drawn: ${s(r.mapSeconds)} after the click; drawn and settled (layout stopped, at most 20 s): ${s(r.settledMapSeconds)}`);
  console.log(`- longest main-thread task from the click to a drawn, settled map: ${Math.round(r.longestToMapMs)} ms`);
  console.log(`- memory of the app's tab (PSS of its renderer process: page and workers): peak ${r.summaryTabMiB.toFixed(0)} MiB up to the summary, ${r.tabPeakMiB.toFixed(0)} MiB by the end (map drawn, zoomed and panned)`);
  console.log(`- memory of the whole browser (every Chromium process): peak ${r.summaryMemoryMiB.toFixed(0)} MiB up to the summary, ${r.peakMemoryMiB.toFixed(0)} MiB by the end (map drawn, zoomed and panned)`);
  if (r.interaction === null) console.log('- zoom and pan: skipped, or the page did not answer within 3 minutes');
  else {
    const i = r.interaction;
    console.log(`- zoom and pan (after the map is drawn) for ${i.seconds.toFixed(1)} s: ${i.frames} frames, interval median ${i.medianMs.toFixed(0)} ms, p95 ${i.p95Ms.toFixed(0)} ms, worst ${i.worstMs.toFixed(0)} ms; ${i.longTasks} long tasks (longest ${Math.round(i.longestTaskMs)} ms)`);
  }
  if (r.exports === null) console.log('- exports: did not finish within the time allowed');
  else {
    for (const e of r.exports) {
      const list = e.longTasks.map((t) => `${Math.round(t.durationMs)} ms`).join(', ');
      console.log(`- export, ${e.what}: the file after ${formatSeconds(e.seconds)} s; long tasks: ${e.longTasks.length === 0 ? 'none' : list}`);
      for (const t of e.longTasks) if (t.cause) console.log(`      ${Math.round(t.durationMs)} ms, self: ${causeList(t.cause.self)}\n      within: ${causeList(t.cause.within)}`);
    }
  }
  if (r.reopened === null) console.log('- reopened (the page reloaded): did not come back within the time allowed');
  else {
    const o = r.reopened;
    const list = o.longTasks.map((t) => `${Math.round(t.durationMs)} ms at ${t.startSeconds.toFixed(2)} s`).join(', ');
    console.log(`- reopened (the page reloaded: read back from this browser, analysed again): the table after ${formatSeconds(o.tableSeconds)} s, the map drawn and settled after ${formatSeconds(o.mapSeconds)} s; long tasks from the reload on: ${o.longTasks.length === 0 ? 'none' : list}`);
    for (const t of o.longTasks) if (t.cause) console.log(`      ${t.startSeconds.toFixed(2)} s, self: ${causeList(t.cause.self)}\n      within: ${causeList(t.cause.within)}`);
  }
  if (r.projects === null) console.log('- the Projects dialog: did not list the projects within the time allowed');
  else {
    const p = r.projects;
    const list = p.longTasks.map((t) => `${Math.round(t.durationMs)} ms`).join(', ');
    console.log(`- the Projects dialog (every project kept in this browser listed, ${p.projects}): after ${formatSeconds(p.seconds)} s; long tasks: ${p.longTasks.length === 0 ? 'none' : list}`);
    for (const t of p.longTasks) if (t.cause) console.log(`      ${Math.round(t.durationMs)} ms, self: ${causeList(t.cause.self)}\n      within: ${causeList(t.cause.within)}`);
  }
  if (r.longTasks.length > 0) {
    console.log('- each long task: when (after the click), how long, in which phase; the long animation frame it fell in (its rendering, the scripts that ran, any layout they forced); with --why, the functions its time went to (CPU profile, ms):');
    for (const t of r.longTasks) {
      console.log(`  ${t.startSeconds.toFixed(2).padStart(7)} s  ${Math.round(t.durationMs)} ms (${t.phase})`);
      const f = t.frame;
      if (f) {
        const rendering = f.renderStart > 0 ? f.start + f.duration - f.renderStart : 0;
        const layout = f.styleAndLayoutStart > 0 ? f.start + f.duration - f.styleAndLayoutStart : 0;
        const scripts = f.scripts.map((x) => `${x.invoker} ${x.duration.toFixed(0)}${x.forcedStyleAndLayoutDuration > 1 ? ` (forced layout ${x.forcedStyleAndLayoutDuration.toFixed(0)})` : ''}`).join(' · ');
        console.log(`      frame: ${f.duration.toFixed(0)} ms, rendering ${rendering.toFixed(0)} (style and layout ${layout.toFixed(0)}); scripts: ${scripts || 'none over 5 ms'}`);
      }
      if (t.cause) {
        console.log(`      self: ${causeList(t.cause.self)}`);
        console.log(`      within: ${causeList(t.cause.within)}`);
      }
    }
  }
  console.log('- steps seen:');
  for (const st of r.statuses) console.log(`  ${st.atSeconds.toFixed(2).padStart(7)} s  ${st.text}`);
}

async function main(): Promise<void> {
  const args = parseBrowserArgs(process.argv.slice(2));
  const outDir = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  if (args.why) process.env.NETWEAVE_E2E_PLAIN = '1';
  await startApp();
  const results: SizeResult[] = [];
  try {
    for (const size of args.sizes) {
      const result = await runSize(size, args.seed, args.interaction, args.why);
      results.push(result);
      printResult(result);
    }
  } finally {
    await stopApp();
  }
  const jsonPath = `${outDir}browser-${args.sizes.join('-')}.json`;
  writeFileSync(jsonPath, JSON.stringify({ date: new Date().toISOString(), seed: args.seed, results }, null, 2));
  console.log('');
  console.log(`wrote ${jsonPath}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
