import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { entrySchema, type Entry } from '../core/dataset/schema';
import { noteSchema, type Note } from '../core/notes/note';
import { NotesDatabase } from './notes-db';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply } from '../core/protocol/route';
import { createRequestHandler } from './request-handler';
import { createSettingsOwner } from './settings-owner';

const entries: Entry[] = ['alpha-tool', 'beta-vendor'].map((id) =>
  entrySchema.parse({
    id,
    kind: 'vendor',
    name: id,
    summary: 'A made-up entry for tests.',
    sources: [{ url: 'https://example.org/', title: 'Example' }],
    asOf: '2025-01-01',
  }),
);

const quotaMessage = 'Your browser has no room left for Watchwords notes; nothing was saved. Free some disk space and try again.';
const malformed: Reply = { ok: false, error: 'Watchwords ignored a malformed request.' };

let counter = 0;
const open: NotesDatabase[] = [];
function freshDb(): NotesDatabase {
  const db = new NotesDatabase(`watchwords-test-${process.pid}-${++counter}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
  for (const db of open.splice(0)) await db.delete();
});

const extensionOrigin = 'chrome-extension://watchwords-test/';
function handlerFor(db: NotesDatabase, known: Entry[]) {
  return createRequestHandler({ db, entries: known, settings: createSettingsOwner(), extensionOrigin, now: () => new Date('2025-06-01T12:00:00.000Z') });
}

function setup() {
  const db = freshDb();
  const handle = handlerFor(db, entries);
  return { db, handle };
}

const draft = {
  quote: { exact: 'Mobile Fortify', prefix: 'Agents used ', suffix: ' on him' },
  position: { start: 12, end: 26 },
  body: 'Look this up.',
  tags: ['dhs'],
};
const tab = { url: 'https://news.example/story?utm_source=feed&id=7#comments' };
/**
 * A content script's sender as the browser gives it without the "tabs" permission: the address of the document
 * that sent it, and the tab's id and window (never the tab's address or title).
 */
const fromTab = ({ url }: { url?: string }) => ({ ...(url !== undefined && { url }), tab: { id: 7, windowId: 1 } });

function noteOf(reply: Reply): Note {
  expect(reply.ok).toBe(true);
  if (!reply.ok || !(reply.value as { note?: Note }).note) throw new Error(`expected a note, got ${JSON.stringify(reply)}`);
  return (reply.value as { note: Note }).note;
}

describe('malformed requests', () => {
  test.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'entries.get'],
    ['an array', [{ type: 'entries.get', ids: ['alpha-tool'] }]],
    ['a missing type', { ids: ['alpha-tool'] }],
    ['an unknown type', { type: 'notes.delete', id: 'x' }],
    ['a type of the wrong case', { type: 'Entries.Get', ids: ['alpha-tool'] }],
    ['an extra field', { type: 'entries.get', ids: ['alpha-tool'], extra: true }],
    ['ids of the wrong type', { type: 'entries.get', ids: 'alpha-tool' }],
    ['ids that are not strings', { type: 'entries.get', ids: [1, 2] }],
    ['no ids', { type: 'entries.get', ids: [] }],
    ['an empty id', { type: 'entries.get', ids: [''] }],
    ['a note without a draft', { type: 'notes.add' }],
    ['a draft with the wrong types', { type: 'notes.add', draft: { ...draft, position: { start: '12', end: '26' } } }],
    ['a draft with end before start', { type: 'notes.add', draft: { ...draft, position: { start: 26, end: 12 } } }],
    ['a draft with an empty quote', { type: 'notes.add', draft: { ...draft, quote: { ...draft.quote, exact: '' } } }],
  ])('rejects %s', async (_, message) => {
    const { db, handle } = setup();
    expect(await handle(message, fromTab(tab))).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('notes.add', () => {
  test('stores a note for the sender tab, with a normalised URL', async () => {
    const { db, handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft, title: 'The story' }, fromTab(tab)));
    expect(noteSchema.safeParse(note).success).toBe(true);
    expect(note.target).toEqual({
      kind: 'page',
      url: 'https://news.example/story?id=7',
      alternateUrls: [],
      title: 'The story',
      quote: draft.quote,
      position: draft.position,
    });
    expect(note.createdAt).toBe('2025-06-01T12:00:00.000Z');
    expect(note.deletedAt).toBeNull();
    expect(await db.notes.get(note.id)).toEqual(note);
    expect(await db.pageNotes('https://news.example/story?id=7')).toEqual([note]);
  });

  test('a url carried by the message is rejected as malformed, wherever it is put', async () => {
    const { db, handle } = setup();
    expect(await handle({ type: 'notes.add', draft, url: 'https://evil.example/' }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'notes.add', draft: { ...draft, url: 'https://evil.example/' } }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'notes.add', draft: { ...draft, page: { url: 'https://evil.example/', title: '' } } }, fromTab(tab))).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });

  test('the page always comes from the sender\'s address', async () => {
    const { handle } = setup();
    const first = noteOf(await handle({ type: 'notes.add', draft }, fromTab({ url: 'https://one.example/a#x' })));
    const second = noteOf(await handle({ type: 'notes.add', draft }, fromTab({ url: 'https://two.example/b?fbclid=1' })));
    expect([first.target, second.target].map((target) => (target.kind === 'page' ? target.url : ''))).toEqual(['https://one.example/a', 'https://two.example/b']);
  });

  test('a message without a title gives an empty title', async () => {
    const { handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft }, fromTab({ url: 'https://news.example/' })));
    expect(note.target.kind === 'page' && note.target.title).toBe('');
  });

  test.each([
    ['a sender without an address', fromTab({})],
    ['a browser page', fromTab({ url: 'chrome://newtab/' })],
    ['a local file', fromTab({ url: 'file:///home/me/a.html' })],
  ])('refuses %s and stores nothing', async (_, sender) => {
    const { db, handle } = setup();
    expect(await handle({ type: 'notes.add', draft }, sender)).toEqual({ ok: false, error: 'Notes can only be added on web pages.' });
    expect(await db.notes.count()).toBe(0);
  });

  test('the device id is stable across notes and handlers', async () => {
    const { db, handle } = setup();
    const first = noteOf(await handle({ type: 'notes.add', draft }, fromTab(tab)));
    const second = noteOf(await handle({ type: 'notes.add', draft }, fromTab(tab)));
    const again = handlerFor(db, entries);
    const third = noteOf(await again({ type: 'notes.add', draft }, fromTab(tab)));
    expect(first.deviceId).toBeTruthy();
    expect(new Set([first.deviceId, second.deviceId, third.deviceId, await db.deviceId()]).size).toBe(1);
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect(await db.notes.count()).toBe(3);
  });

  test('two databases have different device ids', async () => {
    expect(await freshDb().deviceId()).not.toBe(await freshDb().deviceId());
  });

  test('a full disk (QuotaExceededError) gives a clear message and stores nothing', async () => {
    const { db, handle } = setup();
    vi.spyOn(db, 'addNote').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await handle({ type: 'notes.add', draft }, fromTab(tab))).toEqual({ ok: false, error: quotaMessage });
    expect(await db.notes.count()).toBe(0);
  });

  test('a QuotaExceededError raised inside the Dexie transaction gives the same message', async () => {
    const { db, handle } = setup();
    vi.spyOn(db.notes, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await handle({ type: 'notes.add', draft }, fromTab(tab))).toEqual({ ok: false, error: quotaMessage });
    vi.restoreAllMocks();
    expect(await db.notes.count()).toBe(0);
  });

  test('other storage failures are reported, not thrown', async () => {
    const { db, handle } = setup();
    vi.spyOn(db, 'addNote').mockRejectedValue(new Error('disk on fire'));
    expect(await handle({ type: 'notes.add', draft }, fromTab(tab))).toEqual({ ok: false, error: 'Watchwords could not save: disk on fire' });
  });
});

describe('what a page cannot make the background do', () => {
  test('a canonical link counts only on the same origin (another port of the host once read a site\'s notes)', async () => {
    const { handle } = setup();
    const here = noteOf(await handle({ type: 'notes.add', draft, canonicalUrl: 'https://news.example/2026/story' }, fromTab(tab)));
    expect(here.target.kind === 'page' && here.target.url).toBe('https://news.example/2026/story');
    const elsewhere = noteOf(await handle({ type: 'notes.add', draft, canonicalUrl: 'https://news.example:8443/story' }, fromTab(tab)));
    expect(elsewhere.target.kind === 'page' && elsewhere.target.url).toBe('https://news.example/story?id=7');
  });

  test('a note begun before a single-page-app navigation is filed where it was written, on the same origin only', async () => {
    const { handle } = setup();
    const moved = { url: 'https://news.example/next-story' };
    const note = noteOf(await handle({ type: 'notes.add', draft, writtenAt: 'https://news.example/first-story#x', title: 'First' }, fromTab(moved)));
    expect(note.target.kind === 'page' && [note.target.url, note.target.title]).toEqual(['https://news.example/first-story', 'First']);
    const elsewhere = noteOf(await handle({ type: 'notes.add', draft, writtenAt: 'https://other.example/story' }, fromTab(moved)));
    expect(elsewhere.target.kind === 'page' && elsewhere.target.url).toBe('https://news.example/next-story');
  });

  test('over-long titles and canonical links are cut or ignored, never refused', async () => {
    const { handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft, title: 'T'.repeat(5000), canonicalUrl: `https://news.example/${'c'.repeat(20000)}` }, fromTab(tab)));
    expect(note.target.kind === 'page' && note.target.title.length).toBe(1000);
  });

  test('a note over its limit is refused in words that name the limit', async () => {
    const { db, handle } = setup();
    const reply = await handle({ type: 'notes.add', draft: { ...draft, body: 'x'.repeat(20001) } }, fromTab(tab));
    expect(reply).toEqual({ ok: false, error: 'Watchwords refused this: the note is over its limit of 20,000 characters.' });
    const quote = await handle({ type: 'notes.add', draft: { ...draft, quote: { ...draft.quote, exact: 'q'.repeat(5001) } } }, fromTab(tab));
    expect(quote).toEqual({ ok: false, error: 'Watchwords refused this: the quoted text is over its limit of 5,000 characters.' });
    expect(await db.notes.count()).toBe(0);
  });

  test('extension pages speak their own protocol; content scripts cannot use it, nor pages theirs', async () => {
    const { handle } = setup();
    const page = { url: `${extensionOrigin}options.html` };
    expect(await handle({ type: 'settings.get' }, page)).toMatchObject({ ok: true });
    expect(await handle({ type: 'notes.add', draft }, page)).toEqual(malformed);
    expect(await handle({ type: 'entries.get', ids: ['alpha-tool'] }, page)).toEqual(malformed);
  });

  test('settings changes are validated: an invalid one is refused and nothing is stored', async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'settings.change', change: { op: 'site', list: 'paused', site: 'not a site', present: true } }, fromTab(tab));
    expect(reply).toEqual(malformed);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });
});

