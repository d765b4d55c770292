/**
 * The hostile-page suite's harness: a browser with Watchwords and a network recorder, three origins serving the
 * hostile pages, the reader's data (seeded before a page is visited), and what a test checks afterwards.
 *
 * The attacks are written against behaviour — what a page can observe and do, what the reader sees and what is
 * stored — never against Watchwords' internals, so that they keep working when the UI moves into a frame.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEntityNote, createPageNote, type Note } from '../../core/notes/note';
import { notePageAddress } from '../../core/notes/page-url';
import { legacyNoteState } from '../../core/notes/state';
import type { Settings } from '../../core/settings/model';
import { launchChromium, type ChromiumSession } from '../../scripts/browsers/chromium';
import { launchFirefox, type FirefoxSession } from '../../scripts/browsers/firefox';
import type { RecordedRequest } from '../../scripts/browsers/session';
import { serveFolder } from '../../scripts/browsers/static-server';
import { chromeBuild, firefoxAddonId, firefoxBuild, root, waitFor } from '../../scripts/browsers/watchwords-page';
import { cardNamed, changeSettings, clickButton, command, inExtension, noteEditorOpen, noteSaved, storedRecords, storedSettings, typeText } from '../e2e/harness';
import { pendingReason } from './pending';

export type BrowserName = 'chromium' | 'firefox';
export type Session = ChromiumSession | FirefoxSession;
export const pagesFolder = join(root, 'tests/security/pages');

/**
 * The reader's words: unique, so that finding one anywhere a page can read is a leak. None of them occurs in any
 * hostile page.
 */
export const secret = {
  pageNote: 'kestrel',
  pageTag: 'osprey',
  entityNote: 'heron',
  entityTag: 'merlin',
  draft: 'plover',
} as const;
export const secretWords = Object.values(secret);
/** The passage of every hostile page's article that the reader has a note on (kit.js, `kitArticle`). */
export const notedPassage = 'The ferry terminal kept every scan for a year';
/** The entity whose card shows the reader's entity note. */
export const notedEntity = { id: 'clearview-ai', name: 'Clearview AI' };

export interface World {
  browser: BrowserName;
  session: Session;
  /** The hostile pages' site. */
  siteA: string;
  /** Another site (localhost instead of 127.0.0.1), same pages. */
  siteB: string;
  /** Another origin of site A's host (another port), same pages. */
  siteC: string;
  /** The extension's ids as a page could know them (both are public for a store-installed extension). */
  extensionIds: string[];
  /** Requests the recorder saw that went anywhere but the test's own servers (or the browser's own). */
  foreignRequests(): Promise<RecordedRequest[]>;
}

type Attack = (world: World) => Promise<void>;
export interface AttackOptions {
  /** The browsers the attack applies to (default: both). */
  browsers?: BrowserName[];
  timeout?: number;
}
export type Register = (id: string, options: AttackOptions, attack: Attack) => void;

/**
 * One file of attacks, run in each browser in turn (one browser at a time). An attack that still succeeds against
 * today's Watchwords is listed in pending.ts and registered with `test.fails` until the work that stops it lands.
 */
export function hostileSuite(
  title: string,
  register: (attack: Register) => void,
  browsers: BrowserName[] = ['chromium', 'firefox'],
  options: { checkNetwork?: boolean } = {},
): void {
  // WATCHWORDS_SECURITY_BROWSERS=chromium runs one browser only (while working on the suite).
  const only = process.env.WATCHWORDS_SECURITY_BROWSERS?.split(',');
  for (const browser of browsers.filter((name) => !only || only.includes(name))) {
    describe(`${title} in ${browser}`, () => {
      const world = { browser } as World;
      const close: (() => Promise<void>)[] = [];
      beforeAll(async () => {
        const opened = await openWorld(browser);
        Object.assign(world, opened.world);
        close.push(opened.close);
      }, 180_000);
      afterAll(async () => {
        for (const step of close) await step();
      });
      register((id, options, attack) => {
        if (options.browsers && !options.browsers.includes(browser)) return;
        const pending = pendingReason(id, browser);
        const name = pending ? `${id} [succeeds today: ${pending}]` : id;
        (pending ? test.fails : test)(name, () => attack(world), options.timeout ?? 90_000);
      });
      // Whatever the attacks above made Watchwords do, no extension context sent anything anywhere.
      if (options.checkNetwork !== false) {
        test('network: no request from any context left for anywhere but the test\'s own servers', async () => {
          expect(await world.foreignRequests()).toEqual([]);
        });
      }
    });
  }
}

