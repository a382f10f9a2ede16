/**
 * A network weaver drops a survey export and its roster, reviews the one ambiguous name, and
 * gets the network; re-importing the same survey re-applies the choice without asking again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, chooseFiles, closeApp, expectRowCount, openApp, rowByName, startApp, stopApp, waitForSavedProject, type FileToImport } from './harness.ts';

const example = (name: string): FileToImport => ({ name, content: readFileSync(path.join(ROOT, 'data/survey-example', name)) });

beforeAll(async () => {
  await startApp();
});
afterAll(async () => {
  await stopApp();
});

describe('survey import in the browser', () => {
  it('detects the survey and roster, asks about "J. Chen", and keeps the answer for re-imports', async () => {
    const app = await openApp();
    const { page } = app;
    try {
      const dialog = await chooseFiles(page, [example('survey.csv'), example('roster.csv')]);
      expect(await dialog.getByLabel('What survey.csv holds').inputValue()).toBe('survey');
      expect(await dialog.getByLabel('What roster.csv holds').inputValue()).toBe('roster');
      // Each question becomes a relation layer the user can rename.
      await dialog.getByLabel(/^Short name for "Who do you go to for advice/).fill('advice');
      await dialog.getByRole('button', { name: 'Import and analyse' }).click();

      const review = dialog.locator('.review-list');
      await review.waitFor({ timeout: 30_000 });
      const item = review.locator('li.ambiguity', { hasText: '"J. Chen"' }).first();
      await item.getByLabel('Jun Chen', { exact: false }).check();
      await item.getByLabel(/apply to "J\. Chen" wherever/).check();
      await dialog.getByRole('button', { name: 'Apply and import' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });

      // 20 on the roster plus Rafael Torres, who answered but is not on it.
      await expectRowCount(page, 21);
      await page.getByLabel('Filter People and their metrics').fill('Rafael');
      await rowByName(page, 'Rafael Torres').waitFor();
      await page.getByLabel('Filter People and their metrics').fill('');
      // What the import found comes first, in plain figures, not folded into notes.
      const summary = (await page.locator('.status.notice .import-summary').textContent()) ?? '';
      expect(summary).toMatch(/^Survey imported: 21 people · \d+ ties · \d+ relations? · \d+ answered the survey \(response rate \d+%\)/);
      expect(summary).toMatch(/known only from others' answers/);
      await waitForSavedProject(page, 'survey');

      // Re-import after a reload: the saved decision settles "J. Chen" without a review step.
      await page.reload();
      await expectRowCount(page, 21);
      const again = await chooseFiles(page, [example('survey.csv'), example('roster.csv')]);
      await again.getByRole('button', { name: 'Import and analyse' }).click();
      await again.waitFor({ state: 'hidden', timeout: 30_000 });
      await expectRowCount(page, 21);
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  });
});
