/**
 * Forget and private mode (#19 item 6) in Chromium: the Projects dialog shows what each project
 * keeps and the total; Delete asks first and removes everything kept for the project (the open
 * one closes to an empty start); "Forget everything" leaves no database and no setting; private
 * mode (from the page address, or the switch) writes nothing to IndexedDB, localStorage or
 * sessionStorage, shows its badge, and asks before the page is left. Every store is enumerated.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, ensureScreenshotDir, fixtureFile, importAndWait, openApp, openDrawer, startApp, stopApp, topbar, waitForIdle } from './harness.ts';

afterAll(stopApp);

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SIZES = [
  [1440, 900],
  [1366, 768],
  [390, 844],
] as const;

/** axe-core's critical and serious violations inside `selector` (as the other e2e tests run it). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
}

interface Kept {
  /** IndexedDB databases by name, each with its stores and every key in them. */
  databases: Record<string, Record<string, string[]>>;
  local: string[];
  session: string[];
  caches: string[];
}

/** Everything this origin keeps in the browser: every IndexedDB database, store and key, localStorage, sessionStorage and Cache Storage. */
async function keptInBrowser(page: Page): Promise<Kept> {
  return page.evaluate(async () => {
    const databases: Record<string, Record<string, string[]>> = {};
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const stores: Record<string, string[]> = {};
      for (const name of [...db.objectStoreNames]) {
        stores[name] = await new Promise<string[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAllKeys();
          request.onsuccess = () => resolve(request.result.map(String));
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      databases[info.name] = stores;
    }
    const keys = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => storage.key(i)!);
    return { databases, local: keys(localStorage), session: keys(sessionStorage), caches: 'caches' in window ? await caches.keys() : [] };
  });
}

function projectsDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Projects' });
}

async function openProjects(page: Page) {
  await topbar(page).getByRole('button', { name: 'Projects', exact: true }).click();
  const dialog = projectsDialog(page);
  await dialog.locator('.storage-total', { hasText: /\S/ }).waitFor();
  return dialog;
}

