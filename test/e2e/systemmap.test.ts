/**
 * A funder loads a system map beside the people network, reads its loops, traces one on the
 * map, edits the map with undo, and finds it again after a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, chooseFiles, closeApp, openApp, startApp, stopApp, type FileToImport } from './harness.ts';

const fixture = (file: string, name = file): FileToImport => ({ name, content: readFileSync(path.join(ROOT, 'test/fixtures/systemmap/coalition', file)) });

beforeAll(async () => {
  await startApp();
});
afterAll(async () => {
  await stopApp();
});

describe('system maps in the browser', () => {
  it('imports links, factors and actors, lists loops, edits with undo, and keeps the map', async () => {
    const app = await openApp();
    const { page } = app;
    try {
      const dialog = await chooseFiles(page, [fixture('links.csv'), fixture('factors.csv'), fixture('actors.csv', 'who-works-where.csv')]);
      expect(await dialog.getByLabel('What links.csv holds').inputValue()).toBe('map-links');
      expect(await dialog.getByLabel('What factors.csv holds').inputValue()).toBe('map-factors');
      expect(await dialog.getByLabel('What who-works-where.csv holds').inputValue()).toBe('map-actors');
      await dialog.getByRole('button', { name: 'Import and analyse' }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 30_000 });

      const panel = page.locator('.panel-body');
      await panel.getByRole('heading', { name: 'Feedback loops' }).waitFor({ timeout: 30_000 });
      // Same counts as networkx simple_cycles on this map (test/reference/systemmap).
      expect(await panel.locator('p').first().textContent()).toBe('30 loops: 10 reinforcing (R), 20 balancing (B).');
      await panel.locator('.loops li').first().getByRole('button').click();
      await panel.getByRole('button', { name: 'Show the whole map' }).waitFor();
      expect(await panel.locator('.loops li.active .explain').textContent()).toMatch(/reinforcing loop/);

      await page.locator('.tabs').getByRole('tab', { name: 'Edit' }).click();
      await page.getByLabel('Name of a new factor').fill('Public support');
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('.side', { hasText: '26 factors' }).waitFor();
      await panel.getByRole('button', { name: 'Undo' }).click();
      await page.locator('.side', { hasText: '25 factors' }).waitFor();

      await page.waitForTimeout(1500); // autosave debounce
      await page.reload();
      await page.locator('.mode-switch').getByRole('tab', { name: 'System map' }).click();
      await page.locator('.side', { hasText: '25 factors, 36 causal links' }).waitFor({ timeout: 30_000 });
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  });
});
