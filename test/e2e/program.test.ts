/**
 * Program staff open the coalition sample (two survey waves, the roster, convening attendance and
 * mentorship pairs) and read the Program and Skills panels; see the engagement ladder move between
 * the waves and change it; record introductions (from a suggestion, by hand, from a file) and see
 * which stuck; then they propose mentor matches for a new season, starting from the downloadable
 * templates.
 *
 * One page serves every test of this file (the import takes a while): each test opens the tab or
 * dialog it needs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ROOT, axeViolations, chooseFiles, closeApp, ensureScreenshotDir, openApp, startApp, stopApp, storedCurrent, waitForResults, type AppPage, type FileToImport } from './harness.ts';

const coalition = (name: string): FileToImport => ({ name, content: readFileSync(path.join(ROOT, 'data/samples/coalition', name)) });
const matching = (name: string): FileToImport => ({ name, content: readFileSync(path.join(ROOT, 'test/fixtures/matching', name)) });
const COALITION_FILES = ['survey_wave1.csv', 'survey_wave2.csv', 'people.csv', 'attendance.csv', 'mentorships.csv'];

/** A decimal as the engine computes it ("0.983", "7.13"): never what a person should read. */
const RAW_DECIMAL = /\d\.\d{2,}/;

let app: AppPage;
let page: Page;

beforeAll(async () => {
  await startApp();
  app = await openApp();
  page = app.page;
  const dialog = await chooseFiles(page, COALITION_FILES.map(coalition));
  await dialog.getByRole('button', { name: 'Import and analyse' }).click();
  // 18 written names could be two people: the most likely person is chosen for each.
  await dialog.locator('.review-list').waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Apply and import' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 });
  await waitForResults(page, 120);
});

afterAll(async () => {
  if (app) await closeApp(app);
  await stopApp();
});

function panel(): Locator {
  return page.locator('.panel-body');
}

