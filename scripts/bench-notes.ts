// `npm run bench:notes`: the notes manager (notes.html) with 10,000 notes in Chromium. Figures, not pass/fail:
// compare runs on the same machine.
// 1. the first render: from navigation start, and from the manager's own start (`notes-start`, its script
//    running), to React's commit of the first rows (`notes-first-render`); the page's first contentful paint;
//    every note read and shown (`notes-all-read`); all over reloads; for comparison, the options page's first
//    paint (a React page with nothing to read, which pays the same page load);
// 2. each search keystroke, from the input event to React's commit of the filtered list (the page's
//    `notes-search` measures), typing 10 characters and then deleting them; and the browser's own Event Timing
//    for those keystrokes (input delay + handlers + the next paint), for events of 16 ms or more.
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { Note } from '../core/notes/note';
import { launchChromium } from './browsers/chromium';
import { chromeBuild, waitFor } from './browsers/watchwords-page';
import { readDataset } from './dataset-files';
import { median, seededRandom } from './bench-tools';

const noteCount = 10_000;
const reloads = 11;
const typed = 'surveillan';


const words = `the officer held phone face scan ferry dock travelers photos database commercial product federal immigration
authorities border protection airport crossing privacy advocates warrant subpoena police department contract vendor
license plate reader camera network drone cell site simulator geofence location data broker court ruling appeal judge
senator bill amendment surveillance program oversight inspector general report audit records request retention policy
biometric consent lawsuit settlement café résumé naïve Zürich São Paulo Montréal Ñuñez Krüger façade`.split(/\s+/);

export function generateNotes(count: number, entityIds: string[], seed = 20_260_611): Note[] {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const sentence = (min: number, max: number) => Array.from({ length: min + Math.floor(next() * (max - min)) }, () => pick(words)).join(' ');
  const sites = Array.from({ length: 60 }, (_, i) => `https://${i % 3 ? 'www.' : ''}news${i}.example`);
  const tags = ['face recognition', 'cbp', 'ice', 'fisa', 'follow up', 'lawsuit', 'vendor', 'drones', 'alpr', 'data brokers', 'to read', 'Zürich'];
  const start = Date.UTC(2023, 0, 1);
  const span = Date.UTC(2026, 0, 1) - start;
  return Array.from({ length: count }, () => {
    const created = start + Math.floor(next() * span);
    const updated = next() < 0.2 ? created + Math.floor(next() * 30 * 86_400_000) : created;
    const noteTags = [...new Set(Array.from({ length: Math.floor(next() * 3) }, () => pick(tags)))];
    const base = { id: randomUUID(), createdAt: new Date(created).toISOString(), updatedAt: new Date(updated).toISOString(), deletedAt: null, deviceId: 'bench-device', body: sentence(5, 60), tags: noteTags };
    if (next() < 0.1) return { ...base, target: { kind: 'entity', entityId: pick(entityIds) } } satisfies Note;
    const url = `${pick(sites)}/${new Date(created).getUTCFullYear()}/story-${Math.floor(next() * 400)}`;
    const startOffset = Math.floor(next() * 20_000);
    const quote = sentence(4, 30);
    return {
      ...base,
      target: {
        kind: 'page',
        url,
        alternateUrls: [],
        title: sentence(4, 12).replace(/^./, (c) => c.toUpperCase()),
        quote: { exact: quote, prefix: sentence(2, 4).slice(0, 32), suffix: sentence(2, 4).slice(0, 32) },
        position: { start: startOffset, end: startOffset + quote.length },
      },
    } satisfies Note;
  });
}

/**
 * Writes notes (and orphaned anchoring states) into the extension's database from one of its pages, with
 * IndexedDB itself: the page is in the extension's origin, so this is the database the extension uses. The
 * page must have opened it once (Dexie makes the schema). Reload afterwards: the page's live queries do not see
 * writes from another connection.
 */
