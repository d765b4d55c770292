import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { entrySchema, type Entry } from '../core/dataset/schema';
import { noteSchema, type Note } from '../core/notes/note';
import { NotesDatabase } from './notes-db';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Reply } from '../core/protocol/route';
import { createDraftStore } from './drafts';
import { badgeText, createRequestHandler } from './request-handler';
import { createRuntimeDataset } from './runtime-dataset';
import type { StorageArea } from './settings';
import { createSettingsOwner } from './settings-owner';
import { WatchlistDatabase } from './watchlist-db';

const entries: Entry[] = ['alpha-tool', 'beta-vendor'].map((id) =>
  entrySchema.parse({
    id,
    kind: 'vendor',
    name: id,
    summary: 'A made-up entry for tests.',
    facts: { headquarters: 'Nowhere', products: ['Gizmo'], concern: 'Made up for tests.' },
    sources: [{ url: 'https://example.org/', title: 'Example', type: 'self', supports: ['summary'] }],
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
  const now = () => new Date('2025-06-01T12:00:00.000Z');
  return createRequestHandler({
    db,
    entries: known,
    settings: createSettingsOwner(),
    drafts: createDraftStore(fakeBrowser.storage.local as unknown as StorageArea, now),
    framePage: (tabId) => framePages.get(tabId),
    extensionOrigin,
    now,
  });
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
const tab = { url: 'https://news.example/story?utm_source=feed&id=7#comments', title: 'The story' };

/**
 * A content script's sender as the browser describes it without the "tabs" permission: the page's address is
 * `url` (the frame that sent it); the tab has an id and a window but no address or title.
 */
const fromTab = ({ url, id = 7, incognito }: { url?: string; title?: string; id?: number; incognito?: boolean }) => ({
  ...(url !== undefined && { url }),
  tab: { id, windowId: 1, ...(incognito !== undefined && { incognito }) },
});

/**
 * The overlay frame: an extension page in the reader's tab, where notes are written (core/protocol/frame.ts). Chrome
 * gives it a per-session address, not the extension's origin; its tab's page is what the content script that placed
 * it says (the background's frame relay), here `framePages`.
 */
const framePages = new Map<number, string>();
let nextFrameTab = 100;
const inFrame = ({ url }: { url?: string; title?: string }) => {
  const id = nextFrameTab++;
  if (url !== undefined) framePages.set(id, url);
  return { url: 'chrome-extension://session-0123/overlay.html', tab: { id, windowId: 1 } };
};
const frame = inFrame(tab);

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
    expect(await handle(message, frame)).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('notes.add', () => {
  test('stores a note for the sender tab, with a normalised URL', async () => {
    const { db, handle } = setup();
    // The title comes with the note (the browser tells the background no tab's title without the "tabs" permission).
    const note = noteOf(await handle({ type: 'notes.add', draft, title: 'The story' }, frame));
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
    expect(await handle({ type: 'notes.add', draft, url: 'https://evil.example/' }, frame)).toEqual(malformed);
    expect(await handle({ type: 'notes.add', draft: { ...draft, url: 'https://evil.example/' } }, frame)).toEqual(malformed);
    expect(await handle({ type: 'notes.add', draft: { ...draft, page: { url: 'https://evil.example/', title: '' } } }, frame)).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });

  test('the page always comes from sender.tab', async () => {
    const { handle } = setup();
    const first = noteOf(await handle({ type: 'notes.add', draft }, inFrame({ url: 'https://one.example/a#x', title: 'One' })));
    const second = noteOf(await handle({ type: 'notes.add', draft }, inFrame({ url: 'https://two.example/b?fbclid=1', title: 'Two' })));
    expect([first.target, second.target].map((target) => (target.kind === 'page' ? target.url : ''))).toEqual(['https://one.example/a', 'https://two.example/b']);
  });

  test('a tab without a title gives an empty title', async () => {
    const { handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft }, inFrame({ url: 'https://news.example/' })));
    expect(note.target.kind === 'page' && note.target.title).toBe('');
  });

  test.each([
    ['a tab without a url', inFrame({})],
    ['a browser page', inFrame({ url: 'chrome://newtab/' })],
    ['a local file', inFrame({ url: 'file:///home/me/a.html' })],
    ['no tab (the popup)', { url: `${extensionOrigin}popup.html` }],
  ])('refuses %s and stores nothing', async (_, sender) => {
    const { db, handle } = setup();
    expect(await handle({ type: 'notes.add', draft }, sender)).toEqual({ ok: false, error: 'Notes can only be added on web pages.' });
    expect(await db.notes.count()).toBe(0);
  });

  test('the device id is stable across notes and handlers', async () => {
    const { db, handle } = setup();
    const first = noteOf(await handle({ type: 'notes.add', draft }, frame));
    const second = noteOf(await handle({ type: 'notes.add', draft }, frame));
    const again = handlerFor(db, entries);
    const third = noteOf(await again({ type: 'notes.add', draft }, frame));
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
    vi.spyOn(db.noteStates, 'bulkPut').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(await handle({ type: 'notes.add', draft }, frame)).toEqual({ ok: false, error: quotaMessage });
    expect(await db.notes.count()).toBe(0);
  });

  test('a QuotaExceededError raised inside the Dexie transaction gives the same message', async () => {
    const { db, handle } = setup();
    vi.spyOn(db.notes, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await handle({ type: 'notes.add', draft }, frame)).toEqual({ ok: false, error: quotaMessage });
    vi.restoreAllMocks();
    expect(await db.notes.count()).toBe(0);
  });

  test('other storage failures are reported, not thrown', async () => {
    const { db, handle } = setup();
    vi.spyOn(db.noteStates, 'bulkPut').mockRejectedValue(new Error('disk on fire'));
    expect(await handle({ type: 'notes.add', draft }, frame)).toEqual({ ok: false, error: 'Watchwords could not save: disk on fire' });
  });
});

describe('what a page cannot make the background do', () => {
  test('a canonical link counts only on the same origin (another port of the host once read a site\'s notes)', async () => {
    const { handle } = setup();
    const here = noteOf(await handle({ type: 'notes.add', draft, canonicalUrl: 'https://news.example/2026/story' }, frame));
    expect(here.target.kind === 'page' && here.target.url).toBe('https://news.example/2026/story');
    const elsewhere = noteOf(await handle({ type: 'notes.add', draft, canonicalUrl: 'https://news.example:8443/story' }, frame));
    expect(elsewhere.target.kind === 'page' && elsewhere.target.url).toBe('https://news.example/story?id=7');
  });

  test('a note begun before a single-page-app navigation is filed where it was written, on the same origin only', async () => {
    const { handle } = setup();
    const moved = { url: 'https://news.example/next-story', title: 'Next' };
    const note = noteOf(await handle({ type: 'notes.add', draft, writtenAt: 'https://news.example/first-story#x', title: 'First' }, inFrame(moved)));
    expect(note.target.kind === 'page' && [note.target.url, note.target.title]).toEqual(['https://news.example/first-story', 'First']);
    const elsewhere = noteOf(await handle({ type: 'notes.add', draft, writtenAt: 'https://other.example/story' }, inFrame(moved)));
    expect(elsewhere.target.kind === 'page' && elsewhere.target.url).toBe('https://news.example/next-story');
  });

  test('over-long titles and canonical links are cut or ignored, never refused', async () => {
    const { handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft, title: 'T'.repeat(5000), canonicalUrl: `https://news.example/${'c'.repeat(20000)}` }, frame));
    expect(note.target.kind === 'page' && note.target.title.length).toBe(1000);
  });

  test('a note over its limit is refused in words that name the limit', async () => {
    const { db, handle } = setup();
    const reply = await handle({ type: 'notes.add', draft: { ...draft, body: 'x'.repeat(20001) } }, frame);
    expect(reply).toEqual({ ok: false, error: 'Watchwords refused this: the note is over its limit of 20,000 characters.' });
    const quote = await handle({ type: 'notes.add', draft: { ...draft, quote: { ...draft.quote, exact: 'q'.repeat(5001) } } }, frame);
    expect(quote).toEqual({ ok: false, error: 'Watchwords refused this: the quoted text is over its limit of 5,000 characters.' });
    expect(await db.notes.count()).toBe(0);
  });

  test('extension pages speak their own protocol; content scripts cannot use it, nor pages theirs', async () => {
    const { db, handle } = setup();
    const page = { url: `${extensionOrigin}options.html` };
    expect(await handle({ type: 'settings.get' }, page)).toMatchObject({ ok: true });
    expect(await handle({ type: 'notes.forPage' }, page)).toEqual(malformed);
    expect(await handle({ type: 'drafts.forPage' }, page)).toEqual(malformed);
    // A content script (which speaks for the page) cannot write notes, nor read what notes say.
    expect(await handle({ type: 'notes.add', draft }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'notes.addForEntity', draft: { entityId: 'alpha-tool', body: 'x' } }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'notes.forEntity', entityId: 'alpha-tool' }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'notes.get', ids: [crypto.randomUUID()] }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'drafts.get', target: { kind: 'entity', entityId: 'alpha-tool', name: 'a' } }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'entries.get', ids: ['alpha-tool'] }, fromTab(tab))).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });

  test("the content script learns where the page's notes are, never what they say", async () => {
    const { handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft }, frame));
    const reply = await handle({ type: 'notes.forPage' }, fromTab(tab));
    expect(reply).toEqual({ ok: true, value: { anchors: [{ id: note.id, quote: draft.quote, position: draft.position }] } });
    expect(JSON.stringify(reply)).not.toContain(draft.body);
    expect(JSON.stringify(reply)).not.toContain('dhs');
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
    const reply = await handle({ type: 'entries.get', ids: ['beta-vendor', 'no-such-entry', 'alpha-tool'] }, frame);
    expect(reply).toEqual({ ok: true, value: { entries: [entries[1], entries[0]] } });
  });

  test('returns nothing for only unknown ids', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'entries.get', ids: ['ghost'] }, frame)).toEqual({ ok: true, value: { entries: [] } });
  });

  test('too many ids at once are refused, naming the limit', async () => {
    const { handle } = setup();
    const ids = Array.from({ length: 1001 }, (_, i) => `id-${i}`);
    expect(await handle({ type: 'entries.get', ids }, frame)).toEqual({ ok: false, error: 'Watchwords refused this: the list is over its limit of 1,000 items.' });
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
      Array.from({ length: 40 }, (_, i) => concurrent({ type: 'notes.add', draft: { ...draft, body: `note ${i}` } }, inFrame({ url: `https://news.example/${i % 4}` }))),
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
    const reply = await handler({ type: 'notes.add', draft, canonicalUrl: 'https://news.example/2026/story' }, inFrame({ url: 'https://news.example/story?id=7&fbclid=1', title: 't' }));
    expect(noteOf(reply).target).toMatchObject({ url: 'https://news.example/2026/story', alternateUrls: ['https://news.example/story?id=7'] });
  });
});

