import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type { Note } from '../core/notes/note';

/** Whether a page note was found again the last time its page was read. */
export interface AnchoringState {
  noteId: string;
  state: 'anchored' | 'orphaned';
  checkedAt: string;
}

/**
 * The notes database. It lives in the extension's own origin: the background writes it, extension pages read it.
 * Content scripts must never open it (their IndexedDB is the page's). Every schema version keeps its migration,
 * tested from a fixture of the version before (lib/notes-db.migrations.test.ts).
 */
export class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  settings!: EntityTable<{ key: string; value: unknown }, 'key'>;
  anchoring!: EntityTable<AnchoringState, 'noteId'>;

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

  async addNote(note: Note): Promise<void> {
    await this.transaction('rw', this.notes, () => this.notes.add(note));
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

  /** Changes what the reader wrote; deleted notes stay deleted. */
  async editNote(id: string, change: Pick<Note, 'body' | 'tags'>, now: Date): Promise<Note | undefined> {
    return this.transaction('rw', this.notes, async () => {
      const note = await this.notes.get(id);
      if (!note || note.deletedAt !== null) return undefined;
      const edited = { ...note, ...change, updatedAt: now.toISOString() };
      await this.notes.put(edited);
      return edited;
    });
  }

  /** Deletes by tombstone (sync passes deletions on; undo clears it), all or nothing. */
  async deleteNotes(ids: string[], now: Date): Promise<void> {
    await this.setDeleted(ids, now.toISOString(), now);
  }

  async restoreNotes(ids: string[], now: Date): Promise<void> {
    await this.setDeleted(ids, null, now);
  }

  private async setDeleted(ids: string[], deletedAt: string | null, now: Date): Promise<void> {
    await this.transaction('rw', this.notes, async () => {
      await this.notes.where('id').anyOf(ids).modify((note) => {
        note.deletedAt = deletedAt;
        note.updatedAt = now.toISOString();
      });
    });
  }

  /** Adds a tag to several notes at once, all or nothing. */
  async tagNotes(ids: string[], tag: string, now: Date): Promise<void> {
    await this.transaction('rw', this.notes, async () => {
      await this.notes.where('id').anyOf(ids).modify((note) => {
        if (!note.tags.includes(tag)) note.tags = [...note.tags, tag];
        note.updatedAt = now.toISOString();
      });
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
