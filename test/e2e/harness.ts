/**
 * Browser end-to-end harness: builds the app once, serves the build with `vite preview` on a free
 * port of 127.0.0.1, and drives Debian's Chromium through playwright-core.
 *
 * The build goes to a temporary directory named after a hash of everything that goes into it
 * (src/, data/demo/, index.html, vite.config.ts, package-lock.json), so every e2e file of a run
 * (and later runs with unchanged sources) reuses one build, and dist/ is left alone.
 *
 * Each `openApp()` gets a new browser context, so IndexedDB starts empty and the app imports its
 * demo; a test that wants to see what survives a reload reloads its own page.
 */
import { createRng } from '../../src/engine/core/util/rng.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Console messages Chromium itself prints with software WebGL; not the app's doing. */
const IGNORED_CONSOLE = [/GPU stall due to ReadPixels/i, /GL Driver Message/i, /WebGL.*performance warning/i];

interface Running {
  url: string;
  server: PreviewServer;
  browser: Browser;
  outDir: string;
}

let running: Promise<Running> | null = null;
const contexts = new Set<BrowserContext>();

// ----- build and serve ----------------------------------------------------------------------------

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

function buildInputsHash(): string {
  const hash = createHash('sha256');
  const files = [
    ...listFiles(path.join(ROOT, 'src')),
    ...listFiles(path.join(ROOT, 'data', 'demo')),
    ...['index.html', 'vite.config.ts', 'package-lock.json'].map((f) => path.join(ROOT, f)).filter((f) => existsSync(f)),
  ];
  for (const file of files) {
    hash.update(path.relative(ROOT, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the app once per source version. NETWEAVE_E2E_PLAIN=1 builds it without minifying,
 * beside the usual build, so a CPU profile names our functions (`npm run bench:browser -- --why`).
 */
async function buildOnce(): Promise<string> {
  const plain = process.env.NETWEAVE_E2E_PLAIN === '1';
  const hash = buildInputsHash();
  const outDir = path.join(os.tmpdir(), `netweave-e2e-${hash}${plain ? '-plain' : ''}`);
  const marker = path.join(outDir, '.e2e-build-complete');
  if (existsSync(marker)) {
    utimesSync(outDir, new Date(), new Date());
    return outDir;
  }
  // Builds of other source versions older than a day are not needed any more (younger ones may
  // be served by another run at this moment).
  for (const entry of readdirSync(os.tmpdir())) {
    if (!entry.startsWith('netweave-e2e-') || entry === path.basename(outDir)) continue;
    const full = path.join(os.tmpdir(), entry);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory() && Date.now() - stat.mtimeMs > 24 * 3600_000) rmSync(full, { recursive: true, force: true });
  }
  const started = Date.now();
  // Built beside and then renamed into place, so a concurrent run never serves half a build.
  const staging = `${outDir}-staging-${process.pid}`;
  await build({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: staging, emptyOutDir: true, ...(plain ? { minify: false } : {}) },
  });
  writeFileSync(path.join(staging, '.e2e-build-complete'), new Date().toISOString());
  if (existsSync(marker)) {
    rmSync(staging, { recursive: true, force: true });
  } else {
    rmSync(outDir, { recursive: true, force: true });
    renameSync(staging, outDir);
  }
  console.log(`[e2e] built the app into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return outDir;
}

async function start(): Promise<Running> {
  const outDir = await buildOnce();
  const server = await preview({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error(`vite preview gave no TCP address: ${String(address)}`);
  const url = `http://127.0.0.1:${address.port}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { url, server, browser, outDir };
}

/** Builds (once), serves and launches Chromium; later calls return the same instance. */
export function startApp(): Promise<Running> {
  running ??= start();
  return running;
}

/** Closes every context, the browser and the server. For afterAll. */
export async function stopApp(): Promise<void> {
  if (!running) return;
  const current = running;
  running = null;
  const { browser, server } = await current;
  for (const context of contexts) await context.close().catch(() => undefined);
  contexts.clear();
  await browser.close();
  await server.close();
}

// ----- pages -------------------------------------------------------------------------------------

export interface AppPage {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Console errors (not Chromium's WebGL driver chatter), in order. */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Requests that left the app's origin (the app promises none do). */
  foreignRequests: string[];
  /** Everything above, for one `expect(...).toEqual([])`. */
  problems(): string[];
}

export interface OpenOptions {
  /** Wait until the first analysis (the demo, or a restored project) is on screen. Default true. */
  waitUntilReady?: boolean;
  /** The window's size in CSS pixels. Default 1440 x 900. */
  viewport?: { width: number; height: number };
  /** Open the tables drawer (closed when the app starts) once ready. Default true. */
  openTables?: boolean;
  /** A script run in the page before the app's own (to break storage, say). */
  initScript?: string;
  /** Projects stored before the app first opens, as an earlier netweave left them; the first is current. */
  stored?: ReadonlyArray<{ id: string }>;
}

/** A fresh context (empty IndexedDB) with a page on the app, collecting errors. */
export async function openApp(options: OpenOptions = {}): Promise<AppPage> {
  const { browser, url } = await startApp();
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, acceptDownloads: true, locale: 'en-GB' });
  contexts.add(context);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(url).origin;
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (IGNORED_CONSOLE.some((re) => re.test(text))) return;
    consoleErrors.push(text);
  });
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  page.on('request', (request) => {
    const target = request.url();
    if (target.startsWith('data:') || target.startsWith('blob:')) return;
    if (new URL(target).origin !== origin) foreignRequests.push(target);
  });
  // Content-security-policy violations would hide an injection (an inline handler that the
  // policy blocked never runs), so they are collected too.
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  if (options.initScript !== undefined) await page.addInitScript(options.initScript);
  if (options.stored !== undefined) await seedProjects(page, url, options.stored);
  await page.goto(url);
  if (options.waitUntilReady ?? true) {
    await page.locator('.table-host .vtable').waitFor({ state: 'attached', timeout: 60_000 });
    await waitForIdle(page, 5_000);
    if (options.openTables ?? true) await openDrawer(page, 'tables');
  }
  return {
    page,
    context,
    url,
    consoleErrors,
    pageErrors,
    foreignRequests,
    problems: () => [...consoleErrors.map((e) => `console: ${e}`), ...pageErrors.map((e) => `page: ${e}`), ...foreignRequests.map((r) => `request: ${r}`)],
  };
}

