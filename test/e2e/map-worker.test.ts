/**
 * The worker-drawn map (src/viz/map/canvas-renderer.ts), which the app uses where WebGL runs in
 * software, as in this headless Chromium: forced here through the browser setting so the test
 * holds on any machine. On the demo: it draws (names counted by the worker), the pointer finds
 * the person drawn under it (hover shows the tooltip, a click selects), the wheel and a double
 * click zoom, a drag pans without selecting, the name density choice changes how many names are
 * drawn, the map picture is a PNG drawn by the worker, and axe finds nothing serious.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { type AppPage, axeViolations, closeApp, fixtureFile, importAndWait, openApp, openDrawer, startApp, stopApp, stopLayout, topbar } from './harness.ts';

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

async function withWorkerMap(run: (app: AppPage) => Promise<void>): Promise<void> {
  const app = await openApp({ openTables: false, initScript: "localStorage.setItem('netweave.map.renderer', 'worker')" });
  try {
    await app.page.locator('section.map[data-state="drawn"][data-renderer="worker"]').waitFor();
    await run(app);
    expect(app.problems()).toEqual([]);
  } finally {
    await closeApp(app);
  }
}

const drawn = (page: Page) => page.locator('.map-canvas canvas.map-drawn');

/** The names the worker drew in its last frame, once frames have come in. */
async function namesDrawn(page: Page): Promise<number> {
  await page.waitForTimeout(400);
  return Number(await drawn(page).getAttribute('data-names'));
}

async function chooseLabels(page: Page, density: 'few' | 'some' | 'all'): Promise<void> {
  const body = page.locator('.map-labels-body');
  if (!(await body.isVisible())) await page.locator('.map-labels > summary').click();
  await body.getByLabel(density, { exact: true }).check();
  await page.locator(`section.map[data-labels^="${density} "]`).waitFor();
}

const zoomOf = async (page: Page) => Number(await page.locator('section.map').getAttribute('data-zoom'));

describe('the worker-drawn map', () => {
  it('draws the demo in a worker, with as many names as asked for', async () => {
    await withWorkerMap(async ({ page }) => {
      await stopLayout(page);
      // One canvas, handed to the worker: none of sigma's layers.
      expect(await page.locator('.map-canvas canvas').count()).toBe(1);
      await chooseLabels(page, 'few');
      const few = await namesDrawn(page);
      await chooseLabels(page, 'some');
      const some = await namesDrawn(page);
      await chooseLabels(page, 'all');
      const all = await namesDrawn(page);
      expect(few).toBeGreaterThan(0);
      expect(few).toBeLessThanOrEqual(some);
      expect(some).toBeLessThan(all);
      expect(await axeViolations(page, 'section.map')).toEqual([]);
    });
  });

  it('finds the person under the pointer: hovering shows them, a click selects them', async () => {
    await withWorkerMap(async ({ page }) => {
      await stopLayout(page);
      const map = page.locator('.map-canvas');
      // The keyboard's person is shown as hovered: the tooltip sits 12 px right of and below them.
      await map.focus();
      await page.keyboard.press('ArrowDown');
      const tooltip = page.locator('.map .tooltip');
      await tooltip.waitFor();
      const name = (await tooltip.locator('strong').textContent())!;
      const at = await tooltip.evaluate((t) => ({ x: parseFloat((t as HTMLElement).style.left) - 12, y: parseFloat((t as HTMLElement).style.top) - 12 }));
      const box = (await drawn(page).boundingBox())!;
      await page.keyboard.press('Escape');
      await page.mouse.move(box.x + 5, box.y + box.height - 5);
      await page.mouse.move(box.x + at.x, box.y + at.y);
      await expect.poll(() => tooltip.locator('strong').textContent()).toBe(name);
      await page.mouse.click(box.x + at.x, box.y + at.y);
      await expect.poll(() => page.locator('.map-controls button', { hasText: 'Focus' }).isDisabled()).toBe(false);
      // A click on empty ground clears the selection.
      await page.mouse.click(box.x + 5, box.y + box.height - 5);
      await expect.poll(() => page.locator('.map-controls button', { hasText: 'Focus' }).isDisabled()).toBe(true);
    });
  });

  it('zooms with the wheel and a double click, and pans by dragging', async () => {
    await withWorkerMap(async ({ page }) => {
      await stopLayout(page);
      const box = (await drawn(page).boundingBox())!;
      const before = await zoomOf(page);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
      await expect.poll(() => zoomOf(page)).toBeLessThan(before);
      const framed = () => drawn(page).getAttribute('data-names');
      const names = await framed();
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 220, box.y + box.height / 2, { steps: 8 });
      await page.mouse.up();
      // Dragged, the map moves but no one is selected.
      expect(await page.locator('.map-controls button', { hasText: 'Focus' }).isDisabled()).toBe(true);
      expect(names).not.toBeNull();
      await page.getByRole('button', { name: 'Fit' }).click();
      await expect.poll(() => zoomOf(page)).toBeCloseTo(1, 2);
      // A double click zooms in where it is.
      await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
      await expect.poll(() => zoomOf(page)).toBeLessThan(0.9);
    });
  });

  it('saves the map picture as a PNG drawn by the worker', async () => {
    await withWorkerMap(async ({ page }) => {
      // The demo has people not to be named, so no picture: a small team network named in full.
      await openDrawer(page, 'tables');
      await importAndWait(page, [fixtureFile('team.csv')], 12);
      await page.locator('section.map[data-state="drawn"]').waitFor();
      await stopLayout(page);
      const downloads: Download[] = [];
      page.on('download', (d) => void downloads.push(d));
      await topbar(page).getByRole('button', { name: 'Export ▾' }).click();
      await page.getByRole('menuitem', { name: 'Map picture (PNG)' }).click();
      await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(1);
      expect(downloads[0]!.suggestedFilename()).toMatch(/\.png$/);
      const bytes = await readFile((await downloads[0]!.path())!);
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.length).toBeGreaterThan(5_000);
    });
  });
});
