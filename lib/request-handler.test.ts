import 'fake-indexeddb/auto';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { entrySchema, type Entry } from '../core/dataset/schema';
import { noteSchema, type Note } from '../core/notes/note';
import { NotesDatabase } from './notes-db';
import { createRequestHandler, type Reply } from './request-handler';

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
  for (const db of open.splice(0)) await db.delete();
});

function setup() {
  const db = freshDb();
  const handle = createRequestHandler({ db, entries, now: () => new Date('2025-06-01T12:00:00.000Z') });
  return { db, handle };
}

const draft = {
  quote: { exact: 'Mobile Fortify', prefix: 'Agents used ', suffix: ' on him' },
  position: { start: 12, end: 26 },
  body: 'Look this up.',
  tags: ['dhs'],
};
const tab = { url: 'https://news.example/story?utm_source=feed&id=7#comments', title: 'The story' };

function noteOf(reply: Reply): Note {
  expect(reply.ok).toBe(true);
  if (!reply.ok || !('note' in reply.value)) throw new Error(`expected a note, got ${JSON.stringify(reply)}`);
  return reply.value.note;
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
    ['too many ids', { type: 'entries.get', ids: Array.from({ length: 1001 }, (_, i) => `id-${i}`) }],
    ['a note without a draft', { type: 'notes.add' }],
    ['a draft with the wrong types', { type: 'notes.add', draft: { ...draft, position: { start: '12', end: '26' } } }],
    ['a draft with end before start', { type: 'notes.add', draft: { ...draft, position: { start: 26, end: 12 } } }],
    ['a draft with an empty quote', { type: 'notes.add', draft: { ...draft, quote: { ...draft.quote, exact: '' } } }],
  ])('rejects %s', async (_, message) => {
    const { db, handle } = setup();
    expect(await handle(message, { tab })).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });
});

describe('notes.add', () => {
  test('stores a note for the sender tab, with a normalised URL', async () => {
    const { db, handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft }, { tab }));
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
    expect(await handle({ type: 'notes.add', draft, url: 'https://evil.example/' }, { tab })).toEqual(malformed);
    expect(await handle({ type: 'notes.add', draft: { ...draft, url: 'https://evil.example/' } }, { tab })).toEqual(malformed);
    expect(await handle({ type: 'notes.add', draft: { ...draft, page: { url: 'https://evil.example/', title: '' } } }, { tab })).toEqual(malformed);
    expect(await db.notes.count()).toBe(0);
  });

  test('the page always comes from sender.tab', async () => {
    const { handle } = setup();
    const first = noteOf(await handle({ type: 'notes.add', draft }, { tab: { url: 'https://one.example/a#x', title: 'One' } }));
    const second = noteOf(await handle({ type: 'notes.add', draft }, { tab: { url: 'https://two.example/b?fbclid=1', title: 'Two' } }));
    expect([first.target, second.target].map((target) => (target.kind === 'page' ? target.url : ''))).toEqual(['https://one.example/a', 'https://two.example/b']);
  });

  test('a tab without a title gives an empty title', async () => {
    const { handle } = setup();
    const note = noteOf(await handle({ type: 'notes.add', draft }, { tab: { url: 'https://news.example/' } }));
    expect(note.target.kind === 'page' && note.target.title).toBe('');
  });

  test.each([
    ['no tab', {}],
    ['a tab without a url', { tab: { title: 'x' } }],
    ['a browser page', { tab: { url: 'chrome://newtab/', title: 'New tab' } }],
    ['a local file', { tab: { url: 'file:///home/me/a.html', title: 'a' } }],
  ])('refuses %s and stores nothing', async (_, sender) => {
    const { db, handle } = setup();
    expect(await handle({ type: 'notes.add', draft }, sender)).toEqual({ ok: false, error: 'Notes can only be added on web pages.' });
    expect(await db.notes.count()).toBe(0);
  });

  test('the device id is stable across notes and handlers', async () => {
    const { db, handle } = setup();
    const first = noteOf(await handle({ type: 'notes.add', draft }, { tab }));
    const second = noteOf(await handle({ type: 'notes.add', draft }, { tab }));
    const again = createRequestHandler({ db, entries });
    const third = noteOf(await again({ type: 'notes.add', draft }, { tab }));
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
    expect(await handle({ type: 'notes.add', draft }, { tab })).toEqual({ ok: false, error: quotaMessage });
    expect(await db.notes.count()).toBe(0);
  });

  test('a QuotaExceededError raised inside the Dexie transaction gives the same message', async () => {
    const { db, handle } = setup();
    vi.spyOn(db.notes, 'add').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    expect(await handle({ type: 'notes.add', draft }, { tab })).toEqual({ ok: false, error: quotaMessage });
    vi.restoreAllMocks();
    expect(await db.notes.count()).toBe(0);
  });

  test('other storage failures are reported, not thrown', async () => {
    const { db, handle } = setup();
    vi.spyOn(db, 'addNote').mockRejectedValue(new Error('disk on fire'));
    expect(await handle({ type: 'notes.add', draft }, { tab })).toEqual({ ok: false, error: 'Watchwords could not save: disk on fire' });
  });
});

describe('entries.get', () => {
  test('returns the known entries in the order asked, and skips unknown ids', async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'entries.get', ids: ['beta-vendor', 'no-such-entry', 'alpha-tool'] }, {});
    expect(reply).toEqual({ ok: true, value: { entries: [entries[1], entries[0]] } });
  });

  test('returns nothing for only unknown ids', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'entries.get', ids: ['ghost'] }, { tab })).toEqual({ ok: true, value: { entries: [] } });
  });

  test('needs no tab', async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'entries.get', ids: ['alpha-tool'] }, {});
    expect(reply.ok && 'entries' in reply.value && reply.value.entries.map((entry) => entry.id)).toEqual(['alpha-tool']);
  });
});

describe('notes from several tabs at once', () => {
  test('concurrent saves from several tabs all land', async () => {
    const db = new NotesDatabase(`concurrent-${crypto.randomUUID()}`);
    const concurrent = createRequestHandler({ db, entries: [] });
    const draft = { quote: { exact: 'a quoted line', prefix: '', suffix: '' }, position: { start: 0, end: 13 }, body: 'n', tags: [] };
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => concurrent({ type: 'notes.add', draft: { ...draft, body: `note ${i}` } }, { tab: { url: `https://news.example/${i % 4}`, title: 't' } })),
    );
    expect(replies.every((reply) => reply.ok)).toBe(true);
    expect(await db.notes.count()).toBe(40);
    expect(new Set((await db.notes.toArray()).map((note) => note.body)).size).toBe(40);
    expect(new Set((await db.notes.toArray()).map((note) => note.deviceId)).size).toBe(1);
  });

  test("a canonical address on the page's own site keys the note; the tab address is kept as an alternate", async () => {
    const db = new NotesDatabase(`canonical-${crypto.randomUUID()}`);
    const handler = createRequestHandler({ db, entries: [] });
    const draft = { canonicalUrl: 'https://news.example/2026/story', quote: { exact: 'a quoted line', prefix: '', suffix: '' }, position: { start: 0, end: 13 }, body: 'n', tags: [] };
    const reply = await handler({ type: 'notes.add', draft }, { tab: { url: 'https://news.example/story?id=7&fbclid=1', title: 't' } });
    expect(reply.ok && 'note' in reply.value && reply.value.note.target).toMatchObject({ url: 'https://news.example/2026/story', alternateUrls: ['https://news.example/story?id=7'] });
  });
});
