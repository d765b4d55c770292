import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Note } from '../../core/notes/note';
import { seedNotes } from '../../scripts/bench-notes';
import { serveFolder } from '../../scripts/browsers/static-server';
import { root, screenshots, waitFor } from '../../scripts/browsers/watchwords-page';
import { browserNames, inExtension, launchers, storedRecords, typeText, type Session } from './harness';

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

const json = JSON.stringify;

/** An element of the manager: what a failure calls it, and the expression that finds it in the page. */
interface PageElement {
  label: string;
  js: string;
}
const inPage = (label: string, js: string): PageElement => ({ label, js });
const wholePage = inPage('the page', 'document');
/** The rendered row of the note whose text contains `text`. */
const row = (text: string) => inPage(`the row "${text}"`, `[...document.querySelectorAll('.note-row')].find((row) => row.textContent.includes(${json(text)}))`);
const buttonIn = (scope: PageElement, name: string) =>
  inPage(`the "${name}" button in ${scope.label}`, `[...((${scope.js})?.querySelectorAll('button') ?? [])].find((button) => button.textContent.trim() === ${json(name)})`);
/** The form control in `scope` whose label (its aria-label, or its <label>'s own text) is `name`. */
const fieldIn = (scope: PageElement, name: string) =>
  inPage(
    `the field "${name}" in ${scope.label}`,
    `[...((${scope.js})?.querySelectorAll('input, textarea, select') ?? [])].find((field) =>
      (field.getAttribute('aria-label') ?? [...field.labels].map((label) => (label.querySelector('.field-label') ?? label).textContent.trim()).join(' ')) === ${json(name)})`,
  );
const statusWith = (text: string) => inPage(`the status "${text}"`, `[...document.querySelectorAll('[role=status]')].find((status) => status.textContent.includes(${json(text)}))`);
const bulkBar = inPage('the selected notes bar', `document.querySelector('section[aria-label="Selected notes"]')`);
const searchBox = fieldIn(wholePage, 'Search notes');

/**
 * Shows one of the extension's pages as the session's page. Firefox's driver opens it in a tab of its own: BiDi
 * refuses to navigate to moz-extension: addresses.
 */
async function showExtensionPage(session: Session, path: string, viewport = { width: 1280, height: 900 }): Promise<void> {
  if (session.browser === 'firefox') return session.switchToExtensionPage(path, viewport);
  await session.page.setViewportSize(viewport);
  await session.goto(`${session.extensionOrigin}/${path}`);
}