describe('entries.get', () => {
  test('returns the known entries in the order asked, and skips unknown ids', async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'entries.get', ids: ['beta-vendor', 'no-such-entry', 'alpha-tool'] }, fromTab(tab));
    expect(reply).toEqual({ ok: true, value: { entries: [entries[1], entries[0]] } });
  });

  test('returns nothing for only unknown ids', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'entries.get', ids: ['ghost'] }, fromTab(tab))).toEqual({ ok: true, value: { entries: [] } });
  });

  test('too many ids at once are refused, naming the limit', async () => {
    const { handle } = setup();
    const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    expect(await handle({ type: 'entries.get', ids }, fromTab(tab))).toEqual({ ok: false, error: 'Watchwords refused this: the list is over its limit of 1,000 items.' });
  });

  test('is not answered to a sender that is neither a tab nor an extension page', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'entries.get', ids: ['alpha-tool'] }, {})).toEqual(malformed);
  });
});

describe('notes from several tabs at once', () => {
  test('concurrent saves from several tabs all land', async () => {
    const db = new NotesDatabase(`concurrent-${crypto.randomUUID()}`);
    const concurrent = handlerFor(db, []);
    const draft = { quote: { exact: 'a quoted line', prefix: '', suffix: '' }, position: { start: 0, end: 13 }, body: 'n', tags: [] };
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => concurrent({ type: 'notes.add', draft: { ...draft, body: `note ${i}` } }, fromTab({ url: `https://news.example/${i % 4}` }))),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    expect(await db.notes.count()).toBe(40);
    expect(new Set((await db.notes.toArray()).map((note) => note.body)).size).toBe(40);
    expect(new Set((await db.notes.toArray()).map((note) => note.deviceId)).size).toBe(1);
  });

  test("a canonical address on the page's own site keys the note; the tab address is kept as an alternate", async () => {
    const db = new NotesDatabase(`canonical-${crypto.randomUUID()}`);
    const handler = handlerFor(db, []);
    const draft = { quote: { exact: 'a quoted line', prefix: '', suffix: '' }, position: { start: 0, end: 13 }, body: 'n', tags: [] };
    const reply = await handler({ type: 'notes.add', draft, canonicalUrl: 'https://news.example/2026/story' }, fromTab({ url: 'https://news.example/story?id=7&fbclid=1' }));
    expect(noteOf(reply).target).toMatchObject({ url: 'https://news.example/2026/story', alternateUrls: ['https://news.example/story?id=7'] });
  });
});

describe('pages.findTab', () => {
  test('finds the tab whose content script asked for that page\'s notes; only extension pages may ask', async () => {
    const { handle } = setup();
    const page = { url: `${extensionOrigin}notes.html` };
    expect(await handle({ type: 'pages.findTab', urls: ['https://news.example/story?id=7'] }, page)).toEqual({ ok: true, value: {} });
    await handle({ type: 'notes.forPage', canonicalUrl: 'https://news.example/2026/story' }, fromTab(tab));
    for (const url of ['https://news.example/story?id=7&utm_source=x', 'https://news.example/2026/story#top']) {
      expect(await handle({ type: 'pages.findTab', urls: [url] }, page)).toEqual({ ok: true, value: { tab: { id: 7, windowId: 1 } } });
    }
    expect(await handle({ type: 'pages.findTab', urls: ['https://news.example/story?id=7'] }, fromTab(tab))).toEqual(malformed);
  });
});
