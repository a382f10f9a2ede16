/**
 * Consent and pseudonyms in a real browser: a person set as left out in their profile, the
 * Sharing dialog's counts and codes, exports (people CSV, GEXF) that hold no roster name or email
 * with the key saved apart, a key that does not fit changing nothing, and the pseudonymised GEXF
 * imported again with its key bringing the names back. The dialog is axe-clean and fits at every
 * size without sideways scrolling (screenshots under test/e2e/screenshots).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { closeApp, drawnNames, ensureScreenshotDir, importDialog, importAndWait, openApp, openDrawer, peopleTable, rowByName, startApp, stopApp, topbar, waitForIdle, waitForResults, type AppPage } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const roster = readFileSync(new URL('../../data/samples/coalition/people.csv', import.meta.url), 'utf8').trim().split(/\r?\n/);
const rows = roster.slice(1).map((line) => line.split(','));
const names = rows.map((r) => r[0]!);
const emails = rows.map((r) => r[1]!);
/** Every tenth person said no, every tenth from the fifth said unnamed, the rest yes. */
const consentOf = (i: number): string => (i % 10 === 0 ? 'no' : i % 10 === 5 ? 'unnamed' : 'yes');
const PEOPLE = { name: 'people.csv', content: [`${roster[0]},consent`, ...rows.map((r, i) => `${r.join(',')},${consentOf(i)}`)].join('\n') };
/** A ring with chords, so everyone has ties. */
const TIES = { name: 'ties.csv', content: ['source,target', ...names.map((n, i) => `${n},${names[(i + 1) % names.length]}`), ...names.map((n, i) => `${n},${names[(i + 7) % names.length]}`)].join('\n') };
const SIZES = [['laptop-1440x900', 1440, 900], ['laptop-1366x768', 1366, 768], ['phone-390x844', 390, 844]] as const;

/** The person set as left out in their profile (the column says yes). */
const CHOSEN = names[1]!;

