import 'fake-indexeddb/auto';
import { RangeSet } from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { noteSchema, type Note } from '../core/notes/note';
import { NotesDatabase } from './notes-db';
import { NotesRepository } from './notes-repository';
import { legacyNoteState } from '../core/notes/state';

/** Notes arrive as they would from another device: through the one writer. */
const seed = (db: NotesDatabase, notes: Note[]) => new NotesRepository(db).applyRemote(notes.map(legacyNoteState));
import { changedKeys, createNotesStore, readAllNotes, watchNotes, type NotesSnapshot } from './notes-query-live';
import { readRecentNotes } from './recent-notes';

let counter = 0;
function note(overrides: Partial<Note> = {}): Note {
  const n = ++counter;
  const time = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  return noteSchema.parse({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt: time,
    updatedAt: time,
    deletedAt: null,
    deviceId: 'device-1',
    target: { kind: 'entity', entityId: 'clearview-ai' },
    body: `Note ${n}`,
    tags: [],
    ...overrides,
  });
}

describe('changedKeys', () => {
  const part = 'idb://watchwords/notes/';
  test('the primary keys a change names, deleted ones included', () => {
    const parts = { [part]: new RangeSet().addKeys(['b', 'a']), [`${part}:dels`]: new RangeSet().addKey('c'), [`${part}updatedAt`]: new RangeSet().addKey('2026') };
    expect(changedKeys(parts, 'watchwords', 'notes')).toEqual(expect.arrayContaining(['a', 'b', 'c']));
    expect(changedKeys(parts, 'watchwords', 'notes')).toHaveLength(3);
  });

  test('works on plain trees, as they come from other pages through a BroadcastChannel', () => {
    const parts = structuredClone({ [part]: new RangeSet().addKeys(['x', 'y', 'z', 'w']) });
    expect(changedKeys(parts, 'watchwords', 'notes')).toEqual(expect.arrayContaining(['w', 'x', 'y', 'z']));
  });

  test('undefined for changes to other tables or databases, or empty ones', () => {
    expect(changedKeys({ 'idb://watchwords/anchoring/': new RangeSet().addKey('a') }, 'watchwords', 'notes')).toBeUndefined();
    expect(changedKeys({ 'idb://other/notes/': new RangeSet().addKey('a') }, 'watchwords', 'notes')).toBeUndefined();
    expect(changedKeys({ [part]: new RangeSet() }, 'watchwords', 'notes')).toBeUndefined();
    expect(changedKeys({}, 'watchwords', 'notes')).toBeUndefined();
  });

  test("'all' for ranges, and for everything", () => {
    expect(changedKeys({ [part]: new RangeSet('a', 'c') }, 'watchwords', 'notes')).toBe('all');
    expect(changedKeys({ [part]: new RangeSet().addKey('a').add({ from: 'm', to: 'p' }) }, 'watchwords', 'notes')).toBe('all');
    expect(changedKeys({ all: new RangeSet(-Infinity, [[]]) }, 'watchwords', 'notes')).toBe('all');
    expect(changedKeys({ [`${part}updatedAt`]: new RangeSet().addKey('x') }, 'watchwords', 'notes')).toBe('all');
  });
});