/** Opens a drawer (`settings`, `details`, `tables`) if it is folded away. */
export async function openDrawer(page: Page, id: 'settings' | 'details' | 'tables'): Promise<void> {
  const toggle = page.locator(`[data-drawer="${id}"] > .drawer-bar .drawer-toggle`);
  // On a phone every drawer's content is laid out below the map, with no toggle to press.
  if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

export async function closeApp(app: AppPage): Promise<void> {
  contexts.delete(app.context);
  await app.context.close();
}

// ----- app-specific locators and waits -------------------------------------------------------------

/** The people table with its tools (filter box, row count, column chooser): a named region around the grid. */
export function peopleTable(page: Page): Locator {
  return page.getByRole('region', { name: 'People and their metrics' });
}

/** The "12 of 12 rows" label of the people table. */
export function rowCountLabel(page: Page): Locator {
  return peopleTable(page).locator('.vt-tools .muted');
}

/** Data rows currently drawn (the table is virtual: only rows in view exist). */
export function peopleRows(page: Page): Locator {
  return peopleTable(page).locator('.vt-rows .vt-row');
}

export function rowByName(page: Page, name: string): Locator {
  return peopleRows(page).filter({ has: page.locator('.vt-cell:first-child').getByText(name, { exact: true }) });
}

export async function expectRowCount(page: Page, n: number, timeout = 30_000): Promise<void> {
  const text = `${n.toLocaleString('en')} of ${n.toLocaleString('en')} rows`;
  await rowCountLabel(page).filter({ hasText: text }).waitFor({ timeout });
}

/**
 * Waits until the status bar shows no running task (idle, or showing notices) and the tables are
 * drawn. Fails with what the status bar says.
 */
export async function waitForIdle(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const status = document.querySelector('.status');
        // data-drawing: the app is still drawing the parts of new results, a task each.
        return status !== null && !status.classList.contains('working') && document.querySelector('.table-host .vtable') !== null && document.querySelector('[data-drawing]') === null;
      },
      undefined,
      { timeout, polling: 100 },
    );
  } catch (error) {
    const status = await page.locator('.status').textContent().catch(() => null);
    throw new Error(`The app did not become idle within ${timeout} ms; the status bar shows ${JSON.stringify(status)}. (${(error as Error).message.split('\n')[0]})`);
  }
}

