import type { Table } from 'dexie';
import { exportWatchwordsJson } from '../core/exchange/watchwords-json';
import { planImport, readImportFile, type ImportReport } from '../core/exchange/import';
import type { ExportInput } from '../core/exchange/types';
import { formatStamp, parseStamp, receiveAll, startClock, stampTime, tick, type Hlc } from '../core/notes/clock';
import { mergeInto, stampsIn, type ChangeKind, type MergeResult, type NoteStates } from '../core/notes/merge';
import type { Note } from '../core/notes/note';
import {
  addTag,
  createNoteState,
  deleteNote,
  editText,
  hasPurgeableText,
  isDeleted,
  joinNotes,
  noteView,
  purgeDeleted,
  restoreNote,
  sameState,
  setTags,
  type NoteState,
  targetSchema,
  type Target,
} from '../core/notes/state';
import type { Backup, NotesDatabase } from './notes-db';

/** Where sync keeps its bookkeeping for the server (lib/sync/engine.ts); absent on a device that never synced. */
export const syncServerKey = 'server';

/** How long a deleted note keeps its text, for Undo; after that only its id and stamps remain. */
export const undoWindowMs = 10 * 60 * 1000;
/** Backups kept; older ones are removed when a new one is taken. */
export const backupsKept = 5;

/** What a write sees inside its transaction. */
interface Writer {
  stamp(): string;
  get(id: string): Promise<NoteState | undefined>;
  /** Joins a delta into the note, logs it as this device's change, updates what pages read, makes conflict copies. */
  record(kind: ChangeKind, delta: NoteState): Promise<NoteState>;
  /** The same for many deltas at once (an import). */
  recordMany(kind: ChangeKind, deltas: NoteState[]): Promise<MergeResult>;
}

/**
 * The one writer of the notes tables (`notes`, `noteStates`, `changes`, `backups`), owned by the background.
 * Every change — add, edit, tag, delete, restore, bulk, import, sync — is stamped with the device's hybrid
 * logical clock, joined into the note's state (core/notes/state.ts), logged as a change (what sync uploads) and
 * reflected in `notes` (what pages read), all in one transaction.
 */
export class NotesRepository {
  private readonly now: () => number;
  /** Called after each change made here (not after changes from sync): the background schedules a sync. */
  onLocalChange?: () => void;