async function openWorld(browser: BrowserName): Promise<{ world: Omit<World, 'browser'>; close: () => Promise<void> }> {
  const first = await serveFolder(pagesFolder);
  const second = await serveFolder(pagesFolder);
  const siteA = first.origin;
  const siteB = first.origin.replace('127.0.0.1', 'localhost');
  const siteC = second.origin;
  const session: Session =
    browser === 'chromium'
      ? await launchChromium({ extensionDir: chromeBuild, recordNetwork: true })
      : await launchFirefox({ extensionDir: firefoxBuild, addonId: firefoxAddonId(), systemAccess: true, recordNetwork: true });
  const extensionIds =
    browser === 'chromium' ? [new URL(session.extensionOrigin).host] : [firefoxAddonId(), new URL(session.extensionOrigin).host];
  const allowed = new Set([siteA, siteB, siteC]);
  const world = {
    session,
    siteA,
    siteB,
    siteC,
    extensionIds,
    async foreignRequests() {
      const requests = await session.networkRequests();
      return requests.filter((request) => isForeign(request, allowed));
    },
  };
  // The notes database exists once Watchwords has been asked for a page's notes.
  await session.goto(`${siteA}/blank.html`);
  await waitFor('the notes database', () => inExtension<boolean>(session, `indexedDB.databases().then((all) => all.some((db) => db.name === 'watchwords'))`), 15_000);
  await seedNote(world as World, createEntityNote({ entityId: notedEntity.id, body: `Ask the ${secret.entityNote} about the contract`, tags: [secret.entityTag] }, made()));
  return {
    world,
    async close() {
      await session.close();
      await first.close();
      await second.close();
    },
  };
}

