import { ClockError, devicePattern, serverClockSkew } from '../../core/notes/clock';
import { mapStates, mergeInto, type NoteChange } from '../../core/notes/merge';
import { isDeleted, latestStamp, withoutDeletedText, type NoteState } from '../../core/notes/state';
import type { SyncOutcome } from '../../core/sync/types';
import { syncServerKey, type NotesRepository } from '../notes-repository';
import { createEncryption, EncryptionError, importDataKey, open, seal, unlock } from './crypto';
import { batchFile, batchPlace, batchSchema, changesSchema, devicesFolder, headFile, headSchema, libraryFile, libraryMarkerSchema, type LibraryMarker } from './layout';
import { WebDavClient, WebDavError } from './webdav';

/** What the reader set up: the server folder, the user and app password, and (if encrypted) the data key. */
export interface SyncConfig {
  url: string;
  username: string;
  password: string;
  /** The unwrapped data key of an encrypted library (base64); kept by the background, never the passphrase. */
  dataKey?: string;
  /** Only when starting a new library: encrypt it with this passphrase. */
  newPassphrase?: string;
  /** The reader chose encryption for this server (a passphrase, now or before): never write notes there unencrypted. */
  requireEncryption?: boolean;
}

export type { SyncOutcome };

/** Sync stops and asks when incoming changes would delete more than this share of the live notes… */
export const deleteGuardShare = 0.2;
/** …and at least this many (so that deleting one of three notes is not a question every time). */
export const deleteGuardMinimum = 5;
const changesPerBatch = 500;
const statesPerSnapshotBatch = 1000;

/** Sync's bookkeeping for one server folder, kept in the notes database. */
interface ServerState {
  url: string;
  libraryId?: string;
  /** This device's changes up to this sequence number are on the server. */
  uploadedSeq?: number;
  /** Batches of other devices already applied here: [device, count]. */
  cursors: [string, number][];
}

export interface SyncRun {
  /** Go on although the incoming changes delete more than 20 % of the notes (the reader said so). */
  allowDeletes?: boolean;
  /** Take the library now in the folder as this device's (the reader said so). */
  adoptLibrary?: boolean;
}

/**
 * One sync run: check the library in the folder, read other devices' new batches and join them, then upload
 * this device's new changes. Every step is small and its progress saved as soon as it is done (a cursor per
 * device, the last uploaded change), so a run stopped anywhere — a service worker ended by the browser, a
 * server gone — loses nothing, and the next run goes on from there.
 */
export class SyncEngine {
  private readonly dav: WebDavClient;
  /** The library's data key once unlocked (the background keeps it instead of the passphrase). */
  dataKey?: string;