export async function seedNotes(page: Page, notes: Note[], orphanedIds: string[] = []): Promise<void> {
  await page.evaluate(
    async ({ notes, orphanedIds }) => {
      // Notes go in as a reader's import would (a version-1 file, through the background: the one writer).
      const api = (globalThis as unknown as { chrome?: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; error?: string }> } }; browser?: { runtime: { sendMessage(m: object): Promise<{ ok: boolean; error?: string }> } } });
      const runtime = (api.browser ?? api.chrome)!.runtime;
      const text = JSON.stringify({ format: 'watchwords-notes', version: 1, exportedAt: new Date().toISOString(), notes });
      const reply = await runtime.sendMessage({ type: 'notes.import.apply', text });
      if (!reply?.ok) throw new Error(`seeding failed: ${reply?.error}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('watchwords');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['anchoring'], 'readwrite');
        const anchoring = tx.objectStore('anchoring');
        const checkedAt = new Date().toISOString();
        for (const noteId of orphanedIds) anchoring.put({ noteId, state: 'orphaned', checkedAt });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { notes, orphanedIds },
  );
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: number[]) => `median ${ms(median(values))}, max ${ms(Math.max(...values))} (${values.map((v) => v.toFixed(1)).join(', ')})`;

export interface Load {
  start: number;
  firstRender: number;
  firstPaint: number;
  allRead: number;
  /** The longest task from the manager's start until a moment after every note is shown (a keystroke waits for it). */
  longestTask: number;
}

/** The page's marks of a load, in ms since navigation started. */
async function load(page: Page): Promise<Load> {
  const marks = await waitFor(
    'every note read',
    () =>
      page.evaluate(() => {
        // No inner functions: tsx would name them with a helper the page does not have.
        const start = performance.getEntriesByName('notes-start')[0]?.startTime;
        const firstRender = performance.getEntriesByName('notes-first-render')[0]?.startTime;
        const firstPaint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        const allRead = performance.getEntriesByName('notes-all-read')[0]?.startTime;
        return start !== undefined && firstRender !== undefined && firstPaint !== undefined && allRead !== undefined ? { start, firstRender, firstPaint, allRead } : undefined;
      }),
    60_000,
  );
  await page.waitForTimeout(500);
  const longestTask = await page.evaluate(
    (since) =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          resolve(Math.max(0, ...list.getEntries().filter((task) => task.startTime >= since).map((task) => task.duration)));
        }).observe({ type: 'longtask', buffered: true });
        // No long task at all: the observer is never called.
        setTimeout(() => resolve(0), 200);
      }),
    marks.start,
  );
  return { ...marks, longestTask };
}

/** For comparison: the options page (React, the same machine, no notes) until its first contentful paint. */
async function optionsPaint(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/options.html`);
  return waitFor('the options page', () => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime));
}

/** Presses keys one at a time, each after the previous search committed; the page's measure of each. */
async function keystrokes(page: Page, keys: string[]): Promise<number[]> {
  const durations: number[] = [];
  for (const key of keys) {
    const before = await page.evaluate(() => performance.getEntriesByName('notes-search').length);
    await page.keyboard.press(key);
    const duration = await waitFor(`the search after "${key}"`, () =>
      page.evaluate((n) => performance.getEntriesByName('notes-search')[n]?.duration, before),
    );
    durations.push(duration);
    await page.waitForTimeout(60);
  }
  return durations;
}

export interface NotesFigures {
  noteCount: number;
  orphaned: number;
  seedMs: number;
  loads: Load[];
  rows: number;
  typing: number[];
  deleting: number[];
  matching: string | null;
  /** Event Timing durations of keystrokes that took 16 ms or more. */
  slowKeys: number[];
  /** The options page's first contentful paint, for comparison. */
  reference: number[];
}

