/**
 * Import never guesses silently. Each file's card says what netweave thinks it holds and why; a
 * file that could be several kinds (or none) waits for the user to say which before anything is
 * imported. A leadership-abilities self-assessment (the app's own template, filled in) dropped on
 * Import is offered as a self-assessment and joins the open project's people; it was once taken
 * for convening attendance, adding events "1" to "5" and a co-attendance layer of hundreds of
 * ties. Templates for every kind of file download from the dialog and read back as their kind.
 * The open dialog has no serious accessibility problem, and on a phone import asks for a larger
 * screen.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { chooseFiles, closeApp, ensureScreenshotDir, expectRowCount, fixtureFile, openApp, openDrawer, startApp, stopApp, waitForIdle } from './harness.ts';
import { ABILITIES_TEMPLATE_HEADERS } from '../../src/engine/features/skills/leadership-abilities.ts';
import { kumuStakeholderWorkbook } from '../helpers/workbook.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The first twelve people of the demo. */
function demoPeople(): Array<Record<string, string>> {
  return Papa.parse<Record<string, string>>(readFileSync(new URL('../../data/demo/people.csv', import.meta.url), 'utf8'), { header: true }).data.slice(0, 12);
}

/** The template's columns, with scores for the first twelve people of the demo. */
function assessment(): string {
  const rows = demoPeople().map((p, i) => [p.name!, p.email!, ...[1, 2, 3, 4, 5].map((k) => String(((i + k) % 5) + 1))]);
  return Papa.unparse({ fields: [...ABILITIES_TEMPLATE_HEADERS], data: rows });
}

/**
 * A self-assessment whose "Convening" column was used for the convening each person came to:
 * it reads as abilities (two columns of scores) and as attendance (a name and an event column).
 */
function ambiguousAssessment(): string {
  const rows = demoPeople().map((p, i) => [p.name!, i % 2 === 0 ? 'Spring convening' : 'Autumn convening', String((i % 5) + 1), String(((i + 2) % 5) + 1)]);
  return Papa.unparse({ fields: ['name', 'Convening', 'Sharing', 'Engagement'], data: rows });
}

/** axe-core's critical and serious violations inside `selector` (as test/e2e/views.test.ts runs it). */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated through the devtools protocol, which the page's Content-Security-Policy does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const result = await axe.run({ include: [include] }, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => `${v.impact} ${v.id} (${v.help}) at ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
  }, selector);
}

function card(dialog: Locator, name: string): Locator {
  return dialog.locator('.file-card', { hasText: name });
}

