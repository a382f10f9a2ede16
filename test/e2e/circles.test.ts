/**
 * Peer circles in the Program view, on the demo (140 members across sectors): form circles, read
 * each circle's sentence and the comparison with a random draw and a greedy pass, keep one person
 * in their circle, solve again and find them still there (also after a reload: the circles and
 * locks are kept in the project), and export the circles as CSV with names. The section is
 * axe-clean and fits at every size without sideways scrolling (screenshots under
 * test/e2e/screenshots).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, closeApp, ensureScreenshotDir, openApp, openDrawer, startApp, stopApp, storedCurrent, waitForIdle, waitForSavedProject, type AppPage } from './harness.ts';

const SIZES = [['laptop-1440x900', 1440, 900], ['laptop-1366x768', 1366, 768], ['phone-390x844', 390, 844]] as const;
/** A decimal as the engine computes it: never what a person should read. */
const RAW_DECIMAL = /\d\.\d{2,}/;

let app: AppPage;
let page: Page;

beforeAll(async () => {
  await startApp();
  app = await openApp();
  page = app.page;
});

afterAll(async () => {
  if (app) await closeApp(app);
  await stopApp();
});

/** The locks kept in the project saved as current (IndexedDB), once it holds circles. */
async function savedLocks(): Promise<unknown> {
  const circles = (await storedCurrent(page))?.project.circles as { locks: unknown; last: unknown } | undefined;
  return circles?.last ? circles.locks : null;
}

function section(): Locator {
  return page.locator('.program-circles');
}

async function showCircles(): Promise<void> {
  await openDrawer(page, 'details');
  await page.getByRole('tab', { name: 'Program' }).click();
  await section().waitFor();
}

