/**
 * Import never guesses silently: a leadership-abilities self-assessment (the app's own template,
 * filled in) dropped on Import is offered as a self-assessment and joins the open project's
 * people; it was once taken for convening attendance, adding events "1" to "5" and a
 * co-attendance layer of hundreds of ties.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFiles, closeApp, openApp, startApp, stopApp, waitForIdle } from './harness.ts';
import { ABILITIES_TEMPLATE_HEADERS } from '../../src/engine/features/skills/leadership-abilities.ts';

/** The template's columns, with scores for the first twelve people of the demo. */
function assessment(): string {
  const people = Papa.parse<Record<string, string>>(readFileSync(new URL('../../data/demo/people.csv', import.meta.url), 'utf8'), { header: true }).data.slice(0, 12);
  const rows = people.map((p, i) => [p.name!, p.email!, ...[1, 2, 3, 4, 5].map((k) => String(((i + k) % 5) + 1))]);
  return Papa.unparse({ fields: [...ABILITIES_TEMPLATE_HEADERS], data: rows });
}

describe('import file kinds', () => {
  beforeAll(async () => {
    await startApp();
  });
  afterAll(async () => {
    await stopApp();
  });

  it('reads a self-assessment as one, not as convening attendance', async () => {
    const app = await openApp();
    const { page } = app;
    const dialog = await chooseFiles(page, [{ name: 'abilities.csv', content: assessment() }]);
    const kind = dialog.getByLabel('What abilities.csv holds');
    expect(await kind.inputValue()).toBe('abilities');
    await dialog.getByRole('button', { name: 'Import and analyse' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForIdle(page, 60_000);
    await page.locator('.panel .tabs').getByRole('tab', { name: 'Network', exact: true }).click();
    const relations = (await page.locator('.panel-body .summary .muted').first().textContent()) ?? '';
    expect(relations).toContain('collaboration');
    expect(relations).not.toContain('co-attendance');
    await page.locator('.panel .tabs').getByRole('tab', { name: 'Skills', exact: true }).click();
    await page.locator('.panel-body', { hasText: 'Engagement' }).waitFor({ timeout: 30_000 });
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });
});
