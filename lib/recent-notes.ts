import type { Note } from '../core/notes/note';

/**
 * Up to `count` of the most recently edited live notes, read with IndexedDB itself, newest first: the notes
 * manager shows them while Dexie and its interface are still loading (entrypoints/notes/start.ts).
 * Best effort: a database that does not exist yet (it is not made here), an older schema or any error gives
 * fewer or no notes, and the full read (lib/notes-query-live.ts) shows them moments later.
 */
export function readRecentNotes(count: number, name = 'watchwords'): Promise<Note[]> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve([]);
    }
    // No database yet: making it is Dexie's job, with its schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve([]);
    request.onsuccess = () => {
      const db = request.result;
      // Never hold up Dexie upgrading the schema.
      db.onversionchange = () => db.close();
      const finish = (notes: Note[]) => {
        db.close();
        resolve(notes);
      };
      try {
        readNewestLive(db.transaction('notes').objectStore('notes').index('updatedAt'), count, finish);
      } catch {
        finish([]);
      }
    };
  });
}

const isLive = (note: Note) => note.deletedAt === null;

/** IndexedDB 3's `getAllRecords` (Chromium 141 on; Firefox 153 has it), not yet in TypeScript's DOM types. */
interface RecordsIndex {
  getAllRecords(options: { direction: IDBCursorDirection; count: number }): IDBRequest<{ value: unknown }[]>;
}

/** Where the browser has it (IndexedDB 3), one request for a batch; else a cursor, a note at a time. */
function readNewestLive(index: IDBIndex, count: number, finish: (notes: Note[]) => void): void {
  if ('getAllRecords' in index) {
    // Twice as many, for the tombstones among them: a screenful is enough here, the full read follows.
    const request = (index as IDBIndex & RecordsIndex).getAllRecords({ direction: 'prev', count: count * 2 });
    request.onsuccess = () => finish(request.result.map((record) => record.value as Note).filter(isLive).slice(0, count));
    request.onerror = () => finish([]);
    return;
  }
  const notes: Note[] = [];
  const request = index.openCursor(null, 'prev');
  request.onsuccess = () => {
    const cursor = request.result;
    if (cursor && notes.length < count) {
      if (isLive(cursor.value as Note)) notes.push(cursor.value as Note);
      cursor.continue();
    } else finish(notes);
  };
  request.onerror = () => finish(notes);
}
