/**
 * Every view of the app at the three sizes a weaver uses (a laptop at 1440x900 and 1366x768, a
 * phone at 390x844): axe-core finds no critical or serious accessibility violation, the page never
 * scrolls sideways, and a screenshot of each is saved under test/e2e/screenshots/ to look at.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { kumuStakeholderWorkbook } from '../helpers/workbook.ts';
import { ROOT, chooseFiles, closeApp, ensureScreenshotDir, openApp, openDrawer, startApp, stopApp, waitForIdle, type AppPage, type FileToImport } from './harness.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const SIZES = [
  { name: 'laptop-1440x900', width: 1440, height: 900, phone: false },
  { name: 'laptop-1366x768', width: 1366, height: 768, phone: false },
  { name: 'phone-390x844', width: 390, height: 844, phone: true },
] as const;

const PANEL_TABS = ['Network', 'Person', 'Edge', 'Brokers', 'Equity', 'Weave', 'Skills', 'Program'] as const;

/** The System map view's tabs, each checked and pictured as `systemmap-<tab>`. */
const SYSTEM_MAP_TABS = ['Loops', 'Leverage', 'Who works where', 'Edit'] as const;

/** The coalition system map that test/e2e/systemmap.test.ts imports: links, factors and who works where. */
const SYSTEM_MAP_FILES: FileToImport[] = [
  ['links.csv', 'links.csv'],
  ['factors.csv', 'factors.csv'],
  ['actors.csv', 'who-works-where.csv'],
].map(([file, name]) => ({ name: name!, content: readFileSync(path.join(ROOT, 'test/fixtures/systemmap/coalition', file!)) }));

/** Imports the system map beside the demo network; the app switches to the System map view. */
async function importSystemMap(page: Page): Promise<void> {
  const dialog = await chooseFiles(page, SYSTEM_MAP_FILES);
  await dialog.getByRole('button', { name: 'Import and analyse' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('.mode-switch').getByRole('tab', { name: 'System map', selected: true }).waitFor({ timeout: 30_000 });
  await page.locator('.panel-body h2').first().waitFor({ timeout: 30_000 });
}

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core's critical and serious violations on the page as it is now. */
async function axeViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the devtools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) }));
  });
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe('every view, at every size', () => {
  beforeAll(async () => {
    await startApp();
  });
  afterAll(async () => {
    await stopApp();
  });

  for (const size of SIZES) {
    describe(size.name, () => {
      let app: AppPage;
      const problems: string[] = [];
      const dir = ensureScreenshotDir();

      beforeAll(async () => {
        app = await openApp({ viewport: { width: size.width, height: size.height }, openTables: false });
      });
      afterAll(async () => {
        await closeApp(app);
      });

      /** Checks the page as it is and saves its picture as `<size>-<view>.png`. */
      async function check(view: string, page: Page = app.page): Promise<void> {
        await page.screenshot({ path: path.join(dir, `${size.name}-${view}.png`) });
        const overflow = await horizontalOverflow(page);
        if (overflow > 0) problems.push(`${view}: the page scrolls sideways by ${overflow} px`);
        for (const v of await axeViolations(page)) problems.push(`${view}: ${v.impact} ${v.id} (${v.help}) at ${v.nodes.join(' | ')}`);
      }

      it('shows the map first and each panel view without sideways scrolling or serious accessibility problems', async () => {
        const { page } = app;
        await check('start');
        if (!size.phone) {
          const map = await page.locator('.workspace section.map').boundingBox();
          const share = map ? (map.width * map.height) / (size.width * size.height) : 0;
          if (share < 0.55) problems.push(`the map covers ${Math.round(share * 100)}% of the window (at least 55% expected)`);
        }
        await openDrawer(page, 'tables');
        await check('tables-open');
        for (const tab of PANEL_TABS) {
          if (tab === 'Person') await page.locator('.vt-rows .vt-row').first().click();
          await page.locator('.panel .tabs').getByRole('tab', { name: tab, exact: true }).click();
          await waitForIdle(page, 10_000);
          await check(`panel-${tab.toLowerCase()}`);
        }
        await page.locator('.bottom .tabs').getByRole('tab', { name: 'Groups' }).click();
        await check('table-groups');
        expect(problems).toEqual([]);
      });

      it('opens the projects dialog and the export menu accessibly', async () => {
        const { page } = app;
        problems.length = 0;
        await page.locator('header.topbar').getByRole('button', { name: 'Projects' }).click();
        await page.locator('dialog[open]').waitFor();
        await check('dialog-projects');
        await page.keyboard.press('Escape');
        await page.locator('header.topbar').getByRole('button', { name: /^Export/ }).click();
        await check('menu-export');
        await page.keyboard.press('Escape');
        if (!size.phone) {
          await page.locator('header.topbar').getByRole('button', { name: 'Import data' }).click();
          await page.locator('dialog[open]').waitFor();
          await check('dialog-import');
          // A Kumu workbook's card, with what each type of element is read as.
          await page.locator('dialog[open]').getByLabel('Choose files to import').setInputFiles([{ name: 'stakeholders.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(kumuStakeholderWorkbook()) }]);
          await page.locator('dialog[open] .kumu-types').waitFor();
          await check('dialog-import-kumu');
          await page.keyboard.press('Escape');
          await page.locator('.panel .tabs').getByRole('tab', { name: 'Program', exact: true }).click();
          await page.locator('.panel-body').getByRole('button', { name: /Propose mentor matches/ }).click();
          await page.getByRole('dialog', { name: 'Mentor matching' }).waitFor();
          await check('dialog-matching');
          await page.keyboard.press('Escape');
        }
        expect(problems).toEqual([]);
      });

      it('shows the system map and each of its tabs without sideways scrolling or serious accessibility problems', async () => {
        problems.length = 0;
        // Importing asks for a larger screen on a phone: the map is imported at a laptop's size
        // and read at the phone's, as a project brought from a computer would be.
        const mapApp = await openApp({ viewport: size.phone ? { width: 1440, height: 900 } : { width: size.width, height: size.height }, openTables: false });
        try {
          const { page } = mapApp;
          await importSystemMap(page);
          if (size.phone) await page.setViewportSize({ width: size.width, height: size.height });
          // The pointer left where the import button was would hover a factor in the pictures.
          await page.mouse.move(1, 1);
          await openDrawer(page, 'tables');
          await waitForIdle(page, 30_000);
          await check('systemmap-start', page);
          for (const tab of SYSTEM_MAP_TABS) {
            await page.locator('.panel .tabs').getByRole('tab', { name: tab, exact: true }).click();
            await page.locator('.panel-body h2').first().waitFor();
            await waitForIdle(page, 10_000);
            await check(`systemmap-${tab.toLowerCase().replaceAll(' ', '-')}`, page);
          }
          expect(mapApp.problems()).toEqual([]);
        } finally {
          await closeApp(mapApp);
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

describe('the export menu', () => {
  beforeAll(async () => {
    await startApp();
  });
  afterAll(async () => {
    await stopApp();
  });

  it('offers system-map exports only when the project has a system map', async () => {
    const app = await openApp();
    const { page } = app;
    await page.locator('header.topbar').getByRole('button', { name: /^Export/ }).click();
    const item = (name: string) => page.getByRole('menuitem', { name });
    expect(await item('System map for Kumu (JSON)').isDisabled()).toBe(true);
    expect(await item('System map as GraphML').isDisabled()).toBe(true);
    expect(await item('People and metrics (CSV)').isEnabled()).toBe(true);
    await closeApp(app);
  });
});