/** Whether `text` holds `secret` whole (nia.jones@… is not inside yesenia.jones@…). */
const holds = (text: string, secret: string): boolean => new RegExp(`(?<![\\p{L}\\p{N}._-])${secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text);

async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the devtools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
}

/** Runs an Export menu entry and collects the files it saves (the export and, with codes, its key). */
async function exportFiles(page: Page, entry: string, count: number): Promise<Array<{ name: string; text: string }>> {
  const downloads: Download[] = [];
  const heard = (d: Download): void => void downloads.push(d);
  page.on('download', heard);
  await topbar(page).getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: entry }).click();
  await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(count);
  page.off('download', heard);
  await waitForIdle(page);
  return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), text: await readFile((await d.path())!, 'utf8') })));
}

function sharingDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Sharing' });
}

async function openSharing(page: Page): Promise<void> {
  await topbar(page).getByRole('button', { name: 'Export ▾' }).click();
  await page.getByRole('menuitem', { name: 'Sharing: consent and pseudonyms…' }).click();
  await sharingDialog(page).waitFor();
}

describe('sharing: consent and pseudonyms', () => {
  let app: AppPage;
  beforeAll(async () => {
    await startApp();
    app = await openApp();
  });
  afterAll(async () => {
    await closeApp(app);
    await stopApp();
  });

  it('sets a person left out in their profile; exports with codes name no one; the key brings the names back', async () => {
    const { page } = app;
    await importAndWait(page, [PEOPLE, TIES], 120);

    // The profile: the column says yes; choosing "Left out" wins over it, and is saved with the project.
    await rowByName(page, CHOSEN).locator('.vt-cell').first().click();
    await openDrawer(page, 'details');
    const control = page.getByRole('group', { name: 'In what you share' });
    await control.waitFor();
    await expect.poll(() => control.textContent()).toContain('says “yes”: named');
    await control.getByRole('radio', { name: 'Left out' }).check();
    await expect.poll(() => control.textContent()).toContain('this wins over the column');
    // The weaver's own views keep everyone.
    expect(await peopleTable(page).textContent()).toContain('120 of 120 rows');
    const dir = ensureScreenshotDir();
    for (const [name, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await control.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, `${name}-profile-consent.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // The Sharing dialog counts, then codes with a kept attribute.
    await openSharing(page);
    const dialog = sharingDialog(page);
    await expect.poll(() => dialog.textContent()).toContain('95 named, 12 counted but not named, 13 left out');
    expect(await dialog.getByLabel('Consent column').inputValue()).toBe('consent');
    await dialog.getByRole('checkbox', { name: /Replace every name with a code/ }).check();
    await dialog.getByRole('checkbox', { name: 'sector' }).check();
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    for (const [name, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(dir, `${name}-dialog-sharing.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The map picture cannot leave anyone out: it says why instead.
    await topbar(page).getByRole('button', { name: 'Export ▾' }).click();
    const picture = page.getByRole('menuitem', { name: /Map picture/ });
    expect(await picture.isDisabled()).toBe(true);
    expect(await picture.textContent()).toContain('shows everyone by name');
    await page.screenshot({ path: path.join(dir, 'laptop-1440x900-menu-export-sharing.png') });
    await page.keyboard.press('Escape');

    // People CSV and GEXF: no roster name or email, the key apart with every name shared.
    const csv = await exportFiles(page, 'People and metrics (CSV)', 2);
    const gexf = await exportFiles(page, 'Network for Gephi (GEXF)', 2);
    for (const files of [csv, gexf]) {
      const key = files.find((f) => f.name.includes('KEY'))!;
      expect(key.text.split('\n')[0]).toBe('code,id,name');
      for (const file of files.filter((f) => f !== key)) {
        for (const secret of [...names, ...emails]) expect(holds(file.text, secret), `${file.name} holds ${secret}`).toBe(false);
      }
      // The key names only the people shared by name: not the one left out in the profile, nor those who said no.
      expect(holds(key.text, names[2]!)).toBe(true);
      expect(holds(key.text, CHOSEN)).toBe(false);
      expect(holds(key.text, names[0]!)).toBe(false);
    }
    const status = page.locator('.status');
    await expect.poll(() => status.textContent()).toContain('Keep it apart from what you share');
    const shared = gexf.find((f) => f.name.endsWith('.gexf'))!;
    const key = gexf.find((f) => f.name.includes('KEY'))!;

    // The pseudonymised network imported again: codes, then a key that does not fit changes nothing.
    await importAndWait(page, [{ name: 'shared.gexf', content: shared.text }], 107);
    const codes = async (): Promise<number> => (await drawnNames(page)).filter((n) => /^P\d{3}$/.test(n)).length;
    expect(await codes()).toBeGreaterThan(5);
    await openSharing(page);
    const input = sharingDialog(page).locator('input[type=file]');
    const wrong = key.text.split('\n').slice(0, 5).join('\n');
    await input.setInputFiles({ name: 'wrong-key.csv', mimeType: 'text/csv', buffer: Buffer.from(wrong) });
    await expect.poll(() => sharingDialog(page).getByRole('alert').textContent()).toContain('the key does not fit this network');
    expect(await codes()).toBeGreaterThan(5);
    await sharingDialog(page).getByRole('button', { name: 'Close' }).click();
    // The right key, chosen in the import dialog: recognised as a key, the names are back.
    await topbar(page).getByRole('button', { name: 'Import data' }).click();
    await importDialog(page).getByLabel('Choose files to import').setInputFiles({ name: key.name, mimeType: 'text/csv', buffer: Buffer.from(key.text) });
    await importDialog(page).waitFor({ state: 'hidden' });
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 60_000 }).toContain('came back from');
    await waitForResults(page, 107);
    expect(await codes()).toBe(0);
    const shown = await drawnNames(page);
    expect(shown.filter((n) => names.includes(n)).length, shown.join(', ')).toBeGreaterThan(5);
    expect(app.problems()).toEqual([]);
  });
});