describe('notes change only through the background, and only at an extension page\'s request', () => {
  const page = { url: `${extensionOrigin}notes.html` };

  test('the manager edits, tags, deletes, restores and exports through messages; a content script cannot', async () => {
    const { db, handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft }, frame));
    expect(await handle({ type: 'notes.edit', id: note.id, body: 'Changed', tags: ['a'] }, page)).toMatchObject({ ok: true, value: { note: { body: 'Changed', tags: ['a'] } } });
    expect(await handle({ type: 'notes.tag', ids: [note.id], tag: 'b' }, page)).toEqual({ ok: true, value: { count: 1 } });
    expect(await handle({ type: 'notes.delete', ids: [note.id] }, page)).toEqual({ ok: true, value: { count: 1 } });
    expect(await handle({ type: 'notes.restore', ids: [note.id] }, page)).toEqual({ ok: true, value: { count: 1 } });
    const exported = await handle({ type: 'notes.export', format: 'csv' }, page);
    expect(exported).toMatchObject({ ok: true, value: { encoding: 'text', mime: 'text/csv' } });
    // The same requests from a web page's content script are refused.
    for (const message of [{ type: 'notes.delete', ids: [note.id] }, { type: 'notes.export', format: 'watchwords-json' }, { type: 'sync.status' }]) {
      expect(await handle(message, fromTab(tab))).toEqual(malformed);
    }
    expect((await db.notes.get(note.id))?.deletedAt).toBeNull();
  });

  test('an import is planned, then applied after a backup; an unreadable file gets one sentence', async () => {
    const { db, handle } = setup();
    const file = JSON.stringify({ format: 'watchwords-notes', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', notes: [] });
    expect(await handle({ type: 'notes.import.plan', text: file }, page)).toMatchObject({ ok: true, value: { summary: 'The file holds no notes.' } });
    expect(await handle({ type: 'notes.import.apply', text: file }, page)).toMatchObject({ ok: true, value: { backupId: 1 } });
    expect(await handle({ type: 'notes.backups' }, page)).toMatchObject({ ok: true, value: { backups: [{ id: 1, reason: 'import' }] } });
    expect(await handle({ type: 'notes.import.plan', text: '{"format":' }, page)).toEqual({ ok: false, error: 'This file is not valid JSON (it may be cut short or not a Watchwords export).' });
    expect(await db.notes.count()).toBe(0);
  });
});

