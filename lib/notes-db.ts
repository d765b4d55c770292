import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { NoteChange } from '../core/notes/merge';
import type { Note } from '../core/notes/note';
import { legacyNoteState, stampsOf, type NoteState } from '../core/notes/state';

/** Whether a page note was found again the last time its page was read. */
export interface AnchoringState {
  noteId: string;
  state: 'anchored' | 'orphaned';
  checkedAt: string;
}

/** One change this device made, in the order made: what sync uploads. */
export interface LoggedChange {
  seq?: number;
  change: NoteChange;
}

/** A copy of the whole library taken before an import or a first sync, restorable from the manager. */
export interface Backup {
  id?: number;
  createdAt: string;
  reason: 'import' | 'first-sync' | 'manual';
  noteCount: number;
  /** Watchwords JSON version 2 of every note. */
  data: string;
  /** The last change this device had logged when the backup was taken. */
  logSeq: number;
}

/**
 * The notes database. It lives in the extension's own origin: the background writes it (only through
 * lib/notes-repository.ts), extension pages read it. Content scripts must never open it (their IndexedDB is the
 * page's). Every schema version keeps its migration, tested from a fixture of every version before
 * (lib/notes-db.migrations.test.ts).
 *
 * - `notes`: each note as the rest of Watchwords shows it (what pages read);
 * - `noteStates`: the same notes with their clock stamps (core/notes/state.ts), tombstones of purged notes too;
 * - `changes`: this device's own changes, in order, for sync;
 * - `backups`, `sync`: local backups, and sync's own bookkeeping (cursors, status).
 */
export class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  settings!: EntityTable<{ key: string; value: unknown }, 'key'>;
  anchoring!: EntityTable<AnchoringState, 'noteId'>;
  noteStates!: EntityTable<NoteState, 'id'>;
  changes!: EntityTable<LoggedChange, 'seq'>;
  backups!: EntityTable<Backup, 'id'>;
  sync!: EntityTable<{ key: string; value: unknown }, 'key'>;

  constructor(name = 'watchwords') {
    super(name);
    this.version(1).stores({
      notes: 'id, target.url, target.entityId, updatedAt, *tags',
      settings: 'key',
    });
    // 2: page notes keep the page's other addresses (canonical vs tab address); anchoring results are kept apart
    // from the notes (they describe a reading of the page, not the note, and are never synced).
    this.version(2)
      .stores({
        notes: 'id, target.url, *target.alternateUrls, target.entityId, updatedAt, *tags',
        anchoring: 'noteId, state',
      })
      .upgrade((tx: Transaction) =>
        tx
          .table('notes')
          .toCollection()
          .modify((note: Note) => {
            if (note.target.kind === 'page' && !Array.isArray(note.target.alternateUrls)) note.target.alternateUrls = [];
          }),
      );
    // 3: notes carry clock stamps (for merge, import and sync); this device logs its changes. Each note gets stamps
    // made from its own times and device (the same ones a version-1 export of it gets on import), and the device
    // clock starts after every stamp there is.
    this.version(3)
      .stores({ noteStates: 'id', changes: '++seq', backups: '++id, createdAt', sync: 'key' })
      .upgrade(async (tx: Transaction) => {
        const notes = (await tx.table('notes').toArray()) as Note[];
        const states = notes.map(legacyNoteState);
        await tx.table('noteStates').bulkPut(states);
        let latest = '';
        for (const state of states) for (const stamp of stampsOf(state)) if (stamp > latest) latest = stamp;
        if (latest) await tx.table('settings').put({ key: 'clock', value: latest });
      });
  }

  /** This browser's stable device id (for sync), made on first use. */
  async deviceId(): Promise<string> {
    return this.transaction('rw', this.settings, async () => {
      const existing = await this.settings.get('deviceId');
      if (typeof existing?.value === 'string') return existing.value;
      const value = crypto.randomUUID();
      await this.settings.put({ key: 'deviceId', value });
      return value;
    });
  }

  /** Live (not deleted) notes on an entity, oldest first. */
  async entityNotes(entityId: string): Promise<Note[]> {
    return live(await this.notes.where('target.entityId').equals(entityId).toArray());
  }

  /** Live (not deleted) notes by id. */
  async liveNotes(ids: string[]): Promise<Note[]> {
    return live((await this.notes.bulkGet(ids)).filter((note): note is Note => note !== undefined));
  }

  /** Live (not deleted) notes on one page, by its address or any of its other addresses, oldest first. */
  async pageNotes(url: string): Promise<Note[]> {
    return this.transaction('r', this.notes, async () => {
      const [byUrl, byAlternate] = await Promise.all([
        this.notes.where('target.url').equals(url).toArray(),
        this.notes.where('target.alternateUrls').equals(url).toArray(),
      ]);
      return live([...new Map([...byUrl, ...byAlternate].map((note) => [note.id, note])).values()]);
    });
  }

  /** Records which notes of a page were found again, and which are orphans now. */
  async recordAnchoring(results: { noteId: string; anchored: boolean }[], now: Date): Promise<void> {
    const checkedAt = now.toISOString();
    await this.transaction('rw', this.anchoring, () =>
      this.anchoring.bulkPut(results.map(({ noteId, anchored }) => ({ noteId, state: anchored ? 'anchored' : 'orphaned', checkedAt }))),
    );
  }
}

function live(notes: Note[]): Note[] {
  return notes.filter((note) => note.deletedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