describe('import file kinds', () => {
  beforeAll(async () => {
    await startApp();
  });
  afterAll(async () => {
    await stopApp();
  });

  it('reads a self-assessment as one, says what it found, and does not add attendance', async () => {
    const app = await openApp();
    const { page } = app;
    const dialog = await chooseFiles(page, [{ name: 'abilities.csv', content: assessment() }]);
    const kind = dialog.getByLabel('What abilities.csv holds');
    expect(await kind.inputValue()).toBe('abilities');
    // What was found, in words, and what else the file could be read as.
    const words = await card(dialog, 'abilities.csv').locator('.kind-verdict').textContent();
    expect(words).toBe('Looks like a leadership abilities self-assessment: columns "Engagement", "Convening", "Sharing", "Collaboration" and "Advocating" hold scores from 1 to 5.');
    expect(await card(dialog, 'abilities.csv').locator('.kind-also').textContent()).toContain('convening attendance or a list of people');
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

  it('asks what a self-assessment that also reads as attendance holds, and imports nothing until told', async () => {
    const app = await openApp();
    const { page } = app;
    const dialog = await chooseFiles(page, [{ name: 'abilities.csv', content: ambiguousAssessment() }]);
    const fileCard = card(dialog, 'abilities.csv');
    const kind = dialog.getByLabel('What abilities.csv holds');
    const importButton = dialog.getByRole('button', { name: 'Import and analyse' });
    // No kind is chosen for the user: the card says it is not sure and what the file could be.
    expect(await kind.inputValue()).toBe('unknown');
    expect(await fileCard.locator('.kind-verdict').textContent()).toBe('Not sure what this file holds: it could be a leadership abilities self-assessment, convening attendance or a list of people. Choose which it is to import it.');
    // Each kind it could be, with what was found for it, one click away.
    const picks = fileCard.getByRole('list', { name: 'What abilities.csv could hold' });
    expect(await picks.getByRole('listitem').allTextContents()).toEqual([
      'Leadership abilities self-assessment (name, then a score per ability) columns "Sharing" and "Engagement" hold scores from 1 to 5',
      'Convening attendance (person, event, date) "name" names who came and "Convening" the event',
      'People (node list: one row per person) column "name" names each person',
    ]);
    expect(await importButton.isDisabled()).toBe(true);
    expect(await dialog.locator('.import-waiting').textContent()).toBe('Say what abilities.csv holds to import it.');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await page.screenshot({ path: path.join(ensureScreenshotDir(), 'laptop-1440x900-dialog-import-unsure.png') });
    // Saying what it holds (one of the kinds it fits) lets it import.
    await picks.getByRole('button', { name: /^Leadership abilities self-assessment/ }).click();
    expect(await kind.inputValue()).toBe('abilities');
    expect(await fileCard.locator('.kind-verdict').textContent()).toMatch(/^Read as a leadership abilities self-assessment, as you chose/);
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForIdle(page, 60_000);
    await page.locator('.panel .tabs').getByRole('tab', { name: 'Network', exact: true }).click();
    expect((await page.locator('.panel-body .summary .muted').first().textContent()) ?? '').not.toContain('co-attendance');
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it('shows the direction and unknown-people options only for files they apply to', async () => {
    const app = await openApp();
    const { page } = app;
    const dialog = await chooseFiles(page, [fixtureFile('team.csv')]);
    const directed = dialog.getByLabel(/Ties have a direction/);
    const unknown = dialog.getByLabel(/Ties naming people missing from the people list/);
    expect(await directed.isVisible()).toBe(true);
    expect(await unknown.count()).toBe(0);
    await dialog.getByLabel('Choose files to import').setInputFiles([{ name: 'hostile-people.csv', mimeType: 'text/csv', buffer: readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures/hostile-people.csv')) }]);
    await card(dialog, 'hostile-people.csv').waitFor();
    expect(await unknown.isVisible()).toBe(true);
    expect(await card(dialog, 'team.csv').locator('.kind-verdict').textContent()).toBe('Looks like a list of ties: columns "source" and "target" name the two people of each tie.');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await page.screenshot({ path: path.join(ensureScreenshotDir(), 'laptop-1440x900-dialog-import-network.png') });
    // Read as a self-assessment, the network options do not apply.
    await dialog.getByLabel('What team.csv holds').selectOption('abilities');
    expect(await directed.count()).toBe(0);
    expect(await unknown.count()).toBe(0);
    // A file can be taken out again.
    await dialog.getByRole('button', { name: 'Remove team.csv' }).click();
    expect(await dialog.locator('.file-card').count()).toBe(1);
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it('reads a survey export and its roster as such, with no network options', async () => {
    const app = await openApp();
    const { page } = app;
    const example = (name: string) => ({ name, content: readFileSync(new URL(`../../data/survey-example/${name}`, import.meta.url)) });
    const dialog = await chooseFiles(page, [example('survey.csv'), example('roster.csv')]);
    expect(await card(dialog, 'survey.csv').locator('.kind-verdict').textContent()).toMatch(/^Looks like a relationship survey: columns "Email Address" and "Your full name" say who answered; 2 questions ask for names/);
    expect(await card(dialog, 'roster.csv').locator('.kind-verdict').textContent()).toBe("Looks like the survey's roster: a list of people (column \"name\") beside a survey.");
    expect(await dialog.getByLabel(/Ties have a direction/).count()).toBe(0);
    expect(await dialog.getByLabel(/Ties naming people missing/).count()).toBe(0);
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await page.screenshot({ path: path.join(ensureScreenshotDir(), 'laptop-1440x900-dialog-import-survey.png') });
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it('hands out templates that download as valid CSV and read back as their kind', async () => {
    const app = await openApp();
    const { page } = app;
    await page.locator('header.topbar').getByRole('button', { name: 'Import data' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import data' });
    await dialog.waitFor();
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await page.screenshot({ path: path.join(ensureScreenshotDir(), 'laptop-1440x900-dialog-import-templates.png') });
    const templates = dialog.getByRole('region', { name: 'Templates' });
    const expected = [
      { link: 'Convening attendance', file: 'attendance-template.csv', header: ['event', 'date', 'attendee', 'email'], kind: 'attendance' },
      { link: 'Causal links', file: 'system-map-links-template.csv', header: ['from', 'to', 'polarity', 'delay', 'note'], kind: 'map-links' },
    ];
    const downloaded: Array<{ name: string; content: string }> = [];
    for (const t of expected) {
      const [download] = await Promise.all([page.waitForEvent('download'), templates.getByRole('link', { name: t.link }).click()]);
      expect(download.suggestedFilename()).toBe(t.file);
      const content = readFileSync((await download.path())!, 'utf8');
      const parsed = Papa.parse<string[]>(content.trim());
      expect(parsed.errors).toEqual([]);
      expect(parsed.data[0]).toEqual(t.header);
      expect(parsed.data.length).toBeGreaterThan(2);
      expect(parsed.data.every((row) => row.length === t.header.length)).toBe(true);
      downloaded.push({ name: t.file, content });
    }
    // Every kind the app defines has one.
    expect(await templates.getByRole('link').allTextContents()).toEqual([
      'Ties (edge list)',
      'People',
      'Convening attendance',
      'Mentorship pairs',
      'Abilities self-assessment',
      'Mentees (for mentor matching)',
      'Mentors (for mentor matching)',
      'Causal links',
      'Factors',
      'Who works on what',
    ]);
    // Dropped back, each is read as what it is, for sure.
    for (const [i, t] of expected.entries()) {
      await dialog.getByLabel('Choose files to import').setInputFiles([{ name: t.file, mimeType: 'text/csv', buffer: Buffer.from(downloaded[i]!.content, 'utf8') }]);
      await card(dialog, t.file).waitFor();
      expect(await dialog.getByLabel(`What ${t.file} holds`).inputValue()).toBe(t.kind);
      expect(await card(dialog, t.file).locator('.kind-verdict').textContent()).toMatch(/^Looks like /);
      await dialog.getByRole('button', { name: `Remove ${t.file}` }).click();
    }
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it("imports other tools' files by their content: a Pajek project with several relations, and a GML graph named .net", async () => {
    const app = await openApp();
    const { page } = app;
    const formats = (name: string) => readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url));
    const dialog = await chooseFiles(page, [{ name: 'Padgett.paj', content: formats('pajek/Padgett.paj') }]);
    const card = dialog.locator('.file-card', { hasText: 'Padgett.paj' });
    await expect.poll(async () => (await card.textContent()) ?? '').toContain('Pajek');
    await dialog.getByRole('button', { name: 'Import and analyse' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    await expectRowCount(page, 16);
    // Its two relations (marriage, business) are layers of the map.
    await openDrawer(page, 'settings');
    const relations = page.getByRole('group', { name: 'Relations to include' });
    expect(await relations.getByRole('checkbox').count()).toBe(2);
    // A GML file named .net is read as the GML it is, and the card says so.
    const second = await chooseFiles(page, [{ name: 'karate.net', content: formats('gml/karate.gml') }]);
    await expect.poll(async () => (await second.locator('.file-card', { hasText: 'karate.net' }).textContent()) ?? '').toContain('GML');
    await second.getByRole('button', { name: 'Import and analyse' }).click();
    await second.waitFor({ state: 'hidden', timeout: 60_000 });
    await expectRowCount(page, 34);
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it('takes a dropped Network Canvas export with its roster: interviews merged, and the ambiguous name reviewed', async () => {
    const app = await openApp();
    const { page } = app;
    const dir = new URL('../fixtures/formats/network-canvas/', import.meta.url);
    const names = ['FriendshipStudy_ego.csv', 'FriendshipStudy_attributeList_Person.csv', 'FriendshipStudy_attributeList_Organization.csv', 'FriendshipStudy_edgeList_friends.csv', 'FriendshipStudy_edgeList_colleagues.csv', 'roster.csv'];
    const files = names.map((name) => ({ name, text: readFileSync(new URL(name, dir), 'utf8') }));
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    const dialog = page.locator('dialog[open]');
    for (const name of names) await card(dialog, name).waitFor();
    expect(await dialog.getByLabel('What FriendshipStudy_ego.csv holds').inputValue()).toBe('network-canvas');
    expect(await card(dialog, 'FriendshipStudy_edgeList_friends.csv').locator('.kind-verdict').textContent()).toContain('Network Canvas');
    expect(await dialog.getByLabel('What roster.csv holds').inputValue()).toBe('roster');
    await dialog.getByRole('button', { name: 'Import and analyse' }).click();
    // "J. Chen", named by Ana Alvarez, could be Jin Chen or Jun Chen: the user is asked.
    const review = dialog.locator('.review-list');
    await review.waitFor({ timeout: 60_000 });
    const item = review.locator('.ambiguity', { hasText: '"J. Chen"' });
    expect(await item.textContent()).toContain('written by Ana Alvarez');
    await item.getByLabel('Jin Chen', { exact: false }).check();
    await dialog.getByRole('button', { name: 'Apply and import' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    // Seven people of the study (one never interviewed or named) and the library one of them named.
    await expectRowCount(page, 8);
    await openDrawer(page, 'settings');
    const relations = page.getByRole('group', { name: 'Relations to include' });
    expect(await relations.getByRole('checkbox').count()).toBe(3);
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it('takes a dropped Kumu workbook as a people network: the type mapping shown, one type changed, the people imported', async () => {
    const app = await openApp();
    const { page } = app;
    const bytes = [...kumuStakeholderWorkbook()];
    await page.evaluate((list) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(list)], 'stakeholders.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, bytes);
    const dialog = page.locator('dialog[open]');
    const kumu = card(dialog, 'stakeholders.xlsx');
    await kumu.waitFor();
    // Interviewees and organisations, no signed connection: a people network, and why.
    expect(await dialog.getByLabel('What stakeholders.xlsx holds').inputValue()).toBe('kumu');
    expect(await kumu.locator('.kind-verdict').textContent()).toContain('a Kumu workbook of people and organisations');
    const types = kumu.getByRole('group', { name: 'What each type of element is' });
    expect(await types.locator('p').textContent()).toContain('Interviewee (3) → person, Organization (1) → organisation, Funder (1) → organisation');
    // Read as a system map, the same types are actors and factors; back to people.
    await dialog.getByLabel('What stakeholders.xlsx holds').selectOption('map-kumu');
    await expect.poll(async () => (await types.locator('p').textContent()) ?? '').toContain('People and organisations become the actors');
    await dialog.getByLabel('What stakeholders.xlsx holds').selectOption('kumu');
    // The funder is left out, by keyboard: focus its menu and choose with the arrow keys.
    const funder = types.getByLabel('What Funder elements in stakeholders.xlsx are');
    expect(await funder.inputValue()).toBe('organisation');
    await funder.focus();
    await funder.selectOption('leave out');
    await expect.poll(async () => (await types.locator('p').textContent()) ?? '').toContain('Funder (1) → left out');
    // Pictures to look at: a laptop, the narrowest screen that imports, and a phone (which asks for a larger screen).
    for (const [name, width, height] of [['laptop-1440x900', 1440, 900], ['narrow-640x900', 640, 900], ['phone-390x844', 390, 844]] as const) {
      await page.setViewportSize({ width, height });
      if (width > 600) await kumu.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ensureScreenshotDir(), `${name}-import-kumu-types.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await types.waitFor();
    expect(await funder.inputValue()).toBe('leave out');
    expect(await axeViolations(page, 'dialog[open]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Import and analyse' }).click();
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
    // Three interviewees and the coalition; the funder and its tie are left out.
    await expectRowCount(page, 4);
    for (const name of ['Ana Lima', 'Ben Okafor', 'Chen Wu', 'Green Alliance']) expect(await page.locator('.table-host').getByText(name, { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.locator('.table-host').getByText('City Fund', { exact: true }).count()).toBe(0);
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });

  it('asks for a larger screen on a phone instead of opening the dialog', async () => {
    const app = await openApp({ viewport: { width: 390, height: 844 }, openTables: false });
    const { page } = app;
    // The phone has no Import button; files dropped on the page are the way in.
    expect(await page.locator('header.topbar').getByRole('button', { name: 'Import data' }).isVisible()).toBe(false);
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['source,target\nAna,Ben\n'], 'ties.csv', { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.locator('.status', { hasText: 'needs a larger screen' }).waitFor();
    expect(await page.locator('dialog[open]').count()).toBe(0);
    // Said plainly, not folded under a note.
    expect(await page.locator('.status details').count()).toBe(0);
    expect(await page.locator('.status li', { hasText: 'needs a larger screen' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(ensureScreenshotDir(), 'phone-390x844-import-larger-screen.png') });
    expect(app.problems()).toEqual([]);
    await closeApp(app);
  });
});
