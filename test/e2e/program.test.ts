/**
 * Program staff open the coalition sample (two survey waves, the roster, convening attendance and
 * mentorship pairs) and read the Program panel.
 *
 * One page serves every test of this file (the import takes a while): each test opens the tab or
 * dialog it needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ROOT, chooseFiles, closeApp, openApp, startApp, stopApp, waitForResults, type AppPage, type FileToImport } from './harness.ts';

const coalition = (name: string): FileToImport => ({ name, content: readFileSync(path.join(ROOT, 'data/samples/coalition', name)) });
const COALITION_FILES = ['survey_wave1.csv', 'survey_wave2.csv', 'people.csv', 'attendance.csv', 'mentorships.csv'];

/** A decimal as the engine computes it ("0.983", "7.13"): never what a person should read. */
const RAW_DECIMAL = /\d\.\d{2,}/;

let app: AppPage;
let page: Page;

beforeAll(async () => {
  await startApp();
  app = await openApp();
  page = app.page;
  const dialog = await chooseFiles(page, COALITION_FILES.map(coalition));
  await dialog.getByRole('button', { name: 'Import and analyse' }).click();
  // 18 written names could be two people: the most likely person is chosen for each.
  await dialog.locator('.review-list').waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Apply and import' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
  await waitForResults(page, 120);
});

afterAll(async () => {
  if (app) await closeApp(app);
  await stopApp();
});

function panel(): Locator {
  return page.locator('.panel-body');
}

async function showTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

describe('the Program panel', () => {
  it('says the mix of each convening in plain words ("6 sectors: Nonprofit 20, …")', async () => {
    await showTab('Program');
    const convenings = panel().locator('section', { has: page.getByRole('heading', { name: 'Convenings' }) });
    await convenings.waitFor();
    expect(await panel().textContent()).not.toContain('[object Object]');
    const mix = await convenings.locator('.event-mix').first().textContent();
    // The sample's people have a sector: the first session's mix names sectors with their counts.
    expect(mix).toMatch(/^\d+ sectors: [A-Z][A-Za-z ]+ \d+, /);
  });

  it('reads changes over waves as percentages with their direction, without raw decimals', async () => {
    await showTab('Program');
    const text = (await panel().textContent()) ?? '';
    expect(text).not.toMatch(RAW_DECIMAL);
    const row = (name: string) => panel().locator('tr', { has: page.getByRole('cell', { name, exact: true }) });
    expect(await row('Connected share').locator('td').last().textContent()).toMatch(/^up from \d+% to 100%$/);
    expect(await row('People at the edge').locator('td').last().textContent()).toMatch(/^up from \d+ to \d+$/);
    // Long lists show a few and say how many there are.
    const gained = panel().locator('details', { hasText: 'Ties gained' });
    await gained.locator('summary').click();
    expect(await gained.locator('li').count()).toBeLessThanOrEqual(20);
    await expect.poll(() => gained.textContent()).toMatch(/Show \d+ more/);
  });
});
