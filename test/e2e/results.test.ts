/**
 * A funder opens the coalition (its second survey wave and roster, then its system map), adds the
 * sample's results files in the Results view, and reads for each result the indicator's curve
 * against its target, the partners with a role computed from the map and whether they are tied
 * to the group in the people network, the leverage points nobody acts on, an action moving the
 * indicator the wrong way, and the commitments; saves a turn-the-curve table and writes the story
 * behind a curve, which stays after a reload. A file with an error adds nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ROOT, axeViolations, chooseFiles, closeApp, ensureScreenshotDir, openApp, startApp, stopApp, storedCurrent, waitForResults, type AppPage, type FileToImport } from './harness.ts';

const sample = (name: string, as = path.basename(name)): FileToImport => ({ name: as, content: readFileSync(path.join(ROOT, 'data/samples/coalition', name)) });
const RESULTS_FILES = ['results.csv', 'indicators.csv', 'actions.csv', 'strategies.csv', 'commitments.csv'].map((f) => `results/${f}`);
const SIZES = [['laptop-1440x900', 1440, 900], ['laptop-1366x768', 1366, 768], ['phone-390x844', 390, 844]] as const;
const RAW_DECIMAL = /\d\.\d{2,}/;

let app: AppPage;
let page: Page;

async function importFiles(files: FileToImport[]): Promise<void> {
  const dialog = await chooseFiles(page, files);
  await dialog.getByRole('button', { name: 'Import and analyse' }).click();
  const review = dialog.locator('.review-list');
  await Promise.race([review.waitFor({ timeout: 60_000 }), dialog.waitFor({ state: 'hidden', timeout: 60_000 })]);
  if (await review.isVisible()) await dialog.getByRole('button', { name: 'Apply and import' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
}

async function addResults(files: FileToImport[]): Promise<void> {
  const input = page.locator('.results-mode input[type="file"]');
  await input.setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content })));
}

function results(): Locator {
  return page.locator('.results-mode');
}

beforeAll(async () => {
  await startApp();
  app = await openApp();
  page = app.page;
  await importFiles([sample('survey_wave2.csv'), sample('people.csv')]);
  await waitForResults(page, 120);
  await importFiles([sample('systemmap/links.csv'), sample('systemmap/factors.csv'), sample('systemmap/actors.csv', 'who-works-where.csv')]);
  await page.locator('.mode-switch').getByRole('tab', { name: 'System map', selected: true }).waitFor({ timeout: 30_000 });
});

afterAll(async () => {
  if (app) await closeApp(app);
  await stopApp();
});

describe('the Results view', () => {
  it('refuses a file it cannot read whole, and keeps nothing of it', async () => {
    await page.locator('.mode-switch').getByRole('tab', { name: 'Results' }).click();
    await results().getByText('No results yet.').waitFor();
    const bad = 'indicator,result,factor,date,value,target,baseline,better\nAsthma visits,Clean air,Community health impacts,2021,lots,,,down\n';
    await addResults([sample('results/results.csv'), { name: 'indicators.csv', content: bad }]);
    const error = page.locator('.status-error, [role="alert"]').filter({ hasText: 'not added' });
    await error.first().waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).toMatch(/indicators\.csv.*row 2.*value/s);
    expect(await results().getByText('No results yet.').count()).toBe(1);
    expect((await storedCurrent(page))?.project.results ?? null).toBeNull();
  });

  it('shows each result with its curve, partners with a role, leverage nobody acts on and the commitments', async () => {
    await addResults(RESULTS_FILES.map((f) => sample(f)));
    const clean = results().locator('section.result', { has: page.getByRole('heading', { name: 'Clean air in the valley' }) });
    await clean.waitFor({ timeout: 30_000 });
    // The curve, its words and the values behind it.
    await expect.poll(() => clean.locator('.indicator-curve [data-chart="drawn"] svg').count()).toBe(2);
    expect(await clean.locator('.result-indicator p').allTextContents()).toContainEqual(expect.stringMatching(/^Latest \d+(\.\d)? \(\d{4}\), target \d+(\.\d)? by \d{4}/));
    expect(await clean.textContent()).toContain('trend of the actuals: where the curve goes if nothing changes, not a prediction');
    // Partners computed from the map, with whether they are in the group and tied to it.
    expect(await clean.locator('h3', { hasText: /^Partners with a role \(\d+\)$/ }).count()).toBe(1);
    expect(await clean.locator('table.partners-table tbody tr').count()).toBeGreaterThan(0);
    expect(await clean.locator('table.partners-table tbody td:nth-child(4)').allTextContents()).toContain('no');
    expect(await clean.textContent()).toMatch(/Leverage points nobody acts on \(\d+\)/);
    expect(await clean.textContent()).toMatch(/Switch public housing to electric heating.*the wrong way/);
    expect(await clean.textContent()).toMatch(/\d+ people? in the network, in \d+ separate parts/);
    const commitments = results().locator('table.commitments-table tbody tr');
    expect(await commitments.count()).toBe(5);
    expect(await results().textContent()).toContain('Energy-secure households');
    expect(await results().innerText()).not.toMatch(RAW_DECIMAL);
    expect(await axeViolations(page, '.results-mode')).toEqual([]);

    const dir = ensureScreenshotDir();
    for (const [size, width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await page.waitForTimeout(200);
      await page.screenshot({ path: path.join(dir, `${size}-results.png`) });
      await clean.locator('table.partners-table').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(dir, `${size}-results-partners.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), size).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('saves a turn-the-curve table and keeps the story behind a curve', async () => {
    const indicator = results().locator('.result-indicator').first();
    const [file] = await Promise.all([page.waitForEvent('download'), indicator.getByRole('button', { name: 'Export turn-the-curve table (CSV)' }).click()]);
    expect(file.suggestedFilename()).toMatch(/-curve\.csv$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const lines = Buffer.concat(chunks).toString('utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('indicator,date,actual,target,baseline,trend,trend_note');
    expect(lines.some((l) => l.endsWith('trend carried forward (not a prediction)'))).toBe(true);

    const story = indicator.getByLabel('The story behind the curve');
    await story.fill('=HYPERLINK("x") Two clinics closed in 2022.');
    await story.blur();
    await expect.poll(async () => JSON.stringify((await storedCurrent(page))?.project.results ?? null)).toContain('Two clinics closed in 2022.');
    await page.reload();
    await page.locator('.mode-switch').getByRole('tab', { name: 'Results' }).click();
    await expect.poll(() => results().locator('.result-indicator').first().getByLabel('The story behind the curve').inputValue(), { timeout: 30_000 }).toBe('=HYPERLINK("x") Two clinics closed in 2022.');
  });

  it('takes results files dropped on Import data to the Results view', async () => {
    await page.locator('.mode-switch').getByRole('tab', { name: 'People network' }).click();
    const dialog = await chooseFiles(page, [sample('results/scorecard-data-values.csv')]);
    expect(await dialog.getByLabel('What scorecard-data-values.csv holds').inputValue()).toBe('results');
    await dialog.getByRole('button', { name: 'Import and analyse' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    await page.locator('.mode-switch').getByRole('tab', { name: 'Results', selected: true }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => ((await storedCurrent(page))?.project.results as { files: Array<{ name: string }> } | null)?.files.map((f) => f.name)).toContain('scorecard-data-values.csv');
  });

  it('joins the introductions that bring partners in to the Weave view', async () => {
    await page.locator('.mode-switch').getByRole('tab', { name: 'People network' }).click();
    await page.getByRole('tab', { name: 'Weave' }).click();
    const kinds = page.locator('.panel-body').getByLabel('Kind of introduction');
    await expect.poll(async () => (await kinds.locator('option').allTextContents()).join('|'), { timeout: 30_000 }).toMatch(/Bring a partner into the work on a result \(\d+\)/);
  });
});
