/**
 * The map's layout where WebGL runs in software (headless Chromium with --disable-gpu, as the
 * harness starts it): a network of 6,000 people and 18,000 ties is laid out off-screen and drawn
 * once settled, with a keyboard-usable "Animate anyway" that draws it as it moves; the
 * positions reached are saved; the notes stay inside the map at a laptop's and a phone's width
 * (screenshots in test/e2e/screenshots/map-layout-*.png) and axe finds nothing serious.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, clusteredEdgeList, closeApp, ensureScreenshotDir, importAndWait, openApp, savedProject, startApp, stopApp, stopLayout, waitForLayoutToStop } from './harness.ts';

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

const PEOPLE = 6_000;
const TIES = 18_000;

async function mapState(page: Page): Promise<string | undefined> {
  return page.locator('section.map').evaluate((el) => (el as HTMLElement).dataset.state);
}

async function noHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

describe('the map where frames are slow', () => {
  for (const viewport of [
    { width: 1440, height: 900 },
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`lays out off-screen, offers to animate anyway, and draws the settled map (${viewport.width}x${viewport.height})`, async () => {
      // Importing is for a larger screen: a phone's view is taken once the import is done.
      const app = await openApp();
      const { page } = app;
      try {
        await stopLayout(page);
        await importAndWait(page, [{ name: 'slow-frames.csv', content: clusteredEdgeList(PEOPLE, TIES, 7) }], PEOPLE, 120_000);
        await page.setViewportSize(viewport);
        const animate = page.getByRole('button', { name: 'Animate anyway' });
        await animate.waitFor({ timeout: 30_000 });
        expect(await mapState(page)).toBe('arranging');
        expect(await page.locator('.map-note').textContent()).toBe(`Arranging ${PEOPLE.toLocaleString('en')} people: the map is drawn when the layout settles (at most 20 seconds), or press Stop layout to draw it now.`);
        expect(await page.locator('.map-animate').textContent()).toContain('slow on this computer');
        expect(await noHorizontalScroll(page)).toBe(true);
        const name = `map-layout-arranging-${viewport.width}x${viewport.height}.png`;
        await page.screenshot({ path: path.join(ensureScreenshotDir(), name) });
        expect(await axeViolations(page, 'section.map')).toEqual([]);

        // By keyboard: the map is drawn and moves with the layout.
        await animate.focus();
        await page.keyboard.press('Enter');
        // A toggle: its name stays, and it says it is pressed.
        await page.locator('.map-animate button[aria-pressed="true"]').waitFor();
        expect(await animate.textContent()).toBe('Animate anyway');
        await page.locator('section.map[data-state="drawn"]').waitFor({ timeout: 30_000 });
        await page.locator('.map-canvas canvas').first().waitFor();
        const before = await page.locator('section.map').evaluate((el) => (el as HTMLElement).dataset.frameMs);
        expect(Number(before)).toBeGreaterThan(0);

        await waitForLayoutToStop(page, 60_000);
        await page.locator('.map-animate').waitFor({ state: 'hidden' });
        expect(await mapState(page)).toBe('drawn');
        // The positions reached are the project's layout now.
        await expect.poll(async () => (await savedProject(page))?.laidOut.length ?? 0, { timeout: 15_000 }).toBe(PEOPLE);
        expect(await noHorizontalScroll(page)).toBe(true);
        await page.screenshot({ path: path.join(ensureScreenshotDir(), `map-layout-drawn-${viewport.width}x${viewport.height}.png`) });
        expect(await axeViolations(page, 'section.map')).toEqual([]);
        expect(app.problems()).toEqual([]);
      } finally {
        await closeApp(app);
      }
    }, 240_000);
  }
});
