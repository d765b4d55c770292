import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Note } from '../../core/notes/note';
import { seedNotes } from '../../scripts/bench-notes';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { serveFolder } from '../../scripts/browsers/static-server';
import { chromeBuild, root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';

const day = 86_400_000;
const start = Date.UTC(2026, 9, 1, 9, 0);
let made = 0;

/** A note made `made` days after `start`, so that "recently edited" puts the last made first. */
function note(target: Note['target'], body: string, tags: string[] = []): Note {
  const n = ++made;
  const time = new Date(start + n * day).toISOString();
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, createdAt: time, updatedAt: time, deletedAt: null, deviceId: 'e2e', target, body, tags };
}

function pageTarget(url: string, title: string, exact: string): Note['target'] {
  return { kind: 'page', url, alternateUrls: [], title, quote: { exact, prefix: '', suffix: '' }, position: { start: 100, end: 100 + exact.length } };
}

describe('the notes manager in chromium', () => {
  let session: ChromiumSession;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let page: Page;
  let notes: Note[];
  let ferry: Note;
  let clearview: Note;
  let orphans: Note[];

  const worker = (): Worker => session.context.serviceWorkers()[0]!;
  /** A note as stored, read in the background's own Dexie-free way (IndexedDB in the service worker). */
  const stored = (id: string) =>
    worker().evaluate(
      (noteId) =>
        new Promise<Note | undefined>((resolve) => {
          const request = indexedDB.open('watchwords');
          request.onsuccess = () => {
            const get = request.result.transaction('notes').objectStore('notes').get(noteId);
            get.onsuccess = () => {
              resolve(get.result as Note | undefined);
              request.result.close();
            };
          };
        }),
      id,
    );
  const status = () => page.locator('.result-count');
  const search = () => page.getByRole('searchbox', { name: 'Search notes' });
  const row = (text: string) => page.locator('.note-row', { hasText: text });
  const rowCount = () => page.getByRole('list', { name: 'Notes' }).locator(':scope > li').count();

  beforeAll(async () => {
    server = await serveFolder(join(root, 'demo'));
    const article = `${server.origin}/article.html`;
    const filler = Array.from({ length: 24 }, (_, i) =>
      note(
        pageTarget(`https://news${i % 4}.example/2026/story-${i}`, `City council story ${i}`, `the council voted ${i} times on the budget`),
        `Filler note ${i} about procurement and the budget.`,
        i % 3 === 0 ? ['budget'] : [],
      ),
    );
    orphans = [
      note(pageTarget('https://gone.example/a', 'A page that changed', 'a sentence since rewritten'), 'This quote is no longer on its page.', ['budget']),
      note(pageTarget('https://gone.example/b', 'Another changed page', 'a paragraph since removed'), 'Résumé of the hearing, naïvely summarised.'),
    ];
    const accented = note(pageTarget('https://zeitung.example/überwachung', 'Überwachung in Zürich', 'Gesichtserkennung am Bahnhof'), 'Facial recognition at the station, per the Café report.', ['Zürich']);
    const section702 = note({ kind: 'entity', entityId: 'fisa-section-702' }, 'Reauthorisation vote due in April.', ['fisa', 'follow up']);
    // The most recently made: first in the list.
    clearview = note({ kind: 'entity', entityId: 'clearview-ai' }, 'Check the 2024 settlement terms.', ['lawsuit']);
    ferry = note(pageTarget(article, 'A two-second face scan at the ferry dock', 'a government database, or a commercial product'), 'Ask CBP which database the ferry scans go to.', ['cbp', 'follow up']);
    notes = [...filler, ...orphans, accented, section702, clearview, ferry];

    session = await launchChromium({ extensionDir: chromeBuild });
    page = session.page;
    await page.goto(`${session.extensionOrigin}/notes.html`);
    await page.getByText('No notes yet').waitFor({ timeout: 15_000 });
    await seedNotes(page, notes, orphans.map((n) => n.id));
    await page.reload();
    await status().getByText(`${notes.length} notes`).waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('lists every live note, newest edit first, with quote, body, tags, page, site, entity names and badges', async () => {
    expect(notes).toHaveLength(30);
    // Landmarks: a banner with the heading, a search landmark with a labelled search box, the main list.
    expect(await page.getByRole('banner').getByRole('heading', { level: 1, name: 'Notes' }).count()).toBe(1);
    expect(await page.getByRole('search').getByRole('searchbox', { name: 'Search notes' }).count()).toBe(1);
    expect(await page.getByRole('main').getByRole('list', { name: 'Notes' }).count()).toBe(1);

    const first = page.getByRole('list', { name: 'Notes' }).locator(':scope > li').first();
    expect(await first.getAttribute('aria-setsize')).toBe('30');
    expect(await first.getAttribute('aria-posinset')).toBe('1');
    expect(await first.textContent()).toContain('Ask CBP');
    const ferryRow = row('Ask CBP');
    expect(await ferryRow.locator('blockquote').textContent()).toBe(ferry.target.kind === 'page' ? ferry.target.quote.exact : '');
    expect(await ferryRow.getByRole('heading', { level: 3 }).textContent()).toBe('A two-second face scan at the ferry dock');
    expect(await ferryRow.locator('.note-meta').textContent()).toContain(new URL(server.origin).host);
    expect(await ferryRow.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents()).toEqual(['cbp', 'follow up']);
    expect(await ferryRow.locator('time').getAttribute('datetime')).toBe(ferry.createdAt);
    // Entity notes are named by their entry (the dataset loads after the first rows).
    await row('settlement terms').getByRole('heading', { name: 'Clearview AI' }).waitFor();
    await row('Reauthorisation vote').getByRole('heading', { name: 'FISA Section 702' }).waitFor();
    expect(await row('no longer on its page').getByText('Orphaned').count()).toBe(1);
    expect(await ferryRow.getByText('Orphaned').count()).toBe(0);
    // Windowing: only the rows in view and a screen or so around them are rendered; the oldest note is not.
    expect(await rowCount()).toBeLessThan(30);
    expect(await row('Filler note 0 ').count()).toBe(0);

    await page.screenshot({ path: join(screenshots, 'notes-manager-chromium.png') });
  });

  test('search narrows the list: every word, in any field, ignoring case and accents', async () => {
    await search().fill('FERRY database');
    await status().getByText('1 of 30 notes').waitFor();
    expect(await rowCount()).toBe(1);
    expect(await row('Ask CBP').count()).toBe(1);

    await search().fill('resume naive');
    await status().getByText('1 of 30 notes').waitFor();
    expect(await row('Résumé of the hearing').count()).toBe(1);

    await search().fill('zurich cafe');
    await status().getByText('1 of 30 notes').waitFor();
    await search().fill('clearview settlement');
    await status().getByText('1 of 30 notes').waitFor();
    await search().fill('budget');
    await status().getByText('25 of 30 notes').waitFor();
    await search().fill('budget nothing-like-this');
    await page.getByText('No notes match the search.').waitFor();
    await search().fill('');
    await status().getByText('30 notes').waitFor();
  });

  test('filters by tag, by orphaned state, by site and by date', async () => {
    const tag = page.getByRole('combobox', { name: 'Tag' });
    expect(await tag.locator('option').allTextContents()).toContain('follow up (2)');
    await tag.selectOption('follow up');
    await status().getByText('2 of 30 notes').waitFor();
    expect(await row('Ask CBP').count()).toBe(1);
    expect(await row('Reauthorisation').count()).toBe(1);
    await page.getByRole('button', { name: /^Filters\W+1 set$/ }).waitFor();

    await tag.selectOption('');
    const orphaned = page.getByRole('checkbox', { name: 'Orphaned only' });
    await orphaned.check();
    await status().getByText('2 of 30 notes').waitFor();
    expect(await page.locator('.note-row .badge-orphaned').count()).toBe(2);
    await tag.selectOption('budget');
    await status().getByText('1 of 30 notes').waitFor();
    await orphaned.uncheck();
    await tag.selectOption('');

    await page.getByRole('combobox', { name: 'Site' }).selectOption('news1.example');
    await status().getByText('6 of 30 notes').waitFor();
    await page.getByRole('combobox', { name: 'Site' }).selectOption('');

    const ferryDay = ferry.createdAt.slice(0, 10);
    await page.getByLabel('From').fill(ferryDay);
    await status().getByText('1 of 30 notes').waitFor();
    await page.getByRole('button', { name: 'Clear search and filters' }).first().click();
    await status().getByText('30 notes').waitFor();
  });

  test('edits a note in place: Ctrl+Enter saves, Escape cancels', async () => {
    const ferryRow = row('Ask CBP');
    await ferryRow.getByRole('button', { name: 'Edit' }).click();
    const body = ferryRow.getByRole('textbox', { name: 'Note' });
    expect(await body.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type(' Escape drops this.');
    await page.keyboard.press('Escape');
    await ferryRow.getByRole('button', { name: 'Edit' }).waitFor();
    expect(await ferryRow.getByRole('button', { name: 'Edit' }).evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await ferryRow.locator('.note-body').textContent()).toBe(ferry.body);

    await page.keyboard.press('Enter'); // the focused Edit button
    await body.fill('Ask CBP which database, and for how long.');
    await ferryRow.getByRole('textbox', { name: 'Tags, separated by commas' }).fill('cbp, retention, #cbp');
    await body.press('Control+Enter');
    await ferryRow.locator('.note-body').getByText('Ask CBP which database, and for how long.').waitFor();
    expect(await ferryRow.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents()).toEqual(['cbp', 'retention']);
    const saved = await stored(ferry.id);
    expect(saved).toMatchObject({ body: 'Ask CBP which database, and for how long.', tags: ['cbp', 'retention'], deletedAt: null });
    expect(saved!.updatedAt > ferry.updatedAt).toBe(true);
  });

  test('deletes a note with an 8-second undo, which brings it back', async () => {
    const target = row('Check the 2024 settlement');
    await target.getByRole('button', { name: 'Delete' }).click();
    const toast = page.getByRole('status').filter({ hasText: 'Note deleted' });
    await toast.waitFor();
    await status().getByText('29 notes').waitFor();
    expect(await target.count()).toBe(0);
    expect((await stored(clearview.id))?.deletedAt).not.toBeNull();

    await toast.getByRole('button', { name: 'Undo' }).click();
    await status().getByText('30 notes').waitFor();
    await row('Check the 2024 settlement').waitFor();
    expect((await stored(clearview.id))?.deletedAt).toBeNull();
    expect(await page.getByText('Note deleted').count()).toBe(0);
  });

  test('tags two selected notes at once, and deletes them with undo', async () => {
    await search().fill('"filler note 1"');
    await status().getByText('11 of 30 notes').waitFor();
    const a = row('Filler note 19 ');
    const b = row('Filler note 18 ');
    await a.getByRole('checkbox', { name: 'Select note' }).check();
    await b.getByRole('checkbox', { name: 'Select note' }).check();
    const bulk = page.getByRole('region', { name: 'Selected notes' });
    await bulk.getByText('2 notes selected').waitFor();
    await bulk.getByRole('textbox', { name: 'Tag to add to the selected notes' }).fill('reviewed');
    await bulk.getByRole('button', { name: 'Add tag' }).click();
    await page.getByText('Tag “reviewed” added to 2 notes').waitFor();
    await a.getByRole('listitem').getByText('reviewed').waitFor();
    await b.getByRole('listitem').getByText('reviewed').waitFor();
    const [idA, idB] = [notes.find((n) => n.body.startsWith('Filler note 19 '))!.id, notes.find((n) => n.body.startsWith('Filler note 18 '))!.id];
    expect((await stored(idA))?.tags).toEqual(['reviewed']);
    expect((await stored(idB))?.tags).toEqual(['budget', 'reviewed']);

    await bulk.getByRole('button', { name: 'Delete selected' }).click();
    await page.getByText('2 notes deleted').waitFor();
    await status().getByText(/ of 28 notes$/).waitFor();
    // Undo from the keyboard: focus is on a row (the next one), not in a text field.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Select note');
    await page.keyboard.press('Control+z');
    await status().getByText(/ of 30 notes$/).waitFor();
    await search().fill('');
  });

  test("every row's actions are reachable by keyboard, with a visible focus", async () => {
    const ferryRow = row('Ask CBP');
    await ferryRow.getByRole('checkbox', { name: 'Select note' }).focus();
    const focused = () => page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ text: 'Open', outline: 'solid' });
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Edit');
    await page.keyboard.press('Tab');
    expect((await focused()).text).toBe('Delete');
  });

  test('"Open" opens the page with the note in the address fragment', async () => {
    const opened = session.context.waitForEvent('page');
    await row('Ask CBP').getByRole('button', { name: 'Open' }).click();
    const tab = await opened;
    await waitFor('the page', async () => tab.url().includes('#'));
    expect(tab.url()).toBe(`${server.origin}/article.html#watchwords-note=${ferry.id}`);
    await tab.close();
  });

  test('the side panel: the same manager at 360 pixels, with a way to the full page', async () => {
    const manifest = (await worker().evaluate('chrome.runtime.getManifest()')) as { side_panel?: { default_path: string }; permissions: string[] };
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');

    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 360, height: 720 });
    await panel.goto(`${session.extensionOrigin}/sidepanel.html`);
    await panel.locator('.result-count').getByText('30 notes').waitFor({ timeout: 10_000 });
    await panel.locator('.note-row', { hasText: 'settlement terms' }).getByRole('heading', { name: 'Clearview AI' }).waitFor();
    // Narrow: nothing wider than the panel.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Filters start folded in the panel.
    expect(await panel.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded')).toBe('false');
    await panel.screenshot({ path: join(screenshots, 'notes-manager-panel-chromium.png') });

    const opened = session.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'Open in a tab' }).click();
    const tab = await opened;
    await tab.waitForURL(`${session.extensionOrigin}/notes.html`);
    await tab.close();
    await panel.close();
  });
});
