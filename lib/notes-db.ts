import { Dexie, type EntityTable } from 'dexie';
import type { Note } from '../core/notes/note';

/**
 * The notes database. It lives in the extension's own origin: the background writes it, extension pages read it.
 * Content scripts must never open it (their IndexedDB is the page's).
 */
export class NotesDatabase extends Dexie {
  notes!: EntityTable<Note, 'id'>;
  settings!: EntityTable<{ key: string; value: unknown }, 'key'>;

  constructor(name = 'watchwords') {
    super(name);
    this.version(1).stores({
      notes: 'id, target.url, target.entityId, updatedAt, *tags',
      settings: 'key',
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

  async addNote(note: Note): Promise<void> {
    await this.transaction('rw', this.notes, () => this.notes.add(note));
  }

  /** Live (not deleted) notes on an entity, oldest first. */
  async entityNotes(entityId: string): Promise<Note[]> {
    const notes = await this.notes.where('target.entityId').equals(entityId).toArray();
    return notes.filter((note) => note.deletedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Live (not deleted) notes on one page, oldest first. */
  async pageNotes(url: string): Promise<Note[]> {
    const notes = await this.notes.where('target.url').equals(url).toArray();
    return notes.filter((note) => note.deletedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
