import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { noteSchema, type Note } from '../core/notes/note';
import { NotesDatabase } from './notes-db';
import { readRecentNotes } from './recent-notes';

function note(minute: number, overrides: Partial<Note> = {}): Note {
  const time = new Date(Date.UTC(2026, 2, 1) + minute * 60_000).toISOString();
  return noteSchema.parse({
    id: `00000000-0000-4000-8000-${String(minute).padStart(12, '0')}`,
    createdAt: time,
    updatedAt: time,
    deletedAt: null,
    deviceId: 'device-1',
    target: { kind: 'entity', entityId: 'clearview-ai' },
    body: `Note ${minute}`,
    tags: [],
    ...overrides,
  });
}

async function databaseWith(notes: Note[]): Promise<string> {
  const name = `recent-${crypto.randomUUID()}`;
  const db = new NotesDatabase(name);
  await db.notes.bulkAdd(notes);
  db.close();
  return name;
}

const databases = async () => (await indexedDB.databases()).map((db) => db.name);

describe.each([
  ['one request for a batch (IndexedDB 3)', false],
  ['a cursor, where the browser has no getAllRecords', true],
])('readRecentNotes: %s', (_, withoutGetAllRecords) => {
  const original = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords');
  beforeEach(() => {
    expect(original?.value).toBeTypeOf('function');
    if (withoutGetAllRecords) delete (IDBIndex.prototype as Partial<Record<'getAllRecords', unknown>>).getAllRecords;
  });
  afterEach(() => {
    if (withoutGetAllRecords) Object.defineProperty(IDBIndex.prototype, 'getAllRecords', original!);
  });
  test('the most recently edited live notes, newest first, tombstones skipped', async () => {
    const notes = [note(1), note(2), note(3, { updatedAt: '2026-04-01T00:00:00.000Z' }), note(4), note(5, { deletedAt: '2026-05-01T00:00:00.000Z', updatedAt: '2026-05-01T00:00:00.000Z' })];
    const name = await databaseWith(notes);
    expect((await readRecentNotes(3, name)).map((n) => n.body)).toEqual(['Note 3', 'Note 4', 'Note 2']);
  });

  test('fewer when there are fewer', async () => {
    const name = await databaseWith([note(1)]);
    expect(await readRecentNotes(40, name)).toEqual([note(1)]);
  });

  test('none, and no database made, when there is none yet', async () => {
    const name = `missing-${crypto.randomUUID()}`;
    expect(await readRecentNotes(40, name)).toEqual([]);
    expect(await databases()).not.toContain(name);
    // Dexie then makes it with its schema.
    const db = new NotesDatabase(name);
    await db.notes.add(note(1));
    expect(await db.notes.count()).toBe(1);
    db.close();
  });

  test('none from a database without the notes store (not ours, or broken)', async () => {
    const name = `other-${crypto.randomUUID()}`;
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore('something-else');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    expect(await readRecentNotes(40, name)).toEqual([]);
  });
});

test('readRecentNotes lets go of the database: Dexie can open it for an upgrade at once', async () => {
  const name = await databaseWith([note(1)]);
  const reading = readRecentNotes(10, name);
  const upgraded = await new Promise<number>((resolve, reject) => {
    const request = indexedDB.open(name, 100);
    request.onblocked = () => reject(new Error('blocked by the preview read'));
    request.onsuccess = () => {
      request.result.close();
      resolve(request.result.version);
    };
  });
  expect(upgraded).toBe(100);
  expect(await reading).toBeInstanceOf(Array);
});