/** Whether a recorded request left for somewhere other than the test's servers, the extension itself or the browser's own UI. */
function isForeign(request: RecordedRequest, allowed: Set<string>): boolean {
  // The browser's own requests (its UI pages, remote settings and the like) are not the extension's.
  if (request.from.startsWith('browser_ui') || request.from === 'channel: system') return false;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return true;
  }
  if (['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(url.protocol)) return false;
  return !allowed.has(url.origin);
}

const made = () => ({ deviceId: 'security-suite', now: new Date(), id: crypto.randomUUID() });

/** Puts a note straight into the extension's notes database, as if the reader had written it earlier. */
export async function seedNote(world: World, note: Note): Promise<Note> {
  await inExtension(world.session, `new Promise((resolve, reject) => {
    const open = indexedDB.open('watchwords');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      // The note and its clock stamps, as the notes repository writes them (exports and sync read the stamps).
      const tx = open.result.transaction(['notes', 'noteStates'], 'readwrite');
      tx.objectStore('notes').put(${JSON.stringify(note)});
      tx.objectStore('noteStates').put(${JSON.stringify(legacyNoteState(note))});
      tx.oncomplete = () => { resolve(true); open.result.close(); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
  return note;
}

/** A note on the noted passage of `pageUrl`, with the page-note secret in its body and tags. */
export function seedPageNote(world: World, pageUrl: string, change: Partial<Pick<Note, 'body' | 'tags'>> & { quote?: string; title?: string } = {}): Promise<Note> {
  const quote = change.quote ?? notedPassage;
  const address = notePageAddress(pageUrl)!;
  const note = createPageNote(
    { quote: { exact: quote, prefix: '', suffix: '' }, position: { start: 0, end: quote.length }, body: change.body ?? `The ${secret.pageNote} said so`, tags: change.tags ?? [secret.pageTag] },
    { ...address, title: change.title ?? 'Harbour cameras' },
    made(),
  );
  return seedNote(world, note);
}

export const storedNotes = (world: World) => storedRecords<Note>(world.session, 'notes');
export const settingsOf = (world: World): Promise<Settings> => storedSettings(world.session);
export const resetSettings = (world: World) =>
  changeSettings(world.session, (settings) => ({ ...settings, sites: { mode: 'everywhere', allowed: [], paused: [] }, dismissals: [] }));

/** Opens a hostile page and waits until Watchwords has scanned it (its mentions are highlighted). */
export async function visit(world: World, url: string): Promise<void> {
  await world.session.goto(url);
  await waitFor('the page to be scanned', () => world.session.evaluate<boolean>(`window.kit.highlights().some((h) => h.text === ${JSON.stringify(notedEntity.name)})`), 10_000);
}

/** What the page gathered (kit.js): every string it could read. */
export const lootOf = (world: World) => world.session.evaluate<string[]>(`window.kit.loot`);

/** Fails when any of the reader's words is in what the page gathered. */
export async function expectNothingLeaked(world: World, words: readonly string[] = secretWords): Promise<void> {
  const loot = await lootOf(world);
  const leaks = loot.filter((entry) => words.some((word) => entry.toLowerCase().includes(word)));
  expect(leaks.map((entry) => entry.slice(0, 300)), 'what the page read of the reader\'s data').toEqual([]);
}

/** The reader rests the real pointer on the first occurrence of `text` (found in the page's own text). */
export async function readerPointsAt(world: World, text: string): Promise<void> {
  const point = await world.session.evaluate<{ x: number; y: number }>(`(() => {
    window.kit.scrollTo(${JSON.stringify(text)});
    const [p] = window.kit.pointsOf(${JSON.stringify(text)});
    return { x: p.x, y: p.y };
  })()`);
  await world.session.moveMouse(1, 1);
  await world.session.moveMouse(point.x - 3, point.y);
  await world.session.moveMouse(point.x, point.y);
}

/** The reader rests the real pointer on a mention until its card opens (a second rest if the first was missed). */
export async function readerOpensCard(world: World, name = notedEntity.name): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await readerPointsAt(world, name);
    try {
      await waitFor(`the card for ${name}`, () => shown(world, 'dialog', name), attempt === 1 ? 2500 : 5000);
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}

/** Whether a Watchwords dialog (a card, the note editor, a note) named `name` is shown, as assistive technology sees it. */
export const shown = async (world: World, role: string, name: string) => (await world.session.accessible(role, name)).length > 0;

/** The reader selects a passage and chooses "Add note": the note editor opens. */
export async function readerOpensEditor(world: World, passage = notedPassage): Promise<void> {
  await world.session.evaluate(`(window.kit.select(${JSON.stringify(passage)}), true)`);
  await world.session.press('Shift');
  await clickButton(world.session, 'Add note');
  await noteEditorOpen(world.session);
}

/** The reader selects a passage, chooses "Add note" and types `text` with real keys (the editor stays open). */
export async function readerWritesDraft(world: World, text: string, passage = notedPassage): Promise<void> {
  await readerOpensEditor(world, passage);
  await typeText(world.session, text);
}

/** The reader saves the note being written (Ctrl+Enter) and it is stored: the stored note. */
export async function readerSavesNote(world: World, body: string): Promise<Note> {
  await world.session.press('Control+Enter');
  await noteSaved(world.session);
  return waitFor('the saved note', async () => (await storedNotes(world)).find((note) => note.body === body));
}

/** The reader writes `body` on a passage and saves it: the stored note. */
export async function readerWritesNote(world: World, body: string, passage = notedPassage): Promise<Note> {
  await readerWritesDraft(world, body, passage);
  return readerSavesNote(world, body);
}

/** The reader's "next mention" command opens the first mention's card and keeps it open (pinned): the card. */
export async function readerPinsCard(world: World) {
  await command(world.session, 'next-mention');
  return cardNamed(world.session, notedEntity.name);
}

/** Everything of the reader's a page could try to change: the notes and the settings. */
export async function readerData(world: World) {
  return { notes: await storedNotes(world), settings: await settingsOf(world) };
}

/** Runs `attack` and checks the reader's notes and settings are as they were (and resets the settings after). */
export async function expectReaderDataUnchanged(world: World, attack: () => Promise<unknown>): Promise<void> {
  const before = await readerData(world);
  try {
    await attack();
    expect(await readerData(world)).toEqual(before);
  } finally {
    await resetSettings(world);
  }
}

/** Runs `typing` with the page's sniffers recording (kit.recording): what they keep is what the reader's keys gave away. */
export async function whileRecording(world: World, typing: () => Promise<void>): Promise<void> {
  await world.session.evaluate(`(window.kit.recording = true)`);
  try {
    await typing();
  } finally {
    await world.session.evaluate(`(window.kit.recording = false)`);
  }
}

/** The reader's note on the passage is shown (the reader points at it and waits). */
export async function readerSeesNote(world: World, passage = notedPassage): Promise<void> {
  await readerPointsAt(world, passage);
  await waitFor('the note to show', () => shown(world, 'dialog', 'Your note'), 5000);
}

/** Runs the page's `attack(options)` and waits for it to finish. */
export const runAttack = <T = unknown>(world: World, options: Record<string, unknown> = {}) =>
  world.session.evaluate<T>(`window.attack(${JSON.stringify({ extensionIds: world.extensionIds, ...options })})`);

/** The values of the text boxes Watchwords shows (the note editor's), as assistive technology reads them. */
export async function textBoxValues(world: World): Promise<string[]> {
  return (await world.session.accessible('textbox')).map((box) => box.value ?? '');
}

/** Waits `ms` while the page does its worst. */
export const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

export { changeSettings, clickButton, inExtension, noteEditorOpen, storedSettings, typeText, waitFor };
