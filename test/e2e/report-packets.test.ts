/**
 * Export → Report and Export → Member packets on the demo, in a real browser, as a weaver would:
 * the report is made in the worker and saved as one HTML file that opens with scripts off and the
 * network cut off (nothing is requested), fits a phone without sideways scrolling, prints to PDF,
 * and names none of the demo members who said no or asked not to be named; the packets come as a
 * zip with one page for each member who agreed to be named. Both dialogs are axe-clean at every
 * size (screenshots under test/e2e/screenshots).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { axeViolations, closeApp, ensureScreenshotDir, openApp, startApp, stopApp, topbar, type AppPage } from './harness.ts';

const roster = readFileSync(new URL('../../data/demo/people.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
const header = roster[0]!.split(',');
const CONSENT = header.indexOf('consent to share');
const members = roster.slice(1).map((line) => line.split(',')).map((cells) => ({ name: cells[0]!, email: cells[1]!, consent: cells[CONSENT]! }));
const hidden = members.filter((m) => m.consent !== 'yes');
const named = members.filter((m) => m.consent === 'yes');
const SIZES = [['laptop-1440x900', 1440, 900], ['laptop-1366x768', 1366, 768], ['phone-390x844', 390, 844]] as const;
const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Spring report';

/** Whether `text` holds `secret` whole (a name inside a longer one does not count). */
const holds = (text: string, secret: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}._-])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

async function openEntry(page: Page, entry: RegExp): Promise<void> {
  await topbar(page).getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: entry }).click();
}

async function nextDownload(page: Page, start: () => Promise<void>): Promise<{ name: string; path: string }> {
  const download = new Promise<Download>((resolve) => page.once('download', resolve));
  await start();
  const d = await download;
  return { name: d.suggestedFilename(), path: (await d.path())! };
}

describe('report and member packets from the demo', () => {
  let app: AppPage;
  beforeAll(async () => {
    await startApp();
    app = await openApp();
  });
  afterAll(async () => {
    await closeApp(app);
    await stopApp();
  });

  it('makes a report that opens offline with scripts off, fits a phone, prints, and names no one who did not agree', async () => {
    const { page } = app;
    expect(hidden.length).toBeGreaterThan(0);
    await openEntry(page, /^Report to share/);
    const dialog = page.getByRole('dialog', { name: 'Make a report' });
    await dialog.waitFor();
    expect(await axeViolations(page, '.report-dialog')).toEqual([]);
    await dialog.getByRole('textbox', { name: 'Title' }).fill(HOSTILE_TITLE);
    await dialog.getByRole('textbox', { name: 'Introduction' }).fill('Our coalition after the spring convenings.\n\nWith thanks to everyone who answered.');
    const saved = await nextDownload(page, () => dialog.getByRole('button', { name: 'Make report' }).click());
    expect(saved.name).toMatch(/report\.html$/);
    await expect.poll(() => dialog.getByRole('status').textContent(), { timeout: 60_000 }).toMatch(/^Saved/);
    const text = await readFile(saved.path, 'utf8');
    // Inside tags only: the hostile title is in the text, escaped.
    expect(text).not.toMatch(/<script|<img|<[^>]*\son\w+\s*=|<[^>]*\s(?:src|href)\s*=\s*"(?!#)/i);
    expect(text).toContain('&lt;img src=x onerror=alert(1)&gt; Spring report');
    for (const m of hidden) {
      expect(holds(text, m.name), m.name).toBe(false);
      expect(holds(text, m.email), m.email).toBe(false);
    }
    expect(text).toMatch(/left out of every figure/);

    // Another computer, offline, scripts off: the file is all there is.
    const reader = await page.context().browser()!.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const view = await reader.newPage();
      const requests: string[] = [];
      view.on('request', (r) => void (r.url().startsWith('file:') || r.url().startsWith('data:') || requests.push(r.url())));
      const copy = path.join(ensureScreenshotDir(), 'demo-report.html');
      await import('node:fs/promises').then((fs) => fs.copyFile(saved.path, copy));
      await view.goto(`file://${copy}`);
      expect(await view.locator('h1').textContent()).toBe(HOSTILE_TITLE);
      // The members who said no are not in the map at all; those not to be named are dots without a name.
      const shown = members.length - members.filter((m) => m.consent === 'no').length;
      expect(await view.locator('figure.network-map > svg').getAttribute('aria-label')).toContain(`${shown} people`);
      for (const [name, width, height] of SIZES) {
        await view.setViewportSize({ width, height });
        expect(await view.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
        await view.screenshot({ path: path.join(ensureScreenshotDir(), `${name}-report-file.png`) });
      }
      const pdf = await view.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const letter = await view.pdf({ format: 'Letter' });
      expect(letter.length).toBeGreaterThan(10_000);
      expect(requests).toEqual([]);
    } finally {
      await reader.close();
    }
    for (const [name, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
      await page.screenshot({ path: path.join(ensureScreenshotDir(), `${name}-dialog-report.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('makes one packet per member who agreed to be named, with the note, naming no one else', async () => {
    const { page } = app;
    // Whatever the test before left open.
    if ((await page.locator('dialog[open]').count()) > 0) await page.keyboard.press('Escape');
    await openEntry(page, /^Member packets/);
    const dialog = page.getByRole('dialog', { name: 'Member packets' });
    await dialog.waitFor();
    expect(await axeViolations(page, '.packets-dialog')).toEqual([]);
    await dialog.getByLabel('Your note, at the top of every page').fill('Thank you for taking part. <b>See you in May.</b>');
    const saved = await nextDownload(page, () => dialog.getByRole('button', { name: 'Make the packets' }).click());
    expect(saved.name).toMatch(/packets\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile(saved.path)));
    const pages = Object.entries(files).filter(([name]) => name !== 'index.html');
    expect(pages.length).toBe(named.length);
    const all = Object.values(files).map((bytes) => strFromU8(bytes)).join('\n');
    for (const m of hidden) expect(holds(all, m.name), m.name).toBe(false);
    for (const [, bytes] of pages) {
      const text = strFromU8(bytes);
      expect(text).toContain('Thank you for taking part. &lt;b&gt;See you in May.&lt;/b&gt;');
      expect(text).not.toMatch(/<script|<[^>]*\son\w+\s*=/i);
    }
    for (const [name, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), name).toBe(true);
      await page.screenshot({ path: path.join(ensureScreenshotDir(), `${name}-dialog-packets.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
