import type { SyncOutcome, SyncStatus } from '../../core/sync/types';
import type { NotesRepository } from '../notes-repository';
import { SyncEngine, type SyncConfig, type SyncRun } from './engine';
import { testConnection, type ConnectionReport } from './test-connection';

/** Credentials as kept in the notes database's `sync` table: extension origin only, never sent to a page. */
interface Credentials {
  url: string;
  username: string;
  password: string;
  /** The unwrapped data key of an encrypted library (never the passphrase). */
  dataKey?: string;
  /** The reader chose encryption (gave a passphrase): sync never writes unencrypted for these credentials. */
  encrypted?: boolean;
}

export const syncAlarm = 'watchwords-sync';
export const syncSoonAlarm = 'watchwords-sync-soon';
/** A sync every half hour, and half a minute after the last edit. */
export const syncPeriodMinutes = 30;
export const syncSoonMinutes = 0.5;

export interface SyncServiceDeps {
  notes: NotesRepository;
  /** Whether the browser lets the extension reach this origin (host permission, asked at run time by a page). */
  hasPermission(origin: string): Promise<boolean>;
  /** Creates (or replaces) an alarm. */
  schedule(name: string, delayMinutes: number, periodMinutes?: number): void;
  fetch?: typeof fetch;
  now?: () => number;
}

/** The address of a sync folder, or a sentence saying what is wrong with it. */
export function checkServerUrl(text: string): { url: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { error: 'That is not a web address.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'The server address must start with https://.' };
  if (url.username || url.password) return { error: 'Put the user name and password in their own fields, not in the address.' };
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.hash = '';
  url.search = '';
  return { url: url.toString() };
}

/**
 * Sync as the background runs it: one run at a time, on a schedule (alarms), shortly after edits and at browser
 * start; the outcome kept for the manager to show. A passphrase is held only in memory until the run that
 * unlocks (or creates) the library's key; after that only the key is kept.
 */
export function createSyncService(deps: SyncServiceDeps) {
  let running: Promise<SyncOutcome> | undefined;
  let passphrase: string | undefined;
  const credentials = () => deps.notes.syncValue<Credentials>('credentials');

  async function status(): Promise<SyncStatus> {
    const saved = await credentials();
    const last = await deps.notes.syncValue<SyncStatus['last']>('status');
    return { configured: !!saved, ...(saved && { url: saved.url, username: saved.username, encrypted: !!saved.encrypted }), running: !!running, ...(last && { last }) };
  }

  async function runOnce(run: SyncRun): Promise<SyncOutcome> {
    const saved = await credentials();
    if (!saved) return { state: 'server-error', message: 'Sync is not set up.' };
    const config: SyncConfig = { url: saved.url, username: saved.username, password: saved.password, ...(saved.dataKey && { dataKey: saved.dataKey }), ...(passphrase && { newPassphrase: passphrase }), requireEncryption: !!saved.encrypted };
    const engine = new SyncEngine(deps.notes, config, { ...(deps.fetch && { fetch: deps.fetch }), ...(deps.now && { now: deps.now }) });
    const outcome = await engine.sync(run);
    // The browser may reach the server without the permission asked for (on some browsers the content scripts'
    // access covers it); when it cannot, say which permission is missing rather than "unreachable".
    if (outcome.state === 'unreachable' && !(await deps.hasPermission(new URL(saved.url).origin))) {
      return { state: 'needs-permission', message: 'Watchwords needs your permission to reach the sync server: open Sync in the notes manager and start syncing again.' };
    }
    if (engine.dataKey && engine.dataKey !== saved.dataKey) {
      await deps.notes.setSyncValue('credentials', { ...saved, dataKey: engine.dataKey, encrypted: true } satisfies Credentials);
      passphrase = undefined;
    }
    if (outcome.state === 'wrong-passphrase') passphrase = undefined;
    return outcome;
  }

  async function syncNow(run: SyncRun = {}): Promise<SyncOutcome> {
    if (running) return running;
    running = (async () => {
      try {
        const outcome = await runOnce(run);
        await deps.notes.setSyncValue('status', { ...outcome, finishedAt: new Date((deps.now ?? Date.now)()).toISOString() });
        return outcome;
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    status,
    syncNow,
    /** Tests a server before it is saved (the password comes from the manager's form, once). */
    test(options: { url: string; username: string; password: string; createFolder?: boolean }): Promise<ConnectionReport> {
      return testConnection({ url: options.url, username: options.username, password: options.password, ...(deps.fetch && { fetch: deps.fetch }) }, { createFolder: !!options.createFolder });
    },
    /** Saves the server and credentials and syncs once; a passphrase starts (or unlocks) an encrypted library. */
    async configure(options: { url: string; username: string; password: string; passphrase?: string }): Promise<SyncOutcome> {
      const checked = checkServerUrl(options.url);
      if ('error' in checked) return { state: 'server-error', message: checked.error };
      const previous = await credentials();
      const sameServer = previous?.url === checked.url && previous.username === options.username;
      await deps.notes.setSyncValue('credentials', {
        url: checked.url,
        username: options.username,
        password: options.password,
        ...(sameServer && previous.dataKey && !options.passphrase && { dataKey: previous.dataKey, encrypted: true }),
        // Remembered before the first sync that uses it: a worker stopped before then forgets the passphrase, not the choice.
        ...(options.passphrase && { encrypted: true }),
      } satisfies Credentials);
      passphrase = options.passphrase || undefined;
      deps.schedule(syncAlarm, syncPeriodMinutes, syncPeriodMinutes);
      return syncNow();
    },
    /** Forgets the server, the password and the key (the notes here stay). */
    async forget(): Promise<void> {
      await deps.notes.setSyncValue('credentials', undefined);
      await deps.notes.setSyncValue('status', undefined);
      passphrase = undefined;
    },
    /** After an edit: sync in half a minute (edits in between push it back). */
    async soon(): Promise<void> {
      if (await credentials()) deps.schedule(syncSoonAlarm, syncSoonMinutes);
    },
    async onAlarm(name: string): Promise<void> {
      if ((name === syncAlarm || name === syncSoonAlarm) && (await credentials())) await syncNow();
    },
    /** At browser start: sync, and keep the schedule. */
    async onStartup(): Promise<void> {
      if (!(await credentials())) return;
      deps.schedule(syncAlarm, syncPeriodMinutes, syncPeriodMinutes);
      await syncNow();
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
