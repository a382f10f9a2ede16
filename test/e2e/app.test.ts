/**
 * The app in a real browser: the demo on first load, importing, the profile, exports, projects
 * surviving a reload, import errors that leave the project alone, and labels from hostile files
 * shown as text. Built and served once by the harness; every test has its own browser context.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppPage,
  type OpenOptions,
  chooseFiles,
  closeApp,
  drawnNames,
  ensureScreenshotDir,
  expectRowCount,
  fixtureFile,
  importAndWait,
  openApp,
  openDrawer,
  peopleTable,
  rowByName,
  rowCountLabel,
  rowCells,
  savedProject,
  startApp,
  stopApp,
  stopLayout,
  topbar,
  waitForLayoutToStop,
  waitForResults,
  waitForSavedProject,
} from './harness.ts';
import type { Page } from 'playwright-core';
import { importFiles } from '../../src/engine/io/import-files.ts';
import { orThrow } from '../../src/engine/core/util/result.ts';
import { PROJECT_VERSION, ProjectSchema } from '../../src/engine/core/model/project.ts';

const TEAM = fixtureFile('team.csv');
const HYPERLINK = '=HYPERLINK("x")';
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const HOSTILE_TEAM = '<img src=y onerror="window.__xss=3">';

/** Connections per person in test/e2e/fixtures/team.csv (15 undirected ties). */
const TEAM_DEGREES: Record<string, number> = {
  'Ana Lima': 6,
  'Ben Okafor': 3,
  'Chen Wei': 3,
  'Eli Cohen': 3,
  'Ivan Petrov': 3,
  'Dara Singh': 2,
  'Fatima Zahra': 2,
  'Gus Berg': 2,
  'Hana Sato': 2,
  'Jo Adams': 2,
  'Kofi Mensah': 1,
  [HYPERLINK]: 1,
};

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().textContent()) ?? '';
}

beforeAll(async () => {
  await startApp();
});

afterAll(async () => {
  await stopApp();
});

/** Opens a fresh app for one test and closes it afterwards, failing on any collected problem. */
async function withApp(run: (app: AppPage) => Promise<void>, options: OpenOptions = {}): Promise<void> {
  const app = await openApp(options);
  try {
    await run(app);
    expect(app.problems()).toEqual([]);
  } finally {
    await closeApp(app);
  }
}

