/**
 * The Edge, Brokers, Equity and Weave panels on the demo coalition: long lists come a page at a
 * time with their count on top, numbers read as words and percentages (no raw decimals, no
 * jargon names), choosing a person from a list selects them, introductions are marked made or
 * dismissed and reopened with their counts, and hostile names stay text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeApp, fixtureFile, importAndWait, openApp, startApp, stopApp, waitForIdle } from './harness.ts';

async function showTab(page: Page, name: string): Promise<void> {
  await page.locator('.panel .tabs').getByRole('tab', { name, exact: true }).click();
  await waitForIdle(page, 10_000);
}

const body = (page: Page) => page.locator('.panel-body');

/** Text of the panel a weaver reads: no raw decimals ("0.23") and no technical names outside the "What these words mean" notes. */
async function readableText(page: Page): Promise<string> {
  return body(page).evaluate((b) => {
    const copy = b.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.insight-terms, svg, style').forEach((n) => n.remove());
    return copy.textContent ?? '';
  });
}

const JARGON = /\d\.\d|fit \d|E-I|assortativity|constraint|betweenness|k-core|linkage|triangle|effective size/i;

describe('insight panels', () => {
  beforeAll(async () => {
    await startApp();
  });
  afterAll(async () => {
    await stopApp();
  });

  it('pages the edge and broker lists, counts them on top, and selects a person from a list', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await showTab(page, 'Edge');
      const edge = body(page).locator('.insights.periphery');
      await edge.waitFor();
      const total = Number((await edge.locator('.insight-total strong').textContent())!.replace(/,/g, ''));
      expect(total).toBeGreaterThan(10);
      const count = edge.locator('.pager-count').first();
      expect(await count.textContent()).toBe(`1–10 of ${total} people at the edge`);
      expect(await edge.locator('ol.insight-list > li').count()).toBe(10);
      await edge.getByRole('button', { name: /^Next 10/ }).first().click();
      expect(await count.textContent()).toBe(`11–${Math.min(20, total)} of ${total} people at the edge`);
      expect(await edge.locator('ol.insight-list').getAttribute('start')).toBe('11');
      expect(await readableText(page)).not.toMatch(JARGON);
      expect(await edge.locator('.fit').textContent()).toMatch(/^(Clear|Partial|Weak|Not known)$/);

      // Choosing someone selects them (their profile) and keeps the list where it was.
      const person = edge.locator('.insight-list .person-link').first();
      const name = (await person.textContent())!;
      await person.click();
      await edge.locator('.person-link[aria-current="true"]', { hasText: name }).waitFor();
      expect(await count.textContent()).toBe(`11–${Math.min(20, total)} of ${total} people at the edge`);
      await showTab(page, 'Person');
      await body(page).locator('h2', { hasText: name }).waitFor();

      await showTab(page, 'Brokers');
      const brokers = body(page).locator('.insights.brokers');
      await brokers.waitFor();
      expect(await brokers.locator('.pager-count').first().textContent()).toMatch(/^1–5 of \d+ brokers$/);
      expect(await brokers.locator('.pager-count').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/ people$/)]));
      expect(await readableText(page)).not.toMatch(JARGON);
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  });

  it('compares groups in plain sentences and marks introductions made, dismissed and open again', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await showTab(page, 'Equity');
      await body(page).getByLabel('Attribute to compare groups by').selectOption('sector');
      const equity = body(page).locator('.insights.equity');
      await equity.locator('table.insight-table').waitFor({ timeout: 60_000 });
      await waitForIdle(page, 30_000);
      expect(await equity.locator('.insight-figure p').first().textContent()).toMatch(/\d+% of ties link people with (the same|a different) sector\.$/);
      expect(await equity.locator('table.insight-table tbody tr').count()).toBe(5);
      expect(await equity.locator('.insight-sentences li').first().textContent()).toMatch(/^Most ties across groups: .+ and .+ \(\d+\)\.$/);
      expect(await readableText(page)).not.toMatch(JARGON);

      await showTab(page, 'Weave');
      const weave = body(page).locator('.insights.weave');
      await weave.waitFor();
      const summary = weave.locator('.insight-total');
      const all = Number((await summary.locator('strong').textContent())!.replace(/,/g, ''));
      expect(await summary.textContent()).toBe(`${all} introductions: ${all} open · 0 made · 0 dismissed`);
      expect(await weave.locator('.pager-count').first().textContent()).toBe(`1–5 of ${all} introductions`);
      expect(await readableText(page)).not.toMatch(JARGON);

      const first = weave.locator('li.suggestion').first();
      const pair = (await first.locator('.insight-pair').textContent())!;
      // Marking one made records it in the weaving ledger: when, by whom, how far it went.
      await first.getByRole('button', { name: 'Mark as made…' }).click();
      await first.getByRole('button', { name: 'Record it' }).click();
      await summary.filter({ hasText: `${all - 1} open · 1 made · 0 dismissed` }).waitFor();
      await weave.locator('li.suggestion').first().getByRole('button', { name: 'Dismiss' }).click();
      await summary.filter({ hasText: `${all - 2} open · 1 made · 1 dismissed` }).waitFor();
      expect(await weave.locator('.pager-count').first().textContent()).toBe(`1–5 of ${all - 2} introductions`);

      await weave.getByRole('button', { name: 'Made (1)' }).click();
      expect(await weave.locator('li.suggestion.done .insight-pair').allTextContents()).toEqual([pair]);
      await weave.getByRole('button', { name: 'Reopen' }).click();
      await summary.filter({ hasText: `${all - 1} open · 0 made · 1 dismissed` }).waitFor();
      await weave.locator('.muted', { hasText: 'None here.' }).waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), weave.getByRole('button', { name: 'Export list (CSV)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/-introductions\.csv$/);
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  });

  it('shows hostile names in every list as text', async () => {
    const app = await openApp();
    try {
      const { page } = app;
      await importAndWait(page, [fixtureFile('hostile-people.csv'), fixtureFile('hostile-ties.csv')], 5);
      for (const tab of ['Edge', 'Brokers', 'Equity', 'Weave']) {
        await showTab(page, tab);
        await body(page).locator('.insights').first().waitFor();
      }
      await showTab(page, 'Brokers');
      expect(await body(page).locator('.person-link').allTextContents()).toEqual(expect.arrayContaining(['<img src=x onerror="window.__xss=1">']));
      const dom = await page.evaluate(() => ({ xss: (window as unknown as { __xss?: unknown }).__xss, images: document.querySelectorAll('img').length, scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length }));
      expect(dom).toEqual({ xss: undefined, images: 0, scripts: 0 });
      expect(app.problems()).toEqual([]);
    } finally {
      await closeApp(app);
    }
  });
});
