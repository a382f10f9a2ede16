/**
 * Group colours that stay with their people across survey waves (a two-wave dataset), and the
 * map for reading, on the demo: label density and size, names kept inside the canvas, the
 * legend folding away (folded at first on a phone), people found by the find box highlighted,
 * the focus on one person's circle, and the map by keyboard (arrows, Enter, + / -, Escape).
 *
 * What sigma paints is read from its canvases (ink on the labels layer) and what the map says of
 * itself (`data-labels`, `data-focus`, `data-zoom` on section.map, its status line, tooltip and
 * live region).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type AppPage, ROOT, closeApp, importAndWait, openApp, openDrawer, peopleTable, startApp, stopApp, stopLayout } from './harness.ts';

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

async function withApp(run: (app: AppPage) => Promise<void>, viewport?: { width: number; height: number }): Promise<void> {
  // Sigma's WebGL map (this browser's software WebGL would choose the worker-drawn one, which
  // map-worker.test.ts covers).
  const app = await openApp({ openTables: false, initScript: "localStorage.setItem('netweave.map.renderer', 'webgl')", ...(viewport ? { viewport } : {}) });
  try {
    await app.page.locator('section.map[data-state="drawn"]').waitFor();
    await run(app);
    expect(app.problems()).toEqual([]);
  } finally {
    await closeApp(app);
  }
}

/** Everyone each demo person is tied to, either way, in any relation (the map's contacts). */
function demoContacts(): Map<string, Set<string>> {
  const ties = Papa.parse<{ source: string; target: string }>(readFileSync(path.join(ROOT, 'data/demo/ties.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  const contacts = new Map<string, Set<string>>();
  const add = (a: string, b: string): void => {
    const set = contacts.get(a) ?? new Set<string>();
    set.add(b);
    contacts.set(a, set);
  };
  for (const { source, target } of ties) {
    if (source === target) continue;
    add(source, target);
    add(target, source);
  }
  return contacts;
}

interface Ink {
  total: number;
  /** Painted pixels within 2 CSS pixels of the canvas's edges. */
  edges: number;
}

/** Painted pixels on sigma's labels layer (names), after the next two frames. */
async function labelInk(page: Page): Promise<Ink> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const canvas = document.querySelector<HTMLCanvasElement>('.map-canvas canvas.sigma-labels');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return { total: 0, edges: 0 };
    const { width, height } = canvas;
    const border = Math.round(2 * (width / canvas.clientWidth));
    const data = context.getImageData(0, 0, width, height).data;
    let total = 0;
    let edges = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * 4 + 3]! === 0) continue;
        total++;
        if (x < border || x >= width - border || y < border || y >= height - border) edges++;
      }
    }
    return { total, edges };
  });
}

async function chooseLabels(page: Page, density: 'few' | 'some' | 'all'): Promise<void> {
  const body = page.locator('.map-labels-body');
  if (!(await body.isVisible())) await page.locator('.map-labels > summary').click();
  await body.getByLabel(density, { exact: true }).check();
  await page.locator(`section.map[data-labels^="${density} "]`).waitFor();
}

async function zoom(page: Page): Promise<number> {
  return Number(await page.locator('section.map').getAttribute('data-zoom'));
}

/** Waits until the camera's zoom ratio (1 = the whole network) is below, or above, `limit`. */
async function waitForZoom(page: Page, limit: number, below = true): Promise<number> {
  await page.waitForFunction(
    ([l, b]) => {
      const ratio = Number(document.querySelector('section.map')?.getAttribute('data-zoom'));
      return b ? ratio < l : ratio > l;
    },
    [limit, below] as const,
  );
  return zoom(page);
}

async function find(page: Page, text: string): Promise<void> {
  await openDrawer(page, 'settings');
  await page.getByLabel('Find a person by name').fill(text);
}

/**
 * Two survey waves: in 2023 a group A of six (Philanthropy) and B of four (Business), plus a
 * triangle C; in 2024 two of A have no ties, and B and C form one group of seven. The groups
 * are numbered afresh in each wave (the biggest first), so B+C is Group 1 in 2024 and A Group 2.
 */