/** Waits for results on screen (the people table), then for the status bar to leave "Analysing". */
export async function waitForResults(page: Page, people: number, timeout = 60_000): Promise<void> {
  await expectRowCount(page, people, timeout);
  // The results are on screen: the status bar must not keep saying the analysis runs.
  await waitForIdle(page, 5_000);
}

/** Names in the first (name) column of the drawn rows, top to bottom. */
export async function drawnNames(page: Page): Promise<string[]> {
  return peopleRows(page).evaluateAll((rows) =>
    rows
      .map((r) => ({ top: parseFloat((r as HTMLElement).style.top), name: r.querySelector('.vt-cell')?.textContent ?? '' }))
      .sort((a, b) => a.top - b.top)
      .map((r) => r.name),
  );
}

/** Text of each cell of the drawn row for `name`, keyed by column header text (sort arrow removed). */
export async function rowCells(page: Page, name: string): Promise<Record<string, string>> {
  const headers = await peopleTable(page).locator('.vt-head .vt-cell').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace(/ [▲▼]$/, '')));
  const cells = await rowByName(page, name).locator('.vt-cell').allTextContents();
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

export function topbar(page: Page): Locator {
  return page.locator('header.topbar');
}

export function importDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Import data' });
}

export interface FileToImport {
  name: string;
  content: string | Buffer;
}

export function fixtureFile(name: string): FileToImport {
  return { name, content: readFileSync(path.join(FIXTURES, name)) };
}

/**
 * Opens the import dialog and chooses files through its (visually hidden) file input, then waits
 * for each file's card. Returns the dialog.
 */
export async function chooseFiles(page: Page, files: FileToImport[]): Promise<Locator> {
  await topbar(page).getByRole('button', { name: 'Import data' }).click();
  const dialog = importDialog(page);
  await dialog.waitFor();
  await dialog.getByLabel('Choose files to import').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content })),
  );
  for (const f of files) await dialog.locator('.file-card', { hasText: f.name }).waitFor();
  return dialog;
}

/** Chooses files, clicks "Import and analyse" and waits until the new project is on screen. */
export async function importAndWait(page: Page, files: FileToImport[], people: number, timeout = 60_000): Promise<void> {
  const dialog = await chooseFiles(page, files);
  await dialog.getByRole('button', { name: 'Import and analyse' }).click();
  await dialog.waitFor({ state: 'hidden', timeout });
  await waitForResults(page, people, timeout);
}

/**
 * Puts entries into the browser's project store before the app first opens, in a database as
 * version 1 of netweave made it (its projects and the note of the current one, the first entry).
 * Done from a blank page of the app's origin: an app already open would save its own project
 * over them (a closing page writes what waits), which made a test depend on timing.
 */
async function seedProjects(page: Page, url: string, entries: ReadonlyArray<{ id: string }>): Promise<void> {
  const blank = new URL('/__netweave-seed', url).href;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
  await page.goto(blank);
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('netweave', 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore('projects', { keyPath: 'id' });
        request.result.createObjectStore('meta');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['projects', 'meta'], 'readwrite');
    for (const entry of list) tx.objectStore('projects').put(entry);
    tx.objectStore('meta').put(list[0]!.id, 'current');
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, entries as Array<{ id: string }>);
  await page.unroute(blank);
}

/** The project saved as current in the page's IndexedDB: its name, people and laid-out people. */
export async function savedProject(page: Page): Promise<{ name: string; people: string[]; laidOut: string[] } | null> {
  const stored = await storedCurrent(page);
  if (stored === null) return null;
  const project = stored.project as { name: string; layout: { ids: string[] } };
  // Datasets are stored apart and packed, layouts packed (src/viz/state/project-db.ts).
  const dataset = stored.dataset as { people: { ids: string[] } };
  return { name: project.name, people: dataset.people.ids, laidOut: project.layout.ids };
}