describe('watchNotes', () => {
  const stops: (() => void)[] = [];
  afterEach(() => stops.splice(0).forEach((stop) => stop()));

  /** Snapshots as they come, and a way to wait for the next one satisfying a check. */
  function watch(db: NotesDatabase, preview?: Promise<Note[]>, pageSize?: number) {
    const snapshots: NotesSnapshot[] = [];
    const waiters: { check: (s: NotesSnapshot) => boolean; resolve: (s: NotesSnapshot) => void }[] = [];
    stops.push(
      watchNotes(
        db,
        (snapshot) => {
          snapshots.push(snapshot);
          for (const waiter of [...waiters]) {
            if (waiter.check(snapshot)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(snapshot);
            }
          }
        },
        { preview, pageSize },
      ),
    );
    /** The first snapshot from the `since`-th on that passes `check`. */
    const next = (check: (s: NotesSnapshot) => boolean, since = 0) =>
      new Promise<NotesSnapshot>((resolve, reject) => {
        const found = snapshots.slice(since).find(check);
        if (found) return resolve(found);
        waiters.push({ check, resolve });
        setTimeout(() => reject(new Error('no such snapshot')), 2000);
      });
    return { snapshots, next, since: () => snapshots.length };
  }
  const body = (snapshot: NotesSnapshot, id: string) => snapshot.notes.find((n) => n.id === id)?.body;

  test('first the preview (the most recently edited live notes), then all of them', async () => {
    const name = `live-${crypto.randomUUID()}`;
    const db = new NotesDatabase(name);
    const notes = Array.from({ length: 6 }, () => note());
    const deleted = note({ deletedAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z' });
    await seed(db, [...notes, deleted]);
    // Read before watching: in a test the full read could otherwise overtake it.
    const recent = await readRecentNotes(3, name);
    const { snapshots, next } = watch(db, Promise.resolve(recent));
    const complete = await next((s) => s.complete);
    expect(snapshots[0]).toEqual({ complete: false, notes: [notes[5], notes[4], notes[3]] });
    expect(complete.notes).toHaveLength(7);
    db.close();
  });

  test("while reading, the notes so far: the preview, then page by page; a page's copy wins over the preview's", async () => {
    const name = `live-${crypto.randomUUID()}`;
    const db = new NotesDatabase(name);
    const notes = Array.from({ length: 5 }, () => note());
    await seed(db, notes);
    const stale = { ...notes[0]!, body: 'Preview copy' };
    const { snapshots, next } = watch(db, Promise.resolve([notes[4]!, stale]), 2);
    await next((s) => s.complete);
    const ids = (s: NotesSnapshot) => s.notes.map((n) => n.id).sort();
    expect(snapshots.map((s) => [s.complete, s.notes.length])).toEqual([
      [false, 2],
      [false, 3],
      [false, 5],
      [true, 5],
    ]);
    expect(ids(snapshots[1]!)).toEqual(ids({ complete: false, notes: [notes[0]!, notes[1]!, notes[4]!] }));
    expect(body(snapshots[1]!, notes[0]!.id)).toBe(notes[0]!.body);
    expect(snapshots[3]!.notes).toEqual(notes);
    db.close();
  });

  test('a preview that comes after the full read, or is empty, or fails, is not shown', async () => {
    const db = new NotesDatabase(`live-${crypto.randomUUID()}`);
    await seed(db, [note(), note()]);
    let late!: (notes: Note[]) => void;
    const preview = new Promise<Note[]>((resolve) => (late = resolve));
    const { snapshots, next } = watch(db, preview);
    await next((s) => s.complete);
    late([note()]);
    await preview;
    const empty = watch(db, Promise.resolve([]));
    const failed = watch(db, Promise.reject(new Error('no database')));
    await Promise.all([empty.next((s) => s.complete), failed.next((s) => s.complete)]);
    for (const watched of [snapshots, empty.snapshots, failed.snapshots]) expect(watched.map((s) => s.complete)).toEqual([true]);
    db.close();
  });

  test('an edit, a tombstone, an undo, a tag and a new note show without reading everything again', async () => {
    const db = new NotesDatabase(`live-${crypto.randomUUID()}`);
    const [a, b, c] = [note(), note(), note()];
    await seed(db, [a!, b!, c!]);
    const { next } = watch(db);
    const first = await next((s) => s.complete);

    await new NotesRepository(db).edit(a!.id, { body: 'Edited', tags: ['x'] });
    const edited = await next((s) => body(s, a!.id) === 'Edited');
    // Notes that did not change are the same objects.
    expect(edited.notes.find((n) => n.id === b!.id)).toBe(first.notes.find((n) => n.id === b!.id));

    await new NotesRepository(db).delete([b!.id, c!.id]);
    await next((s) => s.notes.filter((n) => n.deletedAt !== null).length === 2);
    await new NotesRepository(db).restore([b!.id]);
    await next((s) => s.notes.find((n) => n.id === b!.id)?.deletedAt === null);
    await new NotesRepository(db).tag([b!.id, c!.id], 'follow up');
    // c is still deleted: only b is tagged.
    await next((s) => s.notes.filter((n) => n.tags.includes('follow up')).map((n) => n.id).join() === b!.id);

    const d = note();
    await new NotesRepository(db).applyRemote([legacyNoteState(d)]);
    const added = await next((s) => s.notes.some((n) => n.id === d.id));
    expect(added.notes).toHaveLength(4);
    db.close();
  });

  test('a change by another connection (the background) shows too, and a hard delete removes the note', async () => {
    const name = `live-${crypto.randomUUID()}`;
    const db = new NotesDatabase(name);
    const other = new NotesDatabase(name);
    const a = note();
    await seed(db, [a]);
    const { next, since } = watch(db);
    await next((s) => s.complete && s.notes.length === 1);
    const b = note();
    await new NotesRepository(other).applyRemote([legacyNoteState(b)]);
    await next((s) => s.notes.length === 2);
    const before = since();
    await other.notes.delete(a.id);
    const after = await next((s) => s.notes.length === 1, before);
    expect(after.notes[0]!.id).toBe(b.id);
    db.close();
    other.close();
  });

  test('a bulk change of many notes reads everything again', async () => {
    const db = new NotesDatabase(`live-${crypto.randomUUID()}`);
    const notes = Array.from({ length: 80 }, () => note());
    await seed(db, notes.slice(0, 10));
    const { next } = watch(db);
    await next((s) => s.complete && s.notes.length === 10);
    await seed(db, notes);
    await next((s) => s.notes.length === 80);
    await new NotesRepository(db).tag(notes.map((n) => n.id), 'all');
    await next((s) => s.notes.every((n) => n.tags.includes('all')));
    db.close();
  });

  test('a change made while the notes are first read is not lost', async () => {
    const db = new NotesDatabase(`live-${crypto.randomUUID()}`);
    const a = note();
    await seed(db, [a]);
    const { next } = watch(db);
    await new NotesRepository(db).edit(a.id, { body: 'Early edit', tags: [] });
    await next((s) => s.complete && body(s, a.id) === 'Early edit');
    db.close();
  });

  test('stops calling back once stopped', async () => {
    const db = new NotesDatabase(`live-${crypto.randomUUID()}`);
    const a = note();
    await seed(db, [a]);
    const { snapshots, next } = watch(db);
    await next((s) => s.complete);
    stops.pop()!();
    const count = snapshots.length;
    await new NotesRepository(db).edit(a.id, { body: 'Later', tags: [] });
    await new Promise((done) => setTimeout(done, 100));
    expect(snapshots).toHaveLength(count);
    db.close();
  });
});

describe('createNotesStore', () => {
  test('reads at once, keeps the latest snapshot and tells its subscribers', async () => {
    const db = new NotesDatabase(`store-${crypto.randomUUID()}`);
    const a = note();
    await seed(db, [a]);
    const store = createNotesStore(db);
    expect(store.getSnapshot()).toBeUndefined();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    await new Promise<void>((done) => {
      const poll = () => (store.getSnapshot()?.complete ? done() : setTimeout(poll, 5));
      poll();
    });
    expect(store.getSnapshot()!.notes).toEqual([a]);
    expect(calls).toBe(1);
    unsubscribe();
    await new NotesRepository(db).edit(a.id, { body: 'Changed', tags: [] });
    await new Promise<void>((done) => {
      const poll = () => (store.getSnapshot()?.notes[0]?.body === 'Changed' ? done() : setTimeout(poll, 5));
      poll();
    });
    expect(calls).toBe(1);
    store.stop();
    db.close();
  });
});

describe('readAllNotes', () => {
  test('every note, tombstones included, in pages, whatever the count against the page size', async () => {
    const db = new NotesDatabase(`pages-${crypto.randomUUID()}`);
    const notes = Array.from({ length: 7 }, () => note());
    notes[2] = { ...notes[2]!, deletedAt: notes[2]!.updatedAt };
    await seed(db, notes);
    const byId = (list: Note[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    for (const pageSize of [1, 2, 3, 7, 8, 1000]) expect(await readAllNotes(db, pageSize)).toEqual(byId(notes));
    await db.notes.clear();
    expect(await readAllNotes(db, 3)).toEqual([]);
    db.close();
  });
});