function twoWaves(): { name: string; content: string } {
  const people = [
    ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => ({ id, label: id.toUpperCase(), attributes: { sector: 'Philanthropy' } })),
    ...['b1', 'b2', 'b3', 'b4', 'c1', 'c2', 'c3'].map((id) => ({ id, label: id.toUpperCase(), attributes: { sector: 'Business' } })),
  ];
  const clique = (ids: string[], wave: string) => ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ source: a, target: b, relation: 'knows', directed: false, weight: 1, wave })));
  const ties = [
    ...clique(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], '2023'),
    ...clique(['b1', 'b2', 'b3', 'b4'], '2023'),
    ...clique(['c1', 'c2', 'c3'], '2023'),
    ...clique(['a1', 'a2', 'a3', 'a4'], '2024'),
    ...clique(['b1', 'b2', 'b3', 'b4', 'c1', 'c2', 'c3'], '2024'),
  ];
  return { name: 'waves.json', content: JSON.stringify({ format: 'netweave-dataset', version: 1, name: 'Two waves', people, ties }) };
}

/** The legend's entries as [text, swatch colour]. */
async function legendEntries(page: Page): Promise<Array<[string, string]>> {
  return page.locator('.legend li').evaluateAll((items) => items.map((li) => [li.textContent ?? '', (li.querySelector('.swatch') as HTMLElement).style.background] as [string, string]));
}