/** The records of the project saved as current in IndexedDB (the project without its dataset, and the dataset packed), or null. */
export async function storedCurrent(page: Page): Promise<{ project: Record<string, unknown>; dataset: unknown } | null> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('netweave');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('meta')) return null;
      const get = <T>(store: string, key: string) =>
        new Promise<T | undefined>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => resolve(request.result as T | undefined);
          request.onerror = () => reject(request.error);
        });
      const id = await get<string>('meta', 'current');
      if (typeof id !== 'string') return null;
      const project = await get<Record<string, unknown>>('projects', id);
      const dataset = await get<unknown>('datasets', id);
      return project && dataset ? { project, dataset } : null;
    } finally {
      db.close();
    }
  });
}

/**
 * Waits until the project saved as current in IndexedDB has this name (the autosave ran).
 * Polled with evaluate, which awaits the lookup: waitForFunction would take its promise as a
 * truthy answer and return at once.
 */
export async function waitForSavedProject(page: Page, name: string, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  const savedName = async () => (await savedProject(page))?.name ?? null;
  let saved = await savedName();
  while (saved !== name) {
    if (Date.now() > deadline) throw new Error(`The project saved as current is ${JSON.stringify(saved)}, not ${JSON.stringify(name)}, after ${timeout} ms.`);
    await page.waitForTimeout(200);
    saved = await savedName();
  }
}

/** Waits until ForceAtlas2 has stopped (the map's layout button reads "Run layout" again). */
export async function waitForLayoutToStop(page: Page, timeout = 40_000): Promise<void> {
  await page.locator('.map-controls button', { hasText: 'Run layout' }).waitFor({ timeout });
}

/** Stops ForceAtlas2 if it is running (as a user would, with the map's "Stop layout" button). */
export async function stopLayout(page: Page): Promise<void> {
  const button = page.locator('.map-controls button', { hasText: /^(Run|Stop) layout$/ });
  if ((await button.textContent()) === 'Stop layout') await button.click();
  await waitForLayoutToStop(page, 5_000);
}

/** Waits until every chart inside `selector` is drawn (each is drawn in a task after its panel). */
export async function chartsDrawn(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((within) => [...document.querySelectorAll(within)].every((root) => root.querySelector('[data-chart="drawing"]') === null), selector, { timeout: 15_000 });
}

/** axe-core's serious and critical findings inside `selector`, one line each. */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Charts are drawn in tasks after their panel: checked once drawn.
  await chartsDrawn(page, selector);
  // Evaluated through the devtools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
}

export function ensureScreenshotDir(): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return SCREENSHOTS;
}

// ----- generated data --------------------------------------------------------------------------------

/**
 * An undirected edge list of `nodes` people in clusters of `clusterSize`, with `edges` distinct
 * ties (90 % inside a cluster), no self-loops and no duplicates (so the import has no notes).
 */
export function clusteredEdgeList(nodes: number, edges: number, seed = 20240601, clusterSize = 200): string {
  const random = createRng(seed);
  const seen = new Set<number>();
  const lines = ['source,target'];
  const name = (i: number) => `p${String(i).padStart(5, '0')}`;
  // Every person gets one tie first, so all `nodes` people appear in the list.
  const add = (s: number, t: number): void => {
    if (s === t) return;
    const key = s < t ? s * nodes + t : t * nodes + s;
    if (seen.has(key)) return;
    seen.add(key);
    lines.push(`${name(s)},${name(t)}`);
  };
  for (let s = 0; s < nodes; s++) {
    const cluster = Math.floor(s / clusterSize);
    add(s, cluster * clusterSize + ((s - cluster * clusterSize + 1) % clusterSize));
  }
  while (seen.size < edges) {
    const s = Math.floor(random() * nodes);
    const t = random() < 0.9 ? Math.floor(s / clusterSize) * clusterSize + Math.floor(random() * clusterSize) : Math.floor(random() * nodes);
    add(s, t);
  }
  return `${lines.join('\n')}\n`;
}
