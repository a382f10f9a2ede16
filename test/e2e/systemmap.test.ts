/**
 * A funder loads a system map beside the people network, reads its loops, traces one on the
 * map, reads where to push and who works where, edits the map with undo, and finds it again
 * after a reload.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, chooseFiles, closeApp, openApp, openDrawer, startApp, stopApp, type FileToImport } from './harness.ts';

const fixture = (file: string, name = file): FileToImport => ({ name, content: readFileSync(path.join(ROOT, 'test/fixtures/systemmap/coalition', file)) });

beforeAll(async () => {
  await startApp();
});
afterAll(async () => {
  await stopApp();
});

async function importCoalitionMap(page: Page): Promise<void> {
  const dialog = await chooseFiles(page, [fixture('links.csv'), fixture('factors.csv'), fixture('actors.csv', 'who-works-where.csv')]);
  expect(await dialog.getByLabel('What links.csv holds').inputValue()).toBe('map-links');
  expect(await dialog.getByLabel('What factors.csv holds').inputValue()).toBe('map-factors');
  expect(await dialog.getByLabel('What who-works-where.csv holds').inputValue()).toBe('map-actors');
  await dialog.getByRole('button', { name: 'Import and analyse' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
}

/** The panel's tab of the System map view. */
async function openTab(page: Page, name: string): Promise<void> {
  await page.locator('.tabs').getByRole('tab', { name, exact: true }).click();
}

/** The factor table's "25 of 25 rows". */
async function factorRows(page: Page, n: number): Promise<void> {
  await page.locator('.table-host .vt-tools .muted', { hasText: `${n} of ${n} rows` }).waitFor({ timeout: 30_000 });
}

describe('system maps in the browser', () => {
  it('imports links, factors and actors, lists loops, edits with undo, and keeps the map', async () => {
    const app = await openApp();
    const { page } = app;
    try {
      await importCoalitionMap(page);

      const panel = page.locator('.panel-body');
      await panel.getByRole('heading', { name: 'Feedback loops' }).waitFor({ timeout: 30_000 });
      // Same counts as networkx simple_cycles on this map (test/reference/systemmap).
      expect(await panel.locator('.insight-total').textContent()).toBe('30 feedback loops: 10 reinforcing, 20 balancing.');
      const first = panel.locator('.insight-list > li').first();
      expect(await first.getByRole('button').first().textContent()).toBe('Loop R1 · Reinforcing (a vicious or virtuous circle)');
      expect(await first.locator('.loop-meaning').textContent()).toMatch(/feeds on itself/);
      expect(await panel.locator('.pager-count').first().textContent()).toBe('1–10 of 30 loops');

      // Tracing a loop shows it on the map: its factors, and each of its links drawn bold.
      const map = page.locator('section.map.systemmap');
      expect(await map.getAttribute('data-traced-links')).toBe('0');
      await first.getByRole('button', { name: /^Loop R1/ }).click();
      await panel.getByRole('button', { name: 'Show the whole map' }).waitFor();
      await page.waitForFunction(() => document.querySelector('section.map.systemmap')?.getAttribute('data-traced-links') === '2');
      expect(await map.getAttribute('data-traced-factors')).toBe('2');
      expect(await panel.locator('.insight-list > li.loop-active .loop-chain').textContent()).toMatch(/^more .+ → less .+ → more .+$/);
      // A loop on another page, then the whole map again.
      await panel.getByRole('button', { name: 'Next 10 loops' }).first().click();
      expect(await panel.locator('.pager-count').first().textContent()).toBe('11–20 of 30 loops');
      const eleventh = panel.locator('.insight-list > li').first();
      const size = Number((await eleventh.locator('.insight-tag').first().textContent())!.split(' ')[0]);
      await eleventh.getByRole('button').first().click();
      await page.waitForFunction((n) => document.querySelector('section.map.systemmap')?.getAttribute('data-traced-links') === String(n), size);
      // The shell drew the panel again: the page stays where the reader was.
      expect(await panel.locator('.pager-count').first().textContent()).toBe('11–20 of 30 loops');
      await panel.getByRole('button', { name: 'Show the whole map' }).click();
      await page.waitForFunction(() => document.querySelector('section.map.systemmap')?.getAttribute('data-traced-links') === '0');

      // Where to push, in words; who works where.
      await openTab(page, 'Leverage');
      await panel.getByRole('heading', { name: 'Leverage points' }).waitFor();
      expect(await panel.locator('.leverage-role').first().textContent()).toMatch(/^(Moves many others|Moves others and is moved): /);
      await openTab(page, 'Who works where');
      await panel.getByRole('heading', { name: 'Who works where' }).waitFor();
      expect(await panel.locator('.insight-total').textContent()).toMatch(/^84 organisations work on \d+ of the 25 factors\.$/);

      // An edit, then undo: the factor count is back.
      await openDrawer(page, 'tables');
      await factorRows(page, 25);
      await openTab(page, 'Edit');
      await page.getByLabel('Name of a new factor').fill('Public support');
      await panel.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('.side', { hasText: '26 factors' }).waitFor();
      await factorRows(page, 26);
      expect(await panel.getByRole('button', { name: /^Undo/ }).textContent()).toBe('Undo: Add factor "Public support"');
      await panel.getByRole('button', { name: /^Undo/ }).click();
      await page.locator('.side', { hasText: '25 factors' }).waitFor();
      await factorRows(page, 25);
      expect(await panel.getByRole('button', { name: /^Redo/ }).textContent()).toBe('Redo: Add factor "Public support"');
      expect(await panel.getByRole('button', { name: /^Undo/ }).isDisabled()).toBe(true);

      // A factor chosen in the editor: its links flip and delete, with undo.
      await panel.getByLabel('Factor to change').selectOption({ label: 'Political will' });
      const links = panel.locator('.edit-links li');
      await links.first().waitFor();
      const before = await links.count();
      await panel.getByRole('button', { name: /^Delete the link / }).first().click();
      await page.locator('.side', { hasText: '35 causal links' }).waitFor();
      expect(await panel.locator('.edit-links li').count()).toBe(before - 1);
      await panel.getByRole('button', { name: /^Undo/ }).click();
      await page.locator('.side', { hasText: '36 causal links' }).waitFor();

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