/** The circle (caption's name) a person's row is in. */
async function circleOf(name: string): Promise<string> {
  const row = section().locator('table.circle-table tr', { has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  return (await row.locator('xpath=ancestor::table').locator('caption strong').textContent()) ?? '';
}

describe('peer circles in the Program view', () => {
  it('forms circles, keeps a locked person through Solve again and a reload, exports them', async () => {
    await showCircles();
    await section().getByLabel('Mix each circle across').selectOption('sector');
    await section().getByRole('button', { name: 'Form circles' }).click();
    const summary = section().locator('.circle-summary');
    await summary.waitFor({ timeout: 60_000 });
    const text = (await summary.textContent()) ?? '';
    expect(text).toMatch(/circles of 140 people: \d+ new pairs of \d+, against \d+ for a random draw and \d+ for a simple greedy pass\./);
    const [, made, random, greedy] = /: (\d+) new pairs of \d+, against (\d+) for a random draw and (\d+)/.exec(text)!.map(Number);
    expect(made).toBeGreaterThanOrEqual(random!);
    expect(made).toBeGreaterThanOrEqual(greedy!);
    expect(text).toContain('different sector values');
    // Each circle is a table whose caption says, in words, what it mixes and connects.
    const captions = await section().locator('table.circle-table caption').allTextContents();
    expect(captions.length).toBeGreaterThan(0);
    expect(captions[0]).toMatch(/^Circle \d+: \d+ sectors?, \d+ of \d+ pairs new/);
    expect(await section().locator('table.circle-compare tbody tr').count()).toBe(3);
    expect(await section().textContent()).not.toMatch(RAW_DECIMAL);

    // Keep the first person of the second circle there, then solve again with another seed.
    const second = section().locator('table.circle-table').nth(1);
    const circle = ((await second.locator('caption strong').textContent()) ?? '').trim();
    const person = ((await second.locator('tbody th[scope="row"]').first().textContent()) ?? '').split(' · ')[0]!.trim();
    await section().getByLabel(`Keep ${person} in`).selectOption(circle);
    await expect.poll(() => section().textContent()).toContain('1 person is kept where you chose');
    await section().locator('details.circle-choices > summary').click();
    await section().getByLabel(/^Seed/).fill('7');
    await section().getByLabel(/^Seed/).dispatchEvent('change');
    await section().getByRole('button', { name: 'Solve again' }).click();
    await waitForIdle(page);
    await expect.poll(() => section().locator('[role="status"] progress').count()).toBe(0);
    expect(await circleOf(person)).toBe(circle);
    expect(await section().getByLabel(`Keep ${person} in`).inputValue()).toBe(circle);

    // Export: circle,person with names, through the page's save path.
    const [file] = await Promise.all([page.waitForEvent('download'), section().getByRole('button', { name: 'Export circles CSV' }).click()]);
    expect(file.suggestedFilename()).toMatch(/-circles\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('circle,person');
    expect(csv).toHaveLength(141);
    expect(csv).toContain(`${circle},${person}`);

    expect(await axeViolations(page, '.program-circles')).toEqual([]);
    const dir = ensureScreenshotDir();
    for (const [name, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await section().locator('.circle-summary').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(dir, `${name}-program-circles.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // The circles and the lock come back with the project.
    await waitForSavedProject(page, 'Demo: Riverbend Climate Coalition');
    await expect.poll(() => savedLocks(), { timeout: 10_000 }).toEqual([{ person: expect.any(String), circle }]);
    await page.reload();
    await page.locator('.table-host .vtable').waitFor({ state: 'attached', timeout: 60_000 });
    await waitForIdle(page);
    await showCircles();
    await section().locator('.circle-summary').waitFor();
    expect(await circleOf(person)).toBe(circle);
    expect(await section().getByLabel(`Keep ${person} in`).inputValue()).toBe(circle);
    expect(app.problems()).toEqual([]);
  });

  it('reads a participants file: its columns are offered, reports-to names not found and people outside the network are listed', async () => {
    const csv = [
      'name,unit,manager',
      'Ibrahim Castillo,North,Amara Rahman',
      'Zoe Tanaka,South,Amara Rahman',
      'Imani Kaur,East,Pat Nobody',
      'Deshawn Eriksen,West,',
      'Mateo Fofana,North,',
      'Hiroshi Zulu,South,',
      'Jonas Mensah,East,',
      'Amara Rahman,West,',
      'New Hire,North,Amara Rahman',
    ].join('\n');
    await showCircles();
    const choices = section().locator('details.circle-choices');
    if ((await choices.getAttribute('open')) === null) await choices.locator('summary').click();
    await section().getByLabel('Who takes part').selectOption('file');
    await section().getByLabel(/^Participants file/).setInputFiles({ name: 'participants.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await section().getByText('participants.csv', { exact: true }).waitFor();
    // The file's own columns, not the project's.
    await expect.poll(() => section().getByLabel('Who each person reports to').locator('option').allTextContents()).toEqual(['Not used', 'name', 'unit', 'manager']);
    await section().getByLabel('Who each person reports to').selectOption('manager');
    await section().getByLabel('Mix each circle across').selectOption('unit');
    await section().getByLabel('Smallest circle').fill('3');
    await section().getByLabel('Smallest circle').dispatchEvent('change');
    await section().getByLabel('Largest circle').fill('3');
    await section().getByLabel('Largest circle').dispatchEvent('change');
    await section().getByRole('button', { name: 'Solve again' }).click();
    await expect.poll(() => section().locator('.circle-summary').textContent(), { timeout: 60_000 }).toContain('3 circles of 9 people');
    const unknown = section().locator('table.circle-unknown');
    expect(await unknown.locator('tbody tr').allTextContents()).toEqual(['Imani KaurPat Nobody']);
    expect(await section().textContent()).toContain('Not in the network (1)');
    expect(await section().locator('.circle-outside li').allTextContents()).toEqual(['New Hire']);
    // Nobody shares a circle with the person they report to.
    for (const name of ['Ibrahim Castillo', 'Zoe Tanaka', 'New Hire']) expect(await circleOf(name)).not.toBe(await circleOf('Amara Rahman'));
    expect(await axeViolations(page, '.program-circles')).toEqual([]);
    expect(app.problems()).toEqual([]);
  });
});