describe('the map for reading', () => {
  it('keeps each group\'s colour when the survey wave changes, matching groups by their people', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await importAndWait(page, [twoWaves()], 13);
      await openDrawer(page, 'settings');
      const wave = page.getByLabel('Survey wave to show');
      const BLUE = 'rgb(0, 114, 178)';
      const ORANGE = 'rgb(230, 159, 0)';
      const GREEN = 'rgb(0, 158, 115)';
      // All waves together: B and C are one group of seven, A one of six.
      expect((await legendEntries(page)).slice(0, 2)).toEqual([
        ['Group 1 · mostly Business (7)', BLUE],
        ['Group 2 · mostly Philanthropy (6)', ORANGE],
      ]);
      // 2023: A is now Group 1 and keeps its orange; B keeps the blue of the group it was most
      // of; C is new, in a colour no group had.
      await wave.selectOption('2023');
      await page.locator('.legend li', { hasText: 'Group 3 · mostly Business (3)' }).waitFor({ timeout: 60_000 });
      expect((await legendEntries(page)).slice(0, 3)).toEqual([
        ['Group 1 · mostly Philanthropy (6)', ORANGE],
        ['Group 2 · mostly Business (4)', BLUE],
        ['Group 3 · mostly Business (3)', GREEN],
      ]);
      // 2024: B and C together are Group 1 again, in B's blue; what is left of A keeps orange.
      await wave.selectOption('2024');
      await page.locator('.legend li', { hasText: 'Group 2 · mostly Philanthropy (4)' }).waitFor({ timeout: 60_000 });
      const wave2 = await legendEntries(page);
      expect(wave2.slice(0, 2)).toEqual([
        ['Group 1 · mostly Business (7)', BLUE],
        ['Group 2 · mostly Philanthropy (4)', ORANGE],
      ]);
      // The two people left alone are groups of one, in colours of their own.
      expect(wave2.slice(2).map(([text]) => text)).toEqual(['Group 3 (1)', 'Group 4 (1)']);
      expect(wave2.slice(2).map(([, colour]) => colour).filter((c) => [BLUE, ORANGE].includes(c))).toEqual([]);
      // Back to 2023: the colours come back with their people.
      await wave.selectOption('2023');
      await page.locator('.legend li', { hasText: 'Group 1 · mostly Philanthropy (6)' }).waitFor({ timeout: 60_000 });
      expect((await legendEntries(page)).slice(0, 3).map(([, colour]) => colour)).toEqual([ORANGE, BLUE, GREEN]);
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  });

  it('shows few, some or all names, at the size chosen, always inside the canvas', async () => {
    await withApp(async ({ page }) => {
      await stopLayout(page);
      await chooseLabels(page, 'some');
      const some = await labelInk(page);
      await chooseLabels(page, 'few');
      const few = await labelInk(page);
      await chooseLabels(page, 'all');
      const all = await labelInk(page);
      expect(few.total).toBeGreaterThan(0);
      expect(few.total).toBeLessThan(some.total);
      expect(some.total).toBeLessThan(all.total);

      // Bigger names paint more.
      const size = page.getByLabel('Label size');
      await size.fill('20');
      await page.locator('section.map[data-labels="all 20"]').waitFor();
      const bigger = await labelInk(page);
      expect(bigger.total).toBeGreaterThan(all.total);

      // Zoomed in, people sit at and past the edges: their names are pulled inside the canvas.
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await page.waitForTimeout(500);
      const zoomed = await labelInk(page);
      expect(zoomed.total).toBeGreaterThan(0);
      expect(zoomed.edges).toBe(0);

      // The choice is this browser's preference: it survives a reload.
      await page.reload();
      await page.locator('section.map[data-state="drawn"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('section.map').getAttribute('data-labels')).toBe('all 20');
      expect(await page.locator('.map-labels > summary').textContent()).toBe('Labels: all');
    });
  });

  it('folds the legend away from its title, and keeps it in its corner', async () => {
    await withApp(async ({ page }) => {
      const title = page.locator('.legend .legend-title');
      const list = page.locator('.legend ul');
      expect(await title.textContent()).toBe('Colour: Groups (communities)');
      expect(await title.getAttribute('aria-expanded')).toBe('true');
      // Groups are named by what most of their people share, numbered from 1.
      const entries = await list.locator('li').allTextContents();
      expect(entries[0]).toMatch(/^Group 1( · mostly .+)? \(\d+\)$/);
      expect(entries.some((e) => / · mostly /.test(e))).toBe(true);

      const map = (await page.locator('.map-canvas').boundingBox())!;
      const legend = (await page.locator('.legend').boundingBox())!;
      // Bottom-left corner, never over the map's middle.
      expect(legend.x + legend.width).toBeLessThan(map.x + map.width / 2);
      expect(legend.y).toBeGreaterThan(map.y + map.height / 2);

      await title.click();
      expect(await title.getAttribute('aria-expanded')).toBe('false');
      expect(await list.isVisible()).toBe(false);
      expect((await page.locator('.legend').boundingBox())!.height).toBeLessThan(legend.height);
      await title.click();
      expect(await list.isVisible()).toBe(true);
    });
  });

  it('starts with the legend folded on a phone', async () => {
    await withApp(
      async ({ page }) => {
        const title = page.locator('.legend .legend-title');
        expect(await title.getAttribute('aria-expanded')).toBe('false');
        expect(await page.locator('.legend ul').isVisible()).toBe(false);
        await title.click();
        expect(await page.locator('.legend ul').isVisible()).toBe(true);
      },
      { width: 390, height: 844 },
    );
  });

  it('highlights the people the find box matches, until it is cleared', async () => {
    await withApp(async ({ page }) => {
      const status = page.locator('.map-status');
      expect(await status.isVisible()).toBe(false);
      await find(page, 'Tanaka');
      await status.filter({ hasText: '7 people highlighted' }).waitFor();
      await find(page, 'Farid Johnson');
      await status.filter({ hasText: '1 person highlighted' }).waitFor();
      await find(page, '');
      await status.waitFor({ state: 'hidden' });
      // The status line's Clear button ends a highlight as well.
      await find(page, 'Tanaka');
      await status.getByRole('button', { name: 'Clear' }).click();
      await status.waitFor({ state: 'hidden' });
    });
  });

  it("focuses on one person's circle, and Escape steps back: the focus, then the selection", async () => {
    await withApp(async ({ page }) => {
      const contacts = demoContacts().get('Farid Johnson')!;
      const map = page.locator('section.map');
      const focus = page.locator('.map-controls').getByRole('button', { name: 'Focus' });
      expect(await focus.isDisabled()).toBe(true);
      await find(page, 'Farid Johnson');
      await page.getByLabel('Find a person by name').press('Enter');
      await page.locator('.panel-body h2', { hasText: 'Farid Johnson' }).waitFor();
      await focus.click();
      expect(await map.getAttribute('data-focus')).toBe('on');
      expect(await focus.getAttribute('aria-pressed')).toBe('true');
      await page.locator('.map-status').filter({ hasText: `Farid Johnson's circle: ${contacts.size + 1} people` }).waitFor();
      // The camera takes in the circle: closer than the whole network.
      expect(await waitForZoom(page, 0.9)).toBeLessThan(0.9);

      // By keyboard, the arrows go round the circle only: the person first, then their contacts.
      await page.locator('.map-canvas').focus();
      const live = page.locator('section.map [aria-live]');
      const circle = contacts.size + 1;
      for (let step = 2; step <= circle; step++) {
        await page.keyboard.press('ArrowRight');
        await live.filter({ hasText: `, ${step} of ${circle}:` }).waitFor();
        expect(contacts.has((await page.locator('.map .tooltip strong').textContent())!)).toBe(true);
      }
      await page.keyboard.press('ArrowRight');
      await live.filter({ hasText: `Farid Johnson, 1 of ${circle}:` }).waitFor();

      // Escape (here from the Focus button) leaves the focus and keeps the person selected...
      await focus.focus();
      await page.keyboard.press('Escape');
      expect(await map.getAttribute('data-focus')).toBe('off');
      expect(await focus.isDisabled()).toBe(false);
      // Back to everyone, with the find box's match still highlighted.
      expect(await page.locator('.map-status span').textContent()).toBe('1 person highlighted');
      // ...and a second Escape clears the selection.
      await page.keyboard.press('Escape');
      await expect.poll(() => focus.isDisabled()).toBe(true);
    });
  });

  it('is used by keyboard: arrows through the highlighted people, Enter selects, + and - zoom, Escape clears', async () => {
    await withApp(async ({ page }) => {
      await stopLayout(page);
      await find(page, 'Tanaka');
      await page.locator('.map-status').filter({ hasText: '7 people highlighted' }).waitFor();
      const canvas = page.locator('.map-canvas');
      expect(await canvas.getAttribute('tabindex')).toBe('0');
      await canvas.focus();
      const tooltip = page.locator('.map .tooltip strong');
      const live = page.locator('section.map [aria-live]');
      const seen: string[] = [];
      for (let step = 0; step < 7; step++) {
        await page.keyboard.press('ArrowDown');
        await live.filter({ hasText: `, ${step + 1} of 7:` }).waitFor();
        seen.push((await tooltip.textContent())!);
      }
      expect(seen.every((name) => name.endsWith(' Tanaka'))).toBe(true);
      expect(new Set(seen).size).toBe(7);
      // Round the end back to the first, and back again.
      await page.keyboard.press('ArrowDown');
      expect(await tooltip.textContent()).toBe(seen[0]);
      await page.keyboard.press('ArrowUp');
      expect(await tooltip.textContent()).toBe(seen[6]);

      await page.keyboard.press('Enter');
      await page.locator('.panel-body h2', { hasText: seen[6]! }).waitFor();
      const focus = page.locator('.map-controls').getByRole('button', { name: 'Focus' });
      expect(await focus.isDisabled()).toBe(false);

      // The camera glides to the person selected: let it settle first.
      await page.waitForTimeout(500);
      const before = await zoom(page);
      await page.keyboard.press('+');
      expect(await waitForZoom(page, before * 0.9)).toBeLessThan(before);
      const closer = await zoom(page);
      await page.keyboard.press('-');
      expect(await waitForZoom(page, closer * 1.1, false)).toBeGreaterThan(closer);

      await page.keyboard.press('Escape');
      await expect.poll(() => focus.isDisabled()).toBe(true);
    });
  });

  it("steps through people in the table's order with the arrow keys when nothing is highlighted", async () => {
    await withApp(async ({ page }) => {
      await stopLayout(page);
      await openDrawer(page, 'tables');
      const table = peopleTable(page);
      // Sorted by name, A to Z: the map's arrows follow.
      const byName = table.locator('.vt-head .vt-sort', { hasText: /^Name$/ });
      await byName.click();
      await expect.poll(() => byName.locator('xpath=..').getAttribute('aria-sort')).not.toBe('none');
      if ((await byName.locator('xpath=..').getAttribute('aria-sort')) !== 'ascending') await byName.click();
      await expect.poll(() => byName.locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
      const firstTwo = async () => (await table.locator('.vt-rows .vt-row .vt-cell:first-child').allTextContents()).slice(0, 2);
      const [first, second] = await firstTwo();
      const canvas = page.locator('.map-canvas');
      await canvas.focus();
      const tooltip = page.locator('.map .tooltip strong');
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => tooltip.textContent()).toBe(first);
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => tooltip.textContent()).toBe(second);
    });
  });
});
