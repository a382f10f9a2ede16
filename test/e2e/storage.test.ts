/**
 * Storage faults: a browser that keeps nothing (private windows, site storage turned off) and one
 * whose storage for the site is full. The app keeps working in memory, says so in plain words on
 * a line that stays until a save succeeds, and offers the project file to keep the work.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { closeApp, ensureScreenshotDir, fixtureFile, importAndWait, openApp, stopApp, waitForResults } from './harness.ts';

afterAll(stopApp);

const NO_INDEXEDDB = `Object.defineProperty(window, 'indexedDB', { configurable: true, get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); } });`;
const FULL = `{
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    if (this.name === 'datasets' || this.name === 'projects') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  };
}`;

/**
 * Saves are written by the storage worker: its storage is full too. The worker is started from a
 * module that runs FULL first, then the worker's own script.
 */
const FULL_IN_STORAGE_WORKER = `{
  const Original = window.Worker;
  window.storageWorkersPatched = 0;
  window.Worker = class extends Original {
    constructor(url, options) {
      const href = new URL(String(url), location.href).href;
      if (!href.includes('project-store.worker')) {
        super(url, options);
        return;
      }
      window.storageWorkersPatched++;
      const patch = URL.createObjectURL(new Blob([${JSON.stringify(FULL)}], { type: 'text/javascript' }));
      const start = 'import ' + JSON.stringify(patch) + '; import ' + JSON.stringify(href) + ';';
      super(URL.createObjectURL(new Blob([start], { type: 'text/javascript' })), options);
    }
  };
}`;

describe('storage faults', () => {
  it('works in memory when the browser keeps nothing, says so, and offers the project file', async () => {
    const app = await openApp({ initScript: NO_INDEXEDDB });
    try {
      const { page } = app;
      const line = page.locator('.status.storage');
      await line.waitFor();
      expect(await line.textContent()).toContain('does not let netweave keep projects');
      // The work goes on: an import opens as a project.
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      expect(await page.locator('.project-name').textContent()).toBe('team');
      const [download] = await Promise.all([page.waitForEvent('download'), line.getByRole('button', { name: 'Export the project file' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.netweave\.json$/);
      const saved = JSON.parse(await readFile((await download.path())!, 'utf8')) as { format: string; dataset: { people: unknown[] } };
      expect(saved.format).toBe('netweave-project');
      expect(saved.dataset.people).toHaveLength(12);
      for (const [width, height] of [[1440, 900], [390, 844]] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: path.join(ensureScreenshotDir(), `storage-unavailable-${width}x${height}.png`) });
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      expect(app.pageErrors).toEqual([]);
    } finally {
      await closeApp(app);
    }
  }, 120_000);

  it('says the storage is full when saving fails for lack of room, and keeps the project open', async () => {
    const app = await openApp({ initScript: `${FULL}\n${FULL_IN_STORAGE_WORKER}` });
    try {
      const { page } = app;
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      const line = page.locator('.status.storage');
      await line.waitFor();
      expect(await line.textContent()).toContain('storage for netweave is full');
      expect(await page.evaluate(() => (window as unknown as { storageWorkersPatched: number }).storageWorkersPatched)).toBe(1);
      await waitForResults(page, 12);
      expect(app.pageErrors).toEqual([]);
    } finally {
      await closeApp(app);
    }
  }, 120_000);
});