describe('the toolbar badge', () => {
  test('shows the count of the sending tab, cut to fit, and nothing when switched off or zero', async () => {
    const db = freshDb();
    const badges: [number, string][] = [];
    const owner = createSettingsOwner();
    const handle = createRequestHandler({ db, entries, settings: owner, extensionOrigin, setBadge: async (tabId, text) => void badges.push([tabId, text]) });
    const tab7 = { id: 7, url: 'https://news.example/a' };
    expect(await handle({ type: 'page.mentions', total: 12 }, fromTab(tab7))).toEqual({ ok: true, value: { shown: true } });
    expect(await handle({ type: 'page.mentions', total: 0 }, fromTab(tab7))).toEqual({ ok: true, value: { shown: false } });
    await owner.apply({ op: 'set', showBadge: false });
    expect(await handle({ type: 'page.mentions', total: 5 }, fromTab(tab7))).toEqual({ ok: true, value: { shown: false } });
    expect(badges).toEqual([[7, '12'], [7, ''], [7, '']]);
  });

  test('badgeText', () => {
    expect([0, 9, 999, 1000, 12_345, 500_000].map(badgeText)).toEqual(['0', '9', '999', '1k+', '12k+', '99k+']);
  });
});

describe('the watchlist routes', () => {
  function withWatchlist() {
    const db = freshDb();
    const watchlistDb = new WatchlistDatabase(`watchlist-test-${process.pid}-${Math.random().toString(36).slice(2)}`);
    open.push(watchlistDb as unknown as NotesDatabase);
    const dataset = createRuntimeDataset({ db: watchlistDb, bundled: entries, area: fakeBrowser.storage.local as unknown as StorageArea });
    const opened: { form: string; params: Record<string, string> }[] = [];
    const counted: { tabId: number; names: string[] }[] = [];
    const handle = createRequestHandler({
      db,
      entries,
      settings: createSettingsOwner(),
      extensionOrigin,
      watchlist: {
        dataset,
        openForm: async (form, params) => void opened.push({ form, params }),
        countMentions: async (tabId, terms) => (counted.push({ tabId, names: terms.map((t) => t.name) }), 3),
        fetchPack: async () => '{"format":"watchwords-pack","version":1,"__proto__":{}}',
        tabOf: async (id) => (id === 7 ? { ...tab, id: 7, windowId: 1 } : undefined),
      },
    });
    return { handle, opened, counted };
  }
  const page = { url: `${extensionOrigin}watchlist.html` };
  const form = { kind: 'tool', name: 'Harbor Sentinel Grid', aliases: [], summary: 'A made-up camera network.', sources: [] };

  test('preview: problems in words, shared terms, and the mentions the given tab counts', async () => {
    const { handle, counted } = withWatchlist();
    expect(await handle({ type: 'watchlist.preview', entry: { ...form, name: 'Sentinel' }, tabId: 4 }, page)).toMatchObject({
      ok: true,
      value: { problems: [expect.stringMatching(/single word/)], mentions: null },
    });
    expect(await handle({ type: 'watchlist.preview', entry: form, tabId: 4 }, page)).toEqual({ ok: true, value: { problems: [], collisions: [], mentions: 3 } });
    expect(counted).toEqual([{ tabId: 4, names: ['Harbor Sentinel Grid'] }]);
  });

  test('a saved entry is carded for content scripts under its namespace, and takes entity notes', async () => {
    const { handle } = withWatchlist();
    const saved = await handle({ type: 'watchlist.save', entry: form }, page);
    expect(saved).toEqual({ ok: true, value: { id: 'reader:harbor-sentinel-grid', revision: 1 } });
    const cards = await handle({ type: 'entries.get', ids: ['reader:harbor-sentinel-grid', 'alpha-tool'] }, frame);
    expect(cards.ok && (cards.value as { entries: { id: string; origin?: unknown }[] }).entries.map((e) => [e.id, e.origin])).toEqual([
      ['reader:harbor-sentinel-grid', { by: 'reader', added: expect.any(String) }],
      ['alpha-tool', undefined],
    ]);
    expect(await handle({ type: 'dataset.terms' }, fromTab(tab))).toMatchObject({ ok: true, value: { revision: 1, terms: [{ id: 'reader:harbor-sentinel-grid' }] } });
    const note = await handle({ type: 'notes.addForEntity', draft: { entityId: 'reader:harbor-sentinel-grid', body: 'Ask the council.', tags: [] } }, frame);
    expect(note.ok).toBe(true);
    // A content script cannot save or delete entries: that protocol is the extension pages'.
    expect(await handle({ type: 'watchlist.save', entry: form }, fromTab(tab))).toEqual(malformed);
  });

  test('forms open for the sending tab and its page, never for a tab or page named in the message', async () => {
    const { handle, opened } = withWatchlist();
    await handle({ type: 'watch.open', text: '  Harbor\n Sentinel   Grid ' }, fromTab({ ...tab, id: 7 }));
    await handle({ type: 'report.open', entityId: 'alpha-tool', entityName: 'alpha-tool', text: 'alpha' }, fromTab({ ...tab, id: 7 }));
    expect(await handle({ type: 'watch.open', text: 'x', tab: '9' }, fromTab({ ...tab, id: 7 }))).toEqual(malformed);
    expect(await handle({ type: 'report.open', page: 'https://elsewhere.example/' }, fromTab({ ...tab, id: 7 }))).toEqual(malformed);
    expect(opened).toEqual([
      { form: 'watch', params: { text: 'Harbor Sentinel Grid', tab: '7' } },
      { form: 'report', params: { entityId: 'alpha-tool', entityName: 'alpha-tool', text: 'alpha', page: 'https://news.example/story?id=7', tab: '7' } },
    ]);
  });

  test('an extension page (the popup, a frame) may open a form for a tab it names; its page comes from that tab', async () => {
    const { handle, opened } = withWatchlist();
    await handle({ type: 'report.open', kind: 'wrong-match', entityId: 'alpha-tool', entityName: 'alpha-tool', text: 'alpha', tabId: 7 }, page);
    await handle({ type: 'watch.open', text: 'Harbor Grid' }, page);
    expect(await handle({ type: 'watch.open', text: 'x', tabId: 8 }, page)).toEqual({ ok: false, error: 'That tab is no longer open.' });
    expect(opened).toEqual([
      { form: 'report', params: { kind: 'wrong-match', entityId: 'alpha-tool', entityName: 'alpha-tool', text: 'alpha', page: 'https://news.example/story?id=7', tab: '7' } },
      { form: 'watch', params: { text: 'Harbor Grid' } },
    ]);
  });

  test('sightings come from the sending tab, and none from a private window', async () => {
    const { handle } = withWatchlist();
    await handle({ type: 'watchlist.save', entry: form }, page);
    const counts = { 'reader:harbor-sentinel-grid': 2 };
    expect(await handle({ type: 'watchlist.seen', counts }, fromTab({ ...tab, incognito: true }))).toEqual({ ok: true, value: { recorded: 0 } });
    expect(await handle({ type: 'watchlist.seen', counts, title: 'The story' }, fromTab(tab))).toEqual({ ok: true, value: { recorded: 1 } });
    const view = await handle({ type: 'watchlist.get' }, page);
    expect(view.ok && (view.value as { view: { entries: { seen: unknown[] }[] } }).view.entries[0]!.seen).toEqual([
      expect.objectContaining({ page: 'https://news.example/story?id=7', title: 'The story', count: 2 }),
    ]);
  });

  test('a pack address must be https; what it answers is checked like a file', async () => {
    const { handle } = withWatchlist();
    expect(await handle({ type: 'packs.preview', url: 'http://packs.example/city.json' }, page)).toEqual({ ok: true, value: { error: 'Packs are read only from https:// addresses.' } });
    expect(await handle({ type: 'packs.preview', url: 'https://packs.example/city.json' }, page)).toEqual({
      ok: true,
      value: { error: 'Watchwords refused this pack: it contains the key "__proto__", which no pack has.' },
    });
  });
});
describe('drafts', () => {
  const target = { kind: 'page' as const, quote: draft.quote, position: draft.position, page: { writtenAt: tab.url, title: 'The story' } };
  const entityTarget = { kind: 'entity' as const, entityId: 'alpha-tool', name: 'alpha-tool' };

  test('saved as typed from the frame, read back there; the content script learns only what and when', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'drafts.save', target, body: 'Half a thought', tagText: 'dhs, ' }, frame)).toEqual({ ok: true, value: { savedAt: '2025-06-01T12:00:00.000Z' } });
    expect(await handle({ type: 'drafts.get', target }, frame)).toEqual({ ok: true, value: { draft: { body: 'Half a thought', tagText: 'dhs, ', savedAt: '2025-06-01T12:00:00.000Z' } } });
    const offered = await handle({ type: 'drafts.forPage' }, fromTab(tab));
    expect(offered).toEqual({ ok: true, value: { drafts: [{ target, savedAt: '2025-06-01T12:00:00.000Z' }] } });
    expect(JSON.stringify(offered)).not.toContain('Half a thought');
    // Another page has none.
    expect(await handle({ type: 'drafts.forPage' }, fromTab({ url: 'https://news.example/other' }))).toEqual({ ok: true, value: { drafts: [] } });
  });

  test('saving the note, discarding, or emptying the text removes the draft', async () => {
    const { handle } = setup();
    await handle({ type: 'drafts.save', target, body: 'Kept', tagText: '' }, frame);
    noteOf(await handle({ type: 'notes.add', draft: { ...draft, body: 'Kept' }, writtenAt: tab.url, title: 'The story' }, frame));
    expect(await handle({ type: 'drafts.get', target }, frame)).toEqual({ ok: true, value: {} });

    await handle({ type: 'drafts.save', target: entityTarget, body: 'On alpha', tagText: '' }, frame);
    noteOf(await handle({ type: 'notes.addForEntity', draft: { entityId: 'alpha-tool', body: 'On alpha' } }, frame));
    expect(await handle({ type: 'drafts.get', target: entityTarget }, frame)).toEqual({ ok: true, value: {} });

    await handle({ type: 'drafts.save', target, body: 'Again', tagText: '' }, frame);
    expect(await handle({ type: 'drafts.discard', target }, frame)).toEqual({ ok: true, value: { discarded: true } });
    expect(await handle({ type: 'drafts.get', target }, frame)).toEqual({ ok: true, value: {} });

    await handle({ type: 'drafts.save', target, body: 'Soon gone', tagText: '' }, frame);
    expect(await handle({ type: 'drafts.save', target, body: '  ', tagText: '' }, frame)).toEqual({ ok: true, value: {} });
    expect(await handle({ type: 'drafts.forPage' }, fromTab(tab))).toEqual({ ok: true, value: { drafts: [] } });
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((key) => key.startsWith('draft:'))).toEqual([]);
  });

  test('a paste far over the note limit is still kept as a draft (to be cut down), within its own limit', async () => {
    const { handle } = setup();
    const pasted = 'x'.repeat(1_000_000);
    expect(await handle({ type: 'drafts.save', target, body: pasted, tagText: '' }, frame)).toMatchObject({ ok: true });
    const reply = await handle({ type: 'drafts.get', target }, frame);
    expect(reply.ok && (reply.value as { draft: { body: string } }).draft.body.length).toBe(1_000_000);
    expect(await handle({ type: 'drafts.save', target, body: 'x'.repeat(2_000_001), tagText: '' }, frame)).toMatchObject({ ok: false });
  });

  test('only the frame of a web page keeps drafts', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'drafts.save', target, body: 'x', tagText: '' }, fromTab(tab))).toEqual(malformed);
    expect(await handle({ type: 'drafts.save', target, body: 'x', tagText: '' }, { url: `${extensionOrigin}popup.html` })).toEqual({ ok: false, error: 'Notes can only be added on web pages.' });
  });
});

describe('notes.get', () => {
  test('gives live notes by id to extension pages, not deleted ones', async () => {
    const { db, handle } = setup();
    const kept = noteOf(await handle({ type: 'notes.add', draft }, frame));
    const gone = noteOf(await handle({ type: 'notes.add', draft: { ...draft, body: 'gone' } }, frame));
    await handle({ type: 'notes.delete', ids: [gone.id] }, { url: `${extensionOrigin}notes.html` });
    expect(await handle({ type: 'notes.get', ids: [kept.id, gone.id] }, frame)).toEqual({ ok: true, value: { notes: [kept] } });
    expect(await handle({ type: 'notes.get', ids: [kept.id] }, fromTab(tab))).toEqual(malformed);
  });
});