/** Seeds 10,000 notes into a fresh profile's database, then times loads of notes.html and typed searches. */
export async function measureNotes(page: Page, extensionOrigin: string, reloads: number): Promise<NotesFigures> {
  const entityIds = readDataset().map((entry) => entry.id);
  const notes = generateNotes(noteCount, entityIds);
  const orphaned = notes.filter((note, i) => note.target.kind === 'page' && i % 23 === 0).map((note) => note.id);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${extensionOrigin}/notes.html`);
  await page.getByText('No notes yet').waitFor({ timeout: 15_000 });
  const seeded = Date.now();
  await seedNotes(page, notes, orphaned);
  const seedMs = Date.now() - seeded;

  const loads: Load[] = [];
  for (let run = 0; run < reloads; run++) {
    await page.reload();
    loads.push(await load(page));
  }
  const rows = await page.locator('.note-row').count();

  // Event Timing: keystrokes whose handling until the next paint took 16 ms or more (the API's lowest threshold).
  await page.evaluate(() => {
    const slow: Record<number, number> = {};
    (window as unknown as { __slowKeys: typeof slow }).__slowKeys = slow;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEventTiming & { interactionId?: number })[]) {
        if (entry.interactionId) slow[entry.interactionId] = Math.max(slow[entry.interactionId] ?? 0, entry.duration);
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  await page.waitForTimeout(1000); // the search text is folded in idle time once every note is read
  await page.getByRole('searchbox', { name: 'Search notes' }).focus();
  const typing = await keystrokes(page, [...typed]);
  const matching = await page.getByRole('status').first().textContent();
  const deleting = await keystrokes(page, Array.from({ length: typed.length }, () => 'Backspace'));
  await page.waitForTimeout(300);
  const slowKeys = Object.values(await page.evaluate(() => (window as unknown as { __slowKeys: Record<number, number> }).__slowKeys));

  const reference: number[] = [];
  for (let run = 0; run < reloads; run++) reference.push(await optionsPaint(page, extensionOrigin));
  return { noteCount, orphaned: orphaned.length, seedMs, loads, rows, typing, deleting, matching, slowKeys, reference };
}

async function main(): Promise<void> {
  const session = await launchChromium({ extensionDir: chromeBuild });
  try {
    const figures = await measureNotes(session.page, session.extensionOrigin, reloads);
    const { loads } = figures;
    console.log(`notes: ${noteCount.toLocaleString('en')} notes (${figures.orphaned} orphaned) written in ${figures.seedMs} ms`);
    console.log(`notes: first rows rendered, from navigation start: ${summary(loads.map((l) => l.firstRender))} over ${reloads} loads`);
    console.log(`notes: first rows rendered, from the manager's start: ${summary(loads.map((l) => l.firstRender - l.start))} (it started at ${summary(loads.map((l) => l.start))})`);
    console.log(`notes: first contentful paint, from navigation start: ${summary(loads.map((l) => l.firstPaint))}`);
    console.log(`notes: all ${noteCount.toLocaleString('en')} notes read, indexed and shown: ${summary(loads.map((l) => l.allRead))}; ${figures.rows} rows rendered`);
    console.log(`notes: the longest task while loading (a keystroke then waits for it): ${summary(loads.map((l) => l.longestTask))}`);
    console.log(`notes: typing "${typed}" (${figures.matching}): per keystroke ${summary(figures.typing)}`);
    console.log(`notes: deleting it again: per keystroke ${summary(figures.deleting)}`);
    const slow = figures.slowKeys;
    console.log(
      `notes: Event Timing (keydown to the next paint): ${slow.length} of ${typed.length * 2} keystrokes took 16 ms or more` +
        (slow.length ? ` (${slow.sort((a, b) => b - a).map((d) => d.toFixed(0)).join(', ')} ms)` : ''),
    );
    console.log(`reference: the options page (React, no notes) first contentful paint: ${summary(figures.reference)}`);
  } finally {
    await session.close();
  }
}

// Run as a script (the e2e tests import `seedNotes`).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