async function showTab(name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

function matchingDialog(): Locator {
  return page.getByRole('dialog', { name: 'Mentor matching' });
}

async function openMatching(): Promise<Locator> {
  await showTab('Program');
  await panel().getByRole('button', { name: /Propose mentor matches/ }).click();
  const dialog = matchingDialog();
  await dialog.waitFor();
  return dialog;
}

async function closeMatching(): Promise<void> {
  await matchingDialog().getByRole('button', { name: 'Close' }).click();
  await matchingDialog().waitFor({ state: 'hidden' });
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(button: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

async function chooseMatchingFiles(dialog: Locator, mentees: FileToImport, mentors: FileToImport): Promise<void> {
  const asFile = (f: FileToImport) => ({ name: f.name, mimeType: 'text/csv', buffer: typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : f.content });
  await dialog.getByLabel('Mentees file').setInputFiles(asFile(mentees));
  await dialog.getByText(mentees.name, { exact: true }).waitFor();
  await dialog.getByLabel('Mentors file').setInputFiles(asFile(mentors));
  await dialog.getByText(mentors.name, { exact: true }).waitFor();
}

describe('the Program panel', () => {
  it('says the mix of each convening in plain words ("6 sectors: Nonprofit 20, …")', async () => {
    await showTab('Program');
    const convenings = panel().locator('section', { has: page.getByRole('heading', { name: 'Convenings' }) });
    await convenings.waitFor();
    expect(await panel().textContent()).not.toContain('[object Object]');
    const mix = await convenings.locator('.event-mix').first().textContent();
    // The sample's people have a sector: the first session's mix names sectors with their counts.
    expect(mix).toMatch(/^\d+ sectors: [A-Z][A-Za-z ]+ \d+, /);
  });

  it('reads changes over waves as percentages with their direction, without raw decimals', async () => {
    await showTab('Program');
    // The chart of the waves is drawn, and its labels are read too.
    await panel().locator('.chart[data-chart="drawn"] svg').first().waitFor();
    // innerText: a chart's labels on lines of their own, not run together as in textContent.
    const text = await panel().innerText();
    expect(text).not.toMatch(RAW_DECIMAL);
    const row = (name: string) => panel().locator('tr', { has: page.getByRole('cell', { name, exact: true }) });
    expect(await row('Connected share').locator('td').last().textContent()).toMatch(/^up from \d+% to 100%$/);
    expect(await row('People at the edge').locator('td').last().textContent()).toMatch(/^up from \d+ to \d+$/);
    // Long lists show a few and say how many there are.
    const gained = panel().locator('details', { hasText: 'Ties gained' });
    await gained.locator('summary').click();
    expect(await gained.locator('li').count()).toBeLessThanOrEqual(20);
    await expect.poll(() => gained.textContent()).toMatch(/Show \d+ more/);
    // Showing more, then choosing a person (which redraws the panel) keeps what was shown.
    await gained.getByRole('button', { name: /^Show \d+ more/ }).click();
    const shown = await gained.locator('li').count();
    expect(shown).toBeGreaterThan(20);
    await gained.locator('li button.link').first().click();
    await expect.poll(() => page.locator('.vt-row.selected').count()).toBe(1);
    expect(await gained.locator('li').count()).toBe(shown);
    expect(await gained.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });
});

describe('the Skills panel', () => {
  it('shows shares as percentages and caps its lists', async () => {
    await showTab('Skills');
    await panel().getByRole('heading', { name: 'Distributed skills' }).waitFor();
    expect(await panel().innerText()).not.toMatch(RAW_DECIMAL);
    const introductions = panel().locator('.skill-introductions li');
    await introductions.first().waitFor();
    expect(await introductions.count()).toBeLessThanOrEqual(5);
  });

  it('adds the self-assessment and reads it in plain words', async () => {
    await showTab('Skills');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), panel().getByRole('button', { name: 'Add a self-assessment…' }).click()]);
    await chooser.setFiles({ name: 'abilities.csv', mimeType: 'text/csv', buffer: readFileSync(path.join(ROOT, 'data/samples/coalition/abilities.csv')) });
    await panel().getByText(/^\d+ of 120 people answered/).waitFor({ timeout: 60_000 });
    await panel().locator('.chart[data-chart="drawn"] svg').first().waitFor();
    // innerText: the chart's labels on lines of their own ("2.9", "3.0"), not run together.
    const text = await panel().innerText();
    expect(text).not.toMatch(RAW_DECIMAL);
    expect(text).not.toContain('[object Object]');
    expect(await panel().locator('.tag.warn').first().getAttribute('title')).not.toContain('[object Object]');
    for (const list of await panel().locator('.abilities ul').all()) expect(await list.locator('li').count()).toBeLessThanOrEqual(5);
  });
});

const SIZES = [['laptop-1440x900', 1440, 900], ['laptop-1366x768', 1366, 768], ['phone-390x844', 390, 844]] as const;

/** Screenshots of `part` at every size; none scrolls sideways. */
async function shootEverySize(part: Locator, name: string): Promise<void> {
  const dir = ensureScreenshotDir();
  for (const [size, width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    await part.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(dir, `${size}-${name}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), size).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

describe('the engagement ladder', () => {
  it('shows the ladder moving between the two waves, with the flows as a chart and a table', async () => {
    await showTab('Program');
    const ladder = panel().locator('.program-ladder');
    await ladder.waitFor();
    const counts = ladder.locator('table.ladder-counts');
    const periods = await counts.locator('thead th').allTextContents();
    expect(periods).toHaveLength(3);
    // Each period's counts cover everyone in the project.
    for (const column of [2, 3]) {
      const cells = await counts.locator(`tbody tr td:nth-child(${column})`).allTextContents();
      expect(cells.reduce((sum, c) => sum + Number(c.replace(/,/g, '')), 0)).toBe(120);
    }
    expect(await ladder.locator('.ladder-movement > p').first().textContent()).toMatch(/^Between .+ and .+: \d+ people moved up, \d+ people dropped, \d+ people stayed on the same rung\.$/);
    expect(await ladder.locator('svg.ladder-flow path').count()).toBeGreaterThan(3);
    await ladder.locator('details', { hasText: 'The flows as a table' }).locator('summary').click();
    expect(await ladder.locator('table.ladder-flows tbody tr').count()).toBeGreaterThan(3);
    expect(await ladder.textContent()).toMatch(/Came first to Session 1: \d+ people/);
    const ready = ladder.locator('.ladder-ready li').first();
    expect(await ready.textContent()).toMatch(/ready for .+\d+ of \d+ contacts stand higher\. Could help: /);
    expect(await ladder.innerText()).not.toMatch(RAW_DECIMAL);
    expect(await axeViolations(page, '.program-ladder')).toEqual([]);
    await shootEverySize(ladder.locator('.ladder-movement'), 'program-ladder');
  });

  it('keeps a ladder the user changed, and can go back to the default', async () => {
    const ladder = panel().locator('.program-ladder');
    await ladder.getByRole('button', { name: 'Change the ladder…' }).click();
    const editor = ladder.getByRole('form', { name: 'Edit the ladder' });
    const top = editor.locator('fieldset').last();
    await top.getByLabel('Name', { exact: true }).fill('');
    expect(await editor.locator('.form-problem').textContent()).toBe('Not saved yet: Rung 5: needs a name.');
    expect(await editor.getByRole('button', { name: 'Save the ladder' }).isDisabled()).toBe(true);
    await top.getByLabel('Name', { exact: true }).fill('Anchoring');
    await editor.getByRole('button', { name: 'Save the ladder' }).click();
    await ladder.locator('table.ladder-counts tbody th', { hasText: 'Anchoring' }).waitFor();
    expect(await ladder.textContent()).toContain('This is your own ladder.');
    await expect.poll(async () => JSON.stringify((await storedCurrent(page))?.project.ladder ?? null)).toContain('Anchoring');
    await ladder.getByRole('button', { name: 'Change the ladder…' }).click();
    await ladder.getByRole('button', { name: 'Back to the default ladder' }).click();
    await ladder.locator('table.ladder-counts tbody th', { hasText: 'Leading' }).waitFor();
    expect(await ladder.textContent()).toContain('This is the default ladder');
  });
});

describe('the weaving ledger', () => {
  it('records a suggestion as made and one made by hand, and says which stuck', async () => {
    // A pair who named each other only in the second wave: introduced "before" it, it stuck.
    await showTab('Program');
    const gained = panel().locator('details', { hasText: 'Ties gained' });
    await gained.locator('summary').click();
    const [a, b] = (await gained.locator('li').first().locator('button.link').allTextContents()).map((t) => t.trim());
    await showTab('Weave');
    const weave = panel().locator('.insights.weave');
    const first = weave.locator('li.suggestion').first();
    const kind = ((await first.locator('.insight-kind').textContent()) ?? '').trim();
    await first.getByRole('button', { name: 'Mark as made…' }).click();
    const form = first.locator('form.introduction-form');
    await form.getByLabel('Made by').fill('Ana');
    await form.getByLabel('How far it went').selectOption('6');
    await form.getByLabel('Note').fill('<b>met</b> at the spring convening');
    await form.getByRole('button', { name: 'Record it' }).click();

    const ledger = panel().locator('section.ledger');
    await expect.poll(() => ledger.locator('.insight-total').textContent()).toMatch(/^1 recorded: 0 of 1 stuck \(0%\)\.$/);
    expect(await ledger.textContent()).toContain('The waves carry no dates, so each introduction is checked against the last one');
    expect(await ledger.locator('.ledger-note').first().textContent()).toBe('<b>met</b> at the spring convening');
    // Beside its kind, the list now says how often that kind stuck here.
    await weave.getByRole('button', { name: /^All/ }).click();
    await expect.poll(() => weave.locator('.insight-kind .kind-rate').first().textContent()).toBe(' · stuck 0 of 1 time in this project');
    expect(kind.length).toBeGreaterThan(0);

    await ledger.getByRole('button', { name: 'Add one made by hand…' }).click();
    const byHand = ledger.getByRole('form', { name: 'Record an introduction made by hand' });
    await byHand.getByLabel('One person').fill(a!);
    await byHand.getByLabel('The other').fill(b!);
    await byHand.getByLabel('How far it went').selectOption('3');
    await byHand.getByRole('button', { name: 'Record it' }).click();
    await expect.poll(() => ledger.locator('.insight-total').textContent()).toMatch(/^2 recorded: 1 of 2 stuck \(50%\)\.$/);
    const stuck = ledger.locator('li.ledger-item.stuck');
    expect(await stuck.count()).toBe(1);
    expect(await stuck.textContent()).toContain(a!);
    expect(await stuck.locator('.insight-reasons').textContent()).toMatch(/^They named each other in .+ \(as .+\)\.$/);
    expect(await ledger.locator('table.stick-table tbody tr').count()).toBe(2);
    await ledger.getByRole('button', { name: /^By who made them/ }).click();
    expect(await ledger.locator('table.stick-table tbody th').allTextContents()).toEqual(['Ana']);
    await expect.poll(async () => ((await storedCurrent(page))?.project.ledger as unknown[] | undefined)?.length).toBe(2);
    expect(await axeViolations(page, '.panel-body')).toEqual([]);
    await shootEverySize(ledger.locator('.stick-rates'), 'weave-ledger');
  });

  it('adds introductions from a file, lists names it does not know, and exports the ledger', async () => {
    const ledger = panel().locator('section.ledger');
    const csv = 'date,weaver,personA,personB,level,kind,note\n2025-06-01,Sam,Keisha Okafor,Nobody We Know,2,by hand,\n';
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), ledger.getByRole('button', { name: 'Add from a file…' }).click()]);
    await chooser.setFiles({ name: 'more-introductions.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => ledger.locator('[role="status"]').textContent()).toBe('more-introductions.csv: 1 introduction added.');
    await expect.poll(() => ledger.textContent()).toContain('Not in this project, kept as written: Nobody We Know.');
    const file = await download(ledger.getByRole('button', { name: 'Export (CSV)' }));
    expect(file.name).toMatch(/-introductions-made\.csv$/);
    const lines = file.text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('date,weaver,personA,personB,level,kind,note,suggestion');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('Keisha Okafor,Nobody We Know,2,by hand');
  });
});

describe('the mentor-matching dialog', () => {
  // A test that failed half way leaves its dialog open over the page.
  beforeEach(async () => {
    await page.evaluate(() => document.querySelectorAll('dialog[open]').forEach((d) => (d as HTMLDialogElement).close()));
  });

  it('offers a mentees and a mentors template, which the matcher reads back', async () => {
    const dialog = await openMatching();
    const mentees = await download(dialog.getByRole('button', { name: 'Download mentees template' }));
    const mentors = await download(dialog.getByRole('button', { name: 'Download mentors template' }));
    expect(mentees.name).toBe('mentees-template.csv');
    expect(mentors.name).toBe('mentors-template.csv');
    expect(mentees.text.trim().split('\n')).toHaveLength(3);
    expect(mentors.text.trim().split('\n')).toHaveLength(3);
    expect(mentees.text.split('\n')[0]).toMatch(/\bgoals\b/);
    expect(mentors.text.split('\n')[0]).toMatch(/\bstrengths\b.*\bcapacity\b/);
    // Filled in as they are, the templates make two pairs with no problem to report.
    await chooseMatchingFiles(dialog, { name: mentees.name, content: mentees.text }, { name: mentors.name, content: mentors.text });
    await dialog.getByRole('button', { name: 'Propose matches' }).click();
    await dialog.getByText(/^2 of 2 mentees placed/).waitFor({ timeout: 30_000 });
    expect(await dialog.locator('.issues').count()).toBe(0);
    await closeMatching();
  });

  it('hides the native file inputs behind a button that names the chosen file', async () => {
    const dialog = await openMatching();
    await chooseMatchingFiles(dialog, matching('mentees.csv'), matching('mentors.csv'));
    for (const label of ['Mentees file', 'Mentors file']) {
      const box = await dialog.getByLabel(label).boundingBox();
      // Visually hidden: the browser's own "Choose file / No file chosen" never shows.
      expect(box === null || (box.width <= 1 && box.height <= 1)).toBe(true);
    }
    await dialog.getByRole('button', { name: /Choose (another|a) mentees file/ }).waitFor();
    expect(await dialog.getByText('mentees.csv', { exact: true }).count()).toBe(1);
    await closeMatching();
  });

  it('draws names and goals from the files as text, never as markup', async () => {
    const dialog = await openMatching();
    const hostile = '<img src=x onerror="window.__xss=1">';
    const mentees = `name,goals\n"${hostile.replace(/"/g, '""')}",public speaking\n`;
    const mentors = 'name,strengths,capacity\nMaria Lopez,public speaking,1\n';
    await chooseMatchingFiles(dialog, { name: 'hostile-mentees.csv', content: mentees }, { name: 'plain-mentors.csv', content: mentors });
    await dialog.getByRole('button', { name: /^(Propose matches|Solve again)$/ }).click();
    await dialog.locator('table tbody tr').first().waitFor({ timeout: 30_000 });
    // The matcher tidies a name's capitals ("Src"); the markup is there as characters.
    expect((await dialog.locator('table tbody tr td').first().textContent())?.toLowerCase()).toBe(hostile.toLowerCase());
    expect(await dialog.locator('table img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await closeMatching();
  });

  it('drops the "choose Solve again" prompt once solved again, keeping the locked pair', async () => {
    const dialog = await openMatching();
    await chooseMatchingFiles(dialog, matching('mentees.csv'), matching('mentors.csv'));
    await dialog.getByRole('button', { name: 'Propose matches' }).click();
    const firstPair = dialog.locator('table tbody tr').first();
    await firstPair.waitFor({ timeout: 30_000 });
    const mentee = await firstPair.locator('td').first().textContent();
    await firstPair.getByRole('button', { name: 'Lock' }).click();
    await dialog.getByText(/Solve again/).first().waitFor();
    expect(await dialog.textContent()).toMatch(/choose "?Solve again"?/);
    await dialog.getByRole('button', { name: 'Solve again' }).click();
    await expect.poll(async () => dialog.textContent(), { timeout: 30_000 }).not.toMatch(/choose "?Solve again"?/);
    // The locked pair is still there, and still locked.
    const locked = dialog.locator('table tbody tr', { hasText: mentee ?? '' }).first();
    expect(await locked.getByRole('button', { name: 'Locked' }).count()).toBe(1);
    expect(app.problems()).toEqual([]);
    await closeMatching();
  });
});