describe.each(browserNames)('the notes manager in %s', (browserName) => {
  let session: Session;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let notes: Note[];
  let ferry: Note;
  let clearview: Note;
  let orphans: Note[];

  /** A note as stored, read outside the manager: from the background (Chromium) or another extension page (Firefox). */
  const stored = async (id: string) => (await storedRecords<Note>(session, 'notes')).find((n) => n.id === id);
  // The driver's view of the tabs: Watchwords has no "tabs" permission, so the extension cannot list their addresses.
  const tabs = () => session.openTabs();
  const read = <T>(element: PageElement, expression: string) => session.evaluate<T>(`((element) => ${expression})(${element.js})`);
  const exists = (element: PageElement) => read<boolean>(element, '!!element');
  const textOf = (element: PageElement) => read<string | null>(element, 'element?.textContent ?? null');
  const isFocused = (element: PageElement) => read<boolean>(element, '!!element && element === document.activeElement');
  const tagsOf = (element: PageElement) => read<string[]>(element, `[...element.querySelectorAll('ul[aria-label="Tags"] > li')].map((tag) => tag.textContent)`);
  const rowCount = () => session.evaluate<number>(`document.querySelectorAll('ul[aria-label="Notes"] > li').length`);
  const status = () => session.evaluate<string | undefined>(`document.querySelector('.result-count')?.textContent`);
  const waitForStatus = (expected: string | RegExp, timeout?: number) =>
    waitFor(`the count "${expected}"`, async () => {
      const shown = (await status()) ?? '';
      return typeof expected === 'string' ? shown === expected : expected.test(shown);
    }, timeout);
  const waitForText = (text: string, timeout?: number) => waitFor(`"${text}" on the page`, () => session.evaluate<boolean>(`document.body.innerText.includes(${json(text)})`), timeout);
  const waitForElement = (element: PageElement) => waitFor(element.label, () => exists(element));

  /** Clicks the middle of an element with the pointer, once it is scrolled into view and nothing covers it. */
  async function clickOn(element: PageElement): Promise<void> {
    const point = await waitFor(`${element.label}, clickable`, () =>
      read<{ x: number; y: number } | null>(
        element,
        `(() => {
          if (!element) return null;
          const box = element.getBoundingClientRect();
          const x = box.left + box.width / 2, y = box.top + box.height / 2;
          const hit = document.elementFromPoint(x, y);
          if (hit && element.contains(hit)) return { x, y };
          element.scrollIntoView({ block: 'center' });
          return null;
        })()`,
      ),
    );
    await session.click(point.x, point.y);
  }

  /** Sets a field's value as a paste or a choice in a list would, with the events React listens to. */
  async function fill(field: PageElement, value: string): Promise<void> {
    await waitFor(field.label, () =>
      read<boolean>(
        field,
        `(() => {
          if (!element) return false;
          element.focus();
          Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value').set.call(element, ${json(value)});
          element.dispatchEvent(new Event('input', { bubbles: true }));
          element.dispatchEvent(new Event('change', { bubbles: true }));
          if (element.value !== ${json(value)}) throw new Error('no such value: ' + ${json(value)});
          return true;
        })()`,
      ),
    );
  }

  async function setChecked(box: PageElement, checked: boolean): Promise<void> {
    if ((await read<boolean>(box, 'element?.checked')) !== checked) await clickOn(box);
    await waitFor(`${box.label} ${checked ? 'checked' : 'unchecked'}`, async () => (await read<boolean>(box, 'element?.checked')) === checked);
  }

  async function focus(element: PageElement): Promise<void> {
    await waitForElement(element);
    await read(element, 'element.focus()');
  }

  beforeAll(async () => {
    server = await serveFolder(join(root, 'demo'));
    const article = `${server.origin}/article.html`;
    made = 0; // the same notes, ids and dates in each browser
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

    session = await launchers[browserName]();
    await showExtensionPage(session, 'notes.html');
    await waitForText('No notes yet', 15_000);
    // seedNotes only calls `page.evaluate(fn, arg)`: the same, through either driver.
    const seeding = { evaluate: (fn: (arg: unknown) => unknown, arg: unknown) => session.evaluate(`(${fn.toString()})(${json(arg)})`) };
    await seedNotes(seeding as unknown as Parameters<typeof seedNotes>[0], notes, orphans.map((n) => n.id));
    // Reloaded after this evaluation returns (the old page never shows this count: its queries miss the seeding).
    await session.evaluate(`void setTimeout(() => location.reload())`);
    await waitForStatus(`${notes.length} notes`, 10_000);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  test('lists every live note, newest edit first, with quote, body, tags, page, site, entity names and badges', async () => {
    expect(notes).toHaveLength(30);
    // Landmarks: a banner with the heading, a search landmark with a labelled search box, the main list.
    for (const [role, name] of [['banner'], ['heading', 'Notes'], ['search'], ['searchbox', 'Search notes'], ['main'], ['list', 'Notes']] as const) {
      expect(await session.accessible(role, name), `${role} ${name ?? ''}`).toHaveLength(1);
    }
    expect(
      await session.evaluate(`({ bannerHeading: document.querySelector('header h1')?.textContent, searchBoxInSearch: !!document.querySelector('search input[type=search]'),
        listInMain: !!document.querySelector('main ul[aria-label="Notes"]') })`),
    ).toEqual({ bannerHeading: 'Notes', searchBoxInSearch: true, listInMain: true });

    const first = inPage('the first row', `document.querySelector('ul[aria-label="Notes"] > li')`);
    expect(await read(first, 'element.getAttribute("aria-setsize")')).toBe('30');
    expect(await read(first, 'element.getAttribute("aria-posinset")')).toBe('1');
    expect(await textOf(first)).toContain('Ask CBP');
    const ferryRow = row('Ask CBP');
    expect(await read(ferryRow, 'element.querySelector("blockquote").textContent')).toBe(ferry.target.kind === 'page' ? ferry.target.quote.exact : '');
    expect(await read(ferryRow, 'element.querySelector("h3").textContent')).toBe('A two-second face scan at the ferry dock');
    expect(await read(ferryRow, 'element.querySelector(".note-meta").textContent')).toContain(new URL(server.origin).host);
    expect(await tagsOf(ferryRow)).toEqual(['cbp', 'follow up']);
    expect(await read(ferryRow, 'element.querySelector("time").getAttribute("datetime")')).toBe(ferry.createdAt);
    // Entity notes are named by their entry (the dataset loads after the first rows).
    await waitFor('the Clearview AI heading', () => read(row('settlement terms'), 'element?.querySelector("h3").textContent === "Clearview AI"'));
    await waitFor('the FISA Section 702 heading', () => read(row('Reauthorisation vote'), 'element?.querySelector("h3").textContent === "FISA Section 702"'));
    const orphanedBadges = (element: PageElement) => read<number>(element, `[...element.querySelectorAll('.badge')].filter((badge) => badge.textContent === 'Orphaned').length`);
    expect(await orphanedBadges(row('no longer on its page'))).toBe(1);
    expect(await orphanedBadges(ferryRow)).toBe(0);
    // Windowing: only the rows in view and a screen or so around them are rendered; the oldest note is not.
    expect(await rowCount()).toBeLessThan(30);
    expect(await exists(row('Filler note 0 '))).toBe(false);

    await session.screenshot(join(screenshots, `notes-manager-${browserName}.png`));
  });

  test('search narrows the list: every word, in any field, ignoring case and accents', async () => {
    await fill(searchBox, 'FERRY database');
    await waitForStatus('1 of 30 notes');
    expect(await rowCount()).toBe(1);
    expect(await exists(row('Ask CBP'))).toBe(true);

    await fill(searchBox, 'resume naive');
    await waitForStatus('1 of 30 notes');
    expect(await exists(row('Résumé of the hearing'))).toBe(true);

    await fill(searchBox, 'zurich cafe');
    await waitForStatus('1 of 30 notes');
    expect(await exists(row('Café report'))).toBe(true);
    await fill(searchBox, 'clearview settlement');
    await waitForStatus('1 of 30 notes');
    await fill(searchBox, 'budget');
    await waitForStatus('25 of 30 notes');
    await fill(searchBox, 'budget nothing-like-this');
    await waitForText('No notes match the search.');
    await fill(searchBox, '');
    await waitForStatus('30 notes');
  });

  test('filters by tag, by orphaned state, by site and by date', async () => {
    const tag = fieldIn(wholePage, 'Tag');
    expect(await read<string[]>(tag, '[...element.options].map((option) => option.textContent)')).toContain('follow up (2)');
    await fill(tag, 'follow up');
    await waitForStatus('2 of 30 notes');
    expect(await exists(row('Ask CBP'))).toBe(true);
    expect(await exists(row('Reauthorisation'))).toBe(true);
    // Named with the count ("Filters , 1 set": both browsers put a space where the hidden ", " starts).
    await waitFor('the Filters button to say one is set', async () => (await session.accessible('button', 'Filters , 1 set')).length === 1);

    await fill(tag, '');
    const orphaned = fieldIn(wholePage, 'Orphaned only');
    await setChecked(orphaned, true);
    await waitForStatus('2 of 30 notes');
    expect(await session.evaluate(`document.querySelectorAll('.note-row .badge-orphaned').length`)).toBe(2);
    await fill(tag, 'budget');
    await waitForStatus('1 of 30 notes');
    await setChecked(orphaned, false);
    await fill(tag, '');

    await fill(fieldIn(wholePage, 'Site'), 'news1.example');
    await waitForStatus('6 of 30 notes');
    await fill(fieldIn(wholePage, 'Site'), '');

    const ferryDay = ferry.createdAt.slice(0, 10);
    await fill(fieldIn(wholePage, 'From'), ferryDay);
    await waitForStatus('1 of 30 notes');
    await clickOn(buttonIn(wholePage, 'Clear search and filters'));
    await waitForStatus('30 notes');
  });

  test('edits a note in place: Ctrl+Enter saves, Escape cancels', async () => {
    const ferryRow = row('Ask CBP');
    const edit = buttonIn(ferryRow, 'Edit');
    const body = fieldIn(ferryRow, 'Note');
    await clickOn(edit);
    await waitFor('the note field, focused', () => isFocused(body));
    await typeText(session, ' Escape drops this.');
    await session.press('Escape');
    await waitFor('the Edit button, focused again', () => isFocused(edit));
    expect(await textOf(inPage('the ferry note', `${ferryRow.js}.querySelector('.note-body')`))).toBe(ferry.body);

    await session.press('Enter'); // the focused Edit button
    await fill(body, 'Ask CBP which database, and for how long.');
    await fill(fieldIn(ferryRow, 'Tags, separated by commas'), 'cbp, retention, #cbp');
    await focus(body);
    await session.press('Control+Enter');
    await waitFor('the saved text', () => read(ferryRow, `element?.querySelector('.note-body')?.textContent === 'Ask CBP which database, and for how long.'`));
    expect(await tagsOf(ferryRow)).toEqual(['cbp', 'retention']);
    const saved = await stored(ferry.id);
    expect(saved).toMatchObject({ body: 'Ask CBP which database, and for how long.', tags: ['cbp', 'retention'], deletedAt: null });
    expect(saved!.updatedAt > ferry.updatedAt).toBe(true);
  });

  test('deletes a note with an 8-second undo, which brings it back', async () => {
    const target = row('Check the 2024 settlement');
    await clickOn(buttonIn(target, 'Delete'));
    const toast = statusWith('Note deleted');
    await waitForElement(toast);
    await waitForStatus('29 notes');
    expect(await exists(target)).toBe(false);
    expect((await stored(clearview.id))?.deletedAt).not.toBeNull();

    await clickOn(buttonIn(toast, 'Undo'));
    await waitForStatus('30 notes');
    await waitForElement(target);
    expect((await stored(clearview.id))?.deletedAt).toBeNull();
    expect(await session.evaluate(`document.body.textContent.includes('Note deleted')`)).toBe(false);
  });

  test('tags two selected notes at once, and deletes them with undo', async () => {
    await fill(searchBox, '"filler note 1"');
    await waitForStatus('11 of 30 notes');
    const a = row('Filler note 19 ');
    const b = row('Filler note 18 ');
    await setChecked(fieldIn(a, 'Select note'), true);
    await setChecked(fieldIn(b, 'Select note'), true);
    await waitFor('"2 notes selected"', async () => (await textOf(bulkBar))?.includes('2 notes selected'));
    await fill(fieldIn(bulkBar, 'Tag to add to the selected notes'), 'reviewed');
    await clickOn(buttonIn(bulkBar, 'Add tag'));
    await waitForText('Tag “reviewed” added to 2 notes');
    await waitFor('the tag on both rows', async () => (await tagsOf(a)).includes('reviewed') && (await tagsOf(b)).includes('reviewed'));
    const [idA, idB] = [notes.find((n) => n.body.startsWith('Filler note 19 '))!.id, notes.find((n) => n.body.startsWith('Filler note 18 '))!.id];
    expect((await stored(idA))?.tags).toEqual(['reviewed']);
    expect((await stored(idB))?.tags).toEqual(['budget', 'reviewed']);

    await clickOn(buttonIn(bulkBar, 'Delete selected'));
    await waitForText('2 notes deleted');
    await waitForStatus(/ of 28 notes$/);
    // Undo from the keyboard: focus is on a row (the next one), not in a text field.
    await waitFor('focus on a row', () => session.evaluate<boolean>(`document.activeElement?.getAttribute('aria-label') === 'Select note'`));
    await session.press('Control+z');
    await waitForStatus(/ of 30 notes$/);
    await fill(searchBox, '');
  });

  test("every row's actions are reachable by keyboard, with a visible focus", async () => {
    await focus(fieldIn(row('Ask CBP'), 'Select note'));
    const focused = () => session.evaluate<{ text: string; outline: string }>(`({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement).outlineStyle })`);
    await session.press('Tab');
    expect(await focused()).toEqual({ text: 'Open', outline: 'solid' });
    await session.press('Tab');
    expect((await focused()).text).toBe('Edit');
    await session.press('Tab');
    expect((await focused()).text).toBe('Delete');
  });

  test('"Open" opens the note\'s page and shows the note; again, it brings that tab forward; the address is never touched', async () => {
    const article = `${server.origin}/article.html`;
    const count = (await tabs()).length;
    await clickOn(buttonIn(row('Ask CBP'), 'Open'));
    const opened = await waitFor('the page in a new tab', async () => {
      const now = await tabs();
      const pages = now.filter((t) => t.url.startsWith(article));
      return now.length > count && pages.length ? pages : undefined;
    });
    // The note's page, its address untouched (nothing of Watchwords in it).
    expect(opened.map((t) => t.url)).toEqual([article]);
    if (session.browser === 'firefox') {
      // The page's content script has found the note and shows it when asked (what "Open" asks of a tab showing the
      // page), asked from an extension page as the manager does.
      await waitFor('the note found on its page', async () =>
        (await inExtension<{ value?: { how: string } }>(session, `api.runtime.sendMessage({ type: 'notes.open', noteId: ${json(ferry.id)} })`)).value?.how === 'shown',
      );
    } else {
      // The note is scrolled to and shown on that page (its popover is in Watchwords' frame on the page).
      const chromium = session;
      const page = await waitFor('the page', async () => chromium.context.pages().find((p) => p.url() === article));
      await waitFor('the note shown', async () => {
        const frame = page.frames().find((f) => f.url().startsWith('chrome-extension:'));
        return frame !== undefined && (await frame.getByRole('dialog', { name: 'Your note', exact: true }).count()) > 0;
      });
    }
    // The manager again: "Open" now brings the same tab forward instead of opening another.
    await showExtensionPage(session, 'notes.html');
    await waitForStatus(/notes$/);
    const before = (await tabs()).length;
    await clickOn(buttonIn(row('Ask CBP'), 'Open'));
    if (session.browser === 'chromium') {
      const chromium = session;
      const page = chromium.context.pages().find((p) => p.url() === article)!;
      await waitFor('the page tab in front', async () => (await page.evaluate('document.visibilityState')) === 'visible');
    }
    expect((await tabs()).length).toBe(before);
    expect((await tabs()).filter((t) => t.url.startsWith(article)).map((t) => t.url)).toEqual([article]);
    for (const tab of (await tabs()).filter((t) => t.url.startsWith(article))) await tab.close();
  });

  test('the side panel: the same manager at 360 pixels, with a way to the full page', async () => {
    const manifest = await inExtension<{ side_panel?: { default_path: string }; sidebar_action?: { default_panel: string }; permissions: string[] }>(session, 'api.runtime.getManifest()');
    // Chrome declares a side panel; Firefox has no side panel API but a sidebar showing the same page.
    if (browserName === 'chromium') {
      expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
      expect(manifest.permissions).toContain('sidePanel');
    } else {
      // Firefox gives the manifest's paths as full addresses.
      expect(manifest.sidebar_action?.default_panel).toBe(`${session.extensionOrigin}/sidepanel.html`);
    }

    await showExtensionPage(session, 'sidepanel.html', { width: 360, height: 720 });
    await waitForStatus('30 notes', 10_000);
    await waitFor('the Clearview AI heading', () => read(row('settlement terms'), 'element?.querySelector("h3").textContent === "Clearview AI"'));
    // Narrow: nothing wider than the panel.
    expect(await session.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    // Filters start folded in the panel.
    expect(await read(buttonIn(wholePage, 'Filters'), 'element.getAttribute("aria-expanded")')).toBe('false');
    await session.screenshot(join(screenshots, `notes-manager-panel-${browserName}.png`));

    const fullPage = `${session.extensionOrigin}/notes.html`;
    const managers = async () => (await tabs()).filter((t) => t.url === fullPage);
    const before = (await managers()).length;
    await clickOn(buttonIn(wholePage, 'Open in a tab'));
    await waitFor('the manager in a tab', async () => (await managers()).length === before + 1);
    await (await managers()).at(-1)!.close();
  });
});