async function noSideScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('forget', () => {
  it('shows what each project keeps, deletes one after asking (the open one closes), and forgets everything', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      // The label choice is a setting kept in this browser, like the drawers.
      await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('netweave.')));
      await expect.poll(async () => (await keptInBrowser(page)).databases.netweave?.projects?.length ?? 0, { timeout: 10_000 }).toBe(2);
      const ids = await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const r = indexedDB.open('netweave');
          r.onsuccess = () => resolve(r.result);
        });
        const all = await new Promise<Array<{ id: string; name: string }>>((resolve) => {
          const r = db.transaction('projects').objectStore('projects').getAll();
          r.onsuccess = () => resolve(r.result as Array<{ id: string; name: string }>);
        });
        db.close();
        return Object.fromEntries(all.map((p) => [p.name, p.id]));
      });
      const demoName = Object.keys(ids).find((n) => n.startsWith('Demo: '))!;

      const dialog = await openProjects(page);
      const rows = dialog.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      for (const size of await dialog.locator('td[data-label="Stored"]').allTextContents()) expect(size).toMatch(/^(\d[\d.,]* (KB|MB)|under 1 KB)$/);
      // The demo (140 people) keeps more than the team of 12.
      const demoSize = await dialog.locator('tr', { has: page.getByRole('button', { name: `Delete ${demoName}` }) }).locator('td[data-label="Stored"]').textContent();
      expect(demoSize).toMatch(/KB|MB/);
      const total = await dialog.locator('.storage-total').textContent();
      expect(total).toMatch(/^In all, netweave keeps about \d[\d.,]* (KB|MB) in this browser: 2 projects and \d+ settings?\. The browser counts .+ in use for this site, of up to .+ it allows\.$/);
      expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: path.join(ensureScreenshotDir(), `forget-projects-dialog-${width}x${height}.png`) });
        expect(await noSideScroll(page)).toBe(true);
      }
      await page.setViewportSize({ width: 1440, height: 900 });

      // Delete the demo: asked first, Escape keeps it, the keyboard deletes it.
      await dialog.getByRole('button', { name: `Delete ${demoName}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete a project' });
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('This cannot be undone.');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
      expect(await axeViolations(page, 'dialog.confirm-dialog[open]')).toEqual([]);
      await page.screenshot({ path: path.join(ensureScreenshotDir(), 'forget-confirm-1440x900.png') });
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'hidden' });
      expect(await dialog.isVisible()).toBe(true);
      expect((await keptInBrowser(page)).databases.netweave!.projects).toContain(ids[demoName]);
      await dialog.getByRole('button', { name: `Delete ${demoName}` }).click();
      await confirm.waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Delete for good');
      await page.keyboard.press('Enter');
      await confirm.waitFor({ state: 'hidden' });
      await dialog.locator('.done', { hasText: 'is deleted from this browser' }).waitFor();
      // The list is read again after the message shows (on a busy machine, a moment later).
      await expect.poll(() => rows.count()).toBe(1);
      let kept = await keptInBrowser(page);
      for (const keys of Object.values(kept.databases.netweave!)) expect(keys).not.toContain(ids[demoName]);

      // Delete the open project: it closes to an empty start, and nothing of it is saved again.
      await dialog.getByRole('button', { name: 'Delete team' }).click();
      expect(await confirm.textContent()).toContain('It is open now');
      await confirm.getByRole('button', { name: 'Delete for good' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await dialog.locator('.done', { hasText: '“team” is deleted' }).waitFor();
      await dialog.getByRole('button', { name: 'Close' }).click();
      const empty = page.getByRole('region', { name: 'No project is open' });
      await empty.waitFor();
      expect(await page.locator('.project-name').count()).toBe(0);
      expect(await page.locator('.table-host .vtable').count()).toBe(0);
      await page.screenshot({ path: path.join(ensureScreenshotDir(), 'forget-empty-start-1440x900.png') });
      await page.waitForTimeout(1500);
      kept = await keptInBrowser(page);
      expect(kept.databases.netweave).toEqual({ projects: [], meta: [], datasets: [] });

      // Forget everything: the database and every setting go.
      await empty.getByRole('button', { name: 'Open the demo' }).click();
      await page.locator('.table-host .vtable').waitFor({ timeout: 60_000 });
      await waitForIdle(page);
      await expect.poll(async () => (await keptInBrowser(page)).databases.netweave?.projects?.length ?? 0, { timeout: 10_000 }).toBe(1);
      const again = await openProjects(page);
      await again.getByRole('button', { name: 'Forget everything…' }).click();
      const forget = page.getByRole('dialog', { name: 'Forget everything' });
      await forget.waitFor();
      expect(await forget.textContent()).toMatch(/its one project \(.+\) and every setting it kept/);
      await forget.getByRole('button', { name: 'Forget everything' }).click();
      await forget.waitFor({ state: 'hidden' });
      await again.locator('.done', { hasText: 'Everything netweave kept in this browser is removed.' }).waitFor();
      expect(await again.locator('.storage-total').textContent()).toContain('netweave keeps nothing in this browser.');
      await page.waitForTimeout(1000);
      kept = await keptInBrowser(page);
      expect(kept).toEqual({ databases: {}, local: [], session: [], caches: [] });
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  }, 180_000);
});

describe('forget, with two tabs', () => {
  it('closes the project in the other tab when it is deleted in one, so it is not saved again', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await expect.poll(async () => (await keptInBrowser(page)).databases.netweave?.projects?.length ?? 0, { timeout: 10_000 }).toBe(1);
      // The second tab opens the project the first saved.
      const other = await app.context.newPage();
      await other.goto(app.url);
      await other.locator('.table-host .vtable').waitFor({ state: 'attached', timeout: 60_000 });
      await waitForIdle(other);
      const name = await page.locator('.project-name').textContent();
      expect(await other.locator('.project-name').textContent()).toBe(name);
      const dialog = await openProjects(page);
      await dialog.getByRole('button', { name: `Delete ${name}` }).click();
      await page.getByRole('dialog', { name: 'Delete a project' }).getByRole('button', { name: 'Delete for good' }).click();
      await dialog.locator('.done', { hasText: 'is deleted from this browser' }).waitFor();
      await other.getByRole('region', { name: 'No project is open' }).waitFor();
      expect(await other.locator('.status.notice').textContent()).toContain('was deleted in another tab');
      await page.waitForTimeout(1500);
      expect((await keptInBrowser(page)).databases.netweave).toEqual({ projects: [], meta: [], datasets: [] });
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  }, 180_000);
});

describe('private mode', () => {
  it('writes nothing to the browser from the address ?private=1, shows its badge, and asks before the page is left', async () => {
    // A context of its own: openApp would load the app without ?private first.
    const { browser, url } = await startApp();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-GB' });
    const pageErrors: string[] = [];
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(`${url}?private=1`);
      await page.locator('.table-host .vtable').waitFor({ state: 'attached', timeout: 60_000 });
      await waitForIdle(page);
      const badge = topbar(page).getByRole('button', { name: 'Private: nothing is saved in this browser' });
      await badge.waitFor();
      // Work as usual: open a drawer (a setting kept in this browser otherwise), import.
      await openDrawer(page, 'tables');
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      await page.waitForTimeout(1500);
      expect(await keptInBrowser(page)).toEqual({ databases: {}, local: [], session: [], caches: [] });
      // The browser's own count agrees: not even an empty database was made.
      expect(await page.evaluate(async () => (await navigator.storage.estimate()).usage)).toBe(0);

      // The badge: reached by keyboard, explains on focus, Escape hides the explanation.
      await page.locator('.project-name').focus();
      for (let i = 0; i < 4 && !(await badge.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await badge.evaluate((b) => b === document.activeElement)).toBe(true);
      const tip = page.getByRole('tooltip');
      await tip.waitFor();
      expect(await tip.textContent()).toContain('export the whole project to a file');
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: path.join(ensureScreenshotDir(), `private-badge-${width}x${height}.png`) });
        expect(await noSideScroll(page)).toBe(true);
      }
      await page.keyboard.press('Escape');
      await tip.waitFor({ state: 'hidden' });
      await page.setViewportSize({ width: 1440, height: 900 });
      expect(await axeViolations(page, 'header.topbar')).toEqual([]);

      // The Projects dialog: the open project is listed as not saved, the switch is on.
      await badge.click();
      const dialog = projectsDialog(page);
      await dialog.locator('tr.unsaved', { hasText: 'team' }).waitFor();
      expect(await dialog.getByRole('switch').isChecked()).toBe(true);
      expect(await dialog.locator('.storage-total').textContent()).toContain('netweave keeps nothing in this browser.');
      expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
      await page.screenshot({ path: path.join(ensureScreenshotDir(), 'private-projects-dialog-1440x900.png') });
      await dialog.getByRole('button', { name: 'Close' }).click();

      // Leaving asks first; a reload keeps private mode (it is in the address) and still writes nothing.
      const asked: string[] = [];
      page.on('dialog', (d) => {
        asked.push(d.type());
        void d.accept();
      });
      await page.reload();
      await page.locator('.table-host .vtable').waitFor({ state: 'attached', timeout: 60_000 });
      await waitForIdle(page);
      expect(asked).toEqual(['beforeunload']);
      await badge.waitFor();
      expect(await keptInBrowser(page)).toEqual({ databases: {}, local: [], session: [], caches: [] });

      // Turned off: the open project is saved at once, and the address forgets ?private.
      await badge.click();
      await dialog.getByRole('switch').click();
      await badge.waitFor({ state: 'detached' });
      expect(new URL(page.url()).search).toBe('');
      await expect.poll(async () => (await keptInBrowser(page)).databases.netweave?.projects?.length ?? 0, { timeout: 10_000 }).toBe(1);
      // On again: stored projects stay listed and open, and nothing is written.
      await dialog.getByRole('switch').click();
      await badge.waitFor();
      expect(new URL(page.url()).searchParams.get('private')).toBe('1');
      const before = await keptInBrowser(page);
      await dialog.getByRole('button', { name: 'Close' }).click();
      // The drawers are where they were when the page started: nothing kept them through the reload.
      await openDrawer(page, 'tables');
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      const listed = await openProjects(page);
      expect(await listed.locator('tbody tr').count()).toBe(2);
      await listed.locator('tbody tr:not(.unsaved)').getByRole('button', { name: /^Open / }).click();
      await waitForIdle(page);
      await page.waitForTimeout(1500);
      expect(await keptInBrowser(page)).toEqual(before);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

