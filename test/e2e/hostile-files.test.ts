/**
 * Files built to hurt (too large, crafted, slow), dropped on the app one after another, then a
 * good one: each ends in a result or a message in plain words within seconds, the open project
 * stays open, and the next import works. A file task that makes no progress within its budget is
 * stopped (the worker terminated, a fresh one started next time): shown here with the budget
 * shortened to 1 ms.
 */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { MAX_BROWSER_FILE_BYTES } from '../../src/engine/io/limits.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { closeApp, expectRowCount, fixtureFile, importAndWait, importDialog, openApp, stopApp, topbar } from './harness.ts';
import { workbook } from '../helpers/workbook.ts';

afterAll(stopApp);

/** A survey workbook whose second row is numbered 1,000,000,000 (it used to kill the reader). */
function farSurvey(): Buffer {
  const files = unzipSync(workbook([['Name', 'Who do you work with?'], ['Ana Lima', 'Ben Okafor']]));
  files['xl/worksheets/sheet1.xml'] = strToU8(strFromU8(files['xl/worksheets/sheet1.xml']!).replace(/r="2"/, 'r="1000000000"').replace(/([AB])2"/g, '$11000000000"'));
  return Buffer.from(zipSync(files));
}

describe('hostile files in the app', () => {
  it('stops a stalled read, reports crafted files, reads the slow ones, and imports a good file after', async () => {
    const app = await openApp();
    const { page } = app;
    try {
      // A read with no progress within its budget is stopped; the open demo stays.
      await page.evaluate(() => ((globalThis as { netweaveStallMs?: number }).netweaveStallMs = 1));
      await topbar(page).getByRole('button', { name: 'Import data' }).click();
      const dialog = importDialog(page);
      // Big enough that reading it takes longer than the budget.
      const ties = `source,target\n${Array.from({ length: 200_000 }, (_, i) => `p${i},p${(i * 7 + 1) % 200_000}`).join('\n')}\n`;
      await dialog.getByLabel('Choose files to import').setInputFiles([{ name: 'ties.csv', mimeType: 'text/csv', buffer: Buffer.from(ties) }]);
      const stopped = dialog.locator('.issues', { hasText: 'stopped after 1 second without progress' });
      await stopped.waitFor({ timeout: 20_000 });
      expect(await stopped.textContent()).toContain('Your current project is unchanged');
      await page.evaluate(() => delete (globalThis as { netweaveStallMs?: number }).netweaveStallMs);
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expectRowCount(page, 140);

      // A file past the browser's limit is refused before it is read (sparse on disk: no space used).
      const huge = path.join(mkdtempSync(path.join(tmpdir(), 'nw-huge-')), 'everyone.csv');
      writeFileSync(huge, 'source,target\n');
      truncateSync(huge, MAX_BROWSER_FILE_BYTES + 1);
      await topbar(page).getByRole('button', { name: 'Import data' }).click();
      await dialog.getByLabel('Choose files to import').setInputFiles(huge);
      const tooLarge = dialog.locator('.issues', { hasText: 'everyone.csv' });
      await tooLarge.waitFor({ timeout: 20_000 });
      expect(await tooLarge.textContent()).toContain('netweave reads files up to 200 MB in the browser');
      await dialog.getByRole('button', { name: 'Close' }).click();

      // A 78-byte DOCTYPE that took 77 s to sniff: refused at once, naming the file.
      const crafted = `<!DOCTYPE[${']'.repeat(66)}`;
      await topbar(page).getByRole('button', { name: 'Import data' }).click();
      await dialog.getByLabel('Choose files to import').setInputFiles([{ name: 'crafted.gexf', mimeType: 'application/xml', buffer: Buffer.from(crafted) }]);
      await dialog.locator('.file-card', { hasText: 'crafted.gexf' }).waitFor({ timeout: 20_000 });
      await dialog.getByRole('button', { name: 'Import and analyse' }).click();
      const refused = dialog.locator('.issues[role="alert"]', { hasText: 'crafted.gexf' });
      await refused.waitFor({ timeout: 20_000 });
      expect(await refused.textContent()).toContain('not valid XML');
      await dialog.getByRole('button', { name: 'Close' }).click();
      await expectRowCount(page, 140);

      // A survey with a 1,000,000-character answer (ran for minutes) and one declaring row 1,000,000,000.
      await importAndWait(page, [{ name: 'long-answer.csv', content: `Name,Who do you work with?\nAna Lima,Ben Okafor\nBen Okafor,${'x'.repeat(1_000_000)} Ana Lima\nCleo Diaz,"Ana Lima, Ben Okafor"\n` }], 3);
      await importAndWait(page, [{ name: 'far.xlsx', content: farSurvey() }], 2);

      // And a good file after all of it.
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      expect(await page.locator('.project-name').textContent()).toBe('team');
      expect(app.pageErrors).toEqual([]);
    } finally {
      await closeApp(app);
    }
  }, 240_000);
});