describe('netweave in the browser', () => {
  it('loads the demo: banner, 140 people, network health, map, and no errors', async () => {
    await withApp(async ({ page }) => {
      const banner = page.locator('.banner');
      await banner.waitFor();
      expect(await text(page, '.banner strong')).toBe('You are looking at a demo: Riverbend Climate Coalition. ');
      expect(await banner.textContent()).toContain('140 members');

      await expectRowCount(page, 140);
      expect(await text(page, '.project-name')).toBe('Demo: Riverbend Climate Coalition');

      // Network health: the "People" figure reads 140.
      expect(await text(page, '.panel-body h2')).toBe('Network health');
      const figures = await page.locator('.figures .figure').evaluateAll((nodes) =>
        Object.fromEntries(nodes.map((n) => [n.querySelector('.figure-name')?.textContent ?? '', n.querySelector('.figure-value')?.textContent ?? ''])),
      );
      expect(figures['People']).toBe('140');
      expect(Number(figures['Ties']!.replace(/,/g, ''))).toBeGreaterThan(140);
      expect(figures['Groups']).toMatch(/^\d+$/);
      // The degree chart is drawn.
      await page.getByRole('img', { name: /Degree distribution/ }).or(page.locator('svg[aria-label^="Degree distribution"]')).first().waitFor();

      // The map: sigma's canvases inside .map-canvas (drawn once its graph is built, in slices
      // after the results), and a legend of groups.
      await page.locator('section.map[data-state="drawn"]').waitFor();
      expect(await page.locator('.map-canvas canvas').count()).toBeGreaterThan(0);
      expect(await text(page, '.legend .legend-title')).toBe('Colour: Groups (communities)');

      // The table is sorted by connections, most connected first.
      const header = peopleTable(page).getByRole('columnheader').filter({ hasText: 'Connections' });
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      expect(await peopleTable(page).locator('.vt-rows .vt-row').count()).toBeGreaterThan(5);

      // A settled picture for the screenshot (the layout stops by itself within 20 s).
      await waitForLayoutToStop(page);
      await page.screenshot({ path: path.join(ensureScreenshotDir(), 'main.png'), fullPage: true });
      const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
      expect(violations, 'content-security-policy violations reported by the page').toEqual([]);
    });
  });

  it('says so when a part of its code cannot load, instead of waiting or showing an empty chart', async () => {
    const { browser, url } = await startApp();
    for (const [chunk, message] of [
      // The app past its first stages (a connection lost, a new version deployed meanwhile).
      [/\/assets\/start-[^/]+\.js$/, 'netweave could not load: reload the page to try again.'],
      // The charts' code, loaded with the first chart: said where the chart would be, in the
      // network's health panel, which the app went on to show.
      [/\/assets\/plot-[^/]+\.js$/, 'The chart could not be loaded: reload the page to try again.'],
    ] as const) {
      const context = await browser.newContext();
      try {
        await context.route(chunk, (route) => route.abort());
        const page = await context.newPage();
        await page.goto(url);
        await page.getByText(message).first().waitFor({ timeout: 30_000 });
      } finally {
        await context.close();
      }
    }
  });

  it('shows in the people table the people the map shows: a group picked in the groups table, then everyone again', async () => {
    await withApp(async ({ page }) => {
      await expectRowCount(page, 140);
      await page.locator('.bottom').getByRole('tab', { name: 'Groups' }).click();
      const groups = page.getByRole('region', { name: 'Groups (communities)' });
      const first = groups.locator('.vt-rows .vt-row').first();
      const size = Number((await first.locator('.vt-cell').nth(1).textContent())!.replace(/,/g, ''));
      expect(size).toBeGreaterThan(1);
      await first.click();
      await page.locator('.bottom').getByRole('tab', { name: 'People' }).click();
      await rowCountLabel(page).filter({ hasText: `${size} of 140 rows` }).waitFor();
      await openDrawer(page, 'settings');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expectRowCount(page, 140);
    });
  });

  it('imports a CSV edge list through the file picker and finds the most connected person', async () => {
    await withApp(async ({ page }) => {
      const dialog = await chooseFiles(page, [TEAM]);
      // The dialog recognised the file and its columns.
      expect(await dialog.getByLabel('What team.csv holds').inputValue()).toBe('edges');
      expect(await dialog.getByLabel('From (source) column of team.csv').inputValue()).toBe('source');
      expect(await dialog.getByLabel('To (target) column of team.csv').inputValue()).toBe('target');
      expect(await dialog.getByLabel('Weight column of team.csv').inputValue()).toBe('weight');
      expect(await dialog.getByLabel('Relation column of team.csv').inputValue()).toBe('relation');
      expect(await dialog.locator('.file-card').textContent()).toContain('15 rows');

      await dialog.getByRole('button', { name: 'Import and analyse' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await waitForResults(page, 12);
      expect(await page.locator('.project-name').textContent()).toBe('team');
      expect(await page.locator('.banner').isHidden()).toBe(true);
      expect(new Set(await drawnNames(page))).toEqual(new Set(Object.keys(TEAM_DEGREES)));

      // Sort by Connections: the first click flips the initial descending sort, the second
      // restores it; the most connected person is then on top.
      const header = peopleTable(page).getByRole('columnheader').filter({ hasText: 'Connections' });
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('ascending');
      const ascending = await drawnNames(page);
      expect(TEAM_DEGREES[ascending[0]!]).toBe(1);
      await header.getByRole('button').click();
      expect(await header.getAttribute('aria-sort')).toBe('descending');
      const descending = await drawnNames(page);
      expect(descending[0]).toBe('Ana Lima');
      expect((await rowCells(page, 'Ana Lima'))['Connections']).toBe('6');
      // Every person's Connections cell matches the fixture.
      for (const [name, degree] of Object.entries(TEAM_DEGREES)) {
        expect((await rowCells(page, name))['Connections'], name).toBe(String(degree));
      }
      // Degrees never increase down the table.
      const degrees = descending.map((n) => TEAM_DEGREES[n]!);
      expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
      // Measures read in plain words (a band, a percentage, a group), never as raw decimals; the
      // exact value is the cell's tooltip.
      const ana = await rowCells(page, 'Ana Lima');
      expect(ana['Bridging']).toBe('top 10%');
      expect(ana['Reach in 2 steps']).toBe('100%');
      expect(ana['Group']).toMatch(/^Group \d+$/);
      for (const name of Object.keys(TEAM_DEGREES)) for (const text of Object.values(await rowCells(page, name))) expect(text, name).not.toMatch(/^\d*\.\d+$/);
      const headers = await peopleTable(page).locator('.vt-head .vt-cell').allTextContents();
      expect(await rowByName(page, 'Ana Lima').locator('.vt-cell').nth(headers.indexOf('Bridging')).getAttribute('title')).toBe('0.69697');
    });
  });

  it('selects a person from the table and shows their profile, metrics and ties', async () => {
    await withApp(async ({ page }) => {
      await importAndWait(page, [TEAM], 12);
      await rowByName(page, 'Ben Okafor').click();

      const body = page.locator('.panel-body');
      await body.locator('h2', { hasText: 'Ben Okafor' }).waitFor();
      expect(await page.getByRole('tab', { name: 'Person' }).getAttribute('aria-selected')).toBe('true');
      expect(await rowByName(page, 'Ben Okafor').getAttribute('class')).toContain('selected');

      // Who they are: the group by its name, numbered from 1 as on the map's legend.
      const groupLine = (await body.locator('.profile > p.muted').first().textContent())!;
      expect(groupLine).toMatch(/^Group 1( · mostly .+)?$/);
      expect((await page.locator('.legend li').allTextContents()).some((item) => item.startsWith(`${groupLine} (`))).toBe(true);

      // Position in the network: each measure in plain words with what it means, no raw decimals.
      const readings = await body.locator('.measures .measure').evaluateAll((items) =>
        Object.fromEntries(items.map((li) => [li.querySelector('.measure-label')?.textContent ?? '', [li.querySelector('.measure-reading')?.textContent ?? '', li.querySelector('.explain')?.textContent ?? '']])),
      );
      expect(Object.keys(readings)).toEqual(expect.arrayContaining(['Connections', 'Bridging', 'Closeness', 'Influence (PageRank)', 'Core level']));
      // 3 connections: 7 of 12 people have fewer and 4 as many (mid-rank percentile 75).
      expect(readings['Connections']![0]).toBe('3 · top 25%');
      expect(readings['Connections']![1]).toMatch(/^How many people/);
      expect(readings['Bridging']![0]).toBe('middle');
      for (const [label, [text]] of Object.entries(readings)) expect(text, label).not.toMatch(/\d\.\d/);

      // The exact values and percentiles, folded away for analysts.
      const exact = body.locator('details.exact-values');
      expect(await exact.getAttribute('open')).toBeNull();
      await exact.locator('summary').click();
      const metrics = await body.locator('table.metrics tbody tr').evaluateAll((rows) =>
        Object.fromEntries(rows.map((r) => [r.querySelector('td div')?.textContent ?? '', [...r.querySelectorAll('td.num')].map((c) => c.textContent ?? '')])),
      );
      expect(metrics['Connections']).toEqual(['3', '75']);
      expect(metrics['Bridging']![0]).toBe('0.127273');

      // Ties, by relation, each a link to the other person.
      const ties = body.locator('.tie-group');
      expect(await ties.locator('h4').allTextContents()).toEqual(['collaboration (3)']);
      expect((await ties.locator('.tie-list button').allTextContents()).sort()).toEqual(['Ana Lima', 'Chen Wei', 'Hana Sato']);

      // Following a tie selects that person.
      await ties.getByRole('button', { name: 'Hana Sato' }).click();
      await body.locator('h2', { hasText: 'Hana Sato' }).waitFor();
      expect((await body.locator('.tie-list button').allTextContents()).sort()).toEqual(['Ben Okafor', 'Ivan Petrov']);

      // Escape clears the selection.
      await page.keyboard.press('Escape');
      await body.getByText('Click a person on the map or in the table to see their profile.').waitFor();
    });
  });

  it('keeps the people table inside the page: it scrolls itself, the names stay in view, more columns are one click away', async () => {
    await withApp(async ({ page }) => {
      const table = peopleTable(page);
      const pageFits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      // A few columns at first: name, group, two attributes and five key measures.
      const headers = () => table.locator('.vt-head .vt-cell').allTextContents();
      expect(await headers()).toEqual(['Name', 'Group', 'organization', 'sector', 'Connections', 'Named by', 'Bridging', 'At the edge', 'Reach in 2 steps']);
      // Each header says what its measure means.
      expect(await table.locator('.vt-head .vt-sort', { hasText: 'Bridging' }).getAttribute('title')).toMatch(/^How often this person lies on the shortest path/);
      expect(await pageFits()).toBe(true);

      // The chooser adds a column and takes it away again.
      const chooser = table.locator('details.vt-columns');
      await chooser.locator('summary').click();
      await chooser.getByLabel('Closeness').check();
      expect(await headers()).toContain('Closeness');
      await chooser.getByLabel('Closeness').uncheck();
      await chooser.getByRole('button', { name: 'Done' }).click();
      expect(await chooser.getAttribute('open')).toBeNull();
      expect(await headers()).not.toContain('Closeness');

      // Tabbing into the table and moving with the arrow keys leaves the page where it was.
      await table.locator('.vt-rows .vt-row[tabindex="0"]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-pos'))).toBe('2');
      expect(await page.evaluate(() => [window.scrollX, document.querySelector('#app')!.getBoundingClientRect().left])).toEqual([0, 0]);
      await page.keyboard.press('Enter');
      await page.locator('.panel-body h2', { hasText: (await drawnNames(page))[2]! }).waitFor();

      // On a phone the table scrolls sideways inside itself, the name column staying in view.
      await page.setViewportSize({ width: 390, height: 844 });
      const scroller = table.locator('.vt-scroll');
      await expect.poll(() => scroller.evaluate((s) => s.scrollWidth > s.clientWidth)).toBe(true);
      expect(await pageFits()).toBe(true);
      await scroller.evaluate((s) => (s.scrollLeft = 300));
      const firstCell = table.locator('.vt-rows .vt-row .vt-cell:first-child').first();
      await expect.poll(async () => Math.round((await firstCell.boundingBox())!.x - (await scroller.boundingBox())!.x)).toBe(0);
      expect(await pageFits()).toBe(true);
    });
  });

  it('exports people and metrics as CSV with spreadsheet-safe labels', async () => {
    await withApp(async ({ page }) => {
      await importAndWait(page, [TEAM], 12);
      await topbar(page).getByRole('button', { name: 'Export ▾' }).click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'People and metrics (CSV)' }).click()]);
      expect(download.suggestedFilename()).toBe('team-metrics.csv');
      const csv = await readFile(await download.path(), 'utf8');
      const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true });
      expect(parsed.errors).toEqual([]);
      const header = parsed.meta.fields ?? [];
      expect(header.slice(0, 2)).toEqual(['id', 'label']);
      expect(header).toEqual(expect.arrayContaining(['degree', 'betweenness', 'closeness', 'pagerank', 'community']));
      expect(header.indexOf('degree')).toBeLessThan(header.indexOf('betweenness'));

      expect(parsed.data).toHaveLength(12);
      const byLabel = new Map(parsed.data.map((row) => [row.label, row]));
      expect(byLabel.get('Ana Lima')?.degree).toBe('6');
      expect(byLabel.get('Ben Okafor')?.degree).toBe('3');
      expect(Number(byLabel.get('Ana Lima')?.betweenness)).toBeGreaterThan(0);
      expect(Number(byLabel.get('Kofi Mensah')?.betweenness)).toBe(0);
      // A label that a spreadsheet would run as a formula gets a leading apostrophe, id too.
      const formula = byLabel.get(`'${HYPERLINK}`);
      expect(formula, `labels: ${[...byLabel.keys()].join(' | ')}`).toBeDefined();
      expect(formula?.id).toBe(`'${HYPERLINK}`);
      expect(formula?.degree).toBe('1');
      expect(csv).not.toMatch(/^"?=HYPERLINK/m);
    });
  });

  it('restores the imported project after a reload', async () => {
    await withApp(async ({ page }) => {
      await importAndWait(page, [TEAM], 12);
      // The autosave (debounced) has written the project as the current one.
      await waitForSavedProject(page, 'team');
      // The demo's map, taken down mid-layout, leaves no positions in the new project; the new
      // map's own are saved when its layout stops.
      await waitForLayoutToStop(page);
      await expect.poll(async () => (await savedProject(page))?.laidOut.length ?? 0, { timeout: 5_000 }).toBeGreaterThan(0);
      const saved = (await savedProject(page))!;
      expect(saved.laidOut.filter((id) => !saved.people.includes(id))).toEqual([]);
      await page.reload();
      await waitForResults(page, 12);
      await page.locator('.project-name', { hasText: 'team' }).waitFor();
      expect(await page.locator('.project-name').textContent()).toBe('team');
      expect(await page.locator('.banner').isHidden()).toBe(true);
      expect((await rowCells(page, 'Ana Lima'))['Connections']).toBe('6');
      expect(await text(page, '.panel-body h2')).toBe('Network health');
    });
  });

  it('opens a project saved by an earlier version, then keeps it in the current format', async () => {
    const { value: dataset } = orThrow(importFiles([{ name: 'team.csv', text: TEAM.content.toString('utf8') }]));
    const now = new Date().toISOString();
    // As version 1 of the store kept projects: whole, dataset inline as records, layout a record.
    const old = ProjectSchema.parse({ format: 'netweave-project', version: PROJECT_VERSION, id: 'p-earlier', name: 'earlier team', createdAt: now, updatedAt: now, dataset, layout: { 'Ana Lima': [10, 20] } });
    await withApp(
      async ({ page }) => {
        await waitForResults(page, 12);
        await page.locator('.project-name', { hasText: 'earlier team' }).waitFor();
        expect((await rowCells(page, 'Ana Lima'))['Connections']).toBe('6');
        // Opening it saved it again, its dataset now stored apart and packed.
        await expect.poll(async () => (await savedProject(page))?.people.length ?? 0, { timeout: 5_000 }).toBe(12);
        await page.reload();
        await waitForResults(page, 12);
        await page.locator('.project-name', { hasText: 'earlier team' }).waitFor();
        expect((await rowCells(page, 'Ana Lima'))['Connections']).toBe('6');
      },
      { stored: [old] },
    );
  });

  it('opens a stored project that contradicts itself mended and says so; damaged copies stay listed', async () => {
    const { value: dataset } = orThrow(importFiles([{ name: 'team.csv', text: TEAM.content.toString('utf8') }]));
    const now = new Date().toISOString();
    const base = ProjectSchema.parse({ format: 'netweave-project', version: PROJECT_VERSION, id: 'p-odd', name: 'odd team', createdAt: now, updatedAt: now, dataset });
    // Sound in shape, yet: a setting naming Object's "constructor" (threw on every reload), a
    // position far off any map (sigma threw), a tie to someone the people list lacks.
    const odd = {
      ...base,
      settings: { ...base.settings, sizeBy: 'constructor' },
      layout: { 'Ana Lima': [1e300, 0] },
      dataset: { ...base.dataset, ties: [...base.dataset.ties, { source: 'Ana Lima', target: 'Zed Unlisted', relation: 'tie', directed: false, weight: 1 }] },
    };
    const broken = { id: 'p-broken', name: 'half-written', updatedAt: now, format: 'netweave-project' };
    const future = { ...base, id: 'p-future', name: 'from the future', version: PROJECT_VERSION + 1 };
    await withApp(
      async ({ page }) => {
        await waitForResults(page, 13);
        await page.locator('.project-name', { hasText: 'odd team' }).waitFor();
        const notes = page.locator('.status.notice');
        await notes.waitFor();
        const said = await notes.textContent();
        expect(said).toContain('"Zed Unlisted"');
        expect(said).toContain('size by "constructor"');
        expect(said).toContain('placed again');
        await page.locator('header.topbar').getByRole('button', { name: 'Projects' }).click();
        const dialog = page.getByRole('dialog', { name: 'Projects' });
        await dialog.locator('tr.damaged', { hasText: 'half-written' }).waitFor();
        expect(await dialog.locator('tr.damaged', { hasText: 'half-written' }).textContent()).toContain('damaged');
        expect(await dialog.locator('tr.damaged', { hasText: 'from the future' }).textContent()).toContain('newer version of netweave');
      },
      { stored: [odd, broken, future] },
    );
  });

  it('reports a broken file with file, row and field, and keeps the current project', async () => {
    await withApp(async ({ page }) => {
      await importAndWait(page, [TEAM], 12);
      const before = await drawnNames(page);

      const dialog = await chooseFiles(page, [fixtureFile('broken.csv')]);
      await dialog.getByRole('button', { name: 'Import and analyse' }).click();
      const issues = dialog.locator('.issues[role="alert"]', { hasText: 'The import stopped' });
      await issues.waitFor();
      expect(await issues.locator('strong').textContent()).toBe('The import stopped: 2 problems to fix. Your current project is unchanged.');
      const lines = await issues.locator('li').allTextContents();
      expect(lines).toEqual([
        'broken.csv, row 3, field "target": target is empty; every row needs both a source and a target',
        'broken.csv, row 4, field "weight": weight is not a number: "lots"',
      ]);

      await dialog.getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.locator('.project-name').textContent()).toBe('team');
      await expectRowCount(page, 12);
      expect(await drawnNames(page)).toEqual(before);
      expect(await page.locator('.status').getAttribute('class')).not.toContain('error');
      // Progress reported late by the worker does not bring back "Importing" once it failed.
      expect(await page.locator('.status').getAttribute('class')).not.toContain('working');
      expect(await page.locator('.status').textContent()).not.toMatch(/Importing/);
    });
  });

  it('shows hostile labels and attribute values as text everywhere', async () => {
    await withApp(async ({ page }) => {
      const dialog = await chooseFiles(page, [fixtureFile('hostile-people.csv'), fixtureFile('hostile-ties.csv')]);
      expect(await dialog.getByLabel('What hostile-people.csv holds').inputValue()).toBe('nodes');
      expect(await dialog.getByLabel('What hostile-ties.csv holds').inputValue()).toBe('edges');
      // The preview table shows the cells as text too.
      expect(await dialog.locator('table.preview td').allTextContents()).toContain(IMG);
      await dialog.getByRole('button', { name: 'Import and analyse' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await waitForResults(page, 5);

      // Table: the names are the cells' text.
      expect(await drawnNames(page)).toEqual(expect.arrayContaining([IMG, SCRIPT]));
      expect((await rowCells(page, IMG))['team']).toBe(HOSTILE_TEAM);

      // Profile of each, and the tie link between them.
      await rowByName(page, IMG).click();
      const body = page.locator('.panel-body');
      await body.locator('h2').getByText(IMG, { exact: true }).waitFor();
      expect(await body.locator('dl.attributes dd').allTextContents()).toEqual([HOSTILE_TEAM]);
      expect((await body.locator('.tie-list button').allTextContents()).sort()).toEqual(['Alice Plain', SCRIPT].sort());
      await body.locator('.tie-list button').getByText(SCRIPT, { exact: true }).click();
      await body.locator('h2').getByText(SCRIPT, { exact: true }).waitFor();

      // Find box results (the map settings drawer holds the find box, encodings and filters).
      await openDrawer(page, 'settings');
      await page.getByLabel('Find a person by name').fill('<img');
      expect(await page.getByRole('listbox', { name: 'Matching people' }).locator('button').allTextContents()).toEqual([IMG]);

      // Legend and filter, coloured by the hostile attribute.
      await page.getByLabel('Colour people by').selectOption('attr:team');
      await page.locator('.legend .legend-title', { hasText: 'Colour: team' }).waitFor();
      expect(await page.locator('.legend li').allTextContents()).toEqual(expect.arrayContaining([HOSTILE_TEAM, 'Ordinary team']));
      expect(await page.locator('.side details.filter label').allTextContents()).toContain(` ${HOSTILE_TEAM}`);

      // Tooltip: stop the layout so the person stays put, select them (the camera centres on
      // them) and hover the centre of the map.
      await stopLayout(page);
      await rowByName(page, IMG).click();
      await body.locator('h2').getByText(IMG, { exact: true }).waitFor();
      const tooltip = page.locator('.map .tooltip');
      const box = (await page.locator('.map-canvas').boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const offsets = [0, 2, -2, 4, -4, 1, -1, 3, -3];
      // The camera glides to the selected person in 300 ms (from whoever was selected before,
      // whose tooltip may show on the way); keep nudging the pointer over the centre until
      // sigma reports the hover on this person.
      let hovered: string | null = null;
      const seen = new Set<string>();
      for (let attempt = 0; attempt < 80 && hovered !== IMG; attempt++) {
        const dx = offsets[attempt % offsets.length]!;
        const dy = offsets[Math.floor(attempt / offsets.length) % offsets.length]!;
        await page.mouse.move(centre.x + dx, centre.y + dy);
        hovered = (await tooltip.isVisible()) ? await tooltip.locator('strong').textContent() : null;
        if (hovered !== null) seen.add(hovered);
        if (hovered !== IMG) await page.waitForTimeout(50);
      }
      expect(hovered, `tooltips seen while hovering the map centre: ${JSON.stringify([...seen])}`).toBe(IMG);
      // Any tooltip that showed on the way (e.g. the other hostile person's) was text as well.
      for (const label of seen) expect([IMG, SCRIPT, 'Alice Plain', 'Bob Plain', 'Cara Plain']).toContain(label);
      expect(await tooltip.textContent()).toContain('2 connections');

      // Nothing was parsed as markup, nothing ran, nothing was blocked by the CSP (a blocked
      // inline handler would also mean the label had become markup).
      const dom = await page.evaluate(() => ({
        xss: (window as unknown as { __xss?: unknown }).__xss,
        images: document.querySelectorAll('img').length,
        injectedScripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
        handlers: document.querySelectorAll('[onerror]').length,
        csp: (window as unknown as { __cspViolations: string[] }).__cspViolations,
      }));
      expect(dom).toEqual({ xss: undefined, images: 0, injectedScripts: 0, handlers: 0, csp: [] });
    });
  });
});