  constructor(
    readonly db: NotesDatabase,
    options: { now?: () => number } = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  private changed<T>(result: T): T {
    this.onLocalChange?.();
    return result;
  }

  private get tables(): Table[] {
    return [this.db.notes, this.db.noteStates, this.db.changes, this.db.settings, this.db.anchoring, this.db.sync];
  }

  /** Runs `fn` in one read-write transaction with a clock that is saved when it commits. */
  private async write<T>(fn: (writer: Writer, clock: { take: (stamps: Iterable<string>) => void }) => Promise<T>): Promise<T> {
    const deviceId = await this.db.deviceId();
    return this.db.transaction('rw', this.tables, async () => {
      const saved = (await this.db.settings.get('clock'))?.value;
      const last = typeof saved === 'string' ? parseStamp(saved) : undefined;
      let clock: Hlc = last ? { wall: last.wall, counter: last.counter, device: deviceId } : startClock(deviceId);
      let latest: string | undefined;
      const writer: Writer = {
        stamp: () => {
          clock = tick(clock, this.now());
          latest = formatStamp(clock);
          return latest;
        },
        get: (id) => this.db.noteStates.get(id),
        recordMany: async (kind, deltas) => {
          const result = await this.mergeStates(deltas);
          const stamp = latest ?? '';
          await this.db.changes.bulkAdd([
            ...deltas.filter((d) => result.changed.has(d.id)).map((note) => ({ change: { kind, stamp: stamp || note.created?.stamp || '', note } })),
            ...result.copies.map((copy) => ({ change: { kind: 'conflict-copy' as const, stamp: copy.created!.stamp, note: copy } })),
          ]);
          return result;
        },
        record: async (kind, delta) => {
          await writer.recordMany(kind, [delta]);
          return (await this.db.noteStates.get(delta.id))!;
        },
      };
      const result = await fn(writer, {
        take: (stamps) => {
          clock = receiveAll(clock, stamps, this.now());
          latest = formatStamp(clock);
        },
      });
      if (latest) await this.db.settings.put({ key: 'clock', value: latest });
      return result;
    });
  }

  /** Joins states into the tables (inside a transaction) and keeps `notes` in step. */
  private async mergeStates(incoming: NoteState[]): Promise<MergeResult> {
    const known = new Map((await this.db.noteStates.bulkGet(incoming.map((s) => s.id))).filter((s): s is NoteState => !!s).map((s) => [s.id, s]));
    const pending = new Map<string, NoteState>();
    const states: NoteStates = {
      get: (id) => pending.get(id) ?? known.get(id),
      set: (state) => void pending.set(state.id, state),
    };
    // Conflict copies may already be here: read them before merging.
    const result = mergeInto(states, incoming);
    const missing = result.copies.filter((c) => !known.has(c.id)).map((c) => c.id);
    if (missing.length) {
      for (const existing of await this.db.noteStates.bulkGet(missing)) {
        if (!existing) continue;
        const joined = joinNotes(existing, pending.get(existing.id)!);
        if (sameState(existing, joined)) {
          pending.delete(existing.id);
          result.copies = result.copies.filter((c) => c.id !== existing.id);
        } else pending.set(existing.id, joined);
      }
    }
    await this.store([...pending.values()]);
    return result;
  }

  /** Writes states and what pages read of them. */
  private async store(states: NoteState[]): Promise<void> {
    await this.db.noteStates.bulkPut(states);
    const views = states.map((s) => [s.id, noteView(s)] as const);
    await this.db.notes.bulkPut(views.flatMap(([, v]) => (v ? [v] : [])));
    const gone = views.filter(([, v]) => !v).map(([id]) => id);
    if (gone.length) {
      await this.db.notes.bulkDelete(gone);
      await this.db.anchoring.bulkDelete(gone);
    }
  }

  async add(target: Target, body: string, tags: readonly string[]): Promise<Note> {
    return this.changed(await this.write(async (w) => {
      const stamp = w.stamp();
      const state = await w.record('add', createNoteState(crypto.randomUUID(), targetSchema.parse(target), body, tags, stamp));
      return noteView(state)!;
    }));
  }

  /** Changes a note's text and tags; undefined when the note is deleted (or unknown). */
  async edit(id: string, change: { body: string; tags: readonly string[] }): Promise<Note | undefined> {
    return this.changed(await this.write(async (w) => {
      const state = await w.get(id);
      if (!state || isDeleted(state) || !noteView(state)) return undefined;
      let next = state;
      if (noteView(state)!.body !== change.body) next = await w.record('edit', editText(state, change.body, w.stamp()));
      const tags = setTags(next, change.tags, w.stamp());
      if (tags.tags.length) next = await w.record('tag', tags);
      return noteView(next);
    }));
  }

  /**
   * One change to several notes at once, all or nothing, with one stamp: `change` gives the delta for a note it
   * applies to (undefined to leave it). Returns how many notes it applied to.
   */
  private async bulk(kind: ChangeKind, ids: readonly string[], change: (state: NoteState, stamp: string) => NoteState | undefined): Promise<number> {
    return this.changed(
      await this.write(async (w) => {
        let count = 0;
        const stamp = w.stamp();
        for (const id of ids) {
          const state = await w.get(id);
          const delta = state && change(state, stamp);
          if (!delta) continue;
          await w.record(kind, delta);
          count++;
        }
        return count;
      }),
    );
  }

  /** Adds a tag to several notes at once, all or nothing. */
  async tag(ids: readonly string[], tag: string): Promise<number> {
    return this.bulk('tag', ids, (state, stamp) => (isDeleted(state) ? undefined : addTag(state, tag, stamp)));
  }

  /** Deletes by tombstone (sync passes deletions on; Undo restores within the undo window), all or nothing. */
  async delete(ids: readonly string[]): Promise<number> {
    return this.bulk('delete', ids, (state, stamp) => (isDeleted(state) ? undefined : deleteNote(state, stamp)));
  }

  /** Undoes deletes whose text is still here (within the undo window). */
  async restore(ids: readonly string[]): Promise<number> {
    const restorable = (state: NoteState) => isDeleted(state) && !!state.created?.target && state.body.every((v) => v.text !== undefined);
    return this.bulk('restore', ids, (state, stamp) => (restorable(state) ? restoreNote(state, stamp) : undefined));
  }

  /**
   * Forgets the text of notes deleted longer ago than the undo window. Returns how many were purged. On a device
   * that has never synced, the change log goes too: a first sync uploads the notes as they are, not the log, so
   * the log would only keep deleted text alive (a device that syncs drops what it has uploaded: `forgetChangesUpTo`).
   */
  async purge(): Promise<number> {
    const cutoff = this.now() - undoWindowMs;
    return this.db.transaction('rw', this.tables, async () => {
      const purged: NoteState[] = [];
      await this.db.noteStates.each((state) => {
        if (state.deleted?.value && stampTime(state.deleted.stamp) < cutoff && hasPurgeableText(state)) purged.push(purgeDeleted(state));
      });
      await this.store(purged);
      if ((await this.db.sync.get(syncServerKey)) === undefined) await this.db.changes.clear();
      return purged.length;
    });
  }

  /** Drops this device's logged changes up to `seq`, once sync has uploaded them (nothing reads them again). */
  async forgetChangesUpTo(seq: number): Promise<void> {
    await this.db.changes.where('seq').belowOrEqual(seq).delete();
  }

  /** Every note with its stamps (tombstones too), for export and sync. */
  async states(ids?: readonly string[]): Promise<NoteState[]> {
    if (ids) return (await this.db.noteStates.bulkGet([...ids])).filter((s): s is NoteState => !!s);
    return this.db.noteStates.toArray();
  }

  /** What importing a file would do (nothing is written). Throws ImportError for an unreadable file. */
  async planImport(text: string): Promise<ImportReport> {
    const file = readImportFile(text);
    const known = new Map((await this.db.noteStates.bulkGet(file.states.map((s) => s.id))).filter((s): s is NoteState => !!s).map((s) => [s.id, s]));
    return planImport(file, { get: (id) => known.get(id) });
  }

  /** Imports a file in one transaction, after a backup. */
  async import(text: string, datasetVersion: string): Promise<{ report: ImportReport; backupId: number }> {
    const file = readImportFile(text);
    const backupId = await this.backup('import', datasetVersion);
    const report = await this.write(async (w, clock) => {
      clock.take(stampsIn(file.states));
      const known = new Map((await this.db.noteStates.bulkGet(file.states.map((s) => s.id))).filter((s): s is NoteState => !!s).map((s) => [s.id, s]));
      const plan = planImport(file, { get: (id) => known.get(id) });
      await w.recordMany('import', file.states);
      return plan;
    });
    return this.changed({ report, backupId });
  }

  /**
   * Joins changes from another device (sync). Their stamps move the clock on (a stamp more than 24 hours ahead
   * is refused: ClockError, nothing applied). Conflict copies made here are logged, so they travel too.
   */
  async applyRemote(deltas: NoteState[]): Promise<MergeResult> {
    return this.write(async (_w, clock) => {
      clock.take(stampsIn(deltas));
      const result = await this.mergeStates(deltas);
      // Only the conflict copies made here are this device's changes; the rest are in their own device's log.
      await this.db.changes.bulkAdd(result.copies.map((copy) => ({ change: { kind: 'conflict-copy' as const, stamp: copy.created!.stamp, note: copy } })));
      return result;
    });
  }

  /** Sync's own bookkeeping (cursors, status), kept beside the notes. */
  async syncValue<T>(key: string): Promise<T | undefined> {
    return (await this.db.sync.get(key))?.value as T | undefined;
  }

  async setSyncValue(key: string, value: unknown): Promise<void> {
    await this.db.sync.put({ key, value });
  }

  /** How many notes are live (for sync's guard against mass deletion). */
  async liveCount(): Promise<number> {
    return this.db.notes.filter((note) => note.deletedAt === null).count();
  }

  async deviceId(): Promise<string> {
    return this.db.deviceId();
  }

  /** This device's changes after `seq`, oldest first. */
  async changesAfter(seq: number, limit = 500) {
    return this.db.changes.where('seq').above(seq).limit(limit).toArray();
  }

  async lastChangeSeq(): Promise<number> {
    return (await this.db.changes.orderBy('seq').last())?.seq ?? 0;
  }

  /** Takes a backup of every note; keeps the latest few. */
  async backup(reason: Backup['reason'], datasetVersion: string): Promise<number> {
    return this.db.transaction('rw', [this.db.noteStates, this.db.changes, this.db.backups], async () => {
      const states = await this.db.noteStates.toArray();
      const input: ExportInput = { states, now: new Date(this.now()), datasetVersion, entity: () => undefined };
      const id = (await this.db.backups.add({
        createdAt: new Date(this.now()).toISOString(),
        reason,
        noteCount: states.filter((s) => !isDeleted(s)).length,
        data: exportWatchwordsJson(input).data as string,
        logSeq: (await this.db.changes.orderBy('seq').last())?.seq ?? 0,
      })) as number;
      const old = await this.db.backups.orderBy('id').reverse().offset(backupsKept).primaryKeys();
      await this.db.backups.bulkDelete(old);
      return id;
    });
  }

  async backups(): Promise<Omit<Backup, 'data'>[]> {
    return (await this.db.backups.orderBy('id').reverse().toArray()).map(({ data: _, ...rest }) => rest);
  }

  /**
   * Puts the library back as it was when a backup was taken: notes made or changed since are replaced by the
   * backup's. Changes not yet synced since the backup are dropped; changes other devices already have stay
   * theirs and come back on the next sync.
   */
  async restoreBackup(id: number): Promise<number> {
    const backup = await this.db.backups.get(id);
    if (!backup) return 0;
    const file = readImportFile(backup.data);
    return this.db.transaction('rw', this.tables, async () => {
      await this.db.noteStates.clear();
      await this.db.notes.clear();
      await this.store(file.states);
      const uploaded = Number((await this.db.sync.get('uploadedSeq'))?.value ?? 0);
      await this.db.changes.where('seq').above(Math.max(backup.logSeq, uploaded)).delete();
      return file.states.filter((s) => !isDeleted(s)).length;
    });
  }
}