  constructor(
    private readonly notes: NotesRepository,
    private readonly config: SyncConfig,
    private readonly options: { fetch?: typeof fetch; now?: () => number } = {},
  ) {
    this.dav = new WebDavClient({ url: config.url, username: config.username, password: config.password, ...(options.fetch && { fetch: options.fetch }) });
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private async state(): Promise<ServerState> {
    const saved = await this.notes.syncValue<ServerState>(syncServerKey);
    return saved && saved.url === this.dav.base.toString() ? saved : { url: this.dav.base.toString(), cursors: [] };
  }

  private async save(state: ServerState): Promise<void> {
    await this.notes.setSyncValue(syncServerKey, state);
  }

  async sync(run: SyncRun = {}): Promise<SyncOutcome> {
    try {
      return await this.run(run);
    } catch (error) {
      if (error instanceof WebDavError) {
        const state = error.failure === 'auth' ? 'auth-failed' : error.failure === 'unreachable' ? 'unreachable' : 'server-error';
        return { state, message: error.message };
      }
      if (error instanceof EncryptionError) return { state: error.failure, message: error.message };
      if (error instanceof ClockError) return { state: 'clock-refused', message: error.message };
      throw error;
    }
  }

  private async run(run: SyncRun): Promise<SyncOutcome> {
    const device = await this.notes.deviceId();
    let state = await this.state();
    const marker = await this.library(state, run);
    if ('state' in marker) return marker;
    if (marker.encryption) this.dataKey = this.config.dataKey ?? (await this.unlockNew(marker));
    const key = this.dataKey ? await importDataKey(this.dataKey) : undefined;
    if (state.libraryId !== marker.libraryId) {
      // The first sync with this library: keep a backup of the notes as they were.
      await this.notes.backup('first-sync', 'sync');
      state = { url: state.url, libraryId: marker.libraryId, cursors: [] };
      await this.save(state);
    }
    const skew = this.dav.lastDate && serverClockSkew(this.dav.lastDate.header, this.dav.lastDate.sentAt, this.dav.lastDate.receivedAt);

    // The first time, this device's notes as they are go up before anything comes down (so that what comes down
    // is not sent back).
    let uploaded = state.uploadedSeq === undefined ? await this.upload(state, device, marker, key) : 0;
    const downloaded = await this.download(state, device, marker, key, run);
    if ('state' in downloaded) return downloaded;
    uploaded += await this.upload(state, device, marker, key);
    return {
      state: 'synced',
      at: new Date(this.now()).toISOString(),
      uploaded,
      downloaded: downloaded.changes,
      conflicts: downloaded.conflicts,
      ...(downloaded.damaged && { damagedDevices: downloaded.damaged }),
      ...(skew && { clockOffsetMs: skew.offsetMs, clockWarning: skew.warn }),
    };
  }

  private async unlockNew(marker: LibraryMarker): Promise<string> {
    if (!this.config.newPassphrase) throw new EncryptionError('wrong-passphrase');
    return unlock(marker.encryption!, this.config.newPassphrase);
  }

  /** The library in the folder: made if the folder has none and this device never synced there. */
  private async library(state: ServerState, run: SyncRun): Promise<LibraryMarker | SyncOutcome> {
    await this.dav.ensureFolder(devicesFolder);
    let text = await this.dav.get(libraryFile);
    // Encryption once chosen is never dropped without the reader's say: not by a library replaced with an unencrypted
    // one (by a wiped folder, or by whoever controls the server), nor by a passphrase forgotten with a stopped worker.
    const mustEncrypt = !!(this.config.requireEncryption || this.config.dataKey || this.config.newPassphrase);
    if (text === undefined) {
      if (state.libraryId && !run.adoptLibrary) {
        return { state: 'other-library', message: 'The Watchwords library this browser synced with is no longer in that folder. Start a new library there?' };
      }
      if (mustEncrypt && !this.config.newPassphrase) {
        return { state: 'needs-passphrase', message: 'Your notes are synced encrypted: enter your passphrase to start an encrypted library in that folder.' };
      }
      const encryption = this.config.newPassphrase ? await createEncryption(this.config.newPassphrase) : undefined;
      const fresh: LibraryMarker = {
        format: 'watchwords-sync',
        version: 1,
        libraryId: crypto.randomUUID(),
        createdAt: new Date(this.now()).toISOString(),
        ...(encryption && { encryption: encryption.envelope }),
      };
      await this.dav.put(libraryFile, JSON.stringify(fresh));
      // Two devices starting a library at once: whichever file is there now is the library.
      text = (await this.dav.get(libraryFile)) ?? JSON.stringify(fresh);
    }
    let parsed: LibraryMarker;
    try {
      parsed = libraryMarkerSchema.parse(JSON.parse(text));
    } catch {
      return { state: 'damaged', message: 'The library file in the sync folder is damaged; nothing was changed.' };
    }
    if (state.libraryId && state.libraryId !== parsed.libraryId && !run.adoptLibrary) {
      return { state: 'other-library', message: 'Another Watchwords library is in that folder now. Merge your notes with it?' };
    }
    if (parsed.encryption && !this.config.dataKey && !this.config.newPassphrase) return { state: 'needs-passphrase', message: 'This library is encrypted: enter its passphrase.' };
    if (mustEncrypt && !parsed.encryption) {
      return {
        state: 'not-encrypted',
        message: 'The library in that folder is not encrypted, and you chose encryption: nothing was sent to it. To sync with it unencrypted, stop syncing and set sync up again without a passphrase; for an encrypted library, choose an empty folder.',
      };
    }
    return parsed;
  }

  /** Reads every other device's new batches; asks before a mass deletion; applies them one batch at a time. */
  private async download(state: ServerState, me: string, marker: LibraryMarker, key: CryptoKey | undefined, run: SyncRun): Promise<{ changes: number; conflicts: number; damaged: number } | SyncOutcome> {
    const devices = (await this.dav.list(devicesFolder)).filter((e) => e.name !== me && devicePattern.test(e.name)).map((e) => e.name);
    const pending: { device: string; seq: number; changes: NoteChange[] }[] = [];
    const damaged = new Set<string>();
    for (const device of devices.sort()) {
      const headText = await this.dav.get(headFile(device));
      if (headText === undefined) continue; // a device that has not finished its first batch
      let head;
      try {
        head = headSchema.parse(JSON.parse(headText));
      } catch {
        continue; // being rewritten, or damaged: read it next time, conclude nothing
      }
      if (head.libraryId !== marker.libraryId || head.device !== device) continue;
      const done = state.cursors.find(([d]) => d === device)?.[1] ?? 0;
      for (let seq = done + 1; seq <= head.batches; seq++) {
        const text = await this.dav.get(batchFile(device, seq));
        if (text === undefined) break; // counted but not there (yet): stop reading this device, never infer anything
        try {
          pending.push({ device, seq, changes: await this.readBatch(text, marker, device, seq, key) });
        } catch (error) {
          if (!(error instanceof EncryptionError)) throw error;
          // One device's damaged file holds up only that device's changes (read again next time), not everyone's.
          damaged.add(device);
          break;
        }
      }
    }
    if (!pending.length) return { changes: 0, conflicts: 0, damaged: damaged.size };

    if (!run.allowDeletes) {
      const deleting = await this.deletions(pending.flatMap((p) => p.changes.map((c) => c.note)));
      const total = await this.notes.liveCount();
      if (deleting >= deleteGuardMinimum && deleting > total * deleteGuardShare) {
        return { state: 'confirm-deletes', deleting, total, message: `This sync would delete ${deleting} of your ${total} notes. Sync anyway?` };
      }
    }
    let changes = 0;
    let conflicts = 0;
    for (const batch of pending) {
      const result = await this.notes.applyRemote(batch.changes.map((c) => c.note));
      conflicts += result.copies.length;
      changes += batch.changes.length;
      state.cursors = [...state.cursors.filter(([d]) => d !== batch.device), [batch.device, batch.seq]];
      await this.save(state);
    }
    return { changes, conflicts, damaged: damaged.size };
  }

  private async readBatch(text: string, marker: LibraryMarker, device: string, seq: number, key: CryptoKey | undefined): Promise<NoteChange[]> {
    let batch;
    try {
      batch = batchSchema.parse(JSON.parse(text));
    } catch {
      throw new EncryptionError('damaged');
    }
    if (batch.libraryId !== marker.libraryId || batch.device !== device || batch.seq !== seq) throw new EncryptionError('damaged');
    if (batch.changes) {
      if (key) throw new EncryptionError('damaged'); // an encrypted library holds no plain batches
      return batch.changes;
    }
    if (!key) throw new EncryptionError('damaged');
    const plain = await open(key, batch.sealed!, batchPlace(marker.libraryId, device, seq));
    try {
      return changesSchema.parse(JSON.parse(plain));
    } catch {
      throw new EncryptionError('damaged');
    }
  }

  /** How many live notes here the incoming changes would delete. */
  private async deletions(incoming: NoteState[]): Promise<number> {
    const ids = [...new Set(incoming.map((s) => s.id))];
    const here = await this.notes.states(ids);
    const states = mapStates(here);
    const liveBefore = new Set(here.filter((s) => !isDeleted(s)).map((s) => s.id));
    mergeInto(states, incoming);
    return [...liveBefore].filter((id) => isDeleted(states.get(id)!)).length;
  }

  /** Uploads this device's new changes (all its notes, the first time), a batch at a time. */
  private async upload(state: ServerState, me: string, marker: LibraryMarker, key: CryptoKey | undefined): Promise<number> {
    await this.dav.ensureFolder(`${devicesFolder}/${me}`);
    const headText = await this.dav.get(headFile(me));
    let batches = 0;
    if (headText !== undefined) {
      try {
        const head = headSchema.parse(JSON.parse(headText));
        if (head.libraryId === marker.libraryId) batches = head.batches;
      } catch {
        // Our own head half-written by a run that was stopped: our batches are still there; count them.
        batches = (await this.dav.list(`${devicesFolder}/${me}`)).filter((e) => /^batch-\d{6}\.json$/.test(e.name)).length;
      }
    }
    let uploaded = 0;
    if (state.uploadedSeq === undefined) {
      // First upload to this library: every note as it is now (notes from before clocks have no logged changes).
      const seq = await this.notes.lastChangeSeq();
      const all = await this.notes.states();
      for (let i = 0; i < all.length; i += statesPerSnapshotBatch) {
        // Deleted notes go as tombstones, without their text.
        const changes = all.slice(i, i + statesPerSnapshotBatch).map((state): NoteChange => ({ kind: 'import', stamp: latestStamp(state)!, note: withoutDeletedText(state) }));
        batches = await this.putBatch(marker, me, batches + 1, changes, key);
        uploaded += changes.length;
      }
      state.uploadedSeq = seq;
      await this.save(state);
      // Uploaded, so no longer needed here (and no longer keeping the text of notes deleted since).
      await this.notes.forgetChangesUpTo(seq);
    }
    for (;;) {
      const logged = await this.notes.changesAfter(state.uploadedSeq, changesPerBatch);
      if (!logged.length) break;
      batches = await this.putBatch(
        marker,
        me,
        batches + 1,
        logged.map((l) => l.change),
        key,
      );
      uploaded += logged.length;
      state.uploadedSeq = logged[logged.length - 1]!.seq!;
      await this.save(state);
      await this.notes.setSyncValue('uploadedSeq', state.uploadedSeq);
      await this.notes.forgetChangesUpTo(state.uploadedSeq);
    }
    return uploaded;
  }

  /** Uploads one batch, then the head that counts it. Returns the new count. */
  private async putBatch(marker: LibraryMarker, me: string, seq: number, changes: NoteChange[], key: CryptoKey | undefined): Promise<number> {
    const body = key
      ? { format: 'watchwords-sync-batch', version: 1, libraryId: marker.libraryId, device: me, seq, sealed: await seal(key, JSON.stringify(changes), batchPlace(marker.libraryId, me, seq)) }
      : { format: 'watchwords-sync-batch', version: 1, libraryId: marker.libraryId, device: me, seq, changes };
    await this.dav.put(batchFile(me, seq), JSON.stringify(body));
    const head = { format: 'watchwords-sync-head', version: 1, libraryId: marker.libraryId, device: me, batches: seq, updatedAt: new Date(this.now()).toISOString() };
    await this.dav.put(`${headFile(me)}.tmp`, JSON.stringify(head));
    await this.dav.move(`${headFile(me)}.tmp`, headFile(me));
    return seq;
  }
}
